import { isEmailAddress } from '../email-address';
import { escapeHtml } from '../html';
import { parseTemplateFields, type FieldError, type TemplateNode } from './parse';
import { cleanText, PLACEHOLDERS, type Placeholder, type PlaceholderName, type RenderContext } from './placeholders';
import { isSafeLogoUrl, safeLinkHref } from './safe-url';

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

export type RenderResult = ({ ok: true } & RenderedMessage) | { ok: false; errors: FieldError[] };

type Value =
  | { type: 'text' | 'url' | 'email'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'image'; src: string; alt: string };

/** `url` is the link target as the reader should see it in plain text. */
type Inline = string | { strong: Inline[] } | { href: string; url: string; children: Inline[] } | { src: string; alt: string };
type Block = { paragraph: Inline[][] } | { list: Inline[][] };

// Sections are resolved first into one string where each value is a single private-use
// character (its index) and MARK notes where a tag stood. Formatting rules then run on that
// string: values can never be read as markup, and lines left empty by tags can be dropped.
const MARK = '\uE000';
const FIRST_VALUE = 0xe001;
const MARKERS = /[\uE000-\uF8FF]/g;
const VALUE_CHAR = /^[\uE001-\uF8FF]$/;
/** A [text](target) link, **bold** text, a bare web URL or a value. */
const INLINE = /\[([^\]\n]+)\]\(([^()\s]+)\)|\*\*(?=\S)(.+?)\*\*|https?:\/\/[^\s<>"]+|[\uE001-\uF8FF]/;
const BULLET = /^[-*](?:\s+|$)/;
const URL_TRAILING_PUNCTUATION = /[.,;:!?)]+$/;
/** Bold around nothing but values that had none, and a link whose target had none: what the reader gets is no markup. */
const EMPTIED_BOLD = new RegExp(`\\*\\*${MARK}+\\*\\*`, 'g');
const EMPTIED_LINK = new RegExp(`\\[([^\\]\\n]+)\\]\\(\\s*${MARK}+\\s*\\)`, 'g');
const LOGO_STYLE = 'max-height:64px;max-width:240px';

/** A placeholder's value, cleaned and checked; null when it has none (or is a condition). */
function resolveValue(name: PlaceholderName, context: RenderContext): Value | null {
  const placeholder: Placeholder = PLACEHOLDERS[name];
  switch (placeholder.type) {
    case 'text':
    case 'url':
    case 'email': {
      const text = cleanText(placeholder.resolve(context));
      return text ? { type: placeholder.type, text } : null;
    }
    case 'list': {
      const items = (placeholder.resolve(context) ?? []).filter(Boolean);
      return items.length > 0 ? { type: 'list', items } : null;
    }
    case 'image': {
      const image = placeholder.resolve(context);
      return image && isSafeLogoUrl(image.src) ? { type: 'image', src: image.src, alt: cleanText(image.alt) } : null;
    }
    case 'flag':
      return null;
  }
}

function isTrue(name: PlaceholderName, context: RenderContext): boolean {
  const placeholder: Placeholder = PLACEHOLDERS[name];
  return placeholder.type === 'flag' ? placeholder.resolve(context) === true : resolveValue(name, context) !== null;
}

function evaluate(nodes: TemplateNode[], context: RenderContext, values: Value[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += node.text.replace(MARKERS, '');
    } else if (node.type === 'if') {
      // A section that shows nothing leaves a mark, so a line it empties vanishes. One that shows
      // something leaves none: its first line may be a blank line of the template, a paragraph break.
      const shown = evaluate(isTrue(node.name, context) ? node.then : node.else, context, values);
      out += shown === '' ? MARK : shown;
    } else {
      const value = resolveValue(node.name, context);
      if (value) out += String.fromCharCode(FIRST_VALUE + values.push(value) - 1);
      else out += MARK;
    }
  }
  return out;
}

function valueText(value: Value): string {
  if (value.type === 'list') return value.items.join(', ');
  return value.type === 'image' ? '' : value.text;
}

function valueAt(char: string, values: Value[]): Value {
  const value = values[char.charCodeAt(0) - FIRST_VALUE];
  if (!value) throw new Error('A value marker points past the rendered values.');
  return value;
}

/** Replaces value characters by their plain text, for link targets and the subject. */
function expand(text: string, values: Value[]): string {
  return text.replace(MARKERS, (char) => (char === MARK ? '' : valueText(valueAt(char, values))));
}

