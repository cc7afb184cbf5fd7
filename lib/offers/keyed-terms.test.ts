import { expect, it } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import { keyedTerm, keyedTerms, keyedTermsStart } from './keyed-terms';
import { offerWords, urlKey } from './words';

it('makes a term of each key an offer has: its quote always, its summary ID and the trial it follows up when it has them', () => {
  const plain = makeOffer(1, { summaryId: undefined });
  expect(keyedTerms(plain)).toEqual([keyedTerm('url', urlKey(plain))]);
  const linked = makeOffer(2, { summaryId: 'S-2', followUpOf: 'trial-1' });
  expect(keyedTerms(linked)).toEqual([keyedTerm('url', urlKey(linked)), keyedTerm('summaryId', 'S-2'), keyedTerm('followUpOf', 'trial-1')]);
});

it('tags each index apart, below every search word, and escapes what would break a line', () => {
  const offer = makeOffer(3, { summaryId: 'S-3', followUpOf: 'trial-3', notes: 'zebra 0 s u f' });
  const terms = keyedTerms(offer);
  for (const word of offerWords(offer)) for (const term of terms) expect(term < word, `${term} < ${word}`).toBe(true);
  expect(new Set(terms.map((term) => term.slice(0, 2))).size).toBe(3);
  expect(keyedTerm('summaryId', 'S-3').startsWith(keyedTermsStart('summaryId'))).toBe(true);
  expect(keyedTerm('url', 'S-3').startsWith(keyedTermsStart('summaryId'))).toBe(false);
  expect(keyedTerm('summaryId', 'a\tb\nc%')).toBe(`${keyedTermsStart('summaryId')}a%09b%0Ac%25`);
});
