import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { offerUrl } from '@/test/unit/offer-factory';
import { openOfferDatabase } from './db';
import { createOfferHandlers } from './handlers';
import { withChangeHooks } from './change-hooks';
import { OfferStore } from './store';

let store: OfferStore;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = new OfferStore(await openOfferDatabase());
});

function hooked(failReminders = false) {
  const log: string[] = [];
  const warnings: unknown[] = [];
  const handlers = withChangeHooks(
    createOfferHandlers(async () => store),
    {
      sentOrStatusChanged: async (offer) => {
        if (failReminders) throw new Error('alarms unavailable');
        log.push(`changed ${offer.status}`);
      },
      deleted: async (offerId) => void log.push(`deleted ${offerId}`),
      manyChanged: async () => void log.push('many'),
    },
    (...args) => warnings.push(args),
  );
  return { handlers, log, warnings };
}

describe('change hooks', () => {
  it('run after sends and status changes, and a failing reminder never fails the change', async () => {
    const { handlers, log } = hooked();
    const { offer } = await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(3), source: 'manual' } });
    await handlers['offers.recordSend']({ type: 'offers.recordSend', id: offer.id, send: { provider: 'gmail' } });
    await handlers['offers.setStatus']({ type: 'offers.setStatus', id: offer.id, status: 'accepted' });
    expect(log).toEqual(['changed sent', 'changed accepted']);

    const failing = hooked(true);
    const answer = await failing.handlers['offers.setStatus']({ type: 'offers.setStatus', id: offer.id, status: 'declined' });
    expect(answer.offer.status).toBe('declined');
    expect(failing.warnings).toHaveLength(1);
  });

  it('clear a deleted offer\'s reminder, set it again on Undo, and rebuild after Delete all', async () => {
    const { handlers, log } = hooked();
    const { offer } = await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(4), source: 'manual' } });
    const sent = (await handlers['offers.recordSend']({ type: 'offers.recordSend', id: offer.id, send: { provider: 'gmail' } })).offer;
    const deleted = await handlers['offers.delete']({ type: 'offers.delete', id: offer.id });
    await handlers['offers.delete']({ type: 'offers.delete', id: offer.id });
    await handlers['offers.restore']({ type: 'offers.restore', offer: deleted.offer! });
    expect(await store.get(offer.id)).toEqual(sent);
    await handlers['offers.deleteAll']({ type: 'offers.deleteAll' });
    expect(log).toEqual(['changed sent', `deleted ${offer.id}`, 'changed sent', 'many']);
  });
});