function valueInline(value: Value, inLink: boolean): Inline {
  if (value.type === 'image') return { src: value.src, alt: value.alt };
  const text = valueText(value);
  if (inLink || (value.type !== 'url' && value.type !== 'email')) return text;
  const href = value.type === 'email' ? isEmailAddress(text) && safeLinkHref(`mailto:${text}`) : safeLinkHref(text);
  return href ? { href, url: text, children: [text] } : text;
}

function parseInline(line: string, values: Value[], inLink = false): Inline[] {
  const out: Inline[] = [];
  const pattern = new RegExp(INLINE.source, 'g');
  let cursor = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    const [whole, linkText, linkTarget, bold] = match;
    let token = whole;
    if (match.index > cursor) out.push(line.slice(cursor, match.index));
    if (linkText !== undefined && linkTarget !== undefined) {
      const children = parseInline(linkText, values, true);
      const target = expand(linkTarget, values).trim();
      const href = inLink ? null : safeLinkHref(target);
      const url = target.replace(/^mailto:/i, '');
      if (href) out.push({ href, url, children });
      else out.push(...children, ` (${target})`);
    } else if (bold !== undefined) {
      out.push({ strong: parseInline(bold, values, inLink) });
    } else if (VALUE_CHAR.test(whole)) {
      out.push(valueInline(valueAt(whole, values), inLink));
    } else {
      token = whole.replace(URL_TRAILING_PUNCTUATION, '');
      pattern.lastIndex = match.index + token.length;
      const text = expand(token, values);
      const href = inLink ? null : safeLinkHref(text);
      out.push(href ? { href, url: text, children: [text] } : text);
    }
    cursor = match.index + token.length;
  }
  if (cursor < line.length) out.push(line.slice(cursor));
  return out;
}

/** Blank lines separate paragraphs; "- " and "* " lines are bullets; a lone list value is a list. */
function toBlocks(body: string, values: Value[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.replace(EMPTIED_BOLD, '').replace(EMPTIED_LINK, '$1').replaceAll(MARK, '').trim();
    const bullet = BULLET.exec(line);
    const content = bullet ? line.slice(bullet[0].length) : line;
    if (!content) {
      // A line (or bullet) emptied by tags vanishes; a line blank in the template ends the paragraph.
      if (!raw.includes(MARK)) current = null;
      continue;
    }
    const lone = VALUE_CHAR.test(content) ? valueAt(content, values) : null;
    if (lone?.type === 'list' || bullet) {
      if (!current || !('list' in current)) blocks.push((current = { list: [] }));
      if (lone?.type === 'list') current.list.push(...lone.items.map((item) => [item]));
      else current.list.push(parseInline(content, values));
    } else {
      if (!current || !('paragraph' in current)) blocks.push((current = { paragraph: [] }));
      current.paragraph.push(parseInline(content, values));
    }
  }
  return blocks;
}

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return escapeHtml(node);
      if ('strong' in node) return `<strong>${inlineHtml(node.strong)}</strong>`;
      if ('href' in node) return `<a href="${escapeHtml(node.href)}">${inlineHtml(node.children)}</a>`;
      return `<img src="${escapeHtml(node.src)}" alt="${escapeHtml(node.alt)}" style="${LOGO_STYLE}">`;
    })
    .join('');
}

function inlineText(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return node;
      if ('strong' in node) return inlineText(node.strong);
      if ('href' in node) {
        const label = inlineText(node.children).trim();
        return !label || label === node.url ? node.url : `${label} (${node.url})`;
      }
      return '';
    })
    .join('');
}

function blocksHtml(blocks: Block[]): string {
  return blocks
    .map((block) =>
      'list' in block
        ? `<ul>${block.list.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`
        : `<p>${block.paragraph.map(inlineHtml).join('<br>')}</p>`,
    )
    .join('');
}

function blocksText(blocks: Block[]): string {
  return blocks
    .map((block) => {
      const lines = 'list' in block ? block.list.map((item) => `- ${inlineText(item)}`) : block.paragraph.map(inlineText);
      return lines.filter((line) => line.trim()).join('\n');
    })
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Renders a template for one offer. The HTML is safe by construction: text is escaped, links
 * are http, https or mailto only, and the only image is the logo from https or data:image.
 */
export function renderTemplate(template: { subject: string; body: string }, context: RenderContext): RenderResult {
  const parsed = parseTemplateFields(template);
  if (!parsed.ok) return parsed;
  const values: Value[] = [];
  const subjectText = cleanText(expand(evaluate(parsed.subject, context, values), values));
  const blocks = toBlocks(evaluate(parsed.body, context, values), values);
  return { ok: true, subject: subjectText, html: blocksHtml(blocks), text: blocksText(blocks) };
}
