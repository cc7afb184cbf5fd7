import 'fake-indexeddb/auto';
import { beforeAll, expect, it } from 'vitest';
import { makeOffer, newestFirst } from '@/test/unit/offer-factory';
import { allPages, countCalls, storeWith } from '@/test/unit/search-pages';
import type { Offer } from './schema';
import type { OfferStore } from './store';

// Two words, each in one offer in four, held together by 50 offers just below the newest 51: none
// of the newest holds both, yet a walk finds them in a few hundred records, sooner than listing
// every offer of each word. The search looks a little further down before it lists by key.

const together = (n: number) => n >= 1850 && n < 1900;
const notes = (n: number) => (together(n) ? 'alpha beta' : n % 4 === 0 ? 'alpha' : n % 4 === 1 ? 'beta' : '');
const OFFERS: Offer[] = Array.from({ length: 2000 }, (_, n) => makeOffer(n, { notes: notes(n) }));

let store: OfferStore;
beforeAll(async () => {
  store = await storeWith(OFFERS);
}, 60_000);

it('walks to words that meet just below the newest offers rather than listing each word’s offers by key', async () => {
  const expected = OFFERS.filter((_, n) => together(n)).sort(newestFirst).map((o) => o.id);
  const keyLists = await countCalls(IDBIndex.prototype, ['getAllKeys'], 'words', async () => {
    expect((await store.search('alpha beta', { limit: 20 })).offers.map((o) => o.id)).toEqual(expected.slice(0, 20));
  });
  expect(keyLists).toBe(0);
  // Below the last of them the words never meet again: that page's end is found by key.
  expect(await allPages(store, 'alpha beta', {}, 20)).toEqual(expected);
});
