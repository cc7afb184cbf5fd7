import type { Offer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import type { OfferDetailsOutcome } from './useOfferDetails';

/** Says what the pane last did, with Undo after a deletion or a customer removed or merged. */
export function DetailsOutcome({
  outcome,
  onUndo,
  onRestore,
}: {
  outcome: OfferDetailsOutcome | null;
  onUndo: (deleted: Offer) => void;
  onRestore: (before: Offer) => void;
}) {
  const deleted = outcome?.undo;
  const before = outcome?.restore;
  return (
    <div role="status" aria-live="polite" class="outcome">
      {outcome && (
        <p class={outcome.ok ? 'ok' : 'error'}>
          {outcome.text}{' '}
          {deleted && (
            <button type="button" onClick={() => onUndo(deleted)}>
              {t('history_undo')}
            </button>
          )}
          {before && (
            <button type="button" onClick={() => onRestore(before)}>
              {t('history_undo')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
