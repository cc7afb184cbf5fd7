import { expect } from 'vitest';
import { DB_VERSION } from '../../lib/offers/db';
import type { Request } from '../../lib/messaging/protocol';
import type { Offer } from '../../lib/offers/schema';
import { totalsOf } from '../../lib/offers/stats';
import { version6Record } from '../unit/legacy-records';
import { makeCustomer, makeOffer, newestFirst } from '../unit/offer-factory';

/**
 * The upgrade from schema version 3 as both browsers' tests run it: 600 offers, groups of ten
 * sharing a creation time, every fifth at Fabrikam, the eighth following up the first.
 */
export function schemaV3Offers(): Offer[] {
  return Array.from({ length: 600 }, (_, i) =>
    makeOffer(i, {
      createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 10) * 60_000).toISOString(),
      customers: [makeCustomer(`c${i}`, { name: `Person${i}`, company: i % 5 ? 'Contoso' : 'Fabrikam' })],
      ...(i === 7 ? { followUpOf: 'offer-0' } : {}),
    }),
  );
}

/** As version 3 stored them: the records with the index fields of its day, their words under an index of IndexedDB's (for buildSchemaV3Database). */
export function schemaV3Contents(offers: readonly Offer[]): { records: object[]; totals: [string, number][] } {
  return { records: offers.map(version6Record), totals: [...totalsOf(offers)] };
}

/** The background's data for a request, failing on an error answer. */
export type Ask = <T>(request: Request) => Promise<T>;

/** The offers' ids, in their order. */
export const ids = (offers: readonly Offer[]) => offers.map((offer) => offer.id);

/** Runs in an extension page: the offer database's version as the browser lists it. */
export async function databaseVersion(): Promise<number | undefined> {
  return (await indexedDB.databases()).find((database) => database.name === 'offer-courier')?.version;
}

/** Checks, through the background, that the upgraded offers are searched, counted and found by their keys, and what is on disk. */
export async function expectUpgradedFromV3(offers: readonly Offer[], ask: Ask, onDisk: () => Promise<OnDisk>): Promise<void> {
  const found: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await ask<{ offers: Offer[]; nextCursor: string | null }>({ type: 'offers.search', query: 'fabrikam business', limit: 50, ...(cursor ? { cursor } : {}) });
    found.push(...ids(page.offers));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(found).toEqual(ids(offers.filter((_, i) => i % 5 === 0).sort(newestFirst)));
  expect(ids((await ask<{ offers: Offer[] }>({ type: 'offers.search', query: 'person123' })).offers)).toEqual(['offer-123']);
  const { overview } = await ask<{ overview: { offers: Record<string, number> } }>({ type: 'offers.overview' });
  expect(Object.values(overview.offers).reduce((sum, count) => sum + count, 0)).toBe(offers.length);
  // Version 7 keeps the offers' keys in the word index too: a stored quote, a summary ID taken, the offers following one up.
  const again = await ask<{ offer: Offer; created: boolean }>({ type: 'offers.upsert', draft: { url: offers[123]!.url, partnerOffice: 'Lyon', source: 'auto' } });
  expect({ id: again.offer.id, created: again.created }).toEqual({ id: 'offer-123', created: false });
  const clash = await ask<{ created: boolean; summaryIdConflict?: string }>({ type: 'offers.upsert', draft: { url: makeOffer(9001).url, summaryId: 'SUM-124', source: 'auto' } });
  expect(clash).toMatchObject({ created: true, summaryIdConflict: 'SUM-124' });
  expect(ids((await ask<{ followedUpBy: Offer[] }>({ type: 'offers.linked', id: 'offer-0' })).followedUpBy)).toEqual(['offer-7']);

  const disk = await onDisk();
  // Versions 4 and 5 kept word keys in an index of IndexedDB's; version 6 keeps words, and indexes them itself; versions 7 and 9 the keys too.
  expect(disk).toMatchObject({ version: DB_VERSION, wordIndexKeyPath: null, withWords: offers.length + 1, withWordKeys: 0 });
  expect(disk.indexes).toEqual(['newest']);
}

/** What an upgrade left on disk: the database's version, its indexes and a digest of every record in key order, and which records hold words or word keys. */
export interface OnDisk {
  version: number;
  indexes: string[];
  digest: string;
  /** The key path of IndexedDB's word index, null once there is none. */
  wordIndexKeyPath: string | string[] | null;
  withWords: number;
  withWordKeys: number;
}

/** Runs in an extension page: the offer database as it is on disk. */
export async function offersOnDisk(): Promise<OnDisk> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('offer-courier');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The database could not be opened.'));
  });
  try {
    const store = db.transaction('offers').objectStore('offers');
    const records = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('The offers could not be read.'));
    });
    const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(records)));
    const digest = [...new Uint8Array(hash)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return {
      version: db.version,
      indexes: [...store.indexNames].sort(),
      digest,
      wordIndexKeyPath: store.indexNames.contains('words') ? store.index('words').keyPath : null,
      withWords: records.filter((record) => 'words' in record).length,
      withWordKeys: records.filter((record) => Array.isArray(record.wordKeys)).length,
    };
  } finally {
    db.close();
  }
}
