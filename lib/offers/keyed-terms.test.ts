import { expect, it } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { KEYED_INDEXES, keyedTerm, keyedTerms, keyedTermsStart } from './keyed-terms';
import { offerWords, urlKey } from './words';

it("makes a term of each key an offer has: its quote, kind and status always; its summary ID, the trial it follows up, its customers' statuses, its location and its customers' waits when it has them", () => {
  const plain = makeOffer(1, { summaryId: undefined, customers: [], usageLocation: undefined });
  expect(keyedTerms(plain)).toEqual([keyedTerm('url', urlKey(plain)), keyedTerm('kind', 'purchase'), keyedTerm('offerStatus', 'pending')]);
  const linked = makeOffer(2, {
    kind: 'trial',
    summaryId: 'S-2',
    followUpOf: 'trial-1',
    usageLocation: 'France',
    customers: [
      makeCustomer('a', { name: 'A' }, '2026-02-01T10:00:00.000Z', 'sent'),
      makeCustomer('b', { name: 'B' }, undefined, 'accepted'),
      makeCustomer('c', { name: 'C' }, '2026-01-15T08:00:00.000Z', 'sent'),
    ],
  });
  expect(keyedTerms(linked)).toEqual([
    keyedTerm('url', urlKey(linked)),
    keyedTerm('summaryId', 'S-2'),
    keyedTerm('followUpOf', 'trial-1'),
    keyedTerm('kind', 'trial'),
    keyedTerm('offerStatus', 'accepted'),
    keyedTerm('status', 'sent'),
    keyedTerm('status', 'accepted'),
    keyedTerm('usageLocation', 'France'),
    keyedTerm('awaitingSince', '2026-01-15T08:00:00.000Z'),
    keyedTerm('awaitingSends', '2026-02-01T10:00:00.000Z a'),
    keyedTerm('awaitingSends', '2026-01-15T08:00:00.000Z c'),
  ]);
});

it('tags each index apart, below every search word, and escapes what would break a line', () => {
  const offer = makeOffer(3, { summaryId: 'S-3', followUpOf: 'trial-3', notes: 'zebra 0 s u f k o c l w a', customers: [makeCustomer('a', { name: 'A' }, undefined, 'sent')] });
  const terms = keyedTerms(offer);
  for (const word of offerWords(offer)) for (const term of terms) expect(term < word, `${term} < ${word}`).toBe(true);
  expect(new Set(terms.map((term) => term.slice(0, 2))).size).toBe(Object.keys(KEYED_INDEXES).length);
  expect(keyedTerm('summaryId', 'S-3').startsWith(keyedTermsStart('summaryId'))).toBe(true);
  expect(keyedTerm('url', 'S-3').startsWith(keyedTermsStart('summaryId'))).toBe(false);
  expect(keyedTerm('summaryId', 'a\tb\nc%')).toBe(`${keyedTermsStart('summaryId')}a%09b%0Ac%25`);
});
