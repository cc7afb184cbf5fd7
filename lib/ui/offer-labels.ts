import type { Offer } from '../offers/schema';
import { t } from '../i18n';

export const kindLabel = (offer: Pick<Offer, 'kind'>) => t(offer.kind === 'trial' ? 'kind_trial' : 'kind_purchase');

export const statusLabel = (status: Offer['status']) => t(`status_${status}`);

export function customerLabel(offer: Offer): string {
  const { company, name, email } = offer.customer;
  return [company, name, email].filter(Boolean).join(' · ');
}

export function subscriptionsLabel(offer: Offer): string {
  return offer.subscriptions
    .map((s) => (s.licenses === null ? s.name : t('subscription_line', [s.name, s.licenses.toLocaleString()])))
    .join(', ');
}
