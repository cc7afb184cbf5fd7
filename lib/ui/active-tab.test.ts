import { describe, expect, it } from 'vitest';
import { captureFailureText, pickerFailureText } from './active-tab';

describe('context-aware popup', () => {
  it('explains every capture and picker failure', () => {
    expect(captureFailureText('no-offer-url')).toBe('capture_reason_no_offer_url');
    expect(captureFailureText('no-content-script')).toBe('popup_captureReload');
    expect(pickerFailureText('no-compose')).toBe('popup_noComposeWindow');
    expect(pickerFailureText('no-webmail-tab')).toBe('popup_noWebmailTab');
    expect(pickerFailureText(undefined)).toBe('popup_noWebmailTab');
  });
});
