import { customerLabel, statusCounts } from '../offers/customers';
import type { Offer } from '../offers/schema';
import { STATUS_RULES, type OfferStatus } from '../offers/statuses';
import { formatDateTime, t, tCount } from '../i18n';
import { formatNumber } from './format';

export const kindLabel = (offer: Pick<Offer, 'kind'>) => t(offer.kind === 'trial' ? 'kind_trial' : 'kind_purchase');

/** An offer as a link or a list entry names it: "Purchase offer PO-1002", or its creation time without a summary ID. */
export const offerName = (offer: Pick<Offer, 'kind' | 'summaryId' | 'createdAt'>) =>
  t('offer_name', [kindLabel(offer), offer.summaryId ?? formatDateTime(offer.createdAt)]);

export const statusLabel = (status: OfferStatus) => t(STATUS_RULES[status].label);
/** The badge's classes: a colour of its own per status (components/page.css), its tone for what shares one. */
export const statusBadgeClass = (status: OfferStatus) => `badge tone-${STATUS_RULES[status].tone} status-${status}`;

/** The customers in a list's cell: the first few by company, name or address, and how many more. */
export function customersLabel(offer: Pick<Offer, 'customers'>, shown = 2): string {
  const names = offer.customers.map(customerLabel).filter(Boolean);
  const more = names.length - shown;
  return more > 0 ? `${names.slice(0, shown).join(', ')} ${tCount('customers_more', more)}` : names.join(', ');
}

/** "3 customers: Accepted (1), Sent (2)"; "No customer yet" for an offer posted on a website or not sent. */
export function customerSummary(offer: Pick<Offer, 'customers'>): string {
  const counts = statusCounts(offer);
  if (counts.length === 0) return t('customers_none');
  const parts = counts.map(({ status, count }) => t('customers_countAt', [String(count), statusLabel(status)]));
  return tCount('customers_summary', offer.customers.length, [parts.join(', ')]);
}

export function subscriptionsLabel(offer: Offer): string {
  return offer.subscriptions
    .map((s) => (s.licenses === null ? s.name : t('subscription_line', [s.name, formatNumber(s.licenses)])))
    .join(', ');
}

export function delegatedAdminLabel(offer: Pick<Offer, 'delegatedAdmin'>): string {
  return t(offer.delegatedAdmin === null ? 'desk_delegatedUnknown' : offer.delegatedAdmin ? 'desk_delegatedYes' : 'desk_delegatedNo');
}

export const templateKindLabel = (kind: 'purchase' | 'trial' | 'any') =>
  t(kind === 'purchase' ? 'kind_purchase' : kind === 'trial' ? 'kind_trial' : 'options_kindAny');
