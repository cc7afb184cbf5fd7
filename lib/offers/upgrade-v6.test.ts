import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, expect, it } from 'vitest';
import { version5Record } from '@/test/unit/legacy-records';
import { makeCustomer, makeOffer, newestFirst } from '@/test/unit/offer-factory';
import { DB_NAME, MIGRATIONS, openOfferDatabase, TOTALS_ID, type Upgrade } from './db';
import { toStored } from './index-fields';
import type { Offer } from './schema';
import { totalsOf } from './stats';
import { OfferStore } from './store';

// Version 6 moves the word index out of IndexedDB's indexes into our own (./word-index). A
// database version 5 wrote keeps every offer, its records lose their word keys for their words,
// every word is found through the new index, and an upgrade that fails keeps version 5 whole.

const OFFERS: Offer[] = Array.from({ length: 9000 }, (_, n) =>
  makeOffer(n, {
    customers: [makeCustomer(`c${n}`, { name: `Person${n}`, company: n % 3 ? 'Contoso' : 'Fabrikam' })],
    notes: n % 997 === 0 ? `Rendez-vous ${n} à Montréal` : n % 2 ? 'alpha' : 'beta',
  }),
);

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  const v5 = await openOfferDatabase(DB_NAME, undefined, MIGRATIONS.slice(0, 5));
  const tx = v5.transaction(['offers', 'stats'], 'readwrite');
  await Promise.all([...OFFERS.map((offer) => tx.objectStore('offers').put(version5Record(offer) as never)), tx.objectStore('stats').put({ id: TOTALS_ID, counts: totalsOf(OFFERS) })]);
  await tx.done;
  v5.close();
}, 60_000);

async function onDisk() {
  const db = await openDB(DB_NAME);
  try {
    const store = db.transaction('offers').store;
    return { version: db.version, stores: [...db.objectStoreNames], indexes: [...store.indexNames], records: (await store.getAll()) as { id: string }[] };
  } finally {
    db.close();
  }
}
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const ids = (offers: readonly Offer[]) => offers.map((o) => o.id);

it('rewrites every offer with its words, drops the word keys and their index, and finds every word through its own', async () => {
  const db = await openOfferDatabase();
  expect(db.version).toBe(MIGRATIONS.length);
  db.close();
  const disk = await onDisk();
  expect(disk.indexes).not.toContain('words');
  expect(disk.stores).toEqual(expect.arrayContaining(['wordBlocks', 'wordIndex']));
  expect(disk.records.sort(byId)).toEqual(OFFERS.map(toStored).sort(byId));

  const store = new OfferStore(await openOfferDatabase());
  const montreal = OFFERS.filter((_, n) => n % 997 === 0).sort(newestFirst);
  expect(ids((await store.search('montreal', { limit: 100 })).offers)).toEqual(ids(montreal));
  // Held apart by every offer: found so by the index, not by reading them.
  expect((await store.search('alpha beta', { limit: 20 })).offers).toEqual([]);
  const fabrikam = OFFERS.filter((_, n) => n % 3 === 0 && n % 2 === 1 && n % 997 !== 0).sort(newestFirst);
  expect(ids((await store.search('fabrikam alpha', { limit: 50 })).offers)).toEqual(ids(fabrikam.slice(0, 50)));
}, 60_000);

it('keeps version 5 whole when a step after it fails', async () => {
  const failing: Upgrade = () => {
    throw new Error('a later version cannot run');
  };
  await expect(openOfferDatabase(DB_NAME, undefined, [...MIGRATIONS, failing])).rejects.toThrow();
  const disk = await onDisk();
  expect(disk.version).toBe(5);
  expect(disk.indexes).toContain('words');
  expect(disk.stores).not.toContain('wordBlocks');
  expect(disk.records.sort(byId)).toEqual(OFFERS.map(version5Record).sort(byId));
}, 60_000);
