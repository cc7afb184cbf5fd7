import { describe, expect, it } from 'vitest';
import { MessageTemplate } from './template';

const template = (overrides: Partial<MessageTemplate>): MessageTemplate => ({
  id: 't',
  name: 'Template',
  language: 'en',
  kind: 'purchase',
  subject: 'Offer',
  body: '{{offer.url}}',
  isDefault: false,
  ...overrides,
});

describe('MessageTemplate', () => {
  it('accepts a valid template', () => {
    expect(MessageTemplate.safeParse(template({ language: 'fr-CA', kind: 'any' })).success).toBe(true);
  });

  it('refuses an invalid language tag, an empty subject and a body that does not parse', () => {
    const messages = (overrides: Partial<MessageTemplate>) => {
      const result = MessageTemplate.safeParse(template(overrides));
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(messages({ language: 'not a language' })).toEqual(['template_invalid_language']);
    expect(messages({ subject: '' })).toHaveLength(1);
    expect(messages({ body: 'Hello {{customer.nmae}}' })).toEqual(['template_invalid_syntax']);
    expect(messages({ subject: '{{#if customer.name}}' })).toEqual(['template_invalid_syntax']);
  });
});
