import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCustomer, makeOffer, offerUrl } from '@/test/unit/offer-factory';
import { countCalls } from '@/test/unit/search-pages';
import type { ArmedNext } from '../messaging/protocol';
import { offerStatus } from './customers';
import { DB_VERSION, MIGRATIONS, openOfferDatabase, type Upgrade } from './db';
import { createStoreOpener, OfferStore, StaleOfferError } from './store';

let tick = 0;
const clock = () => new Date(Date.UTC(2026, 5, 1) + tick++ * 1000).toISOString();
let ids = 0;
const newId = () => `id-${++ids}`;

async function freshStore() {
  globalThis.indexedDB = new IDBFactory();
  return new OfferStore(await openOfferDatabase(), clock, newId);
}

let store: OfferStore;
beforeEach(async () => {
  store = await freshStore();
});

describe('upsert', () => {
  it('creates an offer from a draft, parsing kind, quote and partner from the URL', async () => {
    const { offer, created } = await store.upsert({ url: offerUrl(7, 'Trial'), summaryId: 'T-7', source: 'auto' });
    expect(created).toBe(true);
    expect(offer).toMatchObject({ kind: 'trial', partnerId: '4227824', summaryId: 'T-7', customers: [], delegatedAdmin: null });
    expect(offer.quoteId).toMatch(/^823604c2-/);
    expect(await store.get(offer.id)).toEqual(offer);
  });

  it('merges a later capture of the same URL into one record and keeps known values', async () => {
    const first = await store.upsert({ url: offerUrl(1), partnerOffice: 'Paris', source: 'auto' });
    const second = await store.upsert({
      url: offerUrl(1).replace('portal.office.com', 'PORTAL.office.com'),
      summaryId: 'S-1',
      partnerOffice: 'Lyon',
      source: 'clipboard',
    });
    expect(second.created).toBe(false);
    expect(second.offer.id).toBe(first.offer.id);
    expect(second.offer).toMatchObject({ summaryId: 'S-1', partnerOffice: 'Paris', source: 'auto' });
    expect(await store.count()).toBe(1);
  });

  it('takes the result page\'s values over the options step\'s for the same offer', async () => {
    await store.upsert({ url: offerUrl(3), usageLocation: 'Canada', subscriptions: [{ name: 'E3', licenses: 5 }], source: 'auto' });
    const { offer } = await store.upsert({
      url: offerUrl(3),
      usageLocation: 'France',
      subscriptions: [{ name: 'E5', licenses: 30 }],
      shownOnResultPage: ['usageLocation', 'subscriptions'],
      source: 'auto',
    });
    expect(offer).toMatchObject({ usageLocation: 'France', subscriptions: [{ name: 'E5', licenses: 30 }] });
    const again = await store.upsert({ url: offerUrl(3), usageLocation: 'Canada', source: 'auto' });
    expect(again.offer.usageLocation).toBe('France');
  });

  it('matches by quote, never by summary ID', async () => {
    await store.upsert({ url: offerUrl(1), summaryId: 'S-1', source: 'auto' });
    expect((await store.upsert({ url: offerUrl(1), summaryId: 'S-1', source: 'auto' })).summaryIdConflict).toBeUndefined();
    expect(await store.count()).toBe(1);
  });

  it('saves a new quote whose summary ID another offer holds as its own record, without that ID, and says so', async () => {
    const first = await store.upsert({ url: offerUrl(1), summaryId: 'S-1', partnerOffice: 'Paris', source: 'auto' });
    const second = await store.upsert({ url: offerUrl(2), summaryId: 'S-1', partnerOffice: 'Lyon', usageLocation: 'France', source: 'auto' });
    expect(second).toMatchObject({ created: true, summaryIdConflict: 'S-1' });
    expect(second.offer.id).not.toBe(first.offer.id);
    expect(second.offer).toMatchObject({ partnerOffice: 'Lyon', usageLocation: 'France' });
    expect(second.offer.summaryId).toBeUndefined();
    expect(await store.get(first.offer.id)).toEqual(first.offer);
    expect(await store.count()).toBe(2);
    // A later capture of that quote with its own summary ID fills the gap.
    const fixed = await store.upsert({ url: offerUrl(2), summaryId: 'S-2', source: 'auto' });
    expect(fixed).toMatchObject({ created: false, offer: { id: second.offer.id, summaryId: 'S-2' } });
    expect(fixed.summaryIdConflict).toBeUndefined();
  });

  it('merges a later capture of a saved quote but not a summary ID another offer holds', async () => {
    await store.upsert({ url: offerUrl(1), summaryId: 'S-1', source: 'auto' });
    const own = await store.upsert({ url: offerUrl(2), source: 'auto' });
    const again = await store.upsert({ url: offerUrl(2), summaryId: 'S-1', usageLocation: 'France', source: 'auto' });
    expect(again).toMatchObject({ created: false, summaryIdConflict: 'S-1', offer: { id: own.offer.id, usageLocation: 'France' } });
    expect(again.offer.summaryId).toBeUndefined();
    const same = await store.upsert({ url: offerUrl(2), summaryId: 'S-1', source: 'auto' });
    expect(same).toMatchObject({ created: false, summaryIdConflict: 'S-1', offer: { id: own.offer.id } });
    expect(same.offer.summaryId).toBeUndefined();
    expect(await store.count()).toBe(2);
  });

  it('refuses a URL that is not an offer URL', async () => {
    await expect(store.upsert({ url: 'https://example.com/?type=Purchase', source: 'manual' })).rejects.toThrow(/offer URL/);
    expect(await store.count()).toBe(0);
  });
});

