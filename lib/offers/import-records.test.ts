import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import { openOfferDatabase } from './db';
import { importRecords } from './import-records';
import { OfferStore } from './store';

let store: OfferStore;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = new OfferStore(await openOfferDatabase());
});

const importTime = '2026-06-01T12:00:00.000Z';

describe('importRecords', () => {
  it('rejects only the record whose summary ID another offer holds, and brings future dates back to the import time', async () => {
    await store.mergeAll([makeOffer(1)]);
    const future = '2031-01-01T00:00:00.000Z';
    const records = ['junk', makeOffer(2), makeOffer(3, { summaryId: 'SUM-1' }), makeOffer(4, { createdAt: future, updatedAt: future })];
    const report = await importRecords(store, records, 100, importTime);
    expect(report).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(report.rejected).toEqual([
      { index: 100, problem: 'not-an-offer' },
      { index: 102, id: 'offer-3', summaryId: 'SUM-1', problem: 'summary-id-conflict' },
    ]);
    expect(await store.get('offer-4')).toMatchObject({ createdAt: importTime, updatedAt: importTime });
    expect((await store.page()).offers[0]?.id).toBe('offer-4');
  });
});

describe('importRecords progress', () => {
  it('tells how many records are written as the batches of writes go, in order', async () => {
    const records = Array.from({ length: 1_200 }, (_, n) => makeOffer(n + 1));
    const progress: number[] = [];
    const report = await importRecords(store, records, 0, importTime, (done) => progress.push(done));
    expect(report.added).toBe(1_200);
    expect(progress).toEqual([500, 1_000, 1_200]);
  });
});
