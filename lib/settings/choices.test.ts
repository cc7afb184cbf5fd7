import { describe, expect, it } from 'vitest';
import { MAX_REMEMBERED_CUSTOMERS, rememberChoice, rememberedChoice } from './choices';

const french = { templateId: 'default-purchase-fr', language: 'fr' };
const english = { templateId: 'default-purchase-en', language: 'en' };

describe('remembered template choices', () => {
  it('answers the latest choice for any of the addresses, whatever their case', () => {
    let choices = rememberChoice([], ['Ann@Contoso.example', 'bob@contoso.example'], french);
    choices = rememberChoice(choices, ['bob@contoso.example'], english);
    expect(choices.map((entry) => entry.email)).toEqual(['bob@contoso.example', 'ann@contoso.example']);
    expect(rememberedChoice(choices, ['ANN@contoso.example'])).toEqual(french);
    expect(rememberedChoice(choices, ['ann@contoso.example', 'bob@contoso.example'])).toEqual(english);
    expect(rememberedChoice(choices, ['eve@contoso.example'])).toBeUndefined();
    expect(rememberedChoice(choices, [])).toBeUndefined();
  });

  it('keeps one entry per address and forgets the oldest beyond the cap', () => {
    let choices = rememberChoice([], ['first@contoso.example'], french);
    for (let n = 0; n < MAX_REMEMBERED_CUSTOMERS; n++) choices = rememberChoice(choices, [`c${n}@contoso.example`, `C${n}@contoso.example`], english);
    expect(choices).toHaveLength(MAX_REMEMBERED_CUSTOMERS);
    expect(new Set(choices.map((entry) => entry.email)).size).toBe(MAX_REMEMBERED_CUSTOMERS);
    expect(rememberedChoice(choices, ['first@contoso.example'])).toBeUndefined();
    expect(rememberedChoice(choices, ['c0@contoso.example'])).toEqual(english);
  });
});
