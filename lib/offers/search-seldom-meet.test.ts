import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
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

describe('two common words held together by the newest offer, then by one in 100', () => {
  // Alpha in even offers, beta in odd ones, both in every 100th from the newest (offer 11,999).
  const bothAt = (n: number) => (11_999 - n) % 100 === 0;
  const seldom = Array.from({ length: 12_000 }, (_, n) => makeOffer(n, { notes: bothAt(n) ? 'alpha beta' : n % 2 ? 'beta' : 'alpha' }));
  const expected = seldom.filter((_, n) => bothAt(n)).sort(newestFirst).map((o) => o.id);
  let seldomStore: OfferStore;
  beforeAll(async () => {
    seldomStore = await storeWith(seldom);
  }, 60_000);

  it('reads the words’ newest lines down to the page’s last match, and only the records that match', async () => {
    let [blockReads, wordListings] = [0, 0];
    const recordsRead = await countCalls(IDBObjectStore.prototype, ['get'], 'offers', async () => {
      wordListings = await countCalls(IDBObjectStore.prototype, ['getAll'], 'wordBlocks', async () => {
        blockReads = await countCalls(IDBObjectStore.prototype, ['openCursor'], 'wordBlocks', async () => {
          expect((await seldomStore.search('alpha beta', { limit: 50 })).offers.map((o) => o.id)).toEqual(expected.slice(0, 50));
        });
      });
    });
    // The newest is found by the scan; the next 49 and the one that says a next page exists are read.
    expect(recordsRead).toBe(50);
    // Each word's 6,000 lines fill twelve blocks or more, read one at a time from the newest: the
    // page reaches five thousand offers down, under half of them. No word is listed whole.
    expect(wordListings).toBe(0);
    expect(blockReads).toBeLessThanOrEqual(14);
    for (const limit of [7, 50]) expect(await allPages(seldomStore, 'alpha beta', {}, limit)).toEqual(expected);
    const from = seldom[6_000]!.createdAt;
    expect(await allPages(seldomStore, 'alpha beta', { from }, 20)).toEqual(expected.filter((id) => Number(id.slice('offer-'.length)) >= 6_000));
  });
});

describe('two common words held together by the newest offers, by two a little below, and by two deep in the list', () => {
  // Alpha in even offers, beta in odd ones, both in the newest three, in two some 1,500 below them
  // (within the walk's reach), and in two at the bottom: walking both words' lines down to those
  // would read all of them, one block after another.
  const BOTH = [19_999, 19_998, 19_997, 18_500, 18_400, 100, 50];
  const apart = Array.from({ length: 20_000 }, (_, n) => makeOffer(n, { notes: BOTH.includes(n) ? 'alpha beta' : n % 2 ? 'beta' : 'alpha' }));
  const ids = (numbers: readonly number[]) => numbers.map((n) => `offer-${n}`);
  let apartStore: OfferStore;
  beforeAll(async () => {
    apartStore = await storeWith(apart);
  }, 60_000);

  it('stops the walk after a few dozen blocks and lists the holders below the last offer it took', async () => {
    let listings = 0;
    const walkReads = await countCalls(IDBObjectStore.prototype, ['openCursor'], 'wordBlocks', async () => {
      listings = await countCalls(IDBObjectStore.prototype, ['getAll'], 'wordBlocks', async () => {
        expect((await apartStore.search('alpha beta', { limit: 20 })).offers.map((o) => o.id)).toEqual(ids(BOTH));
      });
    });
    expect(listings).toBeGreaterThan(0);
    // Walked to its end it reads 45 blocks; it stops past 24 (six more to start: each word's newest
    // in each of three runs). Without a walk, listing alone makes six.
    expect(walkReads).toBeGreaterThan(24);
    expect(walkReads).toBeLessThan(40);
  });

  it('gives every page, from any date and through any filter, as if the walk had gone to the end', async () => {
    for (const limit of [1, 2, 4, 20]) expect(await allPages(apartStore, 'alpha beta', {}, limit), `pages of ${limit}`).toEqual(ids(BOTH));
    expect(await allPages(apartStore, 'alpha beta', { from: apart[60]!.createdAt }, 2)).toEqual(ids(BOTH.filter((n) => n >= 60)));
    expect(await allPages(apartStore, 'alpha beta', { usageLocation: 'Canada' }, 2)).toEqual(ids(BOTH.filter((n) => n % 2 === 0)));
    expect(await allPages(apartStore, 'alpha beta', { usageLocation: 'Canada', from: apart[18_450]!.createdAt }, 1)).toEqual(ids([19_998, 18_500]));
  });
});
