import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, expect, it } from 'vitest';
import { makeCustomer, makeOffer, newestFirst } from '@/test/unit/offer-factory';
import { DB_NAME, MIGRATIONS, openOfferDatabase, TOTALS_ID, type Upgrade } from './db';
import { toStored } from './index-fields';
import type { Offer } from './schema';
import { totalsOf } from './stats';
import { OfferStore } from './store';
import { offerWords } from './words';

// Version 4 keys the word index by [word, createdAt]. A database version 3 wrote keeps every offer,
// loses its `words` field, and is searched through the new index; an upgrade that fails keeps version 3 whole.

const OFFERS: Offer[] = Array.from({ length: 1200 }, (_, n) =>
  makeOffer(n, {
    createdAt: new Date(Date.UTC(2026, 0, 1) + (n % 40) * 60_000).toISOString(),
    customers: [makeCustomer(`c${n}`, { name: `Person${n}`, company: n % 3 ? 'Contoso' : 'Fabrikam' })],
    notes: n % 50 === 0 ? `Rendez-vous ${n} à Montréal` : '',
  }),
);
/** A record as version 3 stored it: the index fields of its day, `words` among them (as today's). */
function version3Record(offer: Offer) {
  return { ...toStored(offer), words: offerWords(offer) };
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  const v3 = await openOfferDatabase(DB_NAME, undefined, MIGRATIONS.slice(0, 3));
  const tx = v3.transaction(['offers', 'stats'], 'readwrite');
  await Promise.all([...OFFERS.map((offer) => tx.objectStore('offers').put(version3Record(offer) as never)), tx.objectStore('stats').put({ id: TOTALS_ID, counts: totalsOf(OFFERS) })]);
  await tx.done;
  v3.close();
});

async function onDisk() {
  const db = await openDB(DB_NAME);
  try {
    const store = db.transaction('offers').store;
    const indexes = [...store.indexNames];
    return { version: db.version, wordsKeyPath: indexes.includes('words') ? store.index('words').keyPath : null, records: (await store.getAll()) as Record<string, unknown>[] };
  } finally {
    db.close();
  }
}

it('upgrades every offer on to today’s records, and searches through today’s word index', async () => {
  const db = await openOfferDatabase();
  expect(db.version).toBe(MIGRATIONS.length);
  db.close();
  const disk = await onDisk();
  expect(disk.wordsKeyPath).toBeNull();
  expect(disk.records).toHaveLength(OFFERS.length);
  for (const record of disk.records) expect(record).not.toHaveProperty('wordKeys');
  const byId = new Map(OFFERS.map((offer) => [offer.id, offer]));
  for (const record of disk.records) expect(record).toEqual(toStored(byId.get(record.id as string)!));

  const store = new OfferStore(await openOfferDatabase());
  expect((await store.all()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...OFFERS].sort((a, b) => a.id.localeCompare(b.id)));
  const montreal = OFFERS.filter((_, n) => n % 50 === 0).sort(newestFirst);
  expect((await store.search('montreal', { limit: 100 })).offers.map((o) => o.id)).toEqual(montreal.map((o) => o.id));
  const fabrikam = await store.search('fabrikam', { limit: 400 });
  expect(fabrikam.offers).toHaveLength(400);
  expect(fabrikam.offers.every((o) => o.customers[0]!.company === 'Fabrikam')).toBe(true);
});

it('keeps version 3 whole when a step after it fails', async () => {
  const failing: Upgrade = () => {
    throw new Error('a later version cannot run');
  };
  await expect(openOfferDatabase(DB_NAME, undefined, [...MIGRATIONS, failing])).rejects.toThrow();
  const disk = await onDisk();
  expect(disk.version).toBe(3);
  expect(disk.wordsKeyPath).toBe('words');
  const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
  expect(disk.records.sort(byId)).toEqual(OFFERS.map(version3Record).sort(byId));
});
