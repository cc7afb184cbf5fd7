import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { offerUrl } from '@/test/unit/offer-factory';
import { openOfferDatabase } from './db';
import { createOfferHandlers } from './handlers';
import { withChangeHooks } from './change-hooks';
import { OfferStore } from './store';
import type { Offer } from './schema';

let store: OfferStore;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = new OfferStore(await openOfferDatabase());
});

function hooked(trialWaiting: string | null, failReminders = false) {
  const changed: Offer[] = [];
  const warnings: unknown[] = [];
  let waiting = trialWaiting;
  const handlers = withChangeHooks(
    createOfferHandlers(async () => store),
    {
      sentOrStatusChanged: async (offer) => {
        if (failReminders) throw new Error('alarms unavailable');
        changed.push(offer);
      },
      followUpFor: async ({ offer, created }) => {
        if (!created || offer.kind !== 'purchase' || !waiting) return null;
        const trial = waiting;
        waiting = null;
        return trial;
      },
    },
    (...args) => warnings.push(args),
  );
  return { handlers, changed, warnings };
}

describe('change hooks', () => {
  it('link a new purchase offer to the waiting trial, once, and store the link', async () => {
    const { handlers } = hooked('trial-9');
    const first = await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(1), source: 'auto' } });
    expect(first.offer.followUpOf).toBe('trial-9');
    expect((await store.get(first.offer.id))?.followUpOf).toBe('trial-9');
    const second = await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(2), source: 'auto' } });
    expect(second.offer.followUpOf).toBeUndefined();
  });

  it('run after sends and status changes, and a failing reminder never fails the change', async () => {
    const { handlers, changed } = hooked(null);
    const { offer } = await handlers['offers.upsert']({ type: 'offers.upsert', draft: { url: offerUrl(3), source: 'manual' } });
    await handlers['offers.recordSend']({ type: 'offers.recordSend', id: offer.id, send: { provider: 'gmail' } });
    await handlers['offers.setStatus']({ type: 'offers.setStatus', id: offer.id, status: 'accepted' });
    expect(changed.map((o) => o.status)).toEqual(['sent', 'accepted']);

    const failing = hooked(null, true);
    const answer = await failing.handlers['offers.setStatus']({ type: 'offers.setStatus', id: offer.id, status: 'declined' });
    expect(answer.offer.status).toBe('declined');
    expect(failing.warnings).toHaveLength(1);
  });
});
