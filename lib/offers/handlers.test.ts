import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCustomer, makeOffer, offerUrl } from '@/test/unit/offer-factory';
import { openOfferDatabase } from './db';
import { memoryArea } from '@/test/unit/memory-area';
import { ARMED_NEXT_KEY, armNext, readArmedNext } from './armed-next';
import { createOfferHandlers } from './handlers';
import type { Offer } from './schema';
import { OfferStore } from './store';

let store: OfferStore;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = new OfferStore(await openOfferDatabase());
});

describe('offers.upsert with an armed link', () => {
  it('stores the link with the offer, then clears the mark', async () => {
    const area = memoryArea();
    await armNext(area, { offerId: 'trial-9', link: 'follow-up', withdraw: false }, '2026-01-01T00:00:00.000Z');
    const handlers = createOfferHandlers(async () => store, area);
    const answer = await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(1), source: 'auto' } });
    expect(answer).not.toHaveProperty('armedApplied');
    expect((await store.get(answer.offer.id))?.followUpOf).toBe('trial-9');
    expect(await readArmedNext(area)).toBeNull();
  });

  it('keeps the link when the worker stops before the mark is cleared, and never links a second offer', async () => {
    const area = memoryArea();
    await armNext(area, { offerId: 'trial-9', link: 'follow-up', withdraw: false }, '2026-01-01T00:00:00.000Z');
    const failing = { ...area, remove: () => Promise.reject(new Error('worker stopped')) };
    const stopped = createOfferHandlers(async () => store, failing);
    await expect(stopped['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(1), source: 'auto' } })).rejects.toThrow('worker stopped');
    const [first] = (await store.page()).offers;
    expect(first?.followUpOf).toBe('trial-9');

    const handlers = createOfferHandlers(async () => store, area);
    const second = await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(2), source: 'auto' } });
    expect(second.offer.followUpOf).toBeUndefined();
    expect(await readArmedNext(area)).toBeNull();
  });

  it('reads a follow-up armed by version 1 and arms only an existing offer', async () => {
    const area = memoryArea();
    await area.set({ pendingFollowUp: { trialId: 'trial-1', at: '2026-03-01T12:00:00.000+02:00' } });
    expect(await readArmedNext(area)).toEqual({ offerId: 'trial-1', link: 'follow-up', withdraw: false, at: '2026-03-01T10:00:00.000Z' });
    const handlers = createOfferHandlers(async () => store, area);
    await expect(handlers['offers.armNext']({ type: 'offers.armNext', id: 'nope', link: 'replacement' })).rejects.toMatchObject({ code: 'not-found' });
    await store.mergeAll([makeOffer(5)]);
    const { armed } = await handlers['offers.armNext']({ type: 'offers.armNext', id: 'offer-5', link: 'replacement' });
    expect(armed).toMatchObject({ offerId: 'offer-5', link: 'replacement', withdraw: true });
    expect(await area.get(['pendingFollowUp', ARMED_NEXT_KEY])).toEqual({ [ARMED_NEXT_KEY]: armed });
    expect(await handlers['offers.disarmNext']({ type: 'offers.disarmNext' })).toEqual({ disarmed: true });
    expect(await handlers['offers.armedNext']({ type: 'offers.armedNext' })).toEqual({ armed: null });
  });
});

