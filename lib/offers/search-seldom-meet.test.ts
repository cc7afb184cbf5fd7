import 'fake-indexeddb/auto';
import { beforeAll, expect, it } from 'vitest';
import { makeOffer, newestFirst } from '@/test/unit/offer-factory';
import { allPages, countCalls, storeWith } from '@/test/unit/search-pages';
import type { Offer } from './schema';
import type { OfferStore } from './store';

// Two words, each in one offer in four, held together by 50 offers just below the newest 51: none
// of the newest holds both. The word index lists the offers of each, and only those they share are read.

const together = (n: number) => n >= 1850 && n < 1900;
const notes = (n: number) => (together(n) ? 'alpha beta' : n % 4 === 0 ? 'alpha' : n % 4 === 1 ? 'beta' : '');
const OFFERS: Offer[] = Array.from({ length: 2000 }, (_, n) => makeOffer(n, { notes: notes(n) }));

let store: OfferStore;
beforeAll(async () => {
  store = await storeWith(OFFERS);
}, 60_000);

it('reads only the offers holding both words, listed by the word index, for words that meet just below the newest offers', async () => {
  const expected = OFFERS.filter((_, n) => together(n)).sort(newestFirst).map((o) => o.id);
  const recordsRead = await countCalls(IDBObjectStore.prototype, ['get'], 'offers', async () => {
    expect((await store.search('alpha beta', { limit: 20 })).offers.map((o) => o.id)).toEqual(expected.slice(0, 20));
  });
  expect(recordsRead).toBe(21);
  expect(await allPages(store, 'alpha beta', {}, 20)).toEqual(expected);
});
