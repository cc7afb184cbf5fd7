// The advisor is in New York. Set before any date is read.
process.env.TZ = 'America/New_York';

import { expect, it } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { contribution, lastMonths } from './stats';

it('counts an offer in the month it was sent in the browser’s time zone, not in UTC', () => {
  const accepted = makeCustomer('a', { name: 'A' }, '2026-12-01T01:00:00.000Z', 'sent');
  const offer = makeOffer(1, {
    customers: [{ ...accepted, status: 'accepted', history: [...accepted.history, { status: 'accepted', at: '2027-01-01T04:59:00.000Z' }] }],
  });
  expect([...contribution(offer).keys()].filter((key) => key.endsWith('|all'))).toEqual(['sent|2026-11|all', 'accepted|2026-12|all', 'sentAccepted|2026-11|all']);
});

it('ends the last twelve months with the current month in the browser’s time zone', () => {
  expect(lastMonths(new Date('2026-12-01T01:00:00.000Z')).at(-1)).toBe('2026-11');
  expect(lastMonths(new Date('2026-01-01T03:00:00.000Z'))).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
});

