import { customerStatuses, offerStatus } from './customers';
import type { Offer } from './schema';
import { awaitingKeys, oldestWait } from './stats';
import { escapeText } from './word-lines';
import { urlKey } from './words';

const WAIT_SEPARATOR = ' ';

/**
 * The exact-key indexes kept as terms of the word index (since schema version 7) instead of as
 * IndexedDB's: each of an offer's keys is a term of its own, tagged, and found by its whole term
 * (docs/index-engine.md, stage 2). Adding one is an entry here, and a migration that writes its
 * terms for the stored offers (./db). An index may hold several keys of one offer.
 */
export const KEYED_INDEXES = {
  /** The quote: an offer is merged into the stored one with the same. */
  url: { tag: 'u', of: (offer: Offer) => urlKey(offer) },
  /** Held by one offer at most: a second one is refused before any write (./store). */
  summaryId: { tag: 's', of: (offer: Offer) => offer.summaryId },
  /** The purchase offers following up a trial. */
  followUpOf: { tag: 'f', of: (offer: Offer) => offer.followUpOf },
  /** The offer's kind (since version 9): the kind filter, and the table sorted by kind. */
  kind: { tag: 'k', of: (offer: Offer) => offer.kind },
  /** The offer's derived status (since version 9): the overview's links, and the table sorted by status. */
  offerStatus: { tag: 'o', of: (offer: Offer) => offerStatus(offer) },
  /** Each status a customer stands at (since version 9): the status filter, and the reminders' waiting customers. */
  status: { tag: 'c', of: (offer: Offer) => customerStatuses(offer) },
  /** Where the subscriptions are used (since version 10): the location filter. */
  usageLocation: { tag: 'l', of: (offer: Offer) => offer.usageLocation },
  /**
   * When the longest wait for a reply began (since version 10; UTC, so that the terms sort by it):
   * the follow-up lists, longest wait first.
   */
  awaitingSince: { tag: 'w', of: (offer: Offer) => oldestWait(offer) },
  /** One `since customerId` per customer awaiting a reply (since version 10): the overview counts the waits of one day. */
  awaitingSends: { tag: 'a', of: (offer: Offer) => awaitingKeys(offer).map(([since, customerId]) => `${since}${WAIT_SEPARATOR}${customerId}`) },
} as const satisfies Record<string, { tag: string; of: (offer: Offer) => string | readonly string[] | undefined }>;
export type KeyedIndex = keyof typeof KEYED_INDEXES;

/** When the wait of an `awaitingSends` key began: a time holds no space. */
export const waitOfTerm = (key: string) => key.slice(0, key.indexOf(WAIT_SEPARATOR));
const KEYED_INDEX_NAMES = Object.keys(KEYED_INDEXES) as KeyedIndex[];

/** Starts every keyed term: it sorts below every search word (letters and digits), and no query word holds it. */
const KEY_MARK = '\u0001';

/** What the terms of an index start with (its tag has one character, so no other index's). */
export const keyedTermsStart = (index: KeyedIndex) => KEY_MARK + KEYED_INDEXES[index].tag;

export const keyedTerm = (index: KeyedIndex, value: string) => keyedTermsStart(index) + escapeText(value);

/** An offer's keyed terms, one per key it holds in each index (of those given). */
export function keyedTerms(offer: Offer, indexes: readonly KeyedIndex[] = KEYED_INDEX_NAMES): string[] {
  return indexes.flatMap((index) => {
    const value: string | readonly string[] | undefined = KEYED_INDEXES[index].of(offer);
    const values = typeof value === 'string' ? [value] : (value ?? []);
    return values.filter((key) => key !== '').map((key) => keyedTerm(index, key));
  });
}