describe('pages', () => {
  beforeEach(async () => {
    await store.mergeAll(Array.from({ length: 120 }, (_, i) => makeOffer(i)));
  });

  it('reads newest first, page by page, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.page({ cursor, limit: 50 });
      seen.push(...page.offers.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toBe('offer-119');
    expect(seen.at(-1)).toBe('offer-0');
  });

  it('filters by any customer’s status, kind and usage location', async () => {
    await store.setCustomerStatus('offer-5', 'c5', 'accepted');
    expect((await store.page({ filter: { status: 'accepted' } })).offers.map((o) => o.id)).toEqual(['offer-5']);
    const france = await store.page({ filter: { usageLocation: 'France' }, limit: 500 });
    expect(france.offers).toHaveLength(60);
    expect((await store.page({ filter: { kind: 'trial' } })).offers).toHaveLength(0);
    const both = await store.page({ filter: { status: 'pending', usageLocation: 'Canada' }, limit: 500 });
    expect(both.offers.every((o) => o.usageLocation === 'Canada' && offerStatus(o) === 'pending')).toBe(true);
    expect(both.offers).toHaveLength(60);
  });

  it('lists an offer once under each status one of its customers stands at', async () => {
    await store.addCustomer('offer-7', { email: 'second@fabrikam.example' });
    await store.setCustomerStatus('offer-7', 'c7', 'sent');
    expect((await store.page({ filter: { status: 'sent' } })).offers.map((o) => o.id)).toEqual(['offer-7']);
    const pending = await store.page({ filter: { status: 'pending' }, limit: 500 });
    expect(pending.offers.filter((o) => o.id === 'offer-7')).toHaveLength(1);
    expect(pending.offers).toHaveLength(120);
  });

  it('filters by a date range, alone or with another filter, across pages', async () => {
    // makeOffer(n) is created n minutes after 2026-01-01T00:00Z.
    const from = '2026-01-01T00:10:00.000Z';
    const to = '2026-01-01T01:00:00.000Z';
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.page({ cursor, limit: 7, filter: { from, to } });
      seen.push(...page.offers.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => `offer-${59 - i}`));
    const france = await store.page({ limit: 500, filter: { usageLocation: 'France', from, to } });
    expect(france.offers.map((o) => o.id)).toEqual(seen.filter((id) => Number(id.split('-')[1]) % 2 === 1));
    expect((await store.page({ filter: { from: '2027-01-01T00:00:00.000Z' } })).offers).toEqual([]);
  });

  it('lists the distinct usage locations and deletes everything', async () => {
    await store.mergeAll([makeOffer(500, { usageLocation: 'Belgique' })]);
    expect(await store.usageLocations()).toEqual(['Belgique', 'Canada', 'France']);
    expect(await store.deleteAll()).toBe(121);
    expect(await store.count()).toBe(0);
    expect(await store.usageLocations()).toEqual([]);
  });
});

describe('search', () => {
  /** The ids a search's page lists, newest first. */
  const found = async (query: string, request?: Parameters<OfferStore['search']>[1]) => (await store.search(query, request)).offers.map((o) => o.id);

  beforeEach(async () => {
    await store.mergeAll([
      makeOffer(1, { customers: [makeCustomer('c1', { name: 'Émilie Durand', company: 'Boulangerie Fournil' })], notes: 'Call back Tuesday' }),
      makeOffer(2, { subscriptions: [{ name: 'Exchange Online (Plan 1)', licenses: 5 }] }),
      makeOffer(3, { summaryId: 'AB12-XY' }),
    ]);
  });

  it('is case- and accent-insensitive and matches word starts', async () => {
    expect(await found('emilie')).toEqual(['offer-1']);
    expect(await found('FOURN')).toEqual(['offer-1']);
    expect(await found('tuesday')).toEqual(['offer-1']);
  });

  it('finds by summary ID, subscription, email and URL', async () => {
    expect(await found('ab12-xy')).toEqual(['offer-3']);
    expect(await found('exchange plan')).toEqual(['offer-2']);
    expect(await found('buyer2@contoso.example')).toEqual(['offer-2']);
    expect(await found(offerUrl(3))).toEqual(['offer-3']);
  });

  it('requires every word and returns newest first', async () => {
    expect(await found('microsoft')).toEqual(['offer-3', 'offer-1']);
    expect(await store.search('emilie exchange')).toEqual({ offers: [], nextCursor: null });
  });

  it('combines search with filters', async () => {
    await store.setCustomerStatus('offer-3', 'c3', 'accepted');
    expect(await found('microsoft', { filter: { status: 'accepted' } })).toEqual(['offer-3']);
    expect(await found('microsoft', { filter: { usageLocation: 'France' } })).toEqual(['offer-3', 'offer-1']);
    expect(await found('microsoft', { filter: { kind: 'trial' } })).toEqual([]);
    expect(await found('', { filter: { status: 'accepted' } })).toEqual(['offer-3']);
  });

  it('scans newest first when every word is very common', async () => {
    await store.mergeAll(Array.from({ length: 1100 }, (_, i) => makeOffer(100 + i)));
    expect(await found('microsoft business', { limit: 5 })).toEqual(['offer-1199', 'offer-1198', 'offer-1197', 'offer-1196', 'offer-1195']);
  });

  it('scans across batches the same with getAllRecords and, where a browser lacks it, with a cursor', async () => {
    await store.mergeAll(Array.from({ length: 1100 }, (_, i) => makeOffer(100 + i)));
    const expected = Array.from({ length: 700 }, (_, i) => `offer-${1199 - i}`);
    expect(await found('microsoft business', { limit: 700 })).toEqual(expected);
    const { getAllRecords } = IDBIndex.prototype as { getAllRecords?: unknown };
    delete (IDBIndex.prototype as { getAllRecords?: unknown }).getAllRecords;
    try {
      expect(await found('microsoft business', { limit: 700 })).toEqual(expected);
    } finally {
      Object.assign(IDBIndex.prototype, { getAllRecords });
    }
  });
});

