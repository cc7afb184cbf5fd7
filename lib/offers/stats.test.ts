import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { acceptanceRate, anySent, applyDifference, awaitingKeys, contribution, laterWaitsOfCutoffDay, firstSentAt, lastMonths, offerCount, readOverview, totalsOf, waitDay, waitsOfLaterDays } from './stats';

const sentIn = (month: string) => `2026-${month}-10T09:00:00.000Z`;

describe('contribution', () => {
  it('counts the offer by its status, its customers by theirs, its licenses and its location', () => {
    const offer = makeOffer(1, {
      usageLocation: 'France',
      subscriptions: [
        { name: 'E3', licenses: 10 },
        { name: 'E5', licenses: null },
      ],
      customers: [makeCustomer('a', { name: 'A' }, sentIn('03'), 'sent'), makeCustomer('b', { name: 'B' }, sentIn('04'), 'declined')],
    });
    expect(Object.fromEntries(contribution(offer))).toEqual({
      'offers|sent': 1,
      'customers|sent': 1,
      'customers|declined': 1,
      'licenses|offered': 10,
      'sent|2026-03|all': 1,
      'sent|2026-03|kind:purchase': 1,
      'sent|2026-03|location:France': 1,
      'waits|2026-03-10': 1,
      'locations|France': 1,
    });
  });

  it('counts an accepted offer in its acceptance month, and in its first send month for the rate', () => {
    const customer = makeCustomer('a', { email: 'a@x.example' }, sentIn('02'), 'sent');
    const accepted = { ...customer, status: 'accepted' as const, history: [...customer.history, { status: 'accepted' as const, at: sentIn('05') }] };
    const offer = makeOffer(2, { kind: 'trial', usageLocation: undefined, subscriptions: [{ name: 'E3', licenses: 4 }], customers: [accepted] });
    expect(Object.fromEntries(contribution(offer))).toMatchObject({
      'offers|accepted': 1,
      'licenses|accepted': 4,
      'sent|2026-02|kind:trial': 1,
      'accepted|2026-05|all': 1,
      'sentAccepted|2026-02|all': 1,
    });
  });

  it('takes the earliest send of any customer, in UTC, as the first send', () => {
    const late = makeCustomer('a', { name: 'A' }, '2026-04-01T00:30:00+02:00', 'sent');
    const early = makeCustomer('b', { name: 'B' }, '2026-04-01T00:10:00.000Z', 'sent');
    expect(firstSentAt({ customers: [early, late] })).toBe('2026-04-01T00:30:00+02:00');
    expect(contribution(makeOffer(3, { customers: [late] })).get('sent|2026-03|all')).toBe(1);
  });
});

describe('waits after a cutoff', () => {
  // Times at the edges of a day and of the cutoff, and texts an old record may hold instead of a time.
  const waits = [
    '2026-03-09T23:59:59.999Z',
    '2026-03-10T00:00:00.000Z',
    '2026-03-10T08:59:59.999Z',
    '2026-03-10T09:00:00.000Z',
    '2026-03-10T09:00:00.001Z',
    '2026-03-10T23:59:59.999Z',
    '2026-03-11T00:00:00.000Z',
    '2027-01-01T00:00:00.000Z',
    '2026-03-10',
    '2026-03-1',
    '2026-03-10zzz',
    '2026-03-1:',
    'not a time',
  ];
  // Customers sent their offer at those times, counted as every write counts them.
  const offers = waits.map((at, n) => makeOffer(n, { customers: [makeCustomer(`c${n}`, { email: `c${n}@contoso.example` }, at, 'sent', [{ at, provider: 'gmail' }])] }));
  const totals = totalsOf(offers);
  const sinces = offers.flatMap((offer) => awaitingKeys(offer).map(([since]) => since));

  it.each(['2026-03-10T09:00:00.000Z', '2026-03-10T00:00:00.000Z', '2026-03-09T23:59:59.999Z', '2026-03-11T00:00:00.000Z', '2026-12-31T23:59:59.999Z'])(
    'counts, for a cutoff at %s, the later days in the totals and the cutoff’s day on the index, each wait once',
    (cutoff) => {
      // The index lists the waits of the cutoff's day: its terms start with the day.
      const listed = sinces.filter((since) => since.startsWith(waitDay(cutoff)));
      expect(sinces).toHaveLength(waits.length);
      expect(waitsOfLaterDays(totals, cutoff) + laterWaitsOfCutoffDay(listed, cutoff)).toBe(sinces.filter((since) => since > cutoff).length);
    },
  );
});

describe('offerCount', () => {
  it('counts every offer once, whatever its status, and none without totals', () => {
    const offers = [makeOffer(1), makeOffer(2, { customers: [makeCustomer('a', { name: 'A' }, sentIn('03'), 'accepted')] }), makeOffer(3, { customers: [] })];
    expect(offerCount(totalsOf(offers))).toBe(3);
    expect(offerCount(undefined)).toBe(0);
  });
});

describe('applyDifference', () => {
  it('moves the counts from the offer before to the offer after, dropping zeros', () => {
    const before = makeOffer(1, { customers: [makeCustomer('a', { name: 'A' }, sentIn('03'), 'sent')] });
    const after = { ...before, customers: [{ ...before.customers[0]!, status: 'declined' as const }] };
    const totals = applyDifference(totalsOf([before, makeOffer(2)]), before, after);
    expect(totals).toEqual(totalsOf([after, makeOffer(2)]));
    expect(applyDifference(totals, after, undefined)).toEqual(totalsOf([makeOffer(2)]));
    expect(applyDifference(new Map(), undefined, after)).toEqual(contribution(after));
  });
});

describe('readOverview', () => {
  it('reads the last twelve months, each segment, and the rate of offers sent then accepted', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    expect(lastMonths(now)).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    const totals = new Map(
      Object.entries({
        'offers|sent': 3,
        'customers|sent': 4,
        'sent|2026-06|all': 3,
        'sent|2026-06|location:Canada': 2,
        'sentAccepted|2026-06|all': 1,
        'sent|2024-01|location:Gone': 1,
      }),
    );
    const overview = readOverview(totals, now, { customers: 1, days: 7, remindersOn: false });
    expect(overview.offers.sent).toBe(3);
    expect(overview.awaitingCustomers).toBe(4);
    expect(overview.all.sent.at(-1)).toBe(3);
    expect(overview.byLocation).toEqual([{ location: 'Canada', series: expect.objectContaining({ sent: [...Array(11).fill(0), 2] }) }]);
    expect(acceptanceRate(overview.all)).toBe(33);
    expect(acceptanceRate(overview.byKind.trial)).toBeNull();
  });
});

describe('anySent', () => {
  it('is true once some offer was sent, in any month, and false again when it is gone', () => {
    const unsent = makeOffer(1, { customers: [makeCustomer('a', { name: 'A' }, sentIn('01'), 'pending')] });
    const sent = makeOffer(2, { customers: [makeCustomer('b', { name: 'B' }, sentIn('01'), 'sent')] });
    expect(anySent(totalsOf([]))).toBe(false);
    expect(anySent(totalsOf([unsent]))).toBe(false);
    const both = totalsOf([unsent, sent]);
    expect(anySent(both)).toBe(true);
    expect(anySent(applyDifference(both, sent, undefined))).toBe(false);
  });
});
