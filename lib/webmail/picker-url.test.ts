import { describe, expect, it } from 'vitest';
import { isPageDark, pickerHash, pickerRecipients, pickerToken } from './picker-url';

const TOKEN = '0b5f8a4e-4b1c-4a53-9a6e-2f1f1d5f1c11';

describe('the picker URL hash', () => {
  it('carries the token, the recipient addresses and the page theme there and back', () => {
    const hash = pickerHash({ token: TOKEN, provider: 'gmail', recipients: ['ann@contoso.example', 'b+x@contoso.example'], darkPage: true });
    expect(pickerToken(hash)).toBe(TOKEN);
    expect(pickerRecipients(hash)).toEqual(['ann@contoso.example', 'b+x@contoso.example']);
    expect(isPageDark(hash)).toBe(true);
    const light = pickerHash({ token: TOKEN, provider: 'outlook', recipients: [], darkPage: false });
    expect(pickerRecipients(light)).toEqual([]);
    expect(isPageDark(light)).toBe(false);
  });

  it('reads only a well-formed token and plain addresses', () => {
    expect(pickerToken(`#token=${TOKEN}&provider=gmail`)).toBe(TOKEN);
    expect(pickerToken('#token=<script>')).toBeNull();
    expect(pickerToken('')).toBeNull();
    expect(pickerRecipients(`#token=${TOKEN}&to=${encodeURIComponent('Ann <ann@contoso.example>')}&to=x&to=bob@contoso.example`)).toEqual(['bob@contoso.example']);
    expect(pickerRecipients(`#${Array.from({ length: 80 }, (_, n) => `to=c${n}@contoso.example`).join('&')}`)).toHaveLength(50);
  });
});
