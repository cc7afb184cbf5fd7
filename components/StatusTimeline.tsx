import type { Offer, OfferStatus } from '@/lib/offers/schema';
import { formatDateTime, t } from '@/lib/i18n';
import { SETTABLE_STATUSES } from '@/lib/offers/statuses';
import { statusBadgeClass, statusLabel } from '@/lib/ui/offer-labels';

/** The status buttons (the current one pressed) and every status change so far. */
export function StatusTimeline({ offer, onSetStatus }: { offer: Offer; onSetStatus: (status: OfferStatus) => void }) {
  return (
    <>
      <h3>{t('column_status')}</h3>
      <div class="toolbar" role="group" aria-label={t('history_setStatus')}>
        {SETTABLE_STATUSES.map((status) => (
          <button key={status} type="button" aria-pressed={offer.status === status} onClick={() => onSetStatus(status)}>
            {statusLabel(status)}
          </button>
        ))}
      </div>
      <ol class="timeline" aria-label={t('history_timeline')}>
        {offer.statusHistory.map((change, i) => (
          <li key={i}>
            <span class={statusBadgeClass(change.status)}>{statusLabel(change.status)}</span> <time dateTime={change.at}>{formatDateTime(change.at)}</time>
          </li>
        ))}
      </ol>
    </>
  );
}
