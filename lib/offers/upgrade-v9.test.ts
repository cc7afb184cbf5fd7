import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { offerStoreOnDisk, version8Record, writeEarlierDatabase } from '@/test/unit/legacy-records';
import { everyPage } from '@/test/unit/search-pages';
import { makeCustomer, makeOffer, newestFirst, offerUrl } from '@/test/unit/offer-factory';
import { offerStatus } from './customers';
import { DB_NAME, MIGRATIONS, openOfferDatabase, type Upgrade } from './db';
import { fromStored } from './index-fields';
import type { Offer } from './schema';
import { OfferStore } from './store';

// Version 9 moves the indexes of the kind, the offer's status and its customers' statuses from
// IndexedDB's indexes into the word index, as keyed terms. A database version 8 wrote keeps every
// record as it was, every filter and grouped order lists what it listed, and an upgrade that fails
// keeps version 8 whole.

const STATUSES = ['sent', 'accepted', 'pending', 'declined', 'drafted'] as const;
const OFFERS: Offer[] = Array.from({ length: 5000 }, (_, n) =>
  makeOffer(n, {
    // Ten offers to a creation time: a page may end inside one.
    createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(n / 10) * 60_000).toISOString(),
    ...(n % 3 === 0 ? { kind: 'trial' as const, url: offerUrl(n, 'Trial') } : {}),
    customers:
      n % 7 === 0
        ? []
        : [makeCustomer(`a${n}`, { email: `a${n}@contoso.example` }, undefined, STATUSES[n % 5]), ...(n % 4 === 0 ? [makeCustomer(`b${n}`, { name: `B${n}` }, undefined, 'accepted')] : [])],
  }),
);
const V8_INDEXES = ['awaitingSends', 'awaitingSince', 'kind', 'newest', 'offerStatus', 'statuses', 'usageLocation'];

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await writeEarlierDatabase(8, OFFERS, version8Record, ['url', 'summaryId', 'followUpOf'], 2);
}, 60_000);

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const ids = (offers: readonly Offer[]) => offers.map((o) => o.id);


const holding = (offer: Offer, status: string) => offer.customers.some((customer) => customer.status === status);
const oldestFirst = (a: Offer, b: Offer) => -newestFirst(a, b);

it('drops the three indexes, leaves every record as it was, and lists every filter and grouped order as before', async () => {
  const db = await openOfferDatabase();
  expect(db.version).toBe(MIGRATIONS.length);
  db.close();
  const disk = await offerStoreOnDisk();
  // Version 10 drops the other three.
  expect(disk.indexes).toEqual(['newest']);
  expect(disk.records.sort(byId)).toEqual(OFFERS.map(version8Record).sort(byId));

  const store = new OfferStore(await openOfferDatabase(), () => '2027-01-01T00:00:00.000Z');
  const trials = OFFERS.filter((offer) => offer.kind === 'trial');
  expect(await everyPage(store, { kind: 'trial' }, 60)).toEqual(ids([...trials].sort(newestFirst)));
  expect(await everyPage(store, { status: 'accepted' }, 60)).toEqual(ids(OFFERS.filter((offer) => holding(offer, 'accepted')).sort(newestFirst)));
  expect(await everyPage(store, { offerStatus: 'pending' }, 60, { key: 'created', direction: 'asc' })).toEqual(ids(OFFERS.filter((offer) => offerStatus(offer) === 'pending').sort(oldestFirst)));
  const from = '2026-01-02T00:00:00.000Z';
  const to = '2026-01-03T00:00:00.000Z';
  const within = (offer: Offer) => offer.createdAt >= from && offer.createdAt < to;
  expect(await everyPage(store, { kind: 'trial', status: 'sent', from, to }, 25)).toEqual(ids(trials.filter((offer) => holding(offer, 'sent') && within(offer)).sort(newestFirst)));
  expect(await everyPage(store, { status: 'drafted', from }, 25, { key: 'created', direction: 'asc' })).toEqual(
    ids(OFFERS.filter((offer) => holding(offer, 'drafted') && offer.createdAt >= from).sort(oldestFirst)),
  );
  const kindOrder = (offer: Offer) => (offer.kind === 'trial' ? 0 : 1);
  expect(await everyPage(store, { status: 'declined' }, 45, { key: 'kind', direction: 'desc' })).toEqual(
    ids(OFFERS.filter((offer) => holding(offer, 'declined')).sort((a, b) => kindOrder(a) - kindOrder(b) || newestFirst(a, b))),
  );

  // A write keeps the record in today's form, and moves the offer between the terms' holders.
  const moved = OFFERS[4997]!;
  expect(offerStatus(moved)).not.toBe('withdrawn');
  await store.setCustomerStatus(moved.id, moved.customers[0]!.id, 'withdrawn');
  const [written] = (await offerStoreOnDisk()).records.filter((record) => record.id === moved.id);
  expect(Object.keys(written!)).not.toContain('statusKeys');
  expect(Object.keys(written!)).not.toContain('offerStatusKey');
  expect(ids((await store.page({ filter: { status: 'withdrawn' } })).offers)).toEqual([moved.id]);
  expect(ids((await store.page({ filter: { offerStatus: 'withdrawn' } })).offers)).toEqual([moved.id]);
}, 120_000);

it('keeps version 8 whole when a step after it fails', async () => {
  const failing: Upgrade = () => {
    throw new Error('a later version cannot run');
  };
  await expect(openOfferDatabase(DB_NAME, undefined, [...MIGRATIONS, failing])).rejects.toThrow();
  const disk = await offerStoreOnDisk();
  expect(disk.version).toBe(8);
  expect(disk.indexes).toEqual(V8_INDEXES);
  expect(disk.records.sort(byId)).toEqual(OFFERS.map(version8Record).sort(byId));
  expect(disk.records.map((record) => fromStored(record as never)).sort(byId)).toEqual([...OFFERS].sort(byId));
}, 60_000);