describe('search pages', () => {
  /** Every page of a search, following each answer's cursor. */
  async function allPages(query: string, request: Parameters<OfferStore['search']>[1] = {}): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await store.search(query, { ...request, cursor });
      pages.push(page.offers.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
      // A cursor that led nowhere new would page forever.
    } while (cursor && pages.length < 100);
    return pages;
  }
  const newestFirst = (numbers: number[]) => numbers.sort((a, b) => b - a).map((n) => `offer-${n}`);

  /** Runs `search` counting the lookups of the word index it makes (each reads the index's state first). */
  async function countingWordLookups<T>(search: () => Promise<T>): Promise<{ result: T; lookups: number }> {
    let result: T | undefined;
    const lookups = await countCalls(IDBObjectStore.prototype, ['get'], 'wordIndex', async () => {
      result = await search();
    });
    return { result: result as T, lookups };
  }

  it('pages a word found in few offers (the word index), each offer once, newest first', async () => {
    // Offers 0..599: every twentieth one's customer is at Fabrikam; one of them (offer 3) created last.
    const fabrikam = (n: number) => n % 20 === 3;
    await store.mergeAll(
      Array.from({ length: 600 }, (_, n) =>
        makeOffer(n, {
          customers: [makeCustomer(`c${n}`, { name: `Customer ${n}`, company: fabrikam(n) ? 'Fabrikam' : 'Contoso' })],
          ...(n === 3 ? { createdAt: '2027-01-01T00:00:00.000Z' } : {}),
        }),
      ),
    );
    const { result: pages, lookups } = await countingWordLookups(() => allPages('fabrikam', { limit: 15 }));
    expect(pages.map((page) => page.length)).toEqual([15, 15]);
    const others = Array.from({ length: 600 }, (_, n) => n).filter((n) => fabrikam(n) && n !== 3);
    expect(pages.flat()).toEqual(['offer-3', ...newestFirst(others)]);
    expect(lookups).toBeGreaterThan(0);
  });

  it('pages a word in every offer (the newest-first scan) to the last offer, with no empty page at the end', async () => {
    await store.mergeAll(Array.from({ length: 1200 }, (_, n) => makeOffer(n)));
    const { result: pages, lookups } = await countingWordLookups(() => allPages('microsoft', { limit: 50 }));
    expect(pages).toHaveLength(24);
    expect(pages.every((page) => page.length === 50)).toBe(true);
    expect(pages.flat()).toEqual(newestFirst(Array.from({ length: 1200 }, (_, n) => n)));
    // Every offer of the newest holds it: reading the word index would only cost.
    expect(lookups).toBe(0);
  });

  it('keeps the filter on every page, dates bounding the scan', async () => {
    await store.mergeAll(Array.from({ length: 1200 }, (_, n) => makeOffer(n)));
    // makeOffer(n) is created n minutes after 2026-01-01T00:00Z; France is every odd offer.
    const from = new Date(Date.UTC(2026, 0, 1) + 100 * 60_000).toISOString();
    const to = new Date(Date.UTC(2026, 0, 1) + 1100 * 60_000).toISOString();
    const pages = await allPages('microsoft business', { limit: 40, filter: { usageLocation: 'France', from, to } });
    const expected = newestFirst(Array.from({ length: 1000 }, (_, i) => 100 + i).filter((n) => n % 2));
    expect(pages.flat()).toEqual(expected);
    expect(pages.map((page) => page.length)).toEqual([40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 20]);
  });

  it('lists a prefix that starts several words (Fabrikam, Fabricorp) from the word index when the scan finds its matches rare', async () => {
    // 1,100 of 5,500 offers are at Fabrikam or Fabricorp: one in five of a scan, too few for a page of 400 in the next batch.
    const fabrikam = (n: number) => n % 5 === 0;
    await store.mergeAll(
      Array.from({ length: 5500 }, (_, n) => makeOffer(n, { customers: fabrikam(n) ? [makeCustomer(`c${n}`, { company: n % 2 ? 'Fabrikam' : 'Fabricorp' })] : [] })),
    );
    const expected = newestFirst(Array.from({ length: 5500 }, (_, n) => n).filter(fabrikam));
    const { result: pages, lookups } = await countingWordLookups(() => allPages('fab microsoft', { limit: 400 }));
    expect(pages.flat()).toEqual(expected);
    expect(lookups).toBeGreaterThan(0);
    const { getAllRecords } = IDBIndex.prototype as { getAllRecords?: unknown };
    delete (IDBIndex.prototype as { getAllRecords?: unknown }).getAllRecords;
    try {
      expect((await allPages('fab microsoft', { limit: 400 })).flat()).toEqual(expected);
    } finally {
      Object.assign(IDBIndex.prototype, { getAllRecords });
    }
  }, 60_000);

  it('starts again from the first page when the cursor is unreadable', async () => {
    expect(await store.search('microsoft', { cursor: 'not json' })).toEqual(await store.search('microsoft'));
  });
});

