import type { Offer } from '@/lib/offers/schema';

/**
 * What the advisor types on an offer and has saved as they type: the notes. (Customers are edited
 * one at a time, with an explicit Save, in the customers section.)
 */
export interface OfferEdits {
  notes: string;
}

export type EditField = keyof OfferEdits;
export const EDIT_FIELDS = ['notes'] as const satisfies readonly EditField[];

/** Only the fields changed, with what the editor last saw in them: the `offers.update` request's body. */
export interface FieldChanges {
  patch: Partial<OfferEdits>;
  expected: Partial<OfferEdits>;
}

export const offerEdits = (offer: Offer): OfferEdits => ({ notes: offer.notes });

export const fieldValue = (edits: OfferEdits, field: EditField): string => edits[field];

/** The fields whose shown text differs from the stored text the editor started from. */
export const changedFields = (shown: OfferEdits, base: OfferEdits): EditField[] =>
  EDIT_FIELDS.filter((field) => fieldValue(shown, field) !== fieldValue(base, field));

/** The changed fields and their previous values, or null when nothing changed. */
export function fieldChanges(shown: OfferEdits, base: OfferEdits): FieldChanges | null {
  const fields = changedFields(shown, base);
  if (fields.length === 0) return null;
  const changes: FieldChanges = { patch: {}, expected: {} };
  for (const field of fields) {
    changes.patch[field] = shown[field];
    changes.expected[field] = base[field];
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
  const next = { ...base };
  for (const field of EDIT_FIELDS) {
    const takeStored = saved.includes(field) || fieldValue(shown, field) === fieldValue(base, field);
    next[field] = fieldValue(takeStored ? storedEdits : base, field);
  }
  return next;
}

/**
 * The offer as the store answered it, with the text the advisor typed and has not saved kept in
 * the edit fields (the autosaver sends it next); fields they did not touch show the stored text,
 * including another window's change.
 */
export const keepingEdits = (stored: Offer, shown: Offer, base: OfferEdits): Offer =>
  EDIT_FIELDS.reduce((offer, field) => {
    const typed = fieldValue(offerEdits(shown), field);
    return typed === fieldValue(base, field) ? offer : { ...offer, [field]: typed };
  }, stored);
