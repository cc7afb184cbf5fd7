import type { Offer } from '@/lib/offers/schema';
import { formatDateTime, t } from '@/lib/i18n';

/** Each time the offer went into an email: when, from which webmail, to whom and under which subject. */
export function SendsList({ sends }: { sends: Offer['sends'] }) {
  return (
    <>
      <h3>{t('history_sends')}</h3>
      {sends.length === 0 ? (
        <p class="muted">{t('history_noSends')}</p>
      ) : (
        <ul class="plain sends">
          {sends.map((send, i) => (
            <li key={i}>
              <time dateTime={send.at}>{formatDateTime(send.at)}</time> · {t(`history_provider_${send.provider}`)}
              {send.to && <> · {send.to}</>}
              {send.subject && <div class="muted">{send.subject}</div>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
