import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, expect, it } from 'vitest';
import { version8Record, writeEarlierDatabase } from '@/test/unit/legacy-records';
import { makeCustomer, makeOffer, newestFirst } from '@/test/unit/offer-factory';
import { DB_NAME, MIGRATIONS, openOfferDatabase, type StoredOffer } from './db';
import { toStored } from './index-fields';
import type { Offer } from './schema';
import { OfferStore } from './store';

// Version 8: an offer without customers no longer stands at the customer status `pending`. A
// database version 7 wrote lists such offers under the "Customer status: Pending" filter; after
// the upgrade that filter lists the offers with a pending customer only, and nothing else moves.

const OFFERS: Offer[] = Array.from({ length: 1200 }, (_, n) =>
  makeOffer(n, { customers: n % 3 === 0 ? [] : [makeCustomer(`c${n}`, { email: `c${n}@contoso.example` }, undefined, n % 3 === 1 ? 'pending' : 'sent')] }),
);
/** A record as version 7 wrote it: an offer without customers held a `pending` status key. */
const version7Record = (offer: Offer) => {
  const stored = version8Record(offer);
  return offer.customers.length === 0 ? { ...stored, statusKeys: [['pending', offer.createdAt, offer.id]] } : stored;
};

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await writeEarlierDatabase(7, OFFERS, version7Record, ['url', 'summaryId', 'followUpOf'], 2);
}, 60_000);

async function recordsOnDisk() {
  const db = await openDB(DB_NAME);
  try {
    return { version: db.version, records: (await db.transaction('offers').store.getAll()) as StoredOffer[] };
  } finally {
    db.close();
  }
}
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const ids = (offers: readonly Offer[]) => offers.map((o) => o.id);

it('takes the offers without customers out of the customer status pending, and leaves every other record as it was', async () => {
  const before = await recordsOnDisk();
  expect(before.version).toBe(7);
  const store = new OfferStore(await openOfferDatabase());
  const { version, records } = await recordsOnDisk();
  expect(version).toBe(MIGRATIONS.length);
  // Version 8 rewrote the records without customers (today's form: version 9 keeps no status in a record); the others are as they were.
  expect(records.sort(byId)).toEqual(OFFERS.map((offer) => (offer.customers.length === 0 ? toStored(offer) : version8Record(offer))).sort(byId));

  const withPendingCustomer = OFFERS.filter((_, n) => n % 3 === 1).sort(newestFirst);
  expect(ids((await store.page({ filter: { status: 'pending' }, limit: 1000 })).offers)).toEqual(ids(withPendingCustomer));
  // The offer's own status is unchanged: an offer without customers is still a pending offer.
  const pendingOffers = OFFERS.filter((_, n) => n % 3 !== 2).sort(newestFirst);
  expect(ids((await store.page({ filter: { offerStatus: 'pending' }, limit: 1000 })).offers)).toEqual(ids(pendingOffers));
  expect((await store.page({ filter: { status: 'sent' }, limit: 1000 })).offers).toHaveLength(400);
}, 60_000);

it('keeps version 7 whole when a step after it fails', async () => {
  const failing = () => {
    throw new Error('a later version cannot run');
  };
  await expect(openOfferDatabase(DB_NAME, undefined, [...MIGRATIONS, failing])).rejects.toThrow();
  const { version, records } = await recordsOnDisk();
  expect(version).toBe(7);
  expect(records.sort(byId)).toEqual(OFFERS.map(version7Record).sort(byId));
}, 60_000);
