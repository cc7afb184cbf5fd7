import 'fake-indexeddb/auto';
import { beforeAll, expect, it } from 'vitest';
import { makeCustomer, makeOffer, newestFirst } from '@/test/unit/offer-factory';
import { allPages, countCalls, storeWith } from '@/test/unit/search-pages';
import type { Offer } from './schema';
import type { OfferStore } from './store';

// An old customer's offers: a query prefix (two companies, "Oldcastle" and "Oldbridge") held by
// 2,730 offers, nearly all of them deep in the list and a few halfway. None of the newest holds
// it: the word index lists them, and only their records are read, below the page's cursor.

const isOld = (n: number) => n < 2700 || (n >= 17_000 && n < 17_030);

const OFFERS: Offer[] = Array.from({ length: 20_000 }, (_, n) =>
  makeOffer(n, {
    usageLocation: n % 3 ? 'France' : 'Canada',
    customers: [makeCustomer(`c${n}`, { name: `Person${n}`, company: isOld(n) ? (n % 2 ? 'Oldcastle' : 'Oldbridge') : 'Recent' }, undefined, n % 4 ? 'sent' : 'accepted')],
  }),
);
// Offers created at one moment on either side of a page boundary: pages of 50 end at offer 2680,
// pages of 7 at offer 2695 (with no filter).
for (const [older, newer] of [[2679, 2680], [2694, 2695]] as const) OFFERS[older] = { ...OFFERS[older]!, createdAt: OFFERS[newer]!.createdAt };

let store: OfferStore;
beforeAll(async () => {
  store = await storeWith(OFFERS);
}, 60_000);

const old = (o: Offer) => (o.customers[0]?.company ?? '').startsWith('Old');

it.each([
  ['no filter', {}, old],
  ['a location', { usageLocation: 'Canada' }, (o: Offer) => old(o) && o.usageLocation === 'Canada'],
  ['a status', { status: 'accepted' }, (o: Offer) => old(o) && o.customers[0]!.status === 'accepted'],
] as const)('lists every old offer found by a prefix, with %s, once and newest first across pages', async (_name, filter, wanted) => {
  const expected = OFFERS.filter(wanted).sort(newestFirst).map((o) => o.id);
  expect(expected.length).toBeGreaterThan(100);
  expect(await allPages(store, 'old', filter, 50)).toEqual(expected);
  expect(await allPages(store, 'old', filter, 7)).toEqual(expected);
});

it('reads the deep offers listed by the word index rather than scanning the newest offers down to them', async () => {
  const recordsRead = await countCalls(IDBObjectStore.prototype, ['get'], 'offers', async () => {
    const batches = await countCalls(IDBIndex.prototype, ['getAllRecords', 'openCursor'], 'newest', async () => {
      expect((await store.search('old', { limit: 50 })).offers).toHaveLength(50);
    });
    expect(batches).toBe(1);
  });
  // One more than the page, to know a next page exists.
  expect(recordsRead).toBe(51);
});
