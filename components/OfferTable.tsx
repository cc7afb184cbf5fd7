import { offerStatus } from '@/lib/offers/customers';
import type { Offer } from '@/lib/offers/schema';
import { t, formatDateTime } from '@/lib/i18n';
import { customerSummary, customersLabel, kindLabel, statusBadgeClass, statusLabel, subscriptionsLabel } from '@/lib/ui/offer-labels';

/**
 * Offers as table rows, each with its status (derived from its customers') and where its customers
 * stand; with `onOpen`, each row's date links to the offer's details.
 */
export function OfferTable({
  offers,
  selectedId,
  onOpen,
}: {
  offers: readonly Offer[];
  selectedId?: string | undefined;
  /** Opens an offer in place; `href` is the same view as a link (new tab, bookmark). */
  onOpen?: { open: (offer: Offer) => void; href: (offerId: string) => string };
}) {
  return (
    <table class="offer-table">
      <thead>
        <tr>
          <th scope="col">{t('column_created')}</th>
          <th scope="col">{t('column_kind')}</th>
          <th scope="col">{t('column_summaryId')}</th>
          <th scope="col">{t('column_customer')}</th>
          <th scope="col">{t('column_subscriptions')}</th>
          <th scope="col">{t('column_status')}</th>
        </tr>
      </thead>
      <tbody>
        {offers.map((offer) => (
          <tr key={offer.id} data-offer-id={offer.id} class={offer.id === selectedId ? 'selected' : undefined}>
            <td>
              {onOpen ? (
                <a
                  href={onOpen.href(offer.id)}
                  aria-current={offer.id === selectedId ? 'true' : undefined}
                  aria-label={t('history_openDetails', [formatDateTime(offer.createdAt), customersLabel(offer) || offer.summaryId || kindLabel(offer)])}
                  onClick={(event) => {
                    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                    event.preventDefault();
                    onOpen.open(offer);
                  }}
                >
                  {formatDateTime(offer.createdAt)}
                </a>
              ) : (
                formatDateTime(offer.createdAt)
              )}
            </td>
            <td>{kindLabel(offer)}</td>
            <td class="mono">{offer.summaryId ?? '—'}</td>
            <td>{customersLabel(offer)}</td>
            <td>{subscriptionsLabel(offer)}</td>
            <td>
              <span class={statusBadgeClass(offerStatus(offer))}>{statusLabel(offerStatus(offer))}</span>
              <span class="muted customer-summary">{customerSummary(offer)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
