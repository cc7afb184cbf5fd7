import { IDBFactory } from 'fake-indexeddb';
import { openOfferDatabase } from '@/lib/offers/db';
import type { Offer } from '@/lib/offers/schema';
import type { OfferSort } from '@/lib/offers/sort';
import { OfferStore, type OfferFilter } from '@/lib/offers/store';

/** A store in a fresh fake IndexedDB holding `offers`. */
export async function storeWith(offers: readonly Offer[]): Promise<OfferStore> {
  globalThis.indexedDB = new IDBFactory();
  const store = new OfferStore(await openOfferDatabase());
  await store.mergeAll(offers);
  return store;
}

/** The ids a search lists on every page, following each page's cursor to the end. */
export async function allPages(store: OfferStore, query: string, filter: OfferFilter, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 500; pages++) {
    const page = await store.search(query, { cursor, limit, filter });
    ids.push(...page.offers.map((o) => o.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('The search kept giving a next page.');
}

/** The ids a list gives on every page, following each page's cursor to the end. */
export async function everyPage(store: OfferStore, filter: OfferFilter, limit: number, sort?: OfferSort): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 5000; pages++) {
    const page = await store.page({ cursor, limit, filter, sort });
    ids.push(...page.offers.map((o) => o.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('The list kept giving a next page.');
}

/** An IndexedDB object with a name: an index or an object store. */
interface Named {
  name: string;
}

/**
 * How many times these methods of an IndexedDB prototype (IDBIndex's, IDBObjectStore's) are
 * called on the index or store named `name` while `run` runs.
 */
export async function countCalls(prototype: object, methods: readonly string[], name: string, run: () => Promise<unknown>): Promise<number> {
  const target = prototype as Record<string, (this: Named, ...args: unknown[]) => unknown>;
  const originals = methods.map((method) => [method, target[method]!] as const);
  let calls = 0;
  for (const [method, original] of originals) {
    target[method] = function (this: Named, ...args: unknown[]) {
      if (this.name === name) calls++;
      return original.apply(this, args);
    };
  }
  try {
    await run();
  } finally {
    for (const [method, original] of originals) target[method] = original;
  }
  return calls;
}
