import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import { describeTemplateError, parseTemplate } from './parse';
import { PLACEHOLDER_NAMES, PLACEHOLDERS } from './placeholders';
import { AdvisorProfile } from './profile';
import { MessageTemplate } from './template';

const BAD_TEMPLATES = [
  'x'.repeat(20_000),
  '{{offer.url',
  '{{#each x}}',
  '{{offer.nope}}',
  '{{offer.delegatedAdmin}}',
  '{{#if customer.name}}',
  '{{else}}',
  '{{#if customer.name}}{{else}}{{else}}{{/if}}',
  '{{/if}}',
];

function usedKeys(): string[] {
  const keys: string[] = PLACEHOLDER_NAMES.map((name) => PLACEHOLDERS[name].label);
  for (const source of BAD_TEMPLATES) {
    const result = parseTemplate(source);
    if (result.ok) throw new Error(`expected an error for ${source}`);
    for (const error of result.errors) describeTemplateError(error, (key) => (keys.push(key), ''));
  }
  const profile = AdvisorProfile.safeParse({ email: 'x', website: 'javascript:x', logo: 'x', gdapLink: 'x' });
  const template = MessageTemplate.safeParse({ id: 'a', name: 'a', language: '??', kind: 'any', subject: '{{x', body: 'b', isDefault: false });
  for (const issue of [...(profile.error?.issues ?? []), ...(template.error?.issues ?? [])]) keys.push(issue.message);
  return keys;
}

describe('template messages', () => {
  const keys = usedKeys();

  it('covers every error code and schema message', () => {
    expect(new Set(keys.filter((key) => key.startsWith('template_error_'))).size).toBe(9);
    expect(keys.filter((key) => key.startsWith('template_profile_'))).toHaveLength(4);
    expect(keys).toContain('template_invalid_language');
    expect(keys).toContain('template_invalid_syntax');
  });

  it.each([
    ['en', en],
    ['fr', fr],
  ])('has every key in %s', (_language, messages) => {
    for (const key of keys) expect(messages, key).toHaveProperty(key);
  });
});
