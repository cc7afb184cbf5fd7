import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { offerUrl } from '@/test/unit/offer-factory';
import { memoryArea } from '@/test/unit/memory-area';
import { offerStatus } from './customers';
import { openOfferDatabase } from './db';
import { createOfferHandlers } from './handlers';
import { withChangeHooks } from './change-hooks';
import { OfferStore } from './store';

let store: OfferStore;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = new OfferStore(await openOfferDatabase());
});

const SEND = { kind: 'send' as const, at: '2026-01-01T00:00:00.000Z', provider: 'gmail' as const, recipients: [{ email: 'a@b.example' }] };

function hooked(failReminders = false) {
  const log: string[] = [];
  const warnings: unknown[] = [];
  const handlers = withChangeHooks(
    createOfferHandlers(async () => store, memoryArea()),
    {
      sentOrStatusChanged: async (offer) => {
        if (failReminders) throw new Error('alarms unavailable');
        log.push(`changed ${offerStatus(offer)}`);
      },
      restored: async (offer) => void log.push(`restored ${offerStatus(offer)}`),
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
    const sent = await handlers['offers.recordCompose']({ type: 'offers.recordCompose', id: offer.id, event: SEND });
    const customerId = sent.offer.customers[0]!.id;
    await handlers['offers.setCustomerStatus']({ type: 'offers.setCustomerStatus', id: offer.id, customerId, status: 'accepted' });
    await handlers['offers.removeCustomer']({ type: 'offers.removeCustomer', id: offer.id, customerId });
    expect(log).toEqual(['changed sent', 'changed accepted', 'changed pending']);

    const failing = hooked(true);
    const answer = await failing.handlers['offers.recordCompose']({ type: 'offers.recordCompose', id: offer.id, event: { ...SEND, at: '2026-02-01T00:00:00.000Z' } });
    expect(offerStatus(answer.offer)).toBe('sent');
    expect(failing.warnings).toHaveLength(1);
  });

  it('clear a deleted offer\'s reminder, set it again on Undo, and rebuild after Delete all and after an import', async () => {
    const { handlers, log } = hooked();
    const { offer } = await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(4), source: 'manual' } });
    const sent = (await handlers['offers.recordCompose']({ type: 'offers.recordCompose', id: offer.id, event: SEND })).offer;
    const deleted = await handlers['offers.delete']({ type: 'offers.delete', id: offer.id });
    await handlers['offers.delete']({ type: 'offers.delete', id: offer.id });
    await handlers['offers.restore']({ type: 'offers.restore', offer: deleted.offer! });
    expect(await store.get(offer.id)).toEqual(sent);
    await handlers['offers.deleteAll']({ type: 'offers.deleteAll' });
    expect(log).toEqual(['changed sent', `deleted ${offer.id}`, 'restored sent', 'many']);
    await handlers['offers.imported']({ type: 'offers.imported' });
    expect(log.at(-1)).toBe('many');
    expect(log).toHaveLength(5);
  });

  it('follow each offer of a bulk status change, bulk deletion and its Undo', async () => {
    const { handlers, log } = hooked();
    const first = (await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(5), source: 'manual' } })).offer;
    const second = (await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(6), source: 'manual' } })).offer;
    await handlers['offers.recordCompose']({ type: 'offers.recordCompose', id: first.id, event: SEND });
    log.length = 0;
    // The second offer has no customer: nothing changes, so no reminder moves.
    await handlers['offers.setStatusForAll']({ type: 'offers.setStatusForAll', ids: [first.id, second.id], status: 'accepted' });
    const deleted = await handlers['offers.deleteMany']({ type: 'offers.deleteMany', ids: [first.id, second.id] });
    await handlers['offers.restoreMany']({ type: 'offers.restoreMany', offers: deleted.offers });
    expect(log).toEqual(['changed accepted', `deleted ${first.id}`, `deleted ${second.id}`, 'restored accepted', 'restored pending']);
  });

  it('clear an undone capture\'s reminder and set again those of the offer it had replaced', async () => {
    const { handlers, log } = hooked();
    const old = (await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(7), source: 'manual' } })).offer;
    await handlers['offers.recordCompose']({ type: 'offers.recordCompose', id: old.id, event: SEND });
    await handlers['offers.armNext']({ type: 'offers.armNext', id: old.id, link: 'replacement' });
    const { answer, takenMark } = await handlers.saveCapture({ url: offerUrl(8), source: 'auto' });
    const captured = answer.offer;
    log.length = 0;
    await handlers.undoCapture(captured.id, takenMark);
    expect(log).toEqual([`deleted ${captured.id}`, 'changed sent']);
  });
});
