import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, expect, it, vi } from 'vitest';
import { buildSchemaV1Database, SCHEMA_V1_OFFERS } from '@/test/fixtures/db/schema-v1';
import { manyV1Offers, SCHEMA_V1_RICH_OFFERS } from '@/test/fixtures/db/schema-v1-rich';
import { countCalls } from '@/test/unit/search-pages';
import { offerStatus } from './customers';
import { DB_NAME, MIGRATIONS, openOfferDatabase, type StoredOffer, type Upgrade } from './db';
import { offerFromV1, type V1Offer } from './from-v1';
import { fromStored, toStored } from './index-fields';
import { Offer, OFFER_STATUSES } from './schema';
import { awaitingKeys } from './stats';
import { OfferStore } from './store';

const V1_RECORDS = [...SCHEMA_V1_OFFERS, ...SCHEMA_V1_RICH_OFFERS, ...manyV1Offers(300)] as unknown as V1Offer[];
const V1_INDEXES = ['customer', 'kind', 'newest', 'status', 'summaryId', 'url', 'usageLocation', 'words'];
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await buildSchemaV1Database(V1_RECORDS);
});

/** The database as it is on disk, opened without asking for any version. */
async function onDisk() {
  const db = await openDB(DB_NAME);
  try {
    const tx = db.transaction('offers');
    return { version: db.version, indexes: [...tx.store.indexNames].sort(), records: (await tx.store.getAll()) as unknown[] };
  } finally {
    db.close();
  }
}

async function expectVersion1Whole() {
  const disk = await onDisk();
  expect(disk.version).toBe(1);
  expect(disk.indexes).toEqual(V1_INDEXES);
  expect(disk.records).toEqual([...V1_RECORDS].sort(byId));
}

/** Then the real schema history upgrades it: every v1 offer mapped, valid and found by the new indexes. */
async function expectLaterOpenUpgrades() {
  const db = await openOfferDatabase();
  try {
    expect(db.version).toBe(MIGRATIONS.length);
    expect([...db.transaction('offers').store.indexNames].sort()).toEqual(['newest']);
    const stored = await db.getAll('offers');
    expect(stored.map(fromStored)).toEqual(V1_RECORDS.map(offerFromV1).sort(byId));
    for (const offer of stored.map(fromStored)) expect(Offer.safeParse(offer).success, offer.id).toBe(true);
    const store = new OfferStore(db);
    expect((await store.linked('v1-offer-5')).followedUpBy.map((offer) => offer.id)).toEqual(['v1-offer-6']);
    const accepted = await store.page({ filter: { status: 'accepted' } });
    expect(accepted.offers.map((offer) => offer.id)).toEqual(['v1-offer-4']);
    expect((await store.search('claire')).offers.map((offer) => offer.id)).toEqual(['v1-offer-3']);
  } finally {
    db.close();
  }
}

type VersionChange = Parameters<Upgrade>[1];
interface Rewriting {
  value: object;
  update(value: object): Promise<unknown>;
}

/** A later version's step that rewrites records one by one and calls `fail` when half are rewritten. */
function failingHalfWay(fail: (tx: VersionChange, cursor: Rewriting) => Promise<void>): Upgrade {
  return async (_db, tx) => {
    let written = 0;
    for (let cursor = await tx.objectStore('offers').openCursor(); cursor; cursor = await cursor.continue()) {
      if (written === Math.floor(V1_RECORDS.length / 2)) return fail(tx, cursor);
      await cursor.update({ ...cursor.value, notes: 'rewritten by a later version' });
      written++;
    }
  };
}

it('leaves version 1 whole when a step after version 2 throws, and a later open upgrades it', async () => {
  const throwing: Upgrade = () => {
    throw new Error('a later version cannot run');
  };
  await expect(openOfferDatabase(DB_NAME, undefined, [...MIGRATIONS, throwing])).rejects.toThrow();
  await expectVersion1Whole();
  await expectLaterOpenUpgrades();
});

it('leaves version 1 whole when the upgrade is aborted half-way through the records', async () => {
  const aborting = failingHalfWay(async (tx) => {
    tx.abort();
    await tx.done.catch(() => undefined);
  });
  await expect(openOfferDatabase(DB_NAME, undefined, [...MIGRATIONS, aborting])).rejects.toThrow();
  await expectVersion1Whole();
  await expectLaterOpenUpgrades();
});

it('leaves version 1 whole when a write fails half-way through the records', async () => {
  // The step's own unique index refuses a second record with its key: the browser refuses the
  // write and aborts the upgrade itself.
  const clashing = failingHalfWay(async (tx, cursor) => {
    tx.objectStore('offers').createIndex('probe' as never, 'probe', { unique: true });
    await tx.objectStore('offers').put({ ...(cursor.value as StoredOffer), id: 'probe-1', probe: 'same' } as never);
    await cursor.update({ ...cursor.value, probe: 'same' });
  });
  await expect(openOfferDatabase(DB_NAME, undefined, [...MIGRATIONS, clashing])).rejects.toThrow();
  await expectVersion1Whole();
  await expectLaterOpenUpgrades();
});

it('writes each version 1 offer once, in version 2, and the indexes created after it find them unwritten', async () => {
  const cursorUpdates = vi.spyOn(IDBCursor.prototype, 'update');
  const puts = await countCalls(IDBObjectStore.prototype, ['put'], 'offers', async () => (await openOfferDatabase()).close());
  // Version 2 writes today's form; versions 3, 4 and 6 only recompute index fields, the same ones.
  expect(puts).toBe(V1_RECORDS.length);
  expect(cursorUpdates).not.toHaveBeenCalled();
  cursorUpdates.mockRestore();
  await expectLaterOpenUpgrades();
  const db = await openOfferDatabase();
  try {
    expect((await db.getAll('offers')).sort(byId)).toEqual(V1_RECORDS.map((record) => toStored(offerFromV1(record))).sort(byId));
    // Version 3's indexes, created over records it did not write again.
    const store = new OfferStore(db);
    const offers = V1_RECORDS.map(offerFromV1);
    const idsOf = (page: { offers: readonly { id: string }[] }) => page.offers.map((offer) => offer.id).sort();
    for (const status of OFFER_STATUSES) {
      const expected = offers.filter((offer) => offerStatus(offer) === status).map((offer) => offer.id).sort();
      expect(idsOf(await store.page({ filter: { offerStatus: status }, limit: 1000 })), status).toEqual(expected);
    }
    const awaiting = offers.filter((offer) => awaitingKeys(offer).length > 0).map((offer) => offer.id).sort();
    expect(awaiting.length).toBeGreaterThan(100);
    expect(idsOf(await store.page({ filter: { awaiting: {} }, limit: 1000 }))).toEqual(awaiting);
    const waits = offers.flatMap((offer) => awaitingKeys(offer));
    const cutoff = waits.map(([since]) => since).sort()[Math.floor(waits.length / 2)]!;
    const overview = await store.overview(new Date(Date.parse(cutoff) + 7 * 24 * 3_600_000), { days: 7, remindersOn: false });
    expect(overview.overdue.customers).toBe(waits.filter(([since]) => since <= cutoff).length);
  } finally {
    db.close();
  }
});
