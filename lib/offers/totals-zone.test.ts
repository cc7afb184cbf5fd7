// The advisor starts in Paris; the test moves the browser's time zone as a trip would.
process.env.TZ = 'Europe/Paris';

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { openOfferDatabase, TOTALS_ID } from './db';
import { TOTALS_COUNTERS } from './stats';
import { OfferStore } from './store';

let store: OfferStore;
beforeEach(async () => {
  process.env.TZ = 'Europe/Paris';
  globalThis.indexedDB = new IDBFactory();
  store = new OfferStore(await openOfferDatabase());
});

// 00:30 on 1 December in Paris, 18:30 on 30 November in New York.
const sentAt = '2026-11-30T23:30:00.000Z';
const OVERDUE = { days: 7, remindersOn: false };
const sentByMonth = async () => {
  const overview = await store.overview(new Date('2026-12-15T12:00:00.000Z'), OVERDUE);
  return Object.fromEntries(overview.months.slice(-2).map((month, i) => [month, overview.all.sent.at(i - 2)]));
};

it('counts the months again in the new time zone once the advisor moved, so no month keeps a deleted offer', async () => {
  await store.mergeAll([makeOffer(1, { customers: [makeCustomer('c1', { email: 'ana@fabrikam.example' }, sentAt, 'sent')] })]);
  expect(await sentByMonth()).toEqual({ '2026-11': 0, '2026-12': 1 });

  process.env.TZ = 'America/New_York';
  expect(await sentByMonth()).toEqual({ '2026-11': 1, '2026-12': 0 });
  await store.delete('offer-1');
  expect(await sentByMonth()).toEqual({ '2026-11': 0, '2026-12': 0 });
});

it('counts again on the first write in the new time zone, that write included', async () => {
  await store.mergeAll([makeOffer(1, { customers: [makeCustomer('c1', { email: 'ana@fabrikam.example' }, sentAt, 'sent')] })]);
  process.env.TZ = 'America/New_York';
  await store.delete('offer-1');
  const db = await openOfferDatabase();
  const stored = await db.get('stats', TOTALS_ID);
  db.close();
  expect(stored?.timeZone).toBe('America/New_York');
  expect([...(stored?.counts.keys() ?? [])].filter((key) => key.startsWith('sent|'))).toEqual([]);
});

describe('totals counted before the waits per day', () => {
  /** The totals as a version before the waits per day stored them: no `counters`, no `waits|` counter. */
  async function storeOldTotals() {
    const db = await openOfferDatabase();
    const stored = (await db.get('stats', TOTALS_ID))!;
    const { counters: _counters, ...old } = stored;
    await db.put('stats', { ...old, counts: new Map([...stored.counts].filter(([key]) => !key.startsWith('waits|'))) });
    db.close();
  }
  const storedTotals = async () => {
    const db = await openOfferDatabase();
    const stored = await db.get('stats', TOTALS_ID);
    db.close();
    return stored;
  };
  const awaiting = (n: number, at: string) => makeOffer(n, { customers: [makeCustomer(`c${n}`, { email: `c${n}@fabrikam.example` }, at, 'sent')] });

  it('counts them again for the overview, so that recent waits are not taken for overdue ones', async () => {
    await store.mergeAll([awaiting(1, '2026-12-14T08:00:00.000Z'), awaiting(2, '2026-12-01T08:00:00.000Z')]);
    await storeOldTotals();
    expect((await store.overview(new Date('2026-12-15T12:00:00.000Z'), OVERDUE)).overdue.customers).toBe(1);
    expect(await storedTotals()).toMatchObject({ counters: TOTALS_COUNTERS, timeZone: 'Europe/Paris' });
    expect((await storedTotals())?.counts.get('waits|2026-12-14')).toBe(1);
  });

  it('counts them again on the next write, that write included', async () => {
    await store.mergeAll([awaiting(1, '2026-12-14T08:00:00.000Z')]);
    await storeOldTotals();
    await store.mergeAll([awaiting(2, '2026-12-01T08:00:00.000Z')]);
    const stored = await storedTotals();
    expect(stored?.counters).toBe(TOTALS_COUNTERS);
    expect([...(stored?.counts ?? [])].filter(([key]) => key.startsWith('waits|'))).toEqual([
      ['waits|2026-12-14', 1],
      ['waits|2026-12-01', 1],
    ]);
  });
});
