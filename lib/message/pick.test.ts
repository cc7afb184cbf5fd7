import { describe, expect, it } from 'vitest';
import { makeTemplate } from '@/test/unit/message-factory';
import { pickTemplate, setDefaultTemplate } from './pick';

const template = makeTemplate;

describe('pickTemplate', () => {
  const templates = [
    template({ id: 'en-any', language: 'en', kind: 'any' }),
    template({ id: 'en-purchase', language: 'en', kind: 'purchase', isDefault: true }),
    template({ id: 'fr-purchase', language: 'fr', kind: 'purchase' }),
    template({ id: 'fr-any-default', language: 'fr', kind: 'any', isDefault: true }),
    template({ id: 'fr-CA-trial', language: 'fr-CA', kind: 'trial' }),
  ];
  const pick = (language: string, kind: 'purchase' | 'trial') => pickTemplate(templates, language, kind)?.id;

  it('prefers the exact language, then the primary language, then any', () => {
    expect(pick('fr-CA', 'trial')).toBe('fr-CA-trial');
    expect(pick('fr-CA', 'purchase')).toBe('fr-any-default');
    expect(pick('de', 'purchase')).toBe('en-purchase');
  });

  it('prefers the default within a language, then a template of the exact kind', () => {
    expect(pick('fr', 'purchase')).toBe('fr-any-default');
    expect(pick('en', 'trial')).toBe('en-any');
    expect(pickTemplate(templates.slice(0, 3), 'fr', 'purchase')?.id).toBe('fr-purchase');
  });

  it('finds nothing when no template fits the kind', () => {
    expect(pickTemplate([template({ kind: 'purchase' })], 'en', 'trial')).toBeUndefined();
  });
});

describe('setDefaultTemplate', () => {
  it('moves the default within the same language and kind only', () => {
    const templates = [
      template({ id: 'a', isDefault: true }),
      template({ id: 'b' }),
      template({ id: 'c', language: 'fr', isDefault: true }),
      template({ id: 'd', kind: 'trial', isDefault: true }),
    ];
    expect(setDefaultTemplate(templates, 'b').map((t) => [t.id, t.isDefault])).toEqual([
      ['a', false],
      ['b', true],
      ['c', true],
      ['d', true],
    ]);
  });
});
