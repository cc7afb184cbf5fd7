import { describe, expect, it } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import { Offer, OfferDraft } from './schema';

describe('Offer schema', () => {
  it('accepts a complete offer and trims text', () => {
    const parsed = Offer.parse({ ...makeOffer(1), summaryId: '  S-1  ' });
    expect(parsed.summaryId).toBe('S-1');
  });

  it.each([
    ['kind', 'lease'],
    ['customers', [{ id: 'c1', status: 'paid', history: [], sends: [] }]],
    ['delegatedAdmin', 'yes'],
    ['createdAt', 'yesterday'],
    ['subscriptions', [{ name: '', licenses: 3 }]],
    ['subscriptions', [{ name: 'E3', licenses: -1 }]],
    ['subscriptions', [{ name: 'E3', licenses: 2.5 }]],
    ['notes', 'x'.repeat(20_001)],
  ])('rejects %s = %j', (field, value) => {
    expect(Offer.safeParse({ ...makeOffer(1), [field]: value }).success).toBe(false);
  });

  it('needs only a URL and a source in a draft', () => {
    expect(OfferDraft.safeParse({ url: 'https://x.example', source: 'manual' }).success).toBe(true);
    expect(OfferDraft.safeParse({ source: 'manual' }).success).toBe(false);
    expect(OfferDraft.safeParse({ url: 'https://x.example', source: 'page' }).success).toBe(false);
  });
});
