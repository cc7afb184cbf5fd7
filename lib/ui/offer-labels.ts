import type { Offer } from '../offers/schema';
import { STATUS_RULES, type OfferStatus } from '../offers/statuses';
import { t } from '../i18n';

export const kindLabel = (offer: Pick<Offer, 'kind'>) => t(offer.kind === 'trial' ? 'kind_trial' : 'kind_purchase');

export const statusLabel = (status: OfferStatus) => t(STATUS_RULES[status].label);
/** The badge's classes: its colour follows the status's tone. */
export const statusBadgeClass = (status: OfferStatus) => `badge tone-${STATUS_RULES[status].tone}`;

export function customerLabel(offer: Offer): string {
  const { company, name, email } = offer.customer;
  return [company, name, email].filter(Boolean).join(' · ');
}

export function subscriptionsLabel(offer: Offer): string {
  return offer.subscriptions
    .map((s) => (s.licenses === null ? s.name : t('subscription_line', [s.name, s.licenses.toLocaleString()])))
    .join(', ');
}

export function delegatedAdminLabel(offer: Pick<Offer, 'delegatedAdmin'>): string {
  return t(offer.delegatedAdmin === null ? 'desk_delegatedUnknown' : offer.delegatedAdmin ? 'desk_delegatedYes' : 'desk_delegatedNo');
}

export const templateKindLabel = (kind: 'purchase' | 'trial' | 'any') =>
  t(kind === 'purchase' ? 'kind_purchase' : kind === 'trial' ? 'kind_trial' : 'options_kindAny');
