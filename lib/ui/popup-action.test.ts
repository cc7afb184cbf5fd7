import { describe, expect, it } from 'vitest';
import { planPopupActions, primaryAction } from './popup-action';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
const OUTLOOK = 'https://outlook.cloud.microsoft/mail/deeplink/compose';
const PARTNER_CENTER = 'https://partner.microsoft.com/fr-fr/dashboard/v2/customers';

describe('the popup primary action', () => {
  it('is Insert in a Gmail or Outlook tab holding a compose window', () => {
    expect(primaryAction({ url: GMAIL, composeOpen: true })).toBe('insert');
    expect(primaryAction({ url: OUTLOOK, composeOpen: true })).toBe('insert');
    expect(primaryAction({ url: 'https://outlook.live.com/mail/0/', composeOpen: true })).toBe('insert');
  });

  it('is Copy message in a webmail without a compose window, or a compose answer from a page that is not webmail', () => {
    expect(primaryAction({ url: GMAIL, composeOpen: false })).toBe('copy');
    expect(primaryAction({ url: 'http://mail.google.com/', composeOpen: true })).toBe('copy');
    expect(primaryAction({ url: 'https://mail.google.com.evil.example/', composeOpen: true })).toBe('copy');
  });

  it('is Capture on Partner Center over https, whatever the page', () => {
    expect(primaryAction({ url: PARTNER_CENTER, composeOpen: false })).toBe('capture');
    expect(primaryAction({ url: 'https://partner.microsoft.com:8443/dashboard', composeOpen: false })).toBe('capture');
    expect(primaryAction({ url: 'http://partner.microsoft.com/dashboard', composeOpen: false })).toBe('copy');
    expect(primaryAction({ url: 'https://partner.microsoft.com.evil.example/', composeOpen: false })).toBe('copy');
  });

  it('is Copy message anywhere else, an unreadable URL included', () => {
    for (const url of ['https://example.com/', 'chrome://newtab/', 'not a url', undefined]) expect(primaryAction({ url, composeOpen: false })).toBe('copy');
  });
});

describe('the popup action plan', () => {
  it('keeps every other action as a secondary one, in a fixed order', () => {
    expect(planPopupActions({ url: GMAIL, composeOpen: true }, true)).toEqual({ primary: 'insert', secondary: ['capture', 'copy'] });
    expect(planPopupActions({ url: PARTNER_CENTER, composeOpen: false }, true)).toEqual({ primary: 'capture', secondary: ['insert', 'copy'] });
    expect(planPopupActions({ url: undefined, composeOpen: false }, true)).toEqual({ primary: 'copy', secondary: ['insert', 'capture'] });
  });

  it('offers only Capture without an offer, as the primary action on Partner Center', () => {
    expect(planPopupActions({ url: PARTNER_CENTER, composeOpen: false }, false)).toEqual({ primary: 'capture', secondary: [] });
    expect(planPopupActions({ url: GMAIL, composeOpen: true }, false)).toEqual({ primary: null, secondary: ['capture'] });
    expect(planPopupActions({ url: 'https://example.com/', composeOpen: false }, false)).toEqual({ primary: null, secondary: ['capture'] });
  });
});
