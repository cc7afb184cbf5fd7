import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeOffer, offerUrl } from '@/test/unit/offer-factory';
import { DB_VERSION, openOfferDatabase } from './db';
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
    expect(offer).toMatchObject({ kind: 'trial', partnerId: '4227824', summaryId: 'T-7', status: 'created', delegatedAdmin: null });
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

  it('filters by status, kind and usage location', async () => {
    await store.setStatus('offer-5', 'accepted');
    expect((await store.page({ filter: { status: 'accepted' } })).offers.map((o) => o.id)).toEqual(['offer-5']);
    const france = await store.page({ filter: { usageLocation: 'France' }, limit: 500 });
    expect(france.offers).toHaveLength(60);
    expect((await store.page({ filter: { kind: 'trial' } })).offers).toHaveLength(0);
    const both = await store.page({ filter: { status: 'created', usageLocation: 'Canada' }, limit: 500 });
    expect(both.offers.every((o) => o.usageLocation === 'Canada' && o.status === 'created')).toBe(true);
    expect(both.offers).toHaveLength(60);
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
  beforeEach(async () => {
    await store.mergeAll([
      makeOffer(1, { customer: { name: 'Émilie Durand', company: 'Boulangerie Fournil' }, notes: 'Call back Tuesday' }),
      makeOffer(2, { subscriptions: [{ name: 'Exchange Online (Plan 1)', licenses: 5 }] }),
      makeOffer(3, { summaryId: 'AB12-XY' }),
    ]);
  });

  it('is case- and accent-insensitive and matches word starts', async () => {
    expect((await store.search('emilie')).map((o) => o.id)).toEqual(['offer-1']);
    expect((await store.search('FOURN')).map((o) => o.id)).toEqual(['offer-1']);
    expect((await store.search('tuesday')).map((o) => o.id)).toEqual(['offer-1']);
  });

  it('finds by summary ID, subscription, email and URL', async () => {
    expect((await store.search('ab12-xy')).map((o) => o.id)).toEqual(['offer-3']);
    expect((await store.search('exchange plan')).map((o) => o.id)).toEqual(['offer-2']);
    expect((await store.search('buyer2@contoso.example')).map((o) => o.id)).toEqual(['offer-2']);
    expect((await store.search(offerUrl(3))).map((o) => o.id)).toEqual(['offer-3']);
  });

  it('requires every word and returns newest first', async () => {
    expect((await store.search('microsoft')).map((o) => o.id)).toEqual(['offer-3', 'offer-1']);
    expect(await store.search('emilie exchange')).toEqual([]);
  });

  it('combines search with filters', async () => {
    await store.setStatus('offer-3', 'accepted');
    expect((await store.search('microsoft', 50, { status: 'accepted' })).map((o) => o.id)).toEqual(['offer-3']);
    expect((await store.search('microsoft', 50, { usageLocation: 'France' })).map((o) => o.id)).toEqual(['offer-3', 'offer-1']);
    expect(await store.search('microsoft', 50, { kind: 'trial' })).toEqual([]);
    expect((await store.search('', 50, { status: 'accepted' })).map((o) => o.id)).toEqual(['offer-3']);
  });

  it('scans newest first when every word is very common', async () => {
    await store.mergeAll(Array.from({ length: 1100 }, (_, i) => makeOffer(100 + i)));
    const found = await store.search('microsoft business', 5);
    expect(found.map((o) => o.id)).toEqual(['offer-1199', 'offer-1198', 'offer-1197', 'offer-1196', 'offer-1195']);
  });
});

