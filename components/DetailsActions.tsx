import type { ArmedNext } from '@/lib/messaging/protocol';
import type { Offer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';

/**
 * Deletes the offer; marks it to be replaced by the next new offer; on a trial, marks it to be
 * followed up by the next purchase offer.
 */
export function DetailsActions({
  offer,
  armed,
  onToggleArmed,
  onDelete,
}: {
  offer: Offer;
  armed: ArmedNext | null;
  onToggleArmed: (link: ArmedNext['link']) => void;
  onDelete: () => void;
}) {
  const isTrial = offer.kind === 'trial';
  const pendingFollowUp = armed?.link === 'follow-up';
  const pendingReplacement = armed?.link === 'replacement';
  return (
    <>
      <div class="toolbar danger-zone">
        {isTrial && (
          <button type="button" aria-pressed={pendingFollowUp} onClick={() => onToggleArmed('follow-up')}>
            {pendingFollowUp ? t('history_followUpCancel') : t('history_followUp')}
          </button>
        )}
        {!offer.replacedBy && (
          <button type="button" aria-pressed={pendingReplacement} onClick={() => onToggleArmed('replacement')}>
            {pendingReplacement ? t('history_replacementCancel') : t('history_replaceWithNext')}
          </button>
        )}
        <button type="button" class="danger" onClick={onDelete}>
          {t('history_delete')}
        </button>
      </div>
      {isTrial && pendingFollowUp && <p class="muted">{t('history_followUpWaiting')}</p>}
      {pendingReplacement && <p class="muted">{t('history_replacementWaiting')}</p>}
    </>
  );
}
