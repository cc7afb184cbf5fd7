import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { hideGetAllRecords, GET_ALL_RECORDS_CASES } from '@/test/unit/get-all-records';
import { makeCustomer, makeOffer, offerUrl } from '@/test/unit/offer-factory';
import { offerStatus } from './customers';
import { openOfferDatabase } from './db';
import { OFFER_STATUSES, type Offer } from './schema';
import type { OfferSort } from './sort';
import { OfferStore, type OfferFilter } from './store';

let store: OfferStore;
let offers: Offer[];
const STATUS_CYCLE = ['sent', 'accepted', 'pending', 'declined', 'drafted', 'expired', 'withdrawn'] as const;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = new OfferStore(await openOfferDatabase(), () => '2026-06-01T00:00:00.000Z', () => crypto.randomUUID());
  offers = Array.from({ length: 90 }, (_, n) => {
    const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
    const trial = n % 4 === 0;
    return makeOffer(n, {
      ...(trial ? { kind: 'trial' as const, url: offerUrl(n, 'Trial') } : {}),
      customers: n % 10 === 9 ? [] : [makeCustomer(`c${n}`, { email: `b${n}@contoso.example` }, at, STATUS_CYCLE[n % STATUS_CYCLE.length])],
    });
  });
  await store.mergeAll(offers);
});

