import 'fake-indexeddb/auto';
import { beforeAll, expect, it } from 'vitest';
import { countCalls, everyPage, storeWith } from '@/test/unit/search-pages';
import { makeCustomer, makeOffer, offerUrl } from '@/test/unit/offer-factory';
import type { Offer } from './schema';
import type { OfferFilter, OfferStore } from './store';

// Two filters (kind and customer status), each held by one offer in two, met by the newest three
// offers, by two some 1,500 below them and by two at the bottom: walking both terms' holders down
// to those would read every block of both, one after another.

const BOTH = [19_999, 19_998, 19_997, 18_500, 18_400, 100, 50];
const OFFERS: Offer[] = Array.from({ length: 20_000 }, (_, n) => {
  const trial = BOTH.includes(n) || n % 2 === 1;
  const status = BOTH.includes(n) || n % 2 === 0 ? 'sent' : 'accepted';
  return makeOffer(n, { ...(trial ? { kind: 'trial' as const, url: offerUrl(n, 'Trial') } : {}), customers: [makeCustomer(`c${n}`, { name: `C${n}` }, undefined, status)] });
});
const ids = (numbers: readonly number[]) => numbers.map((n) => `offer-${n}`);
const FILTER: OfferFilter = { kind: 'trial', status: 'sent' };

let store: OfferStore;
beforeAll(async () => {
  store = await storeWith(OFFERS);
}, 120_000);


it('stops the walk after a few dozen blocks and lists the holders below the last offer it took', async () => {
  let listings = 0;
  const walkReads = await countCalls(IDBObjectStore.prototype, ['openCursor'], 'wordBlocks', async () => {
    listings = await countCalls(IDBObjectStore.prototype, ['getAll'], 'wordBlocks', async () => {
      expect((await store.page({ filter: FILTER, limit: 20 })).offers.map((o) => o.id)).toEqual(ids(BOTH));
    });
  });
  expect(listings).toBeGreaterThan(0);
  expect(walkReads).toBeGreaterThan(24);
  expect(walkReads).toBeLessThan(40);
});

it('gives every page, either way, from any date and sorted by kind, as if the walk had gone to the end', async () => {
  for (const limit of [1, 2, 4, 20]) expect(await everyPage(store, FILTER, limit), `pages of ${limit}`).toEqual(ids(BOTH));
  expect(await everyPage(store, FILTER, 3, { key: 'created', direction: 'asc' })).toEqual(ids([...BOTH].reverse()));
  expect(await everyPage(store, { ...FILTER, from: OFFERS[60]!.createdAt }, 2)).toEqual(ids(BOTH.filter((n) => n >= 60)));
  expect(await everyPage(store, { ...FILTER, to: OFFERS[18_450]!.createdAt }, 2)).toEqual(ids(BOTH.filter((n) => n < 18_450)));
  const byKind = await store.page({ filter: { status: 'sent' }, limit: 8, sort: { key: 'kind', direction: 'desc' } });
  expect(byKind.offers.map((o) => o.id)).toEqual([...ids(BOTH), 'offer-19996']);
}, 60_000);
