import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeOffer, newestFirst } from '@/test/unit/offer-factory';
import { allPages, countCalls, storeWith } from '@/test/unit/search-pages';
import { customerStatuses } from './customers';
import { toStored } from './index-fields';
import { searchWords } from './normalize';
import type { CustomerStatus, Offer } from './schema';
import type { OfferFilter, OfferStore } from './store';
import { matchesAllWords } from './words';

// Whichever way a search reads (the newest offers, rare words' candidates, a word's offers in the
// word index, the newest index's keys), its pages must list what a plain filter of every offer lists.

const COMPANIES = ['Contoso', 'Fabrikam', 'Fabricorp', 'Northwind', 'Contoso', 'Adatum', 'Tailspin', 'Litware', 'Wingtip', 'Proseware'];
const STATUSES: CustomerStatus[] = ['sent', 'accepted', 'pending', 'declined', 'drafted'];
/** Few distinct times, so many offers share one (a page boundary falls among them), one with an offset. */
const TIMES = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 2, 1) + i * 3_600_000).toISOString()).concat('2026-03-02T09:00:00+02:00');

function offer(n: number): Offer {
  const company = n % 97 === 0 ? 'Fabrikam Rare' : COMPANIES[n % COMPANIES.length]!;
  return makeOffer(n, {
    createdAt: TIMES[(n * 7) % TIMES.length]!,
    usageLocation: ['France', 'Canada', 'Maroc'][n % 3],
    customers: [makeCustomer(`c${n}`, { name: `Person${n}`, company }, TIMES[0], STATUSES[n % STATUSES.length])],
    subscriptions: [{ name: n % 4 ? 'Microsoft 365 Business Basic' : 'Teams Essentials', licenses: 1 }],
  });
}
const OFFERS = Array.from({ length: 2400 }, (_, n) => offer(n));

/** What the search must list: every offer holding every query word and passing the filter, newest first as the newest index orders them. */
function expected(query: string, filter: OfferFilter): string[] {
  const words = searchWords(query);
  return OFFERS.filter(
    (o) =>
      matchesAllWords(toStored(o).words, words) &&
      (!filter.usageLocation || o.usageLocation === filter.usageLocation) &&
      (!filter.status || customerStatuses(o).includes(filter.status)) &&
      (!filter.from || o.createdAt >= filter.from) &&
      (!filter.to || o.createdAt < filter.to),
  )
    .sort(newestFirst)
    .map((o) => o.id);
}

let store: OfferStore;
beforeAll(async () => {
  store = await storeWith(OFFERS);
}, 60_000);

/** Counts the calls of these methods of IDBIndex on one index while `run` runs. */
const counting = (methods: readonly ('openCursor' | 'getAllKeys' | 'getAllRecords')[], indexName: string, run: () => Promise<unknown>) =>
  countCalls(IDBIndex.prototype, methods, indexName, run);

/** Runs `run` as in a browser without IDBIndex.getAllRecords (Firefox ESR): every read goes by cursor. */
async function withoutGetAllRecords<T>(run: () => Promise<T>): Promise<T> {
  const proto = IDBIndex.prototype as unknown as { getAllRecords?: unknown };
  const original = proto.getAllRecords;
  delete proto.getAllRecords;
  try {
    return await run();
  } finally {
    proto.getAllRecords = original;
  }
}

const QUERIES = ['microsoft', 'contoso business', 'fabrikam', 'fab', 'fabrikam rare', 'person12', 'teams canada', 'northwind teams', 'adatum teams', 'adatum canada', 'canada maroc', 'nobody'];
const FILTERS: OfferFilter[] = [{}, { usageLocation: 'France' }, { status: 'accepted' }, { from: TIMES[5], to: TIMES[20] }];

describe.each(FILTERS)('with the filter %o', (filter) => {
  it.each(QUERIES)('lists every offer found by "%s" once, newest first, across pages', async (query) => {
    const want = expected(query, filter);
    expect(await allPages(store, query, filter, 7)).toEqual(want);
    expect(await allPages(store, query, filter, 50)).toEqual(want);
  });
});

describe('in a browser without getAllRecords', () => {
  it.each(QUERIES)('lists every offer found by "%s" once, newest first, across pages', async (query) => {
    expect(await withoutGetAllRecords(() => allPages(store, query, {}, 7))).toEqual(expected(query, {}));
  });
});

/** Counts the word index's lookups while `run` runs: each reads the index's state first. */
const wordLookups = (run: () => Promise<unknown>) => countCalls(IDBObjectStore.prototype, ['get'], 'wordIndex', run);

it('scans the newest offers for two words that often meet ("contoso business"), a few requests a page, without the word index', async () => {
  const pages = Math.ceil(expected('contoso business', {}).length / 20);
  const lookups = await wordLookups(async () => {
    const batches = await counting(['getAllRecords'], 'newest', () => allPages(store, 'contoso business', {}, 20));
    expect(batches).toBeLessThanOrEqual(3 * pages);
  });
  expect(lookups).toBe(0);
});

// Adatum's offers (one in ten) are odd, Teams Essentials (one in four) comes with offers divisible
// by four; an offer has one usage location, Canada or Maroc (a third each) among them.
it.each(['adatum teams', 'canada maroc'])('finds that two words common among the newest offers ("%s") never meet from the word index, without reading their offers', async (query) => {
  expect(expected(query, {})).toEqual([]);
  const recordsRead = await countCalls(IDBObjectStore.prototype, ['get'], 'offers', async () => {
    const batches = await counting(['getAllRecords'], 'newest', async () => {
      expect(await wordLookups(async () => expect(await allPages(store, query, {}, 20)).toEqual([]))).toBe(2);
    });
    // The newest offers, read first, hold neither together.
    expect(batches).toBe(1);
  });
  expect(recordsRead).toBe(0);
});

it('finds a prefix that starts several words (Fabrikam, Fabricorp) through the word index, both', async () => {
  const want = expected('fab person12', {});
  expect(await wordLookups(async () => expect(await allPages(store, 'fab person12', {}, 20)).toEqual(want))).toBeGreaterThan(0);
  expect(new Set(want.map((id) => OFFERS.find((o) => o.id === id)!.customers[0]!.company))).toEqual(new Set(['Fabrikam', 'Fabricorp', 'Fabrikam Rare']));
});
