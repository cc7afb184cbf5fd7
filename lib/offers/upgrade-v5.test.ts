// The advisor is in New York: months are theirs, not UTC's. Set before any date is read.
process.env.TZ = 'America/New_York';

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, expect, it } from 'vitest';
import { version5Record } from '@/test/unit/legacy-records';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { DB_NAME, MIGRATIONS, openOfferDatabase, TOTALS_ID, type Upgrade } from './db';
import { toStored } from './index-fields';
import type { Offer } from './schema';
import { totalsOf, type Totals } from './stats';
import { OfferStore } from './store';

// Version 5 counts the overview's months in the browser's time zone. A database version 4 wrote
// holds totals counted in UTC months; the upgrade counts them again from the offers, and an
// upgrade that fails keeps version 4 whole.

/** Near the start of a UTC month, where New York is still in the month before. */
const nearMonthStart = (n: number) => new Date(Date.UTC(2026, n % 12, 1, n % 8, n % 60)).toISOString();
const EDGE: Offer = makeOffer(5000, {
  usageLocation: 'United States',
  customers: [makeCustomer('edge', { name: 'Edge' }, '2026-12-01T01:00:00.000Z', 'sent')],
});
const OFFERS: Offer[] = [
  ...Array.from({ length: 1200 }, (_, n) =>
    makeOffer(n, {
      kind: n % 3 ? 'purchase' : 'trial',
      customers: [
        makeCustomer(`s${n}`, { name: `Sent ${n}` }, nearMonthStart(n), n % 4 ? 'sent' : 'pending'),
        ...(n % 5 ? [] : [makeCustomer(`a${n}`, { name: `Accepted ${n}` }, nearMonthStart(n + 7), 'accepted')]),
      ],
    }),
  ),
  EDGE,
];

/** What `compute` gives with the browser in another time zone. */
function inZone<T>(zone: string, compute: () => T): T {
  const own = process.env.TZ;
  process.env.TZ = zone;
  try {
    return compute();
  } finally {
    process.env.TZ = own;
  }
}
const UTC_TOTALS = inZone('UTC', () => totalsOf(OFFERS));
const isMonthCounter = (key: string) => /^[^|]+\|\d{4}-\d{2}\|/.test(key);
const notMonths = (totals: Totals) => [...totals].filter(([key]) => !isMonthCounter(key)).sort();

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  const v4 = await openOfferDatabase(DB_NAME, undefined, MIGRATIONS.slice(0, 4));
  const tx = v4.transaction(['offers', 'stats'], 'readwrite');
  await Promise.all([...OFFERS.map((offer) => tx.objectStore('offers').put(version5Record(offer) as never)), tx.objectStore('stats').put({ id: TOTALS_ID, counts: UTC_TOTALS })]);
  await tx.done;
  v4.close();
});

async function onDisk() {
  const db = await openDB(DB_NAME);
  try {
    const tx = db.transaction(['offers', 'stats']);
    const [records, totals] = await Promise.all([tx.objectStore('offers').getAll(), tx.objectStore('stats').get(TOTALS_ID)]);
    return { version: db.version, records: records as unknown[], counts: (totals as { counts: Totals }).counts };
  } finally {
    db.close();
  }
}
const byId = (a: unknown, b: unknown) => (a as Offer).id.localeCompare((b as Offer).id);

it('counts the months again in the advisor’s time zone, keeping the other totals and every offer', async () => {
  const local = totalsOf(OFFERS);
  expect(local).not.toEqual(UTC_TOTALS);
  const db = await openOfferDatabase();
  expect(db.version).toBe(MIGRATIONS.length);
  db.close();

  const disk = await onDisk();
  expect(disk.counts).toEqual(local);
  expect(notMonths(disk.counts)).toEqual(notMonths(UTC_TOTALS));
  expect(disk.records.sort(byId)).toEqual(OFFERS.map(toStored).sort(byId));

  // Sent at 20:00 on 30 November in New York: November's, as the overview shows it on 1 December there.
  expect(UTC_TOTALS.get('sent|2026-12|location:United States')).toBe(1);
  expect(disk.counts.get('sent|2026-11|location:United States')).toBe(1);
  expect(disk.counts.has('sent|2026-12|location:United States')).toBe(false);
  const store = new OfferStore(await openOfferDatabase());
  const overview = await store.overview(new Date('2026-12-01T04:30:00.000Z'), { days: 7, remindersOn: false });
  expect(overview.months.at(-1)).toBe('2026-11');
  expect(overview.byLocation.find(({ location }) => location === 'United States')?.series.sent).toEqual([...Array(11).fill(0), 1]);
});

it('keeps version 4 and its totals whole when a step after it fails', async () => {
  const failing: Upgrade = () => {
    throw new Error('a later version cannot run');
  };
  await expect(openOfferDatabase(DB_NAME, undefined, [...MIGRATIONS, failing])).rejects.toThrow();
  const disk = await onDisk();
  expect(disk.version).toBe(4);
  expect(disk.counts).toEqual(UTC_TOTALS);
  expect(disk.records.sort(byId)).toEqual(OFFERS.map(version5Record).sort(byId));
});
