import type { ResultPageField } from './result-page-fields';
import type { Offer, OfferDraft, Send, StatusChange } from './schema';
import type { ParsedOfferUrl } from './offer-url';
import type { z } from 'zod/mini';
import { INITIAL_STATUS } from './statuses';

type StatusEntry = z.infer<typeof StatusChange>;

/** A new record from a draft whose URL has been parsed. */
export function offerFromDraft(draft: OfferDraft, parsed: ParsedOfferUrl, id: string, now: string): Offer {
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
    customer: withoutEmpty(draft.customer ?? {}),
    status: INITIAL_STATUS,
    statusHistory: [{ status: INITIAL_STATUS, at: now }],
    sends: [],
    notes: draft.notes ?? '',
    followUpOf: draft.followUpOf || undefined,
    source: draft.source,
    createdAt: now,
    updatedAt: now,
  };
}

function withoutEmpty<T extends Record<string, string | undefined>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value)) as T;
}

/**
 * Known values first, in their own order (so an unchanged record serializes the same way), then
 * the incoming values for the keys that had none.
 */
function fillGaps<T extends Record<string, string | undefined>>(known: T, incoming: T): T {
  const kept = withoutEmpty(known);
  return { ...kept, ...Object.fromEntries(Object.entries(withoutEmpty(incoming)).filter(([key]) => !(key in kept))) };
}

function unionBy<T>(a: readonly T[], b: readonly T[], key: (item: T) => string, order: (x: T, y: T) => number): T[] {
  const seen = new Map<string, T>();
  for (const item of [...a, ...b]) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()].sort(order);
}

const byTime = (x: { at: string }, y: { at: string }) => x.at.localeCompare(y.at);
const statusKey = (s: StatusEntry) => `${s.status}|${s.at}`;
const sendKey = (s: Send) => `${s.at}|${s.provider}|${s.to ?? ''}|${s.subject ?? ''}`;

const shows = (offer: Partial<Offer>, field: ResultPageField): boolean => {
  const value = offer[field];
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null && value !== '';
};

/**
 * Merges what is known about one offer. A known value is never erased, and never overwritten by
 * a later capture except by what the result page itself showed (`replacing`); missing values are
 * filled; histories are united. Returns the existing object itself when nothing changed, so
 * callers can skip the write.
 */
export function mergeOffer(existing: Offer, incoming: Partial<Offer>, now: string, replacing: readonly ResultPageField[] = []): Offer {
  const statusHistory = unionBy(existing.statusHistory, incoming.statusHistory ?? [], statusKey, byTime);
  const sends = unionBy(existing.sends, incoming.sends ?? [], sendKey, byTime);
  const wins = (field: ResultPageField) => replacing.includes(field) && shows(incoming, field);
  const merged: Offer = {
    ...existing,
    summaryId: existing.summaryId || incoming.summaryId || undefined,
    partnerOffice: (wins('partnerOffice') ? incoming.partnerOffice : existing.partnerOffice) || incoming.partnerOffice || undefined,
    usageLocation: (wins('usageLocation') ? incoming.usageLocation : existing.usageLocation) || incoming.usageLocation || undefined,
    subscriptions: wins('subscriptions') || existing.subscriptions.length === 0 ? (incoming.subscriptions ?? []) : existing.subscriptions,
    delegatedAdmin: (wins('delegatedAdmin') ? incoming.delegatedAdmin : existing.delegatedAdmin) ?? incoming.delegatedAdmin ?? null,
    customer: fillGaps(existing.customer, incoming.customer ?? {}),
    notes: existing.notes || incoming.notes || '',
    followUpOf: existing.followUpOf || incoming.followUpOf || undefined,
    statusHistory,
    status: statusHistory.at(-1)?.status ?? existing.status,
    sends,
    createdAt: incoming.createdAt && incoming.createdAt < existing.createdAt ? incoming.createdAt : existing.createdAt,
  };
  if (sameOffer(existing, merged)) return existing;
  return { ...merged, updatedAt: now };
}

// JSON leaves out undefined values, as the database does.
function sameOffer(a: Offer, b: Offer): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Drops keys whose value is undefined, so that records compare and serialize the same way. */
export function stripUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
