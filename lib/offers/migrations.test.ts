import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { buildSchemaV1Database, SCHEMA_V1_OFFERS } from '../../test/fixtures/db/schema-v1';
import { DB_VERSION, openOfferDatabase } from './db';
import { Offer } from './schema';
import { OfferStore } from './store';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

it('opens a database written by schema version 1 with every offer intact and findable', async () => {
  await buildSchemaV1Database(SCHEMA_V1_OFFERS);
  const db = await openOfferDatabase();
  expect(db.version).toBe(DB_VERSION);
  const store = new OfferStore(db);
  const offers = await store.all();
  expect(offers.map((o) => o.id)).toEqual(['v1-offer-1', 'v1-offer-2']);
  for (const offer of offers) expect(Offer.safeParse(offer).success).toBe(true);
  expect((await store.search('fevrier')).map((o) => o.id)).toEqual(['v1-offer-1']);
  expect((await store.page({ filter: { status: 'sent' } })).offers.map((o) => o.id)).toEqual(['v1-offer-1']);
  expect((await store.upsert({ url: SCHEMA_V1_OFFERS[1].url, summaryId: 'V1-TI-2', source: 'auto' })).created).toBe(false);
});
