import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './defaults';
import { makeOffer } from '@/test/unit/offer-factory';
import { messageLanguage, renderOfferMessage, sampleFor } from './offer-message';

const settings = (messageLanguage?: string) => ({
  profile: { company: 'Contoso Cloud' },
  templates: [...DEFAULT_TEMPLATES],
  preferences: { reminderDays: null, ...(messageLanguage ? { messageLanguage } : {}) },
});

describe('offer message', () => {
  it('uses the preferred language, else the UI language', () => {
    expect(messageLanguage(settings('fr'), 'en-US')).toBe('fr');
    expect(messageLanguage(settings(), 'en-US')).toBe('en-US');
  });

  it('renders the default template for the kind and language', () => {
    const message = renderOfferMessage(makeOffer(1, { kind: 'trial' }), settings('fr'), 'en');
    expect(message.template?.id).toBe('default-trial-fr');
    expect(message.template && message.result.ok && message.result.html).toContain('Contoso Cloud');
    expect(renderOfferMessage(makeOffer(2), settings(), 'en-GB').template?.id).toBe('default-purchase-en');
  });

  it('has no template when none fits the kind', () => {
    const onlyTrials = { ...settings(), templates: DEFAULT_TEMPLATES.filter((t) => t.kind === 'trial') };
    expect(renderOfferMessage(makeOffer(3), onlyTrials, 'en')).toEqual({ template: null });
  });

  it('offers a sample of either kind for previews', () => {
    expect(sampleFor('trial').url).toContain('type=Trial');
    expect(sampleFor('purchase').kind).toBe('purchase');
  });
});
