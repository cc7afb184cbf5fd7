import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { buildSchemaV1Database, SCHEMA_V1_OFFERS } from '@/test/fixtures/db/schema-v1';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { DB_NAME, DB_VERSION, openOfferDatabase } from './db';
import { READABLE_VERSION, readNewestOffers } from './read-newest';
import { OfferStore } from './store';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const databaseNames = async () => (await indexedDB.databases()).map((database) => `${database.name}@${database.version}`);

it('reads the schema version the store writes', () => {
  expect(READABLE_VERSION).toBe(DB_VERSION);
});

it('gives the newest offers as the store pages them, without the index fields', async () => {
  const db = await openOfferDatabase();
  const store = new OfferStore(db);
  await store.mergeAll(Array.from({ length: 12 }, (_, n) => makeOffer(n, { customers: [makeCustomer(`c${n}`, { name: `Person ${n}` })] })));
  const expected = (await store.page({ limit: 6 })).offers;
  expect(await readNewestOffers(6)).toEqual(expected);
  // The store's own connection is untouched, and a newer save shows on the next read.
  await store.upsert({ url: makeOffer(99).url, source: 'manual' });
  expect((await readNewestOffers(6))?.[0]?.url).toBe(makeOffer(99).url);
  db.close();
});

it('answers null without creating the database when there is none yet', async () => {
  expect(await readNewestOffers(6)).toBeNull();
  expect(await databaseNames()).toEqual([]);
});

it('answers null for a database of another schema version, and leaves it as it is', async () => {
  await buildSchemaV1Database(SCHEMA_V1_OFFERS);
  expect(await readNewestOffers(6)).toBeNull();
  expect(await databaseNames()).toEqual([`${DB_NAME}@1`]);
});

it('closes its connection, so an upgrade that follows is never blocked by it', async () => {
  (await openOfferDatabase()).close();
  expect(await readNewestOffers(6)).toEqual([]);
  let blocked = false;
  const upgrade = indexedDB.open(DB_NAME, DB_VERSION + 1);
  upgrade.onblocked = () => (blocked = true);
  const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
    upgrade.onsuccess = () => resolve(upgrade.result);
    upgrade.onerror = () => reject(upgrade.error ?? new Error('upgrade failed'));
  });
  expect(blocked).toBe(false);
  upgraded.close();
});
