import { describe, expect, it } from 'vitest';
import { parseTemplate } from './parse';
import { PLACEHOLDER_NAMES, PLACEHOLDERS, type RenderContext } from './placeholders';
import { renderTemplate } from './render';
import { renderContext } from '@/test/unit/message-factory';

/** A context where every value is set, so that every placeholder has something to show. */
const fullContext = (kind: 'purchase' | 'trial'): RenderContext => {
  const base = renderContext();
  return { ...base, offer: { ...base.offer, kind } };
};

const shows = (name: string, context: RenderContext) => {
  const result = renderTemplate({ subject: 's', body: `{{#if ${name}}}yes{{else}}no{{/if}}` }, context);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.text === 'yes';
};

describe('PLACEHOLDERS', () => {
  it.each(PLACEHOLDER_NAMES.filter((name) => PLACEHOLDERS[name].type !== 'flag'))('lets %s be written as a value and resolves it', (name) => {
    expect(parseTemplate(`{{${name}}}`).ok).toBe(true);
    expect(shows(name, fullContext('purchase'))).toBe(true);
  });

  it.each(PLACEHOLDER_NAMES.filter((name) => PLACEHOLDERS[name].type === 'flag'))('lets %s be only a condition, true for some offer', (name) => {
    expect(parseTemplate(`{{${name}}}`)).toMatchObject({ ok: false, errors: [{ code: 'condition-only' }] });
    expect(shows(name, fullContext('purchase')) || shows(name, fullContext('trial'))).toBe(true);
  });

  it('describes each placeholder with its own label', () => {
    const labels = PLACEHOLDER_NAMES.map((name) => PLACEHOLDERS[name].label);
    expect(new Set(labels).size).toBe(PLACEHOLDER_NAMES.length);
  });
});
