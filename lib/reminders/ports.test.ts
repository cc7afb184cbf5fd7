import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { openOfferDatabase } from '../offers/db';
import { OfferStore } from '../offers/store';
import { browserReminderPorts } from './ports';

const who = (n: number) => ({ name: `Customer ${n}`, email: `c${n}@contoso.example`, company: 'Contoso' });

describe('the reminders’ ports over a real store', () => {
  it('list every offer with a customer awaiting a reply, page after page, each once', async () => {
    globalThis.indexedDB = new IDBFactory();
    const store = new OfferStore(await openOfferDatabase());
    // Listed newest first, pages end at the 500th and 1,000th: offers created at the same moment
    // straddle both ends, so that a page ends between two of them.
    const tiedWith = (n: number) => (n >= 495 && n <= 505 ? 500 : n <= 4 ? 2 : n);
    const waiting = Array.from({ length: 1_001 }, (_, n) =>
      makeOffer(n, { createdAt: makeOffer(tiedWith(n)).createdAt, customers: [makeCustomer(`c${n}`, who(n), undefined, 'sent')] }),
    );
    const twoWaiting = makeOffer(2_000, { customers: [makeCustomer('a', who(1), undefined, 'sent'), makeCustomer('b', who(2), undefined, 'sent')] });
    const oneOfTwo = makeOffer(2_001, { customers: [makeCustomer('c', who(3), undefined, 'accepted'), makeCustomer('d', who(4), undefined, 'sent')] });
    const notWaiting = ['pending', 'drafted', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
    const others = notWaiting.map((status, n) => makeOffer(3_000 + n, { customers: [makeCustomer(`o${n}`, who(n), undefined, status)] }));
    await store.mergeAll([...waiting, twoWaiting, oneOfTwo, ...others, makeOffer(4_000)]);

    const ports = browserReminderPorts(
      async () => store,
      () => Promise.reject(new Error('Listing the waiting offers reads no settings.')),
    );
    const listed: string[] = [];
    for await (const offer of ports.sentOffers()) listed.push(offer.id);

    expect(listed).toHaveLength(1_003);
    expect(new Set(listed)).toEqual(new Set([...waiting, twoWaiting, oneOfTwo].map((offer) => offer.id)));
  }, 60_000);
});
