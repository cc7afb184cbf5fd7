import { customerLabel } from '../offers/customers';
import type { Offer, OfferCustomer } from '../offers/schema';
import { STATUS_RULES } from '../offers/statuses';
import { t } from '../i18n';

/** How a customer is named on a popup button or row: company, name or address, else "Unnamed customer". */
export const customerName = (customer: OfferCustomer): string => customerLabel(customer) || t('customers_unnamed');

/** "Contoso, +2": the offer's first customer and how many more; empty without customers. */
export function compactCustomers(offer: Pick<Offer, 'customers'>): string {
  const [first, ...others] = offer.customers;
  if (!first) return '';
  return others.length === 0 ? customerName(first) : t('popup_customersCompact', [customerName(first), String(others.length)]);
}

/** How many "Mark accepted" buttons a popup row holds at most; the details pane has the others. */
export const ACCEPT_BUTTONS_PER_OFFER = 3;

/** The customers one click may mark accepted: those whose answer is still open (pending, drafted, sent). */
export const customersToAccept = (offer: Pick<Offer, 'customers'>): OfferCustomer[] =>
  offer.customers.filter((customer) => STATUS_RULES[customer.status].tone === 'open').slice(0, ACCEPT_BUTTONS_PER_OFFER);

/** The list with `offer` in place of its older copy; the list itself when it does not hold it. */
export function replaceOffer(offers: readonly Offer[], offer: Offer): Offer[] {
  return offers.map((shown) => (shown.id === offer.id ? offer : shown));
}
