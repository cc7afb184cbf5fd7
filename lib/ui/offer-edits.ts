import type { Customer, Offer } from '@/lib/offers/schema';

/** What the advisor edits on an offer, saved as they type. */
export interface OfferEdits {
  customer: Customer;
  notes: string;
}

export type CustomerField = keyof Customer;

export const offerEdits = (offer: Offer): OfferEdits => ({ customer: offer.customer, notes: offer.notes });

/** The customer with one field typed in; a blank field is left out rather than stored empty. */
export function withCustomerField(customer: Customer, field: CustomerField, value: string): Customer {
  const { [field]: _previous, ...others } = customer;
  return value.trim() ? { ...others, [field]: value } : others;
}

/**
 * The offer as the store answered it, with what is shown in the edit fields kept: the advisor
 * may have typed on while the request ran, and the autosaver sends that text next.
 */
export const keepingEdits = (stored: Offer, shown: Offer): Offer => ({ ...stored, ...offerEdits(shown) });
