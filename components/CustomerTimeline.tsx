import type { OfferCustomer } from '@/lib/offers/schema';
import { formatDateTime, t } from '@/lib/i18n';
import { statusBadgeClass, statusLabel } from '@/lib/ui/offer-labels';

/** A customer's status changes and sends, oldest first. */
export function CustomerTimeline({ customer }: { customer: OfferCustomer }) {
  return (
    <div class="grid-2">
      <ol class="timeline" aria-label={t('history_timeline')}>
        {customer.history.map((change, i) => (
          <li key={i}>
            <span class={statusBadgeClass(change.status)}>{statusLabel(change.status)}</span> <time dateTime={change.at}>{formatDateTime(change.at)}</time>
          </li>
        ))}
      </ol>
      {customer.sends.length === 0 ? (
        <p class="muted">{t('history_noSends')}</p>
      ) : (
        <ul class="plain sends" aria-label={t('history_sends')}>
          {customer.sends.map((send, i) => (
            <li key={i}>
              <time dateTime={send.at}>{formatDateTime(send.at)}</time> · {t(`history_provider_${send.provider}`)}
              {send.subject && <div class="muted">{send.subject}</div>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
