import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { offerStoreOnDisk, version9Record, writeEarlierDatabase } from '@/test/unit/legacy-records';
import { everyPage } from '@/test/unit/search-pages';
import { makeCustomer, makeOffer, newestFirst } from '@/test/unit/offer-factory';
import { DB_NAME, MIGRATIONS, openOfferDatabase, type Upgrade } from './db';
import type { Offer } from './schema';
import { awaitingKeys, DAY_MS, oldestWait, TOTALS_COUNTERS } from './stats';
import { OfferStore } from './store';

// Version 10 moves the last indexes but `newest` (the location, and the waits for a reply) from
// IndexedDB's indexes into the word index, and counts the offers of each location in the totals.
// A database version 9 wrote keeps every record as it was, the location filter, the follow-up
// lists and the overview's overdue count list what they listed, and an upgrade that fails keeps
// version 9 whole.

const LOCATIONS = ['France', 'Canada', 'Belgique', undefined] as const;
const START = Date.UTC(2026, 0, 1);
const at = (hours: number) => new Date(START + hours * 3_600_000).toISOString();
const OFFERS: Offer[] = Array.from({ length: 3000 }, (_, n) => {
  // Waits that began over some 125 days, several offers sharing a moment; some customers answered.
  const sent = at((n * 7) % 3000);
  const waiting = n % 5 !== 0;
  return makeOffer(n, {
    createdAt: at(Math.floor(n / 3)),
    usageLocation: LOCATIONS[n % 4],
    customers: [
      makeCustomer(`a${n}`, { email: `a${n}@contoso.example` }, sent, waiting ? 'sent' : 'accepted', [{ at: sent, provider: 'gmail' }]),
      ...(n % 6 === 0 ? [makeCustomer(`b${n}`, { email: `b${n}@fabrikam.example` }, at((n * 11) % 3000), 'sent', [{ at: at((n * 11) % 3000), provider: 'outlook' }])] : []),
    ],
  });
});

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await writeEarlierDatabase(9, OFFERS, version9Record, ['url', 'summaryId', 'followUpOf', 'kind', 'offerStatus', 'status'], 2);
}, 60_000);

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const ids = (offers: readonly Offer[]) => offers.map((o) => o.id);


/** Longest wait first, then oldest offer first, as the follow-up list orders them. */
const longestWaitFirst = (a: Offer, b: Offer) => oldestWait(a)!.localeCompare(oldestWait(b)!) || -newestFirst(a, b) || a.id.localeCompare(b.id);

it('drops the last indexes but newest, leaves every record as it was, and lists locations and follow-ups as before', async () => {
  const db = await openOfferDatabase();
  expect(db.version).toBe(MIGRATIONS.length);
  db.close();
  const disk = await offerStoreOnDisk();
  expect(disk.indexes).toEqual(['newest']);
  expect(disk.records.sort(byId)).toEqual(OFFERS.map(version9Record).sort(byId));
  expect(disk.counters).toBe(TOTALS_COUNTERS);

  const store = new OfferStore(await openOfferDatabase(), () => '2027-01-01T00:00:00.000Z');
  expect(await store.usageLocations()).toEqual(['Belgique', 'Canada', 'France']);
  expect(await everyPage(store, { usageLocation: 'Canada' }, 70)).toEqual(ids(OFFERS.filter((offer) => offer.usageLocation === 'Canada').sort(newestFirst)));
  const awaiting = OFFERS.filter((offer) => awaitingKeys(offer).length > 0).sort(longestWaitFirst);
  expect(await everyPage(store, { awaiting: {} }, 90)).toEqual(ids(awaiting));
  const sentBefore = at(1500);
  expect(await everyPage(store, { awaiting: { sentBefore } }, 40)).toEqual(ids(awaiting.filter((offer) => oldestWait(offer)! <= sentBefore)));
  expect(await everyPage(store, { awaiting: { sentBefore }, usageLocation: 'France' }, 40)).toEqual(
    ids(awaiting.filter((offer) => oldestWait(offer)! <= sentBefore && offer.usageLocation === 'France')),
  );
  // Overdue: the customers whose wait began a week or more before now, a cutoff in the middle of a day.
  const now = new Date(Date.parse(at(1500.5)) + 7 * DAY_MS);
  const waits = OFFERS.flatMap((offer) => awaitingKeys(offer));
  const overview = await store.overview(now, { days: 7, remindersOn: false });
  expect(overview.overdue.customers).toBe(waits.filter(([since]) => since <= at(1500.5)).length);
  expect(overview.awaitingCustomers).toBe(waits.length);

  // A write keeps the record in today's form, and moves the offer between the terms' holders.
  const moved = OFFERS[2999]!;
  expect(moved.usageLocation).toBeUndefined();
  // A backup's copy fills in the location the stored offer lacks.
  await store.mergeAll([{ ...moved, usageLocation: 'Suisse' }]);
  const [written] = (await offerStoreOnDisk()).records.filter((record) => record.id === moved.id);
  expect(Object.keys(written!)).not.toContain('awaitingKeys');
  expect(ids((await store.page({ filter: { usageLocation: 'Suisse' } })).offers)).toEqual([moved.id]);
  expect(await store.usageLocations()).toEqual(['Belgique', 'Canada', 'France', 'Suisse']);
}, 120_000);

it('keeps version 9 whole when a step after it fails', async () => {
  const failing: Upgrade = () => {
    throw new Error('a later version cannot run');
  };
  await expect(openOfferDatabase(DB_NAME, undefined, [...MIGRATIONS, failing])).rejects.toThrow();
  const disk = await offerStoreOnDisk();
  expect(disk.version).toBe(9);
  expect(disk.indexes).toEqual(['awaitingSends', 'awaitingSince', 'newest', 'usageLocation']);
  expect(disk.records.sort(byId)).toEqual(OFFERS.map(version9Record).sort(byId));
  expect(disk.counters).toBe(2);
}, 60_000);
