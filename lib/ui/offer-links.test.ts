import { describe, expect, it } from 'vitest';
import { makeOffer, offerUrl } from '@/test/unit/offer-factory';
import { candidateKind, isLinkCandidate } from './offer-links';

const purchase = makeOffer(1);
const trial = makeOffer(2, { kind: 'trial', url: offerUrl(2, 'Trial') });

describe('offers the advisor may pick for a link', () => {
  it('lists offers of the kind the link needs', () => {
    expect(candidateKind(purchase, 'replacement')).toBe('purchase');
    expect(candidateKind(trial, 'replacement')).toBe('trial');
    expect(candidateKind(purchase, 'trial')).toBe('trial');
    expect(candidateKind(trial, 'follow-up')).toBe('purchase');
    expect(isLinkCandidate(purchase, 'trial', trial)).toBe(true);
    expect(isLinkCandidate(purchase, 'trial', makeOffer(3))).toBe(false);
    expect(isLinkCandidate(trial, 'follow-up', purchase)).toBe(true);
  });

  it('never offers the offer itself, nor a loop or a second link of the same kind', () => {
    expect(isLinkCandidate(purchase, 'replacement', purchase)).toBe(false);
    expect(isLinkCandidate(purchase, 'replacement', makeOffer(3))).toBe(true);
    expect(isLinkCandidate({ ...purchase, replaces: 'offer-3' }, 'replacement', makeOffer(3))).toBe(false);
    expect(isLinkCandidate(purchase, 'replacement', makeOffer(3, { replaces: 'offer-9' }))).toBe(false);
    expect(isLinkCandidate(purchase, 'replacement', makeOffer(3, { replacedBy: 'offer-9' }))).toBe(false);
    expect(isLinkCandidate(trial, 'follow-up', makeOffer(3, { followUpOf: trial.id }))).toBe(false);
    expect(isLinkCandidate(trial, 'follow-up', makeOffer(3, { followUpOf: 'another-trial' }))).toBe(true);
  });
});
