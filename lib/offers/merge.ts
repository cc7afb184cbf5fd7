import { hasIdentity, newCustomer } from './customers';
import { OFFER_FIELD_NAMES, OFFER_FIELDS, type FieldRules, type MergeContext } from './fields';
import type { ResultPageField } from './result-page-fields';
import type { Offer, OfferDraft } from './schema';
import type { ParsedOfferUrl } from './offer-url';

/**
 * A new record from a draft whose URL has been parsed. A customer the draft names is a `pending`
 * customer; `customerId` names it.
 */
export function offerFromDraft(draft: OfferDraft, parsed: ParsedOfferUrl, id: string, now: string, customerId: string): Offer {
  return {
    id,
    kind: parsed.kind,
    url: parsed.url,
    quoteId: parsed.quoteId,
    partnerId: parsed.partnerId,
    summaryId: draft.summaryId || undefined,
    partnerOffice: draft.partnerOffice || undefined,
    usageLocation: draft.usageLocation || undefined,
    subscriptions: draft.subscriptions ?? [],
    delegatedAdmin: draft.delegatedAdmin ?? null,
    customers: draft.customer && hasIdentity(draft.customer) ? [newCustomer(customerId, draft.customer, now)] : [],
    notes: draft.notes ?? '',
    followUpOf: draft.followUpOf || undefined,
    source: draft.source,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Merges what is known about one offer, field by field as OFFER_FIELDS says: a known value is
 * never erased, and never overwritten by a later capture except by what the result page itself
 * showed (`replacing`); missing values are filled; customers and their histories are united.
 * Returns the existing object itself when nothing changed, so callers can skip the write.
 */
export function mergeOffer(existing: Offer, incoming: Partial<Offer>, now: string, replacing: readonly ResultPageField[] = []): Offer {
  const context: MergeContext = { replacing };
  // Assigned onto a copy, so the fields keep their order and an unchanged record compares equal.
  const merged: Offer = { ...existing };
  for (const name of OFFER_FIELD_NAMES) Object.assign(merged, { [name]: mergeField(name, existing, incoming, context) });
  if (sameOffer(existing, merged)) return existing;
  return { ...merged, updatedAt: now };
}

function mergeField<K extends keyof Offer>(name: K, existing: Offer, incoming: Partial<Offer>, context: MergeContext): Offer[K] {
  const rules: FieldRules<K> = OFFER_FIELDS[name];
  return rules.merge(existing[name], incoming[name], context);
}

// JSON leaves out undefined values, as the database does.
function sameOffer(a: Offer, b: Offer): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A copy without the keys whose value is undefined, so that records compare and serialize the
 * same way. Walked by hand: a JSON round trip, which does the same for JSON data, took most of an
 * import's time in memory.
 */
export function stripUndefined<T extends object>(value: T): T {
  return withoutUndefined(value) as T;
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) copy[key] = withoutUndefined(field);
  return copy;
}
