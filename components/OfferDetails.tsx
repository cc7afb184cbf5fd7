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
import { useOfferDetails } from './useOfferDetails';
import { WebsiteSnippet } from './WebsiteSnippet';

/** Every field of one offer, its customers with their statuses and sends, and the advisor's notes (saved as they type). */
export function OfferDetails({
  offerId,
  onChanged,
  onDeleted,
  onOpen,
  onClose,
}: {
  offerId: string;
  onChanged: (offer: Offer) => void;
  onDeleted: () => void;
  onOpen: OfferLinks;
  onClose: () => void;
}) {
  const details = useOfferDetails(offerId, { onChanged, onDeleted });
  const { offer, loadError, outcome } = details;

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
      <DetailsOutcome outcome={outcome} onUndo={(deleted) => void details.undo(deleted)} onRestore={(before) => void details.restore(before)} />
      <fieldset disabled={outcome?.undo !== undefined} class="plain-fieldset">
        <div class="toolbar">
          <OfferCopyButtons offer={offer} report={details.report} />
        </div>
        <OfferFacts offer={offer} links={onOpen} linked={details.linked} onUnlink={(purchase) => void details.linkFollowUp(purchase, null)} />
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
          onReload={() => void details.reload()}
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
          onDelete={() => void details.remove()}
        />
      </fieldset>
    </aside>
  );
}
