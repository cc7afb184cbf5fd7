import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { buildSchemaV1Database, SCHEMA_V1_OFFERS } from '../../test/fixtures/db/schema-v1';
import { openDB } from 'idb';
import { errorToEnvelope } from '../messaging/server';
import { DatabaseBlockedError, DB_VERSION, MIGRATIONS, openOfferDatabase } from './db';
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
  expect(offers[0]!.customers).toEqual([
    {
      id: 'v1-offer-1:c0',
      name: 'Élodie Martin',
      email: 'elodie@fabrikam.example',
      company: 'Fabrikam',
      status: 'sent',
      history: [
        { status: 'pending', at: '2026-01-05T09:00:00.000Z' },
        { status: 'sent', at: '2026-01-05T09:30:00.000Z' },
      ],
      sends: [{ at: '2026-01-05T09:30:00.000Z', provider: 'outlook', subject: 'Votre offre' }],
    },
  ]);
  expect(offers[1]!.customers).toEqual([]);
  expect((await store.search('elodie')).offers.map((o) => o.id)).toEqual(['v1-offer-1']);
  expect((await store.search('fevrier')).offers.map((o) => o.id)).toEqual(['v1-offer-1']);
  expect((await store.page({ filter: { status: 'sent' } })).offers.map((o) => o.id)).toEqual(['v1-offer-1']);
  expect((await store.upsert({ url: SCHEMA_V1_OFFERS[1].url, summaryId: 'V1-TI-2', source: 'auto' })).created).toBe(false);
});

it('reports a database blocked by a tab holding the old version, and upgrades once that tab is gone', async () => {
  const nextVersion = [...MIGRATIONS, () => undefined];
  const oldTab = await openDB('blocked-probe', 1, { upgrade: (db, _old, _new, tx) => void MIGRATIONS[0]!(db as never, tx as never) });
  await expect(openOfferDatabase('blocked-probe', undefined, nextVersion)).rejects.toThrow(DatabaseBlockedError);
  oldTab.close();
  const upgraded = await openOfferDatabase('blocked-probe', undefined, nextVersion);
  expect(upgraded.version).toBe(MIGRATIONS.length + 1);
  expect(errorToEnvelope(new DatabaseBlockedError('held'))).toEqual({ ok: false, error: { code: 'blocked', message: 'held' } });
});
