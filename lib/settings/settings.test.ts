import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import { checkSettingsParts, withDefaults } from './settings';

describe('withDefaults', () => {
  it('reads a missing part, or an empty template list, as its default', () => {
    expect(withDefaults({})).toEqual({ profile: {}, templates: [...DEFAULT_TEMPLATES], preferences: { reminderDays: null }, choices: [] });
    expect(withDefaults({ templates: [] }).templates).toEqual([...DEFAULT_TEMPLATES]);
  });
});

describe('checkSettingsParts', () => {
  it('keeps each valid part as its schema returns it, and leaves absent parts out', () => {
    expect(checkSettingsParts({ profile: { name: ' Ada ', website: 'contoso.example' }, preferences: { reminderDays: 3 } })).toEqual({
      valid: { profile: { name: 'Ada', website: 'https://contoso.example' }, preferences: { reminderDays: 3 } },
      rejected: [],
    });
  });

  it('rejects each invalid part on its own, naming the field, and keeps the others', () => {
    const { valid, rejected } = checkSettingsParts({
      profile: { name: 'Ada', logo: 'javascript:alert(1)' },
      templates: [{ ...DEFAULT_TEMPLATES[0]!, kind: 'spam' }],
      preferences: { reminderDays: 7 },
    });
    expect(valid).toEqual({ preferences: { reminderDays: 7 } });
    expect(rejected.map((r) => r.part)).toEqual(['profile', 'templates']);
    expect(rejected[0]!.reason).toMatch(/^logo:/);
    expect(rejected[1]!.reason).toMatch(/^0\.kind:/);
  });

  it('keeps remembered choices only with valid addresses and template references', () => {
    const choice = { email: 'ann@contoso.example', templateId: 'default-purchase-fr', language: 'fr' };
    expect(checkSettingsParts({ choices: [choice] })).toEqual({ valid: { choices: [choice] }, rejected: [] });
    for (const wrong of [{ ...choice, email: 'Ann <ann@contoso.example>' }, { ...choice, language: 'not a tag' }, { ...choice, templateId: '' }]) {
      expect(checkSettingsParts({ choices: [wrong] }).rejected.map((r) => r.part)).toEqual(['choices']);
    }
  });

  it('rejects a settings part that is not an object', () => {
    for (const value of ['text', null, [1]]) {
      expect(checkSettingsParts(value)).toEqual({ valid: {}, rejected: [{ part: 'settings', reason: 'not an object' }] });
    }
  });
});
