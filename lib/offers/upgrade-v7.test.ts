import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { offerStoreOnDisk, version6Record } from '@/test/unit/legacy-records';
import { makeCustomer, makeOffer, newestFirst, offerUrl } from '@/test/unit/offer-factory';
import { DB_NAME, MIGRATIONS, openOfferDatabase, TOTALS_ID, type Upgrade } from './db';
import { fromStored } from './index-fields';
import type { Offer } from './schema';
import { totalsOf } from './stats';
import { OfferStore } from './store';
import { WordIndexChange } from './word-index';

// Version 7 moves the indexes of exact keys (quote, summary ID, trial followed up) from
// IndexedDB's indexes into the word index, as tagged terms. A database version 6 wrote keeps
// every record as it was, every key is found through the word index, and an upgrade that fails
// keeps version 6 whole.

const OFFERS: Offer[] = Array.from({ length: 6000 }, (_, n) =>
  makeOffer(n, {
    ...(n % 4 === 0 ? { summaryId: undefined } : {}),
    ...(n % 10 === 7 ? { followUpOf: `offer-${n - 7}` } : {}),
    notes: n % 2 ? 'alpha' : 'beta',
  }),
);
const V6_INDEXES = ['awaitingSends', 'awaitingSince', 'followUpOf', 'kind', 'newest', 'offerStatus', 'statuses', 'summaryId', 'url', 'usageLocation'];

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  // As version 6 wrote it: the records with their quote's key, the word index of their words alone.
  const v6 = await openOfferDatabase(DB_NAME, undefined, MIGRATIONS.slice(0, 6));
  const tx = v6.transaction(['offers', 'stats', 'wordBlocks', 'wordIndex'], 'readwrite');
  const words = new WordIndexChange();
  await Promise.all([
    ...OFFERS.map((offer) => {
      const record = version6Record(offer);
      words.record(undefined, { id: offer.id, createdAt: offer.createdAt, terms: record.words });
      return tx.objectStore('offers').put(record);
    }),
    tx.objectStore('stats').put({ id: TOTALS_ID, counts: totalsOf(OFFERS) }),
  ]);
  await words.save(tx);
  await tx.done;
  v6.close();
}, 60_000);

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const ids = (offers: readonly Offer[]) => offers.map((o) => o.id);

it('drops the three indexes, leaves every record as it was, and finds every key through the word index', async () => {
  const db = await openOfferDatabase();
  expect(db.version).toBe(MIGRATIONS.length);
  db.close();
  const disk = await offerStoreOnDisk();
  // And versions 9 and 10 every other but `newest`.
  expect(disk.indexes).toEqual(['newest']);
  expect(disk.records.sort(byId)).toEqual(OFFERS.map(version6Record).sort(byId));

  let tick = 0;
  const store = new OfferStore(await openOfferDatabase(), () => new Date(Date.UTC(2027, 0, 1) + tick++ * 1000).toISOString());
  // The old quote's key is never seen again.
  expect(Object.keys((await store.get('offer-5'))!)).not.toContain('urlKey');
  // A capture of a stored quote merges into its offer, a summary ID another offer holds is refused.
  const again = await store.upsert({ url: offerUrl(4321).toUpperCase().replace('HTTPS://', 'https://'), partnerOffice: 'Lyon', source: 'auto' });
  expect(again).toMatchObject({ created: false, offer: { id: 'offer-4321' } });
  const clash = await store.upsert({ url: offerUrl(9001), summaryId: 'SUM-4321', source: 'auto' });
  expect(clash).toMatchObject({ created: true, summaryIdConflict: 'SUM-4321' });
  expect(clash.offer.summaryId).toBeUndefined();
  // The offers following up one, and a backup's piece matched on its quotes (every key read at once).
  expect(ids((await store.linked('offer-10')).followedUpBy)).toEqual(['offer-17']);
  const backup = OFFERS.slice(1000, 1100).map((offer) => ({ ...offer, id: `copy-${offer.id}`, customers: [makeCustomer('new', { email: 'restored@fabrikam.example' })] }));
  expect(await store.mergeAll([...backup, makeOffer(7000, { summaryId: 'SUM-1001' })])).toEqual({ added: 0, updated: 100, unchanged: 0, summaryIdConflicts: [100] });
  expect(await store.count()).toBe(OFFERS.length + 1);
  expect(await store.get('copy-offer-1000')).toBeNull();
  // Searches read the same index, and are not misled by the keys in it.
  const restored = OFFERS.slice(1000, 1100).sort(newestFirst);
  expect(ids((await store.search('restored fabrikam', { limit: 100 })).offers)).toEqual(ids(restored));
  expect(ids((await store.search('SUM-1001')).offers)).toEqual(['offer-1001']);
  expect((await store.search('alpha beta', { limit: 20 })).offers).toEqual([]);
}, 60_000);

it('keeps version 6 whole when a step after it fails', async () => {
  const failing: Upgrade = () => {
    throw new Error('a later version cannot run');
  };
  await expect(openOfferDatabase(DB_NAME, undefined, [...MIGRATIONS, failing])).rejects.toThrow();
  const disk = await offerStoreOnDisk();
  expect(disk.version).toBe(6);
  expect(disk.indexes).toEqual(V6_INDEXES);
  expect(disk.records.sort(byId)).toEqual(OFFERS.map(version6Record).sort(byId));
  expect(disk.records.map((record) => fromStored(record as never)).sort(byId)).toEqual([...OFFERS].sort(byId));
}, 60_000);
