import type { Offer } from '@/lib/offers/schema';
import { t, formatDateTime } from '@/lib/i18n';
import { customerLabel, kindLabel, statusLabel, subscriptionsLabel } from '@/lib/ui/offer-labels';

export function OfferTable({ offers }: { offers: readonly Offer[] }) {
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
          <tr key={offer.id} data-offer-id={offer.id}>
            <td>{formatDateTime(offer.createdAt)}</td>
            <td>{kindLabel(offer)}</td>
            <td class="mono">{offer.summaryId ?? '—'}</td>
            <td>{customerLabel(offer)}</td>
            <td>{subscriptionsLabel(offer)}</td>
            <td>{statusLabel(offer.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