describe('undoCapture', () => {
  const capture = (handlers: ReturnType<typeof createOfferHandlers>, n: number) => handlers.saveCapture({ url: offerUrl(n), source: 'auto' });

  it('deletes the captured replacement, reopens the customers it withdrew and waits again for the right offer', async () => {
    await store.mergeAll([
      makeOffer(1, {
        customers: [
          makeCustomer('c1', { email: 'ana@fabrikam.example' }, '2026-01-02T00:00:00.000Z', 'sent'),
          makeCustomer('c2', { email: 'lou@fabrikam.example' }, '2026-01-02T00:00:00.000Z', 'accepted'),
          makeCustomer('c3', { email: 'kim@fabrikam.example' }, '2026-01-02T00:00:00.000Z', 'drafted'),
        ],
      }),
    ]);
    const before = await store.get('offer-1');
    const area = memoryArea();
    const armed = await armNext(area, { offerId: 'offer-1', link: 'replacement', withdraw: true }, '2026-01-03T00:00:00.000Z');
    const handlers = createOfferHandlers(async () => store, area, () => '2026-01-04T00:00:00.000Z');
    const { answer, takenMark } = await capture(handlers, 2);
    expect(takenMark).toEqual(armed);
    expect(statuses(await store.get('offer-1'))).toEqual(['withdrawn', 'accepted', 'withdrawn']);
    // Kim's status set by hand since the capture: the Undo leaves it.
    await store.setCustomerStatus('offer-1', 'c3', 'declined');

    const undone = await handlers.undoCapture(answer.offer.id, takenMark);
    expect(undone.offer?.id).toBe(answer.offer.id);
    expect(await store.get(answer.offer.id)).toBeNull();
    const reopened = await store.get('offer-1');
    expect(undone.reopened).toEqual(reopened);
    expect(reopened).not.toHaveProperty('replacedBy');
    expect(statuses(reopened)).toEqual(['sent', 'accepted', 'declined']);
    expect(reopened?.customers[0]).toEqual(before?.customers[0]);
    expect(await readArmedNext(area)).toEqual({ offerId: 'offer-1', link: 'replacement', withdraw: true, at: '2026-01-04T00:00:00.000Z' });

    // The right offer captured next takes the link.
    const { answer: right } = await capture(handlers, 3);
    expect(right.offer.replaces).toBe('offer-1');
    expect(statuses(await store.get('offer-1'))).toEqual(['withdrawn', 'accepted', 'declined']);
  });

  it('arms the mark again as it was armed, even when the replacement withdrew nobody', async () => {
    await store.mergeAll([makeOffer(1, { customers: [makeCustomer('c1', { email: 'ana@fabrikam.example' }, '2026-01-02T00:00:00.000Z', 'accepted')] })]);
    const area = memoryArea();
    await armNext(area, { offerId: 'offer-1', link: 'replacement', withdraw: true }, '2026-01-03T00:00:00.000Z');
    const handlers = createOfferHandlers(async () => store, area, () => '2026-01-04T00:00:00.000Z');
    const { answer, takenMark } = await capture(handlers, 2);
    await handlers.undoCapture(answer.offer.id, takenMark);
    expect(await readArmedNext(area)).toMatchObject({ offerId: 'offer-1', link: 'replacement', withdraw: true });
  });

  it('waits again for a trial’s follow-up, and leaves a mark the advisor armed since', async () => {
    await store.mergeAll([makeOffer(1, { kind: 'trial', url: offerUrl(1, 'Trial') }), makeOffer(5)]);
    const area = memoryArea();
    await armNext(area, { offerId: 'offer-1', link: 'follow-up', withdraw: false }, '2026-01-03T00:00:00.000Z');
    const handlers = createOfferHandlers(async () => store, area, () => '2026-01-04T00:00:00.000Z');
    const first = await capture(handlers, 2);
    expect(first.answer.offer.followUpOf).toBe('offer-1');
    await handlers.undoCapture(first.answer.offer.id, first.takenMark);
    expect(await readArmedNext(area)).toMatchObject({ offerId: 'offer-1', link: 'follow-up' });

    const second = await capture(handlers, 3);
    await armNext(area, { offerId: 'offer-5', link: 'replacement', withdraw: true }, '2026-01-05T00:00:00.000Z');
    await handlers.undoCapture(second.answer.offer.id, second.takenMark);
    expect(await readArmedNext(area)).toMatchObject({ offerId: 'offer-5', link: 'replacement' });
  });

  it('arms nothing and reopens nobody for a capture that took no mark, even one linked by hand since', async () => {
    await store.mergeAll([makeOffer(1, { customers: [makeCustomer('c1', { email: 'ana@fabrikam.example' }, '2026-01-02T00:00:00.000Z', 'sent')] })]);
    const area = memoryArea();
    const handlers = createOfferHandlers(async () => store, area);
    const { answer, takenMark } = await capture(handlers, 2);
    expect(takenMark).toBeNull();
    await handlers['offers.replace']({ type: 'offers.replace', id: 'offer-1', by: answer.offer.id, withdraw: true });
    expect(statuses(await store.get('offer-1'))).toEqual(['withdrawn']);
    const undone = await handlers.undoCapture(answer.offer.id, takenMark);
    expect(undone.offer?.id).toBe(answer.offer.id);
    expect(await store.get('offer-1')).not.toHaveProperty('replacedBy');
    expect(statuses(await store.get('offer-1'))).toEqual(['withdrawn']);
    expect(await readArmedNext(area)).toBeNull();
  });
});

function statuses(offer: Offer | null): string[] {
  return offer?.customers.map((customer) => customer.status) ?? [];
}
