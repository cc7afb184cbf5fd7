import { describe, expect, it } from 'vitest';
import { makeTemplate } from '@/test/unit/message-factory';
import { MessageTemplate } from './template';

const template = makeTemplate;

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
