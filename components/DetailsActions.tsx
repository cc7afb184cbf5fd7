import type { Offer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';

/** Deletes the offer; on a trial, also marks it to be followed up by the next purchase offer. */
export function DetailsActions({
  offer,
  pendingFollowUp,
  onToggleFollowUp,
  onDelete,
}: {
  offer: Offer;
  pendingFollowUp: boolean;
  onToggleFollowUp: () => void;
  onDelete: () => void;
}) {
  const isTrial = offer.kind === 'trial';
  return (
    <>
      <div class="toolbar danger-zone">
        {isTrial && (
          <button type="button" aria-pressed={pendingFollowUp} onClick={onToggleFollowUp}>
            {pendingFollowUp ? t('history_followUpCancel') : t('history_followUp')}
          </button>
        )}
        <button type="button" class="danger" onClick={onDelete}>
          {t('history_delete')}
        </button>
      </div>
      {isTrial && pendingFollowUp && <p class="muted">{t('history_followUpWaiting')}</p>}
    </>
  );
}
