import { describe, expect, it } from 'vitest';
import { isEmailAddress } from './email-address';

describe('isEmailAddress', () => {
  it('accepts plain addresses, with subdomains, plus signs and apostrophes', () => {
    for (const address of ['ann@contoso.example', 'ann.lee+offers@mail.contoso.co.uk', "o'brien@fabrikam.example", 'BOB@FABRIKAM.EXAMPLE']) {
      expect(isEmailAddress(address), address).toBe(true);
    }
  });

  it('refuses half-typed addresses, names with addresses, lists and markup', () => {
    const refused = [
      'ann@',
      'ann@contoso',
      'ann@contoso.',
      'ann@contoso.e',
      'ann@contoso..example',
      '@contoso.example',
      'Ann <ann@contoso.example>',
      'ann@contoso.example, bob@fabrikam.example',
      'ann@contoso.example bob@fabrikam.example',
      '"ann"@contoso.example',
      '<img src=x>@contoso.example',
      `${'a'.repeat(250)}@contoso.example`,
    ];
    for (const text of refused) expect(isEmailAddress(text), text).toBe(false);
  });

  it('answers at once on hostile text just under the length cap', () => {
    const started = performance.now();
    for (let i = 0; i < 100; i++) {
      expect(isEmailAddress(`a@${'b.'.repeat(120)}!`)).toBe(false);
      expect(isEmailAddress(`${'a.'.repeat(60)}@${'b-'.repeat(60)}`)).toBe(false);
    }
    expect(performance.now() - started).toBeLessThan(200);
  });
});
