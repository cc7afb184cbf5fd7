// The advisor starts in Paris; the test moves the browser's time zone as a trip would.
process.env.TZ = 'Europe/Paris';

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { openOfferDatabase, TOTALS_ID } from './db';
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
