import type { Offer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { offerEdits } from '@/lib/ui/offer-edits';
import { CustomersSection } from './CustomersSection';
import { DetailsActions } from './DetailsActions';
import { DetailsHeader } from './DetailsHeader';
import { DetailsOutcome } from './DetailsOutcome';
import { OfferCopyButtons } from './OfferActions';
import { OfferFacts, type OfferLinks } from './OfferFacts';
import { NotesEditor } from './NotesEditor';
import { useFocusAfterRender } from './useFocusAfterRender';
import { useOfferDetails } from './useOfferDetails';
import { WebsiteSnippet } from './WebsiteSnippet';

/** Every field of one offer, its customers with their statuses and sends, and the advisor's notes (saved as they type). */
export function OfferDetails({
  offerId,
  onChanged,
  onDeleted,
  onOpen,
  onClose,
  bulkChanges,
}: {
  offerId: string;
  onChanged: (offer: Offer) => void;
  onDeleted: () => void;
  onOpen: OfferLinks;
  onClose: () => void;
  /** Counts the bulk actions taken on the list: each may have changed this offer. */
  bulkChanges: number;
}) {
  const details = useOfferDetails(offerId, { onChanged, onDeleted, bulkChanges });
  const { offer, loadError, outcome } = details;
  // Delete disables the pane's controls, and Undo or Unlink goes once used: the keyboard moves to
  // Undo, or to the notice saying what was done.
  const [undoButton, focusUndo] = useFocusAfterRender<HTMLButtonElement>();
  const [notice, focusNotice] = useFocusAfterRender<HTMLParagraphElement>();

  if (offer === undefined) {
    return (
      <aside class="details" aria-busy={loadError === undefined}>
        {loadError !== undefined && (
          <p role="alert" class="error">
            {describeError(loadError)}
          </p>
        )}
      </aside>
    );
  }
  if (offer === null) {
    return (
      <aside class="details" aria-labelledby="details-heading">
        <h2 id="details-heading">{t('history_notFound')}</h2>
        <button type="button" onClick={onClose}>
          {t('desk_close')}
        </button>
      </aside>
    );
  }

  return (
    <aside class="details" aria-labelledby="details-heading">
      <DetailsHeader offer={offer} onClose={onClose} />
      <DetailsOutcome
        outcome={outcome}
        undoRef={undoButton}
        noticeRef={notice}
        onUndo={(deleted) => void details.undo(deleted).then(() => focusNotice())}
        onRestore={(change) => void details.restore(change).then(() => focusNotice())}
      />
      <fieldset disabled={outcome?.undo !== undefined} class="plain-fieldset">
        <div class="toolbar">
          <OfferCopyButtons offer={offer} report={details.report} />
        </div>
        <OfferFacts offer={offer} links={onOpen} linked={details.linked} onUnlink={(purchase) => void details.linkFollowUp(purchase, null).then(() => focusNotice())} />
        <CustomersSection
          offer={offer}
          onChanged={details.showChanged}
          report={details.report}
          onReload={() => details.reloadAfterStale()}
        />
        <h3>{t('history_notes')}</h3>
        <NotesEditor
          edits={offerEdits(offer)}
          saveState={details.saveState}
          conflict={details.conflict}
          onReload={() => details.reload()}
          onNotesInput={details.editNotes}
          onLeaveField={details.saveNow}
        />
        <WebsiteSnippet offer={offer} report={details.report} />
        <DetailsActions
          offer={offer}
          armed={details.armed}
          actions={{
            toggleArmed: (link, withdraw) => details.toggleArmed(link, withdraw),
            replaceWith: (by, withdraw) => details.replaceWith(by, withdraw),
            linkFollowUp: (purchase, trial) => details.linkFollowUp(purchase, trial),
          }}
          onDelete={() => void details.remove().then((deleted) => deleted && focusUndo())}
          focusOutcome={() => focusNotice()}
        />
      </fieldset>
    </aside>
  );
}
