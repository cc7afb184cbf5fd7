import { describe, expect, it } from 'vitest';
import { captureFailureText, isPartnerCenterUrl, pickerFailureText } from './active-tab';

describe('context-aware popup', () => {
  it('recognises Partner Center pages only over https on the real host', () => {
    expect(isPartnerCenterUrl('https://partner.microsoft.com/fr-fr/dashboard/v2/customers')).toBe(true);
    expect(isPartnerCenterUrl('https://partner.microsoft.com:8443/dashboard')).toBe(true);
    expect(isPartnerCenterUrl('http://partner.microsoft.com/dashboard')).toBe(false);
    expect(isPartnerCenterUrl('https://partner.microsoft.com.evil.example/')).toBe(false);
    expect(isPartnerCenterUrl('https://mail.google.com/')).toBe(false);
    expect(isPartnerCenterUrl(undefined)).toBe(false);
    expect(isPartnerCenterUrl('not a url')).toBe(false);
  });

  it('explains every capture and picker failure', () => {
    expect(captureFailureText('no-offer-url')).toBe('capture_reason_no_offer_url');
    expect(captureFailureText('no-content-script')).toBe('popup_captureReload');
    expect(pickerFailureText('no-compose')).toBe('popup_noComposeWindow');
    expect(pickerFailureText('no-webmail-tab')).toBe('popup_noWebmailTab');
    expect(pickerFailureText(undefined)).toBe('popup_noWebmailTab');
  });
});