/** Every page of a sorted list, `limit` at a time. */
async function readAll(sort: OfferSort | undefined, filter: OfferFilter = {}, limit = 7): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.page({ cursor, limit, filter, sort });
    expect(page.offers.length).toBeLessThanOrEqual(limit);
    seen.push(...page.offers.map((o) => o.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

const newestFirst = (a: Offer, b: Offer) => b.createdAt.localeCompare(a.createdAt);
const ids = (list: Offer[]) => list.map((o) => o.id);
const byGroup = (group: (offer: Offer) => string, order: readonly string[]) => (a: Offer, b: Offer) =>
  order.indexOf(group(a)) - order.indexOf(group(b)) || newestFirst(a, b);

describe.each(GET_ALL_RECORDS_CASES)('sorted pages%s', (_browser, withoutGetAllRecords) => {
  hideGetAllRecords(withoutGetAllRecords);

  it('reads by creation date either way across pages', async () => {
    expect(await readAll({ key: 'created', direction: 'desc' })).toEqual(ids([...offers].sort(newestFirst)));
    expect(await readAll({ key: 'created', direction: 'asc' })).toEqual(ids([...offers].sort((a, b) => -newestFirst(a, b))));
  });

  it('reads by the offer’s status in the pipeline’s order, newest first within each, and reversed', async () => {
    const order = [...OFFER_STATUSES];
    expect(await readAll({ key: 'status', direction: 'asc' })).toEqual(ids([...offers].sort(byGroup(offerStatus, order))));
    expect(await readAll({ key: 'status', direction: 'desc' })).toEqual(ids([...offers].sort(byGroup(offerStatus, order.reverse()))));
  });

  it('reads by kind, purchase offers first or last', async () => {
    expect(await readAll({ key: 'kind', direction: 'asc' })).toEqual(ids([...offers].sort(byGroup((o) => o.kind, ['purchase', 'trial']))));
    expect(await readAll({ key: 'kind', direction: 'desc' }, {}, 50)).toEqual(ids([...offers].sort(byGroup((o) => o.kind, ['trial', 'purchase']))));
  });

  it('keeps to the filter in every order', async () => {
    const from = new Date(Date.UTC(2026, 0, 1) + 20 * 60_000).toISOString();
    const to = new Date(Date.UTC(2026, 0, 1) + 70 * 60_000).toISOString();
    const filter: OfferFilter = { usageLocation: 'France', from, to };
    const expected = offers.filter((o) => o.usageLocation === 'France' && o.createdAt >= from && o.createdAt < to);
    expect(await readAll({ key: 'created', direction: 'asc' }, filter, 4)).toEqual(ids([...expected].sort((a, b) => -newestFirst(a, b))));
    expect(await readAll({ key: 'status', direction: 'desc' }, filter, 4)).toEqual(ids([...expected].sort(byGroup(offerStatus, [...OFFER_STATUSES].reverse()))));
    expect(await readAll({ key: 'kind', direction: 'asc' }, { kind: 'trial' }, 4)).toEqual(ids(offers.filter((o) => o.kind === 'trial').sort(newestFirst)));
    const sent = offers.filter((o) => offerStatus(o) === 'sent');
    expect(await readAll({ key: 'status', direction: 'asc' }, { offerStatus: 'sent' }, 3)).toEqual(ids(sent.sort(newestFirst)));
  });

  it('finds nothing, and does not fail, between dates typed the wrong way round or equal', async () => {
    const later = new Date(Date.UTC(2026, 0, 1) + 70 * 60_000).toISOString();
    const earlier = new Date(Date.UTC(2026, 0, 1) + 20 * 60_000).toISOString();
    for (const [from, to] of [[later, earlier], [later, later]]) {
      for (const sort of [undefined, { key: 'created', direction: 'asc' }, { key: 'status', direction: 'desc' }, { key: 'kind', direction: 'asc' }] as const) {
        expect(await readAll(sort, { from, to })).toEqual([]);
        expect(await readAll(sort, { from, to, usageLocation: 'France' })).toEqual([]);
      }
    }
  });

  it('sorts a follow-up list when asked, which otherwise shows the longest wait first', async () => {
    const awaiting = offers.filter((o) => offerStatus(o) === 'sent');
    expect(await readAll({ key: 'created', direction: 'asc' }, { awaiting: {} }, 2)).toEqual(ids([...awaiting].sort((a, b) => -newestFirst(a, b))));
  });
});

describe('bulk changes', () => {
  it('sets every customer of each offer to a status in one go, leaving offers without customers alone', async () => {
    await store.addCustomer('offer-1', { email: 'second@contoso.example' });
    const { changed, withoutCustomers, missing } = await store.setStatusForAll(['offer-1', 'offer-9', 'gone'], 'accepted');
    expect(changed.map((o) => o.id)).toEqual(['offer-1']);
    expect({ withoutCustomers, missing }).toEqual({ withoutCustomers: 1, missing: 1 });
    expect((await store.get('offer-1'))?.customers.map((c) => c.status)).toEqual(['accepted', 'accepted']);
    expect((await store.page({ filter: { offerStatus: 'accepted' }, limit: 500 })).offers.map((o) => o.id)).toContain('offer-1');
  });

  it('undoes a bulk status change: every customer it moved goes back, one changed since keeps its status', async () => {
    await store.addCustomer('offer-1', { email: 'second@contoso.example' });
    const [one, two] = await Promise.all(['offer-1', 'offer-2'].map((id) => store.get(id)));
    expect([one?.customers.map((c) => c.status), two?.customers.map((c) => c.status)]).toEqual([['accepted', 'pending'], ['pending']]);
    const bulk = await store.setStatusForAll(['offer-1', 'offer-2', 'offer-9'], 'declined');
    await store.setCustomerStatus('offer-2', 'c2', 'sent');
    const undone = await store.undoStatusForAll(['offer-1', 'offer-2', 'offer-9', 'gone'], 'declined', bulk.at);
    expect(undone.changed.map((o) => o.id)).toEqual(['offer-1']);
    expect(undone.changedSince).toBe(1);
    expect((await store.get('offer-1'))?.customers).toEqual(one?.customers);
    expect((await store.get('offer-2'))?.customers.map((c) => [c.status, c.history.map((h) => h.status)])).toEqual([['sent', ['pending', 'declined', 'sent']]]);
    expect((await store.page({ filter: { status: 'declined' }, limit: 500 })).offers.map((o) => o.id)).not.toContain('offer-1');
    // Undone once, a second Undo finds nothing of that change left to undo.
    expect(await store.undoStatusForAll(['offer-1'], 'declined', bulk.at)).toEqual({ changed: [], changedSince: 0 });
  });

  it('deletes a selection and puts it back as it was', async () => {
    const before = await Promise.all(['offer-3', 'offer-4'].map((id) => store.get(id)));
    const deleted = await store.deleteMany(['offer-3', 'offer-4', 'gone']);
    expect(deleted.map((o) => o.id)).toEqual(['offer-3', 'offer-4']);
    expect(await store.count()).toBe(88);
    const offersCounted = async () => Object.values((await store.overview(new Date('2026-06-01T00:00:00.000Z'), { days: 7, remindersOn: false })).offers).reduce((a, b) => a + b, 0);
    expect(await offersCounted()).toBe(88);
    await store.restoreAll(deleted);
    expect(await Promise.all(['offer-3', 'offer-4'].map((id) => store.get(id)))).toEqual(before);
    expect(await store.count()).toBe(90);
    expect(await offersCounted()).toBe(90);
  });

  it('merges two restored records of one quote into one, and leaves a summary ID to the first that brings it', async () => {
    const deleted = await store.deleteMany(['offer-3', 'offer-4']);
    const [first, second] = deleted as [Offer, Offer];
    // The second sees the first's write in the same transaction: the same quote, then the same summary ID.
    const restored = await store.restoreAll([first, { ...first, id: 'copy-of-3', notes: 'a copy' }, { ...second, summaryId: first.summaryId }]);
    expect(restored.map((offer) => offer.id)).toEqual(['offer-3', 'offer-3', 'offer-4']);
    expect(await store.count()).toBe(90);
    expect(await store.get('copy-of-3')).toBeNull();
    expect((await store.get('offer-3'))?.summaryId).toBe(first.summaryId);
    expect((await store.get('offer-4'))?.summaryId).toBeUndefined();
  });

  it('refuses to restore a record whose link is not an offer link, and restores none', async () => {
    const deleted = await store.deleteMany(['offer-3', 'offer-4']);
    const [first, second] = deleted as [Offer, Offer];
    await expect(store.restoreAll([first, { ...second, url: 'https://example.com/' }])).rejects.toThrow(/offer URL/);
    expect(await store.count()).toBe(88);
  });
});
