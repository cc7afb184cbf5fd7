import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { makeCustomer, makeOffer, offerUrl } from '@/test/unit/offer-factory';
import { awaitingKeys, DAY_MS, totalsOf } from './stats';
import { MIGRATIONS, openOfferDatabase, TOTALS_ID, type OfferCourierDB } from './db';
import { version8Record } from '@/test/unit/legacy-records';
import { offerWords } from './words';
import type { CustomerStatus, Offer } from './schema';
import { CUSTOMER_STATUSES } from './statuses';
import { OfferStore } from './store';
import { KEYED_INDEXES, type KeyedIndex } from './keyed-terms';
import { keyedHolders } from './word-index';
import { createOfferHandlers } from './handlers';
import { memoryArea } from '@/test/unit/memory-area';
import type { IDBPDatabase } from 'idb';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A small seeded generator (mulberry32): the same sequence of writes on every run. */
function seeded(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { int, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}

const storedTotals = async (db: IDBPDatabase<OfferCourierDB>) => (await db.get('stats', TOTALS_ID))?.counts ?? new Map<string, number>();

/** Overdue customers counted one by one, the way the index must count them. */
const overdueByHand = (offers: Offer[], cutoff: string) => offers.flatMap((offer) => awaitingKeys(offer)).filter(([since]) => since <= cutoff).length;

/**
 * Every key the word index lists (./keyed-terms) is the offers' own, and no two offers share a
 * quote or a summary ID: no database index enforces it since version 7, the store's checks do.
 */
async function expectKeysListedAndUnique(db: IDBPDatabase<OfferCourierDB>, offers: readonly Offer[]) {
  const tx = db.transaction(['wordBlocks', 'wordIndex'], 'readonly');
  const keysOf = (index: KeyedIndex, offer: Offer): readonly string[] => {
    const keys: string | readonly string[] | undefined = KEYED_INDEXES[index].of(offer);
    return typeof keys === 'string' ? [keys] : (keys ?? []);
  };
  const expectedHolders = (index: KeyedIndex, value: string) => offers.filter((offer) => keysOf(index, offer).includes(value)).map((offer) => offer.id).sort();
  for (const index of Object.keys(KEYED_INDEXES) as KeyedIndex[]) {
    const values = [...new Set(offers.flatMap((offer) => keysOf(index, offer)))];
    for (const value of values) expect(await keyedHolders(tx, index, value), `${index} ${value}`).toEqual(expectedHolders(index, value));
    if (index === 'url' || index === 'summaryId') expect(values.length, index).toBe(offers.filter((offer) => keysOf(index, offer).length > 0).length);
  }
}

it('keeps the totals equal to a recomputation from every offer through a random sequence of writes', async () => {
  const random = seeded(14);
  let time = Date.UTC(2025, 3, 1);
  // Hours to weeks between writes, so that sends and answers land in many months.
  const clock = () => new Date((time += (1 + random.int(24 * 20)) * 3_600_000)).toISOString();
  let ids = 0;
  const db = await openOfferDatabase();
  const store = new OfferStore(db, clock, () => `id-${++ids}`);
  const deleted: Offer[] = [];
  const people = ['ana@contoso.example', 'bo@fabrikam.example', 'cy@northwind.example', 'Dee Name'];
  const recipient = () => {
    const who = random.pick(people);
    return who.includes('@') ? { email: who } : { name: who };
  };

  const anyOffer = async () => random.pick(await store.all());
  const writes: (() => Promise<unknown>)[] = [
    () =>
      store.upsert({
        url: offerUrl(random.int(30), random.pick(['Purchase', 'Trial'] as const)),
        // A few summary IDs for many quotes: captures clash.
        summaryId: random.pick(['S-1', 'S-2', 'S-3', undefined]),
        usageLocation: random.pick(['France', 'Canada', undefined]),
        subscriptions: [{ name: 'E3', licenses: random.int(50) }],
        ...(random.int(2) ? { customer: recipient() } : {}),
        source: 'manual',
      }),
    async () => store.recordCompose((await anyOffer()).id, { kind: random.pick(['draft', 'send'] as const), at: clock(), provider: 'gmail', recipients: [recipient()] }),
    async () => {
      const offer = await anyOffer();
      const customer = offer.customers.length ? random.pick(offer.customers) : undefined;
      if (customer) await store.setCustomerStatus(offer.id, customer.id, random.pick<CustomerStatus>(CUSTOMER_STATUSES));
    },
    async () => store.addCustomer((await anyOffer()).id, recipient()),
    async () => {
      const offer = await anyOffer();
      if (offer.customers[0]) await store.updateCustomer(offer.id, offer.customers[0].id, { company: random.pick(['Contoso', '']) });
    },
    async () => {
      const offer = await anyOffer();
      if (offer.customers.length) await store.removeCustomer(offer.id, random.pick(offer.customers).id);
    },
    async () => {
      const offer = await anyOffer();
      if (offer.customers.length > 1) await store.mergeCustomers(offer.id, offer.customers[0]!.id, offer.customers[1]!.id);
    },
    async () => store.update((await anyOffer()).id, { notes: `note ${random.int(5)}` }),
    async () => {
      const [purchase, trial] = [await anyOffer(), await anyOffer()];
      if (purchase.kind === 'purchase' && trial.kind === 'trial') await store.update(purchase.id, { followUpOf: random.int(3) ? trial.id : null });
    },
    async () => {
      const [a, b] = [await anyOffer(), await anyOffer()];
      if (a.id !== b.id) await store.replace(a.id, b.id, random.int(2) === 0);
    },
    async () => {
      const gone = await store.delete((await anyOffer()).id);
      if (gone) deleted.push(gone);
    },
    async () => {
      const back = deleted.pop();
      if (back) await store.restore(back);
    },
    () =>
      store.mergeAll([
        makeOffer(100 + random.int(20), {
          summaryId: random.pick(['S-1', 'S-4', undefined]),
          customers: [makeCustomer('m1', { email: random.pick(people) }, clock(), random.pick<CustomerStatus>(CUSTOMER_STATUSES))],
        }),
        makeOffer(100 + random.int(20), { usageLocation: 'Japan', summaryId: random.pick(['S-2', 'S-4', undefined]) }),
      ]),
  ];

  await writes[0]!();
  for (let step = 0; step < 400; step++) {
    // Write 0 (a new offer) more often, "delete all" once in a while: the store always has offers to work on.
    if (step === 200) await store.deleteAll();
    const write = (await store.count()) < 3 || random.int(4) === 0 ? writes[0]! : random.pick(writes);
    await write();
    if (step % 50 === 49) {
      const all = await store.all();
      expect(await storedTotals(db)).toEqual(totalsOf(all));
      expect(await store.count()).toBe(all.length);
      await expectKeysListedAndUnique(db, all);
    }
  }
  const offers = await store.all();
  expect(await storedTotals(db)).toEqual(totalsOf(offers));

  const now = new Date(time);
  const overview = await store.overview(now, { days: 30, remindersOn: true });
  expect(overview.overdue.customers).toBe(overdueByHand(offers, new Date(time - 30 * DAY_MS).toISOString()));
  expect(overview.offers.sent + overview.offers.accepted).toBeGreaterThan(0);
  // The follow-up lists page through exactly the offers with customers awaiting a reply.
  const cutoff = new Date(time - 30 * DAY_MS).toISOString();
  const listed: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.page({ limit: 3, cursor, filter: { awaiting: { sentBefore: cutoff } } });
    listed.push(...page.offers.map((offer) => offer.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const expected = offers.filter((offer) => awaitingKeys(offer).some(([since]) => since <= cutoff)).map((offer) => offer.id);
  expect([...listed].sort()).toEqual([...expected].sort());
  expect(new Set(listed).size).toBe(listed.length);
});

it('computes the totals and the follow-up indexes from the offers of a version 2 database when it upgrades', async () => {
  const offers = [
    makeOffer(1, { customers: [makeCustomer('a', { name: 'A' }, '2026-03-01T10:00:00.000Z', 'sent')] }),
    makeOffer(2, { kind: 'trial', customers: [makeCustomer('b', { name: 'B' }, '2026-05-01T10:00:00.000Z', 'accepted')] }),
    makeOffer(3, { customers: [] }),
  ];
  const v2 = await openOfferDatabase('offer-courier', undefined, MIGRATIONS.slice(0, 2));
  for (const offer of offers) {
    // A version 2 record: the offer and the index fields version 2 knew, nothing more.
    const { offerStatusKey: _o, awaitingKeys: _a, awaitingSince: _s, words: _w, ...record } = version8Record(offer);
    await v2.put('offers', { ...record, words: offerWords(offer) });
  }
  v2.close();

  const db = await openOfferDatabase();
  expect(db.version).toBe(MIGRATIONS.length);
  expect(await storedTotals(db)).toEqual(totalsOf(offers));
  const store = new OfferStore(db);
  const overview = await store.overview(new Date('2026-06-01T00:00:00Z'), { days: 7, remindersOn: false });
  expect(overview).toMatchObject({ offers: { sent: 1, accepted: 1, pending: 1 }, awaitingCustomers: 1, overdue: { customers: 1, days: 7, remindersOn: false } });
  expect((await store.page({ filter: { offerStatus: 'accepted' } })).offers.map((offer) => offer.id)).toEqual(['offer-2']);
  expect((await store.page({ filter: { awaiting: {} } })).offers.map((offer) => offer.id)).toEqual(['offer-1']);
});

it('counts a follow-up overdue after the reminder delay, or after a week when reminders are off, in the overview and the list alike', async () => {
  const sentAt = (daysAgo: number) => new Date(Date.parse('2026-06-30T12:00:00Z') - daysAgo * DAY_MS).toISOString();
  const store = new OfferStore(await openOfferDatabase());
  await store.mergeAll([
    makeOffer(1, { customers: [makeCustomer('a', { name: 'A' }, sentAt(10), 'sent')] }),
    makeOffer(2, { customers: [makeCustomer('b', { name: 'B' }, sentAt(5), 'sent'), makeCustomer('c', { name: 'C' }, sentAt(3), 'accepted')] }),
  ]);
  const handlersWith = (days: number | null) =>
    createOfferHandlers(async () => store, memoryArea(), () => '2026-06-30T12:00:00.000Z', () => Promise.resolve(days));
  const overdueIds = async (days: number | null) =>
    (await handlersWith(days)['offers.page']({ type: 'offers.page', filter: { followUp: 'overdue' } })).offers.map((offer) => offer.id);

  expect((await handlersWith(null)['offers.overview']({ type: 'offers.overview' })).overview.overdue).toEqual({ customers: 1, days: 7, remindersOn: false });
  expect(await overdueIds(null)).toEqual(['offer-1']);
  expect((await handlersWith(4)['offers.overview']({ type: 'offers.overview' })).overview.overdue).toEqual({ customers: 2, days: 4, remindersOn: true });
  expect(await overdueIds(4)).toEqual(['offer-1', 'offer-2']);
  const awaiting = await handlersWith(30)['offers.search']({ type: 'offers.search', query: 'microsoft', filter: { followUp: 'awaiting' } });
  expect(awaiting.offers.map((offer) => offer.id).sort()).toEqual(['offer-1', 'offer-2']);
});
