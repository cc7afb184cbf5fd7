import { openDB } from 'idb';
import { customerStatuses, offerStatus } from '../../lib/offers/customers';
import { DB_NAME, MIGRATIONS, openOfferDatabase, TOTALS_ID, type StoredOffer } from '../../lib/offers/db';
import { toStored } from '../../lib/offers/index-fields';
import { keyedTerms, type KeyedIndex } from '../../lib/offers/keyed-terms';
import type { Offer } from '../../lib/offers/schema';
import { awaitingKeys, browserTimeZone, oldestWait, TOTALS_COUNTERS, totalsOf } from '../../lib/offers/stats';
import { WordIndexChange } from '../../lib/offers/word-index';
import { offerWords, urlKey } from '../../lib/offers/words';

/** The index fields versions 3 to 9 kept in each record for IndexedDB's `awaitingSends` and `awaitingSince` indexes. */
interface Version9Fields {
  awaitingKeys: [string, string][];
  awaitingSince?: [string, string, string];
}
/** The index fields versions 2 to 8 kept in each record for IndexedDB's `statuses` and `offerStatus` indexes. */
interface Version8Fields extends Version9Fields {
  statusKeys: [string, string, string][];
  offerStatusKey: [string, string, string];
}

/** An offer's record as version 9 stored it: the waits for a reply beside its words. */
export function version9Record(offer: Offer): StoredOffer & Version9Fields {
  const since = oldestWait(offer);
  return { ...toStored(offer), awaitingKeys: awaitingKeys(offer), ...(since ? { awaitingSince: [since, offer.createdAt, offer.id] as [string, string, string] } : {}) };
}

/** An offer's record as versions 7 and 8 stored it: its customers' statuses and its own too. */
export function version8Record(offer: Offer): StoredOffer & Version8Fields {
  return {
    ...version9Record(offer),
    statusKeys: customerStatuses(offer).map((status) => [status, offer.createdAt, offer.id]),
    offerStatusKey: [offerStatus(offer), offer.createdAt, offer.id],
  };
}

/** An offer's record as version 6 stored it: the quote's key too, for IndexedDB's unique `url` index. */
export function version6Record(offer: Offer): StoredOffer & Version8Fields & { urlKey: string } {
  return { ...version8Record(offer), urlKey: urlKey(offer) };
}

/** An offer's record as versions 4 and 5 stored it: the word index's keys, [word, createdAt], in place of its words. */
export function version5Record(offer: Offer): Omit<StoredOffer, 'words'> & Version8Fields & { urlKey: string; wordKeys: [string, string][] } {
  const { words, ...fields } = version6Record(offer);
  return { ...fields, wordKeys: words.map((word) => [word, offer.createdAt]) };
}

/**
 * Writes the offers into a new database of an earlier `version` (6 or later), as it stored them:
 * each record as `record` makes it, the word index holding their words and the terms of the keyed
 * indexes that version had, and the totals (with `counters` the counters that version knew).
 */
export async function writeEarlierDatabase(
  version: number,
  offers: readonly Offer[],
  record: (offer: Offer) => object,
  keyed: readonly KeyedIndex[],
  counters = TOTALS_COUNTERS,
): Promise<void> {
  const db = await openOfferDatabase(DB_NAME, undefined, MIGRATIONS.slice(0, version));
  const tx = db.transaction(['offers', 'stats', 'wordBlocks', 'wordIndex'], 'readwrite');
  const words = new WordIndexChange();
  await Promise.all([
    ...offers.map((offer) => {
      words.record(undefined, { id: offer.id, createdAt: offer.createdAt, terms: [...offerWords(offer), ...keyedTerms(offer, keyed)] });
      return tx.objectStore('offers').put(record(offer) as StoredOffer);
    }),
    tx.objectStore('stats').put({ id: TOTALS_ID, counts: totalsOf(offers), timeZone: browserTimeZone(), counters }),
  ]);
  await words.save(tx);
  await tx.done;
  db.close();
}

/** What an upgrade left on disk: the database's version, its offer store's indexes, its records and the totals' counters version. */
export async function offerStoreOnDisk(): Promise<{ version: number; indexes: string[]; records: { id: string }[]; counters: number | undefined }> {
  const db = await openDB(DB_NAME);
  try {
    const tx = db.transaction(['offers', 'stats']);
    const totals = (await tx.objectStore('stats').get(TOTALS_ID)) as { counters?: number } | undefined;
    return { version: db.version, indexes: [...tx.objectStore('offers').indexNames].sort(), records: (await tx.objectStore('offers').getAll()) as { id: string }[], counters: totals?.counters };
  } finally {
    db.close();
  }
}
