/**
 * Template syntax: text with {{placeholder}} values and {{#if name}}...{{else}}...{{/if}}
 * sections (nestable). Formatting (paragraphs, bullets, bold, links) is applied by the renderer
 * after the sections are resolved, so that values never go through the formatting rules.
 */

import type { MessageKey } from '../i18n';
import { isPlaceholderName, PLACEHOLDERS, type PlaceholderName } from './placeholders';

/** Keeps rendering cheap and the renderer's value markers within their character range. */
export const TEMPLATE_MAX_LENGTH = 10_000;

export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'value'; name: PlaceholderName }
  | { type: 'if'; name: PlaceholderName; then: TemplateNode[]; else: TemplateNode[] };

/** Each way a template can be wrong, with the sentence that explains it to the advisor. */
const TEMPLATE_ERROR_TEXT = {
  'too-long': 'template_error_too_long',
  'unclosed-tag': 'template_error_unclosed_tag',
  'unknown-tag': 'template_error_unknown_tag',
  'unknown-placeholder': 'template_error_unknown_placeholder',
  'condition-only': 'template_error_condition_only',
  'unclosed-section': 'template_error_unclosed_section',
  'unexpected-else': 'template_error_unexpected_else',
  'duplicate-else': 'template_error_duplicate_else',
  'unexpected-end': 'template_error_unexpected_end',
} as const satisfies Record<string, MessageKey>;
export type TemplateErrorCode = keyof typeof TEMPLATE_ERROR_TEXT;

export interface TemplateError {
  code: TemplateErrorCode;
  /** The tag as written, e.g. "{{offer.foo}}". */
  tag: string;
  /** 1-based, counted in UTF-16 code units like a textarea's selection. */
  line: number;
  column: number;
  /** 0-based offset of the tag in the source and its length, to select it in an editor. */
  offset: number;
  length: number;
}

export type ParseResult = { ok: true; nodes: TemplateNode[] } | { ok: false; errors: TemplateError[] };

/** A section being read; its branches are the arrays of its node (if its name is known). */
interface OpenSection {
  then: TemplateNode[];
  else: TemplateNode[];
  inElse: boolean;
  offset: number;
  tag: string;
}

const NAME = '[A-Za-z]+\\.[A-Za-z]+';
const VALUE_TAG = new RegExp(`^\\s*(${NAME})\\s*$`);
const IF_TAG = new RegExp(`^\\s*#if\\s+(${NAME})\\s*$`);
const ELSE_TAG = /^\s*else\s*$/;
const END_TAG = /^\s*\/if\s*$/;

function isBlank(text: string): boolean {
  return text.trim() === '';
}

export function parseTemplate(source: string): ParseResult {
  const errors: TemplateError[] = [];
  const fail = (code: TemplateErrorCode, offset: number, tag: string) => {
    const before = source.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    errors.push({
      code,
      tag,
      line: before.split('\n').length,
      column: offset - lineStart + 1,
      offset,
      length: tag.length,
    });
  };
  if (source.length > TEMPLATE_MAX_LENGTH) {
    fail('too-long', TEMPLATE_MAX_LENGTH, '');
    return { ok: false, errors };
  }

  const root: TemplateNode[] = [];
  const stack: OpenSection[] = [];
  const current = () => {
    const top = stack.at(-1);
    if (!top) return root;
    return top.inElse ? top.else : top.then;
  };
  const pushText = (text: string) => {
    if (text) current().push({ type: 'text', text });
  };

  let cursor = 0;
  for (;;) {
    const start = source.indexOf('{{', cursor);
    if (start < 0) break;
    const close = source.indexOf('}}', start + 2);
    if (close < 0) {
      fail('unclosed-tag', start, '{{');
      break;
    }
    const end = close + 2;
    const tag = source.slice(start, end);
    const inner = source.slice(start + 2, close);

    const valueMatch = VALUE_TAG.exec(inner);
    if (valueMatch) {
      pushText(source.slice(cursor, start));
      cursor = end;
      const name = valueMatch[1] ?? '';
      if (!isPlaceholderName(name)) fail('unknown-placeholder', start, tag);
      else if (PLACEHOLDERS[name].type === 'flag') fail('condition-only', start, tag);
      else current().push({ type: 'value', name });
      continue;
    }

    const ifMatch = IF_TAG.exec(inner);
    const isElse = ELSE_TAG.test(inner);
    if (!ifMatch && !isElse && !END_TAG.test(inner)) {
      pushText(source.slice(cursor, start));
      cursor = end;
      fail('unknown-tag', start, tag);
      continue;
    }

    // A section tag alone on its line takes the whole line with it (as in Mustache), so that
    // sections can be written on lines of their own without leaving blank lines behind.
    const lineStart = source.lastIndexOf('\n', start - 1) + 1;
    const newline = source.indexOf('\n', end);
    const lineEnd = newline < 0 ? source.length : newline;
    const standalone = lineStart >= cursor && isBlank(source.slice(lineStart, start)) && isBlank(source.slice(end, lineEnd));
    pushText(source.slice(cursor, standalone ? lineStart : start));
    cursor = standalone ? (newline < 0 ? source.length : newline + 1) : end;

    if (ifMatch) {
      const name = ifMatch[1] ?? '';
      const section: OpenSection = { then: [], else: [], inElse: false, offset: start, tag };
      // An unknown name is reported; its section is still read, to check the tags inside it.
      if (isPlaceholderName(name)) current().push({ type: 'if', name, then: section.then, else: section.else });
      else fail('unknown-placeholder', start, tag);
      stack.push(section);
    } else if (isElse) {
      const top = stack.at(-1);
      if (!top) fail('unexpected-else', start, tag);
      else if (top.inElse) fail('duplicate-else', start, tag);
      else top.inElse = true;
    } else if (!stack.pop()) {
      fail('unexpected-end', start, tag);
    }
  }
  pushText(source.slice(cursor));
  for (const open of stack) fail('unclosed-section', open.offset, open.tag);

  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.offset - b.offset) };
  return { ok: true, nodes: root };
}

/** Turns an error into a sentence with the extension's i18n function (browser.i18n.getMessage). */
export function describeTemplateError(
  error: TemplateError,
  getMessage: (key: string, substitutions: string[]) => string,
): string {
  return getMessage(TEMPLATE_ERROR_TEXT[error.code], [
    error.tag,
    String(error.line),
    String(error.column),
  ]);
}

export type FieldError = TemplateError & { field: 'subject' | 'body' };

export type ParsedTemplate =
  | { ok: true; subject: TemplateNode[]; body: TemplateNode[] }
  | { ok: false; errors: FieldError[] };

/** Parses a template's subject and body; errors name their field. */
export function parseTemplateFields(template: { subject: string; body: string }): ParsedTemplate {
  const subject = parseTemplate(template.subject);
  const body = parseTemplate(template.body);
  if (subject.ok && body.ok) return { ok: true, subject: subject.nodes, body: body.nodes };
  const errors: FieldError[] = [];
  if (!subject.ok) errors.push(...subject.errors.map((error) => ({ ...error, field: 'subject' as const })));
  if (!body.ok) errors.push(...body.errors.map((error) => ({ ...error, field: 'body' as const })));
  return { ok: false, errors };
}
