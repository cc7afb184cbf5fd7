import { offerStatus } from '@/lib/offers/customers';
import type { Offer } from '@/lib/offers/schema';
import { SubscriptionList } from './SubscriptionList';
import { formatDateTime, t } from '@/lib/i18n';
import { customerSummary, customersLabel, delegatedAdminLabel, kindLabel, statusBadgeClass, statusLabel } from '@/lib/ui/offer-labels';

/** The essentials of one offer: kind, summary ID, subscriptions, location, delegated admin, status, date. */
export function OfferCard({ offer, headingLevel = 2 }: { offer: Offer; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="offer-card" aria-labelledby={`card-${offer.id}`}>
      <Heading id={`card-${offer.id}`} class="card-title">
        <span>{kindLabel(offer)}</span>
        <span class={statusBadgeClass(offerStatus(offer))}>{statusLabel(offerStatus(offer))}</span>
      </Heading>
      <dl class="facts">
        <dt>{t('column_customer')}</dt>
        <dd>
          {customersLabel(offer)}
          <span class="muted customer-summary">{customerSummary(offer)}</span>
        </dd>
        <dt>{t('column_summaryId')}</dt>
        <dd class="mono">{offer.summaryId ?? '—'}</dd>
        <dt>{t('column_subscriptions')}</dt>
        <dd>
          <SubscriptionList subscriptions={offer.subscriptions} />
        </dd>
        <dt>{t('desk_usageLocation')}</dt>
        <dd>{offer.usageLocation ?? '—'}</dd>
        <dt>{t('desk_delegatedAdmin')}</dt>
        <dd>{delegatedAdminLabel(offer)}</dd>
        <dt>{t('column_created')}</dt>
        <dd>{formatDateTime(offer.createdAt)}</dd>
      </dl>
    </article>
  );
}
