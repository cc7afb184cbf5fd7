import type { Customer, Offer } from '@/lib/offers/schema';

/** What the advisor edits on an offer, saved as they type. */
export interface OfferEdits {
  customer: Customer;
  notes: string;
}

export type CustomerField = keyof Customer;
export type EditField = CustomerField | 'notes';
export const EDIT_FIELDS = ['company', 'name', 'email', 'notes'] as const satisfies readonly EditField[];

/** Only the fields changed, with what the editor last saw in them: the `offers.update` request's body. */
export interface FieldChanges {
  patch: { customer?: Customer; notes?: string };
  expected: { customer?: Customer; notes?: string };
}

export const offerEdits = (offer: Offer): OfferEdits => ({ customer: offer.customer, notes: offer.notes });

/** The customer with one field typed in; a blank field is left out rather than stored empty. */
export function withCustomerField(customer: Customer, field: CustomerField, value: string): Customer {
  const { [field]: _previous, ...others } = customer;
  return value.trim() ? { ...others, [field]: value } : others;
}

export const fieldValue = (edits: OfferEdits, field: EditField): string => (field === 'notes' ? edits.notes : (edits.customer[field] ?? ''));

const withField = (edits: OfferEdits, field: EditField, value: string): OfferEdits =>
  field === 'notes' ? { ...edits, notes: value } : { ...edits, customer: withCustomerField(edits.customer, field, value) };

/** The fields whose shown text differs from the stored text the editor started from. */
export const changedFields = (shown: OfferEdits, base: OfferEdits): EditField[] =>
  EDIT_FIELDS.filter((field) => fieldValue(shown, field) !== fieldValue(base, field));

/** The changed fields and their previous values, or null when nothing changed. */
export function fieldChanges(shown: OfferEdits, base: OfferEdits): FieldChanges | null {
  const fields = changedFields(shown, base);
  if (fields.length === 0) return null;
  const changes: FieldChanges = { patch: {}, expected: {} };
  for (const field of fields) {
    if (field === 'notes') {
      changes.patch.notes = shown.notes;
      changes.expected.notes = base.notes;
    } else {
      changes.patch.customer = { ...changes.patch.customer, [field]: fieldValue(shown, field) };
      changes.expected.customer = { ...changes.expected.customer, [field]: fieldValue(base, field) };
    }
  }
  return changes;
}

/**
 * The stored text the editor now starts from, given the stored offer: a field just saved, or not
 * being edited, takes the stored value (another window's change included); a field still being
 * edited keeps the value the advisor started from, so saving it later is checked against that.
 */
export function rebasedEdits(base: OfferEdits, stored: Offer, shown: OfferEdits, saved: readonly EditField[] = []): OfferEdits {
  const storedEdits = offerEdits(stored);
  return EDIT_FIELDS.reduce<OfferEdits>(
    (next, field) => {
      const takeStored = saved.includes(field) || fieldValue(shown, field) === fieldValue(base, field);
      return withField(next, field, fieldValue(takeStored ? storedEdits : base, field));
    },
    { customer: {}, notes: '' },
  );
}

/**
 * The offer as the store answered it, with the text the advisor typed and has not saved kept in
 * the edit fields (the autosaver sends it next); fields they did not touch show the stored text,
 * including another window's change.
 */
export const keepingEdits = (stored: Offer, shown: Offer, base: OfferEdits): Offer =>
  EDIT_FIELDS.reduce((offer, field) => {
    const typed = fieldValue(offerEdits(shown), field);
    return typed === fieldValue(base, field) ? offer : { ...offer, ...withField(offerEdits(offer), field, typed) };
  }, stored);