describe('changes', () => {
  it('undoes a customer removed or merged: the customers come back in their order, unless they changed since', async () => {
    const { offer } = await store.upsert({ url: offerUrl(1), source: 'auto' });
    await store.addCustomer(offer.id, { email: 'ann@contoso.example' });
    await store.addCustomer(offer.id, { name: 'Ann Only' });
    const three = await store.addCustomer(offer.id, { email: 'cy@contoso.example' });
    const [ann, annOnly, cy] = three.customers.map((customer) => customer.id) as [string, string, string];

    // A send recorded after the page read the offer: the removal answers the customers as stored
    // just before it, so its Undo keeps that send.
    const withSend = await store.recordCompose(offer.id, { kind: 'send', at: '2026-07-01T10:00:00.000Z', provider: 'gmail', recipients: [{ email: 'ann@contoso.example' }] });
    const removed = await store.removeCustomer(offer.id, annOnly);
    expect(removed.previousCustomers).toEqual(withSend.customers);
    expect((await store.restoreCustomers(offer.id, removed.previousCustomers, removed.offer.customers)).customers).toEqual(withSend.customers);

    // A merge fills Ann's gaps with the other record's; the Undo takes them apart, each as it was.
    const merged = await store.mergeCustomers(offer.id, ann, annOnly);
    expect(merged.offer.customers.map((customer) => [customer.id, customer.name])).toEqual([
      [ann, 'Ann Only'],
      [cy, undefined],
    ]);
    expect((await store.restoreCustomers(offer.id, merged.previousCustomers, merged.offer.customers)).customers).toEqual(withSend.customers);
    expect(three.customers.map((customer) => customer.id)).toEqual([ann, annOnly, cy]);

    // Changed since the removal (a status set in another window): refused, the change stays.
    const removedAgain = await store.removeCustomer(offer.id, cy);
    expect(await store.setCustomerStatus(offer.id, ann, 'accepted')).toMatchObject({ changed: true });
    expect(await store.setCustomerStatus(offer.id, ann, 'accepted')).toMatchObject({ changed: false });
    await expect(store.restoreCustomers(offer.id, removedAgain.previousCustomers, removedAgain.offer.customers)).rejects.toBeInstanceOf(StaleOfferError);
    expect((await store.get(offer.id))?.customers.map((customer) => [customer.id, customer.status])).toEqual([
      [ann, 'accepted'],
      [annOnly, 'pending'],
    ]);
  });

  it('records drafts and sends per customer, sets statuses by hand, updates, deletes and restores', async () => {
    const { offer } = await store.upsert({ url: offerUrl(1), source: 'auto' });
    expect(offer.customers).toEqual([]);
    const drafted = await store.recordCompose(offer.id, {
      kind: 'draft',
      at: '2026-07-01T10:00:00.000Z',
      provider: 'outlook',
      subject: 'Your offer',
      recipients: [{ email: 'a@b.example', name: 'Ann' }, { name: 'Bob Only' }],
    });
    expect(drafted.customers.map((c) => [c.email ?? c.name, c.status])).toEqual([
      ['a@b.example', 'drafted'],
      ['Bob Only', 'drafted'],
    ]);
    const sent = await store.recordCompose(offer.id, {
      kind: 'send',
      at: '2026-07-01T10:05:00.000Z',
      provider: 'outlook',
      subject: 'Your offer',
      recipients: [{ email: 'A@B.example' }, { name: 'Bob Only', email: 'bob@b.example' }],
    });
    expect(sent.customers).toHaveLength(2);
    expect(sent.customers.map((c) => [c.email, c.status, c.sends.length])).toEqual([
      ['a@b.example', 'sent', 1],
      ['bob@b.example', 'sent', 1],
    ]);
    expect(sent.customers[0]!.history.map((h) => h.status)).toEqual(['pending', 'drafted', 'sent']);
    const ann = sent.customers[0]!.id;
    const { offer: accepted } = await store.setCustomerStatus(offer.id, ann, 'accepted');
    expect(offerStatus(accepted)).toBe('accepted');
    const again = await store.recordCompose(offer.id, { kind: 'send', at: '2026-07-03T10:00:00.000Z', provider: 'gmail', recipients: [{ email: 'a@b.example' }] });
    expect(again.customers[0]).toMatchObject({ status: 'accepted' });
    expect(again.customers[0]!.sends).toHaveLength(2);
    const edited = await store.updateCustomer(offer.id, ann, { name: 'Zoë' });
    expect(edited.customers[0]).toMatchObject({ name: 'Zoë', email: 'a@b.example' });
    expect((await store.search('zoe')).offers.map((o) => o.id)).toEqual([offer.id]);
    const deleted = await store.delete(offer.id);
    expect(await store.count()).toBe(0);
    await store.restore(deleted!);
    expect(await store.get(offer.id)).toEqual(deleted);
  });

  it('adds, merges and removes customers by hand, and refuses an address another customer has', async () => {
    const { offer } = await store.upsert({ url: offerUrl(3), source: 'manual', customer: { name: 'Claire Dubois' } });
    const [claire] = offer.customers;
    const added = await store.addCustomer(offer.id, { email: 'claire@fabrikam.example', company: 'Fabrikam' });
    const other = added.customers[1]!;
    await expect(store.updateCustomer(offer.id, claire!.id, { email: 'CLAIRE@fabrikam.example' })).rejects.toMatchObject({ code: 'invalid-offer' });
    const { offer: merged } = await store.mergeCustomers(offer.id, claire!.id, other.id);
    expect(merged.customers).toEqual([expect.objectContaining({ id: claire!.id, name: 'Claire Dubois', email: 'claire@fabrikam.example', company: 'Fabrikam' })]);
    expect((await store.addCustomer(offer.id, { email: 'Claire@Fabrikam.example', name: 'C. Dubois' })).customers).toHaveLength(1);
    await expect(store.addCustomer(offer.id, { name: '  ' })).rejects.toMatchObject({ code: 'invalid-offer' });
    expect((await store.removeCustomer(offer.id, claire!.id)).offer.customers).toEqual([]);
    await expect(store.removeCustomer(offer.id, claire!.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('replaces an offer: links both sides, carries customers as pending and withdraws the open ones', async () => {
    const { offer: old } = await store.upsert({ url: offerUrl(4), source: 'auto' });
    await store.recordCompose(old.id, { kind: 'send', at: '2026-07-01T10:00:00.000Z', provider: 'gmail', recipients: [{ email: 'a@b.example' }, { email: 'c@d.example' }] });
    const declined = (await store.get(old.id))!.customers[1]!;
    await store.setCustomerStatus(old.id, declined.id, 'declined');
    const { offer: next } = await store.upsert({ url: offerUrl(5), source: 'auto' });
    const { replaced, by } = await store.replace(old.id, next.id, true);
    expect(replaced).toMatchObject({ replacedBy: next.id });
    expect(replaced.customers.map((c) => c.status)).toEqual(['withdrawn', 'declined']);
    expect(by).toMatchObject({ replaces: old.id });
    expect(by.customers.map((c) => [c.email, c.status])).toEqual([
      ['a@b.example', 'pending'],
      ['c@d.example', 'pending'],
    ]);
    expect(await store.linked(next.id)).toMatchObject({ replaces: { id: old.id }, replacedBy: null, followedUpBy: [] });
    await expect(store.replace(old.id, old.id, true)).rejects.toMatchObject({ code: 'invalid-offer' });
  });

  it('lets an offer be replaced again once its replacement is deleted, and links them again when it is put back', async () => {
    const { offer: old } = await store.upsert({ url: offerUrl(30), source: 'auto', customer: { email: 'a@b.example' } });
    const { offer: mistake } = await store.upsert({ url: offerUrl(31), source: 'auto' });
    await store.replace(old.id, mistake.id, true);
    const deleted = (await store.delete(mistake.id))!;
    expect(await store.get(old.id)).not.toHaveProperty('replacedBy');
    // Its customers stay as the replacement left them: an old offer whose replacement is cleaned up stays closed.
    expect((await store.get(old.id))!.customers.map((c) => c.status)).toEqual(['withdrawn']);
    await store.restore(deleted);
    expect(await store.get(old.id)).toMatchObject({ replacedBy: mistake.id });
    await store.deleteMany([mistake.id]);
    const { offer: right } = await store.upsert({ url: offerUrl(32), source: 'auto' });
    expect((await store.replace(old.id, right.id, true)).replaced).toMatchObject({ replacedBy: right.id });
    // Deleted together, neither is left to change.
    expect((await store.deleteMany([old.id, right.id])).map((o) => o.id).sort()).toEqual([old.id, right.id].sort());
    expect(await store.count()).toBe(0);
  });

  it('keeps the old customers as they were when told not to withdraw them', async () => {
    const { offer: old } = await store.upsert({ url: offerUrl(6), source: 'auto', customer: { email: 'a@b.example' } });
    const { offer: next } = await store.upsert({ url: offerUrl(7), source: 'auto' });
    expect((await store.replace(old.id, next.id, false)).replaced.customers.map((c) => c.status)).toEqual(['pending']);
  });

  it('links a trial after the fact and shows the link from both sides', async () => {
    const { offer: trial } = await store.upsert({ url: offerUrl(8, 'Trial'), source: 'auto' });
    const { offer: purchase } = await store.upsert({ url: offerUrl(9), source: 'auto' });
    await store.update(purchase.id, { followUpOf: trial.id });
    expect((await store.linked(trial.id)).followedUpBy.map((o) => o.id)).toEqual([purchase.id]);
    expect((await store.linked(purchase.id)).followUpOf?.id).toBe(trial.id);
    await store.update(purchase.id, { followUpOf: null });
    expect((await store.linked(trial.id)).followedUpBy).toEqual([]);
    // Only a purchase offer follows up, and only an existing trial.
    await expect(store.update(trial.id, { followUpOf: purchase.id })).rejects.toMatchObject({ code: 'invalid-offer' });
    const { offer: other } = await store.upsert({ url: offerUrl(11), source: 'auto' });
    await expect(store.update(purchase.id, { followUpOf: other.id })).rejects.toMatchObject({ code: 'invalid-offer' });
    await expect(store.update(purchase.id, { followUpOf: 'gone' })).rejects.toMatchObject({ code: 'not-found' });
    const { offer: trial2 } = await store.upsert({ url: offerUrl(12, 'Trial'), source: 'auto' });
    await expect(store.update(trial2.id, { followUpOf: trial.id })).rejects.toMatchObject({ code: 'invalid-offer' });
  });

  it('restores into the offer captured again after the delete, and returns what is stored', async () => {
    const { offer } = await store.upsert({ url: offerUrl(2), source: 'auto' });
    const deleted = await store.update(offer.id, { notes: 'Call back Monday' }).then(() => store.delete(offer.id));
    const { offer: again } = await store.upsert({ url: offerUrl(2), summaryId: 'S-2', source: 'auto' });
    const restored = await store.restore(deleted!);
    expect(restored).toMatchObject({ id: again.id, summaryId: 'S-2', notes: 'Call back Monday' });
    expect(await store.get(again.id)).toEqual(restored);
    expect(await store.count()).toBe(1);
  });

  it('refuses to restore an offer whose link is not an offer link, and re-reads the ids from a genuine one', async () => {
    const phishing = makeOffer(3, { url: 'https://login.microsoftonline.com/common/oauth2/authorize?type=Purchase&id=823604c2-4847-4219-9afd-000000000003&msppid=4227824' });
    await expect(store.restore(phishing)).rejects.toThrow(/not a Partner Center offer URL/);
    expect(await store.count()).toBe(0);
    const restored = await store.restore(makeOffer(4, { kind: 'trial', partnerId: '666', quoteId: 'forged' }));
    expect(restored).toMatchObject({ kind: 'purchase', partnerId: '4227824', quoteId: '823604c2-4847-4219-9afd-000000000004' });
  });

  it('reports a missing offer or customer', async () => {
    await expect(store.setCustomerStatus('nope', 'c1', 'sent')).rejects.toThrow(/No offer/);
    const { offer } = await store.upsert({ url: offerUrl(10), source: 'auto' });
    await expect(store.setCustomerStatus(offer.id, 'nobody', 'sent')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('field-level update', () => {
  it('keeps two windows’ edits of the notes and of a customer, each checked against what it saw', async () => {
    const { offer } = await store.upsert({ url: offerUrl(5), source: 'auto', customer: { name: 'Zoë', email: 'old@contoso.example' } });
    const customerId = offer.customers[0]!.id;
    await store.update(offer.id, { notes: 'Call back Monday' }, { notes: '' });
    const both = await store.updateCustomer(offer.id, customerId, { email: 'new@contoso.example' }, { email: 'old@contoso.example' });
    expect(both).toMatchObject({ notes: 'Call back Monday', customers: [{ name: 'Zoë', email: 'new@contoso.example' }] });
    expect(await store.get(offer.id)).toEqual(both);
  });

  it('refuses a change of a field changed since, as stale, and writes nothing', async () => {
    const { offer } = await store.upsert({ url: offerUrl(6), source: 'auto', customer: { name: 'Zoë' } });
    const customerId = offer.customers[0]!.id;
    const first = await store.update(offer.id, { notes: 'from window A' }, { notes: '' });
    const refused = store.update(offer.id, { notes: 'from window B' }, { notes: '' });
    await expect(refused).rejects.toBeInstanceOf(StaleOfferError);
    await expect(refused).rejects.toMatchObject({ code: 'stale' });
    await expect(store.updateCustomer(offer.id, customerId, { name: 'Zoé' }, { name: 'Someone else' })).rejects.toMatchObject({ code: 'stale' });
    expect(await store.get(offer.id)).toEqual(first);
  });

  it('clears a customer field sent blank and leaves the others', async () => {
    const { offer } = await store.upsert({ url: offerUrl(7), source: 'auto', customer: { name: 'Zoë', company: 'Contoso' } });
    const cleared = await store.updateCustomer(offer.id, offer.customers[0]!.id, { company: '' }, { company: 'Contoso' });
    expect(cleared.customers[0]).toMatchObject({ name: 'Zoë' });
    expect(cleared.customers[0]).not.toHaveProperty('company');
  });
});

describe('mergeAll', () => {
  it('writes all or nothing', async () => {
    await store.mergeAll([makeOffer(1)]);
    const broken = { ...makeOffer(3), id: undefined } as never;
    await expect(store.mergeAll([makeOffer(4), broken])).rejects.toThrow();
    expect(await store.count()).toBe(1);
  });

  it('writes all or nothing when the failing record is in a later batch of writes', async () => {
    await store.mergeAll([makeOffer(1)]);
    const broken = { ...makeOffer(3), id: undefined } as never;
    const written: number[] = [];
    const many = Array.from({ length: 600 }, (_, n) => makeOffer(10 + n));
    await expect(store.mergeAll([...many, broken], (done) => written.push(done))).rejects.toThrow();
    // The first batch was written before the failure, and is undone with the rest.
    expect(written).toEqual([500]);
    expect(await store.count()).toBe(1);
  });

  it('reports the write the database refused, not the abort of the writes after it, and writes nothing', async () => {
    // A later schema with a unique index of its own, which offers 11 and 12 are put under with one key:
    // the database refuses the second once its request runs.
    const withProbe: Upgrade = (_db, tx) => void tx.objectStore('offers').createIndex('probe' as never, 'probe', { unique: true });
    globalThis.indexedDB = new IDBFactory();
    store = new OfferStore(await openOfferDatabase(undefined, undefined, [...MIGRATIONS, withProbe]), clock, newId);
    await store.mergeAll([makeOffer(1)]);
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!.value as (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const record = value as { id: string };
      return put.call(this, this.name === 'offers' && ['offer-11', 'offer-12'].includes(record.id) ? { ...record, probe: 'same' } : value, key);
    });
    try {
      await expect(store.mergeAll(Array.from({ length: 600 }, (_, n) => makeOffer(10 + n)))).rejects.toMatchObject({ name: 'ConstraintError' });
    } finally {
      vi.restoreAllMocks();
    }
    expect(await store.count()).toBe(1);
    expect(await store.get('offer-10')).toBeNull();
  });

  it('counts added, updated and unchanged', async () => {
    expect(await store.mergeAll([makeOffer(1), makeOffer(2)])).toEqual({ added: 2, updated: 0, unchanged: 0, summaryIdConflicts: [] });
    expect(await store.mergeAll([makeOffer(1), makeOffer(2, { notes: 'new' }), makeOffer(3)])).toEqual({
      added: 1,
      updated: 1,
      unchanged: 1,
      summaryIdConflicts: [],
    });
  });

  it('refuses only the records whose summary ID another offer holds, stored or in the same file', async () => {
    await store.mergeAll([makeOffer(1)]);
    const result = await store.mergeAll([
      makeOffer(4),
      makeOffer(2, { summaryId: 'SUM-1' }),
      makeOffer(5, { summaryId: 'NEW' }),
      makeOffer(6, { summaryId: 'NEW' }),
      makeOffer(1, { notes: 'kept' }),
    ]);
    expect(result).toEqual({ added: 2, updated: 1, unchanged: 0, summaryIdConflicts: [1, 3] });
    expect((await store.all()).map((o) => [o.id, o.summaryId])).toEqual([
      ['offer-1', 'SUM-1'],
      ['offer-4', 'SUM-4'],
      ['offer-5', 'NEW'],
    ]);
    expect((await store.get('offer-1'))?.notes).toBe('kept');
  });

  it('finds the stored offers among new ones, whatever their order, by id, by quote and by summary ID', async () => {
    await store.mergeAll(Array.from({ length: 20 }, (_, i) => makeOffer(2 * i)));
    // Every offer 0..39, last first: the even ones are stored (every other one under another id, found by its quote).
    const incoming = Array.from({ length: 40 }, (_, i) => 39 - i).map((n) =>
      n % 2 ? makeOffer(n, n === 39 ? { summaryId: 'SUM-10' } : {}) : { ...makeOffer(n, { notes: 'again' }), ...(n % 4 ? { id: `other-${n}` } : {}) },
    );
    expect(await store.mergeAll(incoming)).toEqual({ added: 19, updated: 20, unchanged: 0, summaryIdConflicts: [0] });
    const stored = await store.all();
    expect(stored).toHaveLength(39);
    expect(stored.filter((offer) => offer.notes === 'again').map((offer) => offer.id)).toEqual(Array.from({ length: 20 }, (_, i) => `offer-${2 * i}`));
  });

  it('merges into a store emptied by Delete all as into a fresh one: the file\'s own repeats and clashes still count', async () => {
    const file = [makeOffer(1), makeOffer(3, { summaryId: 'SAME' }), makeOffer(1, { notes: 'again' }), makeOffer(4, { summaryId: 'SAME' })];
    // The clock moves on between the two: the merge times differ, nothing else.
    const stored = async () => (await store.all()).map(({ updatedAt: _changing, ...offer }) => offer);
    const fresh = await store.mergeAll(file);
    const freshOffers = await stored();
    store = await freshStore();
    await store.mergeAll([makeOffer(1), makeOffer(2)]);
    await store.deleteAll();
    expect(await store.mergeAll(file)).toEqual(fresh);
    expect(await stored()).toEqual(freshOffers);
    expect(fresh).toMatchObject({ added: 2, summaryIdConflicts: [3] });
  });

  it('sees a clash with an earlier record of the same file, however far back', async () => {
    const offers = Array.from({ length: 501 }, (_, i) => makeOffer(i));
    offers[500] = makeOffer(500, { summaryId: 'SUM-3' });
    expect((await store.mergeAll(offers)).summaryIdConflicts).toEqual([500]);
    expect(await store.count()).toBe(500);
  });
});

describe('armed link in upsert', () => {
  const followUp: ArmedNext = { offerId: 'trial-9', link: 'follow-up', withdraw: false, at: '2026-01-01T00:00:00.000Z' };

  it('links a new purchase offer in the same write, and leaves merges and trials alone', async () => {
    const linked = await store.upsert({ url: offerUrl(1), source: 'auto' }, followUp);
    expect(linked).toMatchObject({ created: true, armedApplied: true, offer: { followUpOf: 'trial-9' } });
    expect((await store.get(linked.offer.id))?.followUpOf).toBe('trial-9');
    const trial = await store.upsert({ url: offerUrl(2, 'Trial'), source: 'auto' }, { ...followUp, offerId: 'trial-7' });
    expect(trial).toMatchObject({ armedApplied: false });
    expect(trial.offer.followUpOf).toBeUndefined();
    const merged = await store.upsert({ url: offerUrl(1), notes: 'x', source: 'auto' }, { ...followUp, offerId: 'trial-8' });
    expect(merged).toMatchObject({ created: false, armedApplied: false, offer: { followUpOf: 'trial-9' } });
  });

  it('never links twice: a mark left behind after its offer was saved is recognised as applied', async () => {
    await store.upsert({ url: offerUrl(1), source: 'auto' }, followUp);
    const next = await store.upsert({ url: offerUrl(2), source: 'auto' }, followUp);
    expect(next.armedApplied).toBe(true);
    expect(next.offer.followUpOf).toBeUndefined();
  });

  it('reports a mark left behind as applied on any later save, so it is cleared: the retry of its own save, a trial', async () => {
    const first = await store.upsert({ url: offerUrl(1), source: 'auto' }, followUp);
    // The worker stopped before clearing the mark: the capture's retry merges into the linked offer.
    const retry = await store.upsert({ url: offerUrl(1), source: 'auto' }, followUp);
    expect(retry).toMatchObject({ created: false, armedApplied: true, offer: { id: first.offer.id, followUpOf: 'trial-9' } });
    const trial = await store.upsert({ url: offerUrl(2, 'Trial'), source: 'auto' }, followUp);
    expect(trial).toMatchObject({ created: true, armedApplied: true });
    expect(trial.offer.followUpOf).toBeUndefined();
  });

  it('makes the next new offer of any kind the replacement, in the same write', async () => {
    const { offer: old } = await store.upsert({ url: offerUrl(3), source: 'auto', customer: { email: 'a@b.example' } });
    const armed: ArmedNext = { offerId: old.id, link: 'replacement', withdraw: true, at: '2026-01-01T00:00:00.000Z' };
    const next = await store.upsert({ url: offerUrl(4, 'Trial'), source: 'auto' }, armed);
    expect(next).toMatchObject({ armedApplied: true, offer: { replaces: old.id, customers: [{ email: 'a@b.example', status: 'pending' }] } });
    expect(await store.get(old.id)).toMatchObject({ replacedBy: next.offer.id, customers: [{ status: 'withdrawn' }] });
    const later = await store.upsert({ url: offerUrl(5), source: 'auto' }, armed);
    expect(later.offer.replaces).toBeUndefined();
  });
});

it('creates the schema at the current version', async () => {
  const db = await openOfferDatabase('probe');
  expect(db.version).toBe(DB_VERSION);
  expect([...db.transaction('offers').store.indexNames].sort()).toEqual(
    ['newest'].sort(),
  );
});

describe('mergeAll within one batch', () => {
  it('merges offers of the same import that share a URL, and refuses one that only shares a summary ID', async () => {
    const result = await store.mergeAll([
      makeOffer(1, { summaryId: 'SAME' }),
      makeOffer(2, { summaryId: 'SAME' }),
      makeOffer(3),
      { ...makeOffer(3), id: 'other-id', summaryId: undefined, notes: 'from the second' },
      { ...makeOffer(3), id: 'third-id' },
    ]);
    expect(result).toEqual({ added: 2, updated: 1, unchanged: 1, summaryIdConflicts: [1] });
    expect(await store.count()).toBe(2);
    expect((await store.get('offer-3'))?.notes).toBe('from the second');
  });
});

describe('createStoreOpener', () => {
  it('reuses one connection, and opens again after it closed or failed', async () => {
    globalThis.indexedDB = new IDBFactory();
    const closers: Array<() => void> = [];
    let opened = 0;
    let failNext = false;
    const open: typeof openOfferDatabase = async (name, onClosed) => {
      opened++;
      if (failNext) {
        failNext = false;
        throw new Error('blocked');
      }
      closers.push(onClosed!);
      return openOfferDatabase(name);
    };
    const openStore = createStoreOpener(open);
    await openStore();
    await openStore();
    expect(opened).toBe(1);
    closers[0]!();
    failNext = true;
    await expect(openStore()).rejects.toThrow('blocked');
    await openStore();
    expect(opened).toBe(3);
  });
});

describe('compose events retried', () => {
  it('record a send carrying the same time and provider once', async () => {
    const { offer } = await store.upsert({ url: offerUrl(1), source: 'auto' });
    const send = { kind: 'send' as const, provider: 'gmail' as const, subject: 'Offer', at: '2026-07-01T10:00:00.000Z', recipients: [{ email: 'a@b.example' }] };
    const first = await store.recordCompose(offer.id, send);
    const again = await store.recordCompose(offer.id, send);
    expect(again).toEqual(first);
    expect(again.customers[0]!.sends).toHaveLength(1);
    expect(again.customers[0]!.history.map((s) => s.status)).toEqual(['pending', 'sent']);
    expect((await store.recordCompose(offer.id, { ...send, at: '2026-07-02T10:00:00.000Z' })).customers[0]!.sends).toHaveLength(2);
  });
});

describe('progress', () => {
  it('counts the offers and tells whether a draft became a send, which a deletion takes back', async () => {
    expect(await store.progress()).toEqual({ offers: 0, sent: false });
    const { offer } = await store.upsert({ url: offerUrl(1), source: 'auto' });
    await store.recordCompose(offer.id, { kind: 'draft', at: '2026-07-01T10:00:00.000Z', provider: 'outlook', recipients: [{ email: 'a@b.example' }] });
    expect(await store.progress()).toEqual({ offers: 1, sent: false });
    await store.recordCompose(offer.id, { kind: 'send', at: '2026-07-01T10:01:00.000Z', provider: 'outlook', recipients: [{ email: 'a@b.example' }] });
    expect(await store.progress()).toEqual({ offers: 1, sent: true });
    await store.delete(offer.id);
    expect(await store.progress()).toEqual({ offers: 0, sent: false });
  });
});
