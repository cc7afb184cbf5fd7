import type { RefObject } from 'preact';
import type { Offer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import type { CustomersChange, OfferDetailsOutcome } from './useOfferDetails';

/** Says what the pane last did, with Undo after a deletion or a customer removed or merged. */
export function DetailsOutcome({
  outcome,
  undoRef,
  noticeRef,
  onUndo,
  onRestore,
}: {
  outcome: OfferDetailsOutcome | null;
  /** The deletion's Undo, for the keyboard to land on once the offer is deleted. */
  undoRef: RefObject<HTMLButtonElement>;
  /** The notice, focusable from a script, for the keyboard to land on once Undo is gone. */
  noticeRef: RefObject<HTMLParagraphElement>;
  onUndo: (deleted: Offer) => void;
  onRestore: (change: CustomersChange) => void;
}) {
  const deleted = outcome?.undo;
  const customersChange = outcome?.restore;
  return (
    <div role="status" aria-live="polite" class="outcome">
      {outcome && (
        <p class={outcome.ok ? 'ok' : 'error'} tabIndex={-1} ref={noticeRef}>
          {outcome.text}{' '}
          {deleted && (
            <button type="button" ref={undoRef} onClick={() => onUndo(deleted)}>
              {t('history_undo')}
            </button>
          )}
          {customersChange && (
            <button type="button" onClick={() => onRestore(customersChange)}>
              {t('history_undo')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