describe('changes', () => {
  it('appends status history, records sends, updates, deletes and restores', async () => {
    const { offer } = await store.upsert({ url: offerUrl(1), source: 'auto' });
    const sent = await store.recordSend(offer.id, { provider: 'outlook', to: 'a@b.example', subject: 'Your offer' });
    expect(sent.status).toBe('sent');
    expect(sent.statusHistory.map((s) => s.status)).toEqual(['created', 'sent']);
    const accepted = await store.setStatus(offer.id, 'accepted');
    expect(accepted.statusHistory.map((s) => s.status)).toEqual(['created', 'sent', 'accepted']);
    expect((await store.recordSend(offer.id, { provider: 'gmail' })).status).toBe('accepted');
    const edited = await store.update(offer.id, { customer: { name: 'Zoë' }, notes: 'Prefers email' });
    expect(edited).toMatchObject({ customer: { name: 'Zoë' }, notes: 'Prefers email' });
    expect((await store.search('zoe')).map((o) => o.id)).toEqual([offer.id]);
    const deleted = await store.delete(offer.id);
    expect(await store.count()).toBe(0);
    await store.restore(deleted!);
    expect(await store.get(offer.id)).toEqual(deleted);
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

  it('reports a missing offer', async () => {
    await expect(store.setStatus('nope', 'sent')).rejects.toThrow(/No offer/);
  });
});

describe('field-level update', () => {
  it('keeps two windows’ edits of different fields, each checked against what it saw', async () => {
    const { offer } = await store.upsert({ url: offerUrl(5), source: 'auto', customer: { name: 'Zoë', email: 'old@contoso.example' } });
    await store.update(offer.id, { notes: 'Call back Monday' }, { notes: '' });
    const both = await store.update(offer.id, { customer: { email: 'new@contoso.example' } }, { customer: { email: 'old@contoso.example' } });
    expect(both).toMatchObject({ notes: 'Call back Monday', customer: { name: 'Zoë', email: 'new@contoso.example' } });
    expect(await store.get(offer.id)).toEqual(both);
  });

  it('refuses a change of a field changed since, as stale, and writes nothing', async () => {
    const { offer } = await store.upsert({ url: offerUrl(6), source: 'auto', customer: { name: 'Zoë' } });
    const first = await store.update(offer.id, { notes: 'from window A' }, { notes: '' });
    const refused = store.update(offer.id, { notes: 'from window B', customer: { company: 'Contoso' } }, { notes: '', customer: { company: '' } });
    await expect(refused).rejects.toBeInstanceOf(StaleOfferError);
    await expect(refused).rejects.toMatchObject({ code: 'stale' });
    await expect(store.update(offer.id, { customer: { name: 'Zoé' } }, { customer: { name: 'Someone else' } })).rejects.toMatchObject({ code: 'stale' });
    expect(await store.get(offer.id)).toEqual(first);
  });

  it('clears a customer field sent blank and leaves the others', async () => {
    const { offer } = await store.upsert({ url: offerUrl(7), source: 'auto', customer: { name: 'Zoë', company: 'Contoso' } });
    const cleared = await store.update(offer.id, { customer: { company: '' } }, { customer: { company: 'Contoso' } });
    expect(cleared.customer).toEqual({ name: 'Zoë' });
  });
});

describe('mergeAll', () => {
  it('writes all or nothing', async () => {
    await store.mergeAll([makeOffer(1)]);
    const broken = { ...makeOffer(3), id: undefined } as never;
    await expect(store.mergeAll([makeOffer(4), broken])).rejects.toThrow();
    expect(await store.count()).toBe(1);
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

  it('sees a clash with a record of an earlier batch of the same file', async () => {
    const offers = Array.from({ length: 501 }, (_, i) => makeOffer(i));
    offers[500] = makeOffer(500, { summaryId: 'SUM-3' });
    expect((await store.mergeAll(offers)).summaryIdConflicts).toEqual([500]);
    expect(await store.count()).toBe(500);
  });
});

describe('follow-up mark in upsert', () => {
  const mark = { trialId: 'trial-9', since: '2026-01-01T00:00:00.000Z' };

  it('links a new purchase offer in the same write, and leaves merges and trials alone', async () => {
    const linked = await store.upsert({ url: offerUrl(1), source: 'auto' }, mark);
    expect(linked).toMatchObject({ created: true, followUpApplied: true, offer: { followUpOf: 'trial-9' } });
    expect((await store.get(linked.offer.id))?.followUpOf).toBe('trial-9');
    const trial = await store.upsert({ url: offerUrl(2, 'Trial'), source: 'auto' }, mark);
    expect(trial).toMatchObject({ followUpApplied: false });
    expect(trial.offer.followUpOf).toBeUndefined();
    const merged = await store.upsert({ url: offerUrl(1), notes: 'x', source: 'auto' }, { ...mark, trialId: 'trial-8' });
    expect(merged).toMatchObject({ created: false, followUpApplied: false, offer: { followUpOf: 'trial-9' } });
  });

  it('never links twice: a mark left behind after its offer was saved is recognised as applied', async () => {
    await store.upsert({ url: offerUrl(1), source: 'auto' }, mark);
    const next = await store.upsert({ url: offerUrl(2), source: 'auto' }, mark);
    expect(next.followUpApplied).toBe(true);
    expect(next.offer.followUpOf).toBeUndefined();
  });
});

it('creates the schema at the current version', async () => {
  const db = await openOfferDatabase('probe');
  expect(db.version).toBe(DB_VERSION);
  expect([...db.transaction('offers').store.indexNames].sort()).toEqual(
    ['customer', 'kind', 'newest', 'status', 'summaryId', 'url', 'usageLocation', 'words'].sort(),
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

describe('recordSend retried', () => {
  it('records a send carrying the same time and provider once', async () => {
    const { offer } = await store.upsert({ url: offerUrl(1), source: 'auto' });
    const send = { provider: 'gmail' as const, subject: 'Offer', at: '2026-07-01T10:00:00.000Z' };
    const first = await store.recordSend(offer.id, send);
    const again = await store.recordSend(offer.id, send);
    expect(again).toEqual(first);
    expect(again.sends).toHaveLength(1);
    expect(again.statusHistory.map((s) => s.status)).toEqual(['created', 'sent']);
    expect((await store.recordSend(offer.id, { ...send, at: '2026-07-02T10:00:00.000Z' })).sends).toHaveLength(2);
  });
});
