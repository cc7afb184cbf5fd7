import { describe, expect, it } from 'vitest';
import { describeTemplateError, parseTemplate, parseTemplateFields, TEMPLATE_MAX_LENGTH } from './parse';

function errorsOf(source: string) {
  const result = parseTemplate(source);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseTemplate', () => {
  it('parses text and values', () => {
    expect(parseTemplate('Offer {{offer.url}} for {{ customer.name }}.')).toEqual({
      ok: true,
      nodes: [
        { type: 'text', text: 'Offer ' },
        { type: 'value', name: 'offer.url' },
        { type: 'text', text: ' for ' },
        { type: 'value', name: 'customer.name' },
        { type: 'text', text: '.' },
      ],
    });
  });

  it('leaves formatting to the renderer', () => {
    const source = '- **bold** [link](https://example.com)\n\nnext {single brace}';
    expect(parseTemplate(source)).toEqual({ ok: true, nodes: [{ type: 'text', text: source }] });
  });

  it('parses nested sections with else', () => {
    const result = parseTemplate('{{#if offer.delegatedAdmin}}A{{#if advisor.gdapLink}}B{{/if}}{{else}}C{{/if}}');
    expect(result).toEqual({
      ok: true,
      nodes: [
        {
          type: 'if',
          name: 'offer.delegatedAdmin',
          then: [
            { type: 'text', text: 'A' },
            { type: 'if', name: 'advisor.gdapLink', then: [{ type: 'text', text: 'B' }], else: [] },
          ],
          else: [{ type: 'text', text: 'C' }],
        },
      ],
    });
  });

  it('drops the lines of section tags that stand alone', () => {
    const result = parseTemplate('Intro\n  {{#if customer.name}}  \nHello\n{{else}}\nHi\n{{/if}}\nEnd');
    expect(result).toEqual({
      ok: true,
      nodes: [
        { type: 'text', text: 'Intro\n' },
        { type: 'if', name: 'customer.name', then: [{ type: 'text', text: 'Hello\n' }], else: [{ type: 'text', text: 'Hi\n' }] },
        { type: 'text', text: 'End' },
      ],
    });
  });

  it('keeps the line of a section tag that shares it with text', () => {
    const result = parseTemplate('A\n{{#if customer.name}}Dear {{customer.name}},{{/if}}\nB');
    expect(result.ok && result.nodes[0]).toEqual({ type: 'text', text: 'A\n' });
    expect(result.ok && result.nodes[2]).toEqual({ type: 'text', text: '\nB' });
  });

  it('reports an unknown placeholder with its position', () => {
    expect(errorsOf('Hello\nDear {{customer.nmae}}!')).toEqual([
      { code: 'unknown-placeholder', tag: '{{customer.nmae}}', line: 2, column: 6, offset: 11, length: 17 },
    ]);
  });

  it('reports an unknown condition', () => {
    expect(errorsOf('{{#if offer.nope}}x{{/if}}')).toMatchObject([{ code: 'unknown-placeholder', offset: 0, tag: '{{#if offer.nope}}' }]);
  });

  it('still checks the tags inside a section with an unknown condition', () => {
    expect(errorsOf('{{#if offer.nope}}{{offer.bad}}{{else}}{{else}}{{/if}}{{/if}}')).toMatchObject([
      { code: 'unknown-placeholder', offset: 0 },
      { code: 'unknown-placeholder', offset: 18 },
      { code: 'duplicate-else', offset: 39 },
      { code: 'unexpected-end', offset: 54 },
    ]);
  });

  it('reports unknown tags', () => {
    expect(errorsOf('a {{#each offer.subscriptions}} b {{}}')).toMatchObject([
      { code: 'unknown-tag', offset: 2, column: 3 },
      { code: 'unknown-tag', offset: 34, tag: '{{}}' },
    ]);
  });

  it('refuses flags as values', () => {
    expect(errorsOf('{{offer.delegatedAdmin}}')).toMatchObject([{ code: 'condition-only', offset: 0 }]);
  });

  it('reports an unclosed tag', () => {
    expect(errorsOf('ok\nthen {{offer.url')).toEqual([
      { code: 'unclosed-tag', tag: '{{', line: 2, column: 6, offset: 8, length: 2 },
    ]);
  });

  it('reports an unclosed section at its opening tag', () => {
    expect(errorsOf('a\n\n  b {{#if customer.name}} c {{#if advisor.phone}}d{{/if}}')).toMatchObject([
      { code: 'unclosed-section', line: 3, column: 5, offset: 7, tag: '{{#if customer.name}}' },
    ]);
  });

  it('reports a stray end', () => {
    expect(errorsOf('x\n{{#if customer.name}}{{/if}} {{/if}}')).toMatchObject([
      { code: 'unexpected-end', line: 2, column: 30, offset: 31 },
    ]);
  });

  it('reports a stray else and a second else', () => {
    expect(errorsOf('{{else}}\n{{#if customer.name}}a{{else}}b{{ else }}c{{/if}}')).toMatchObject([
      { code: 'unexpected-else', line: 1, column: 1, offset: 0 },
      { code: 'duplicate-else', line: 2, column: 32 },
    ]);
  });

  it('refuses a template over the size limit', () => {
    expect(errorsOf('x'.repeat(TEMPLATE_MAX_LENGTH + 1))).toMatchObject([{ code: 'too-long' }]);
  });
});

describe('parseTemplateFields', () => {
  it('names the field of each error', () => {
    const result = parseTemplateFields({ subject: '{{offer.x}}', body: 'ok {{/if}}' });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'subject', code: 'unknown-placeholder' }, { field: 'body', code: 'unexpected-end' }] });
  });
});

describe('describeTemplateError', () => {
  it('asks for the message of its code with the tag and position', () => {
    const [error] = errorsOf('\n  {{#if customer.name}}');
    const calls: unknown[] = [];
    describeTemplateError(error!, (key, substitutions) => {
      calls.push([key, substitutions]);
      return '';
    });
    expect(calls).toEqual([['template_error_unclosed_section', ['{{#if customer.name}}', '2', '3']]]);
  });
});
