import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeOffer, offerUrl } from '@/test/unit/offer-factory';
import { createBackup } from './backup';
import { SUMMARY_ID_CONFLICT } from './import-report';
import { openOfferDatabase } from './db';
import { createOfferHandlers, type FollowUpMarks } from './handlers';
import { OfferStore, type FollowUpMark } from './store';

let store: OfferStore;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = new OfferStore(await openOfferDatabase());
});

const importTime = '2026-06-01T12:00:00.000Z';

describe('backup.import', () => {
  it('rejects only the record whose summary ID another offer holds, and brings future dates back to the import time', async () => {
    await store.mergeAll([makeOffer(1)]);
    const handlers = createOfferHandlers(async () => store, () => importTime);
    const future = '2031-01-01T00:00:00.000Z';
    const backup = createBackup(
      [makeOffer(2), makeOffer(3, { summaryId: 'SUM-1' }), makeOffer(4, { createdAt: future, updatedAt: future })],
      importTime,
    );
    const report = await handlers['backup.import']({ type: 'backup.import', backup: JSON.stringify({ ...backup, offers: ['junk', ...backup.offers] }) });
    expect(report).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(report.rejected.map((r) => [r.index, r.id, r.reason])).toEqual([
      [0, undefined, expect.stringMatching(/^record:/)],
      [2, 'offer-3', SUMMARY_ID_CONFLICT],
    ]);
    expect(await store.get('offer-4')).toMatchObject({ createdAt: importTime, updatedAt: importTime });
    expect((await store.page()).offers[0]?.id).toBe('offer-4');
  });
});

describe('offers.upsert with a follow-up mark', () => {
  function marks(initial: FollowUpMark | null, failClear = false): FollowUpMarks & { current: FollowUpMark | null } {
    return {
      current: initial,
      async read() {
        return this.current;
      },
      async applied() {
        if (failClear) throw new Error('worker stopped');
        this.current = null;
      },
    };
  }

  it('stores the link with the offer, then clears the mark', async () => {
    const mark = marks({ trialId: 'trial-9', since: '2026-01-01T00:00:00.000Z' });
    const handlers = createOfferHandlers(async () => store, undefined, mark);
    const answer = await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(1), source: 'auto' } });
    expect(answer).not.toHaveProperty('followUpApplied');
    expect((await store.get(answer.offer.id))?.followUpOf).toBe('trial-9');
    expect(mark.current).toBeNull();
  });

  it('keeps the link when the worker stops before the mark is cleared, and never links a second offer', async () => {
    const mark = marks({ trialId: 'trial-9', since: '2026-01-01T00:00:00.000Z' }, true);
    const stopped = createOfferHandlers(async () => store, undefined, mark);
    await expect(stopped['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(1), source: 'auto' } })).rejects.toThrow('worker stopped');
    const [first] = (await store.page()).offers;
    expect(first?.followUpOf).toBe('trial-9');

    const restarted = marks(mark.current);
    const handlers = createOfferHandlers(async () => store, undefined, restarted);
    const second = await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(2), source: 'auto' } });
    expect(second.offer.followUpOf).toBeUndefined();
    expect(restarted.current).toBeNull();
  });
});
