import { DEFAULT_TEMPLATES } from '../message/defaults';
import { MessageTemplate, type TemplateKind } from '../message/template';
import { parseTemplateFields, type FieldError, type TemplateNode } from '../message/parse';
import { setDefaultTemplate } from '../message/pick';
import { PLACEHOLDERS, type PlaceholderName } from '../message/placeholders';

/** A template being edited: the same fields, all as typed. */
export type TemplateDraft = MessageTemplate;

export function newTemplate(id: string, language: string, kind: TemplateKind, name: string): TemplateDraft {
  return { id, name, language, kind, subject: '', body: '', isDefault: false };
}

/** A copy to start from: never the default, so the original keeps its role. */
export function duplicateTemplate(template: MessageTemplate, id: string, name: string): TemplateDraft {
  return { ...template, id, name, isDefault: false };
}

/**
 * Adds or replaces a template. A template marked default becomes the only default of its
 * language and kind; the first template of a language and kind is its default.
 */
export function saveTemplateInList(list: readonly MessageTemplate[], template: MessageTemplate): MessageTemplate[] {
  const exists = list.some((t) => t.id === template.id);
  const alone = !list.some((t) => t.id !== template.id && t.language === template.language && t.kind === template.kind);
  const saved = { ...template, isDefault: template.isDefault || alone };
  const next = exists ? list.map((t) => (t.id === template.id ? saved : t)) : [...list, saved];
  return saved.isDefault ? setDefaultTemplate(next, saved.id) : next;
}

/** The text a template shipped with, for one of the default templates; undefined for the advisor's own. */
export const shippedTemplate = (id: string): MessageTemplate | undefined => DEFAULT_TEMPLATES.find((t) => t.id === id);

const TEXT_FIELDS = ['name', 'language', 'kind', 'subject', 'body'] as const;

/** Whether a default template was edited since it shipped (or shipped again with a new text). */
export function differsFromShipped(template: MessageTemplate): boolean {
  const shipped = shippedTemplate(template.id);
  return shipped !== undefined && TEXT_FIELDS.some((field) => shipped[field] !== template[field]);
}

/** A default template back to its shipped text; whether it is the default stays the advisor's choice. */
export function resetToShipped(template: MessageTemplate): MessageTemplate {
  const shipped = shippedTemplate(template.id);
  return shipped ? { ...shipped, isDefault: template.isDefault } : template;
}

/**
 * Puts a deleted template back at the place it had, with its default role: Undo after a
 * deletion. Changes made to the other templates since then stay.
 */
export function restoreTemplateInList(list: readonly MessageTemplate[], template: MessageTemplate, index: number): MessageTemplate[] {
  const next = list.filter((t) => t.id !== template.id);
  next.splice(Math.min(index, next.length), 0, template);
  return template.isDefault ? setDefaultTemplate(next, template.id) : next;
}

/** Whether the editor holds changes not saved yet. */
export const isDraftChanged = (initial: MessageTemplate, draft: TemplateDraft): boolean =>
  [...TEXT_FIELDS, 'isDefault' as const].some((field) => initial[field] !== draft[field]);

/**
 * A field's text with a placeholder put in place of the selection, and the selection after it.
 * A condition goes around the selected text, the caret left inside it for what it shows.
 */
export function insertPlaceholder(
  value: string,
  start: number,
  end: number,
  name: PlaceholderName,
): { value: string; selectionStart: number; selectionEnd: number } {
  const selected = value.slice(start, end);
  if (PLACEHOLDERS[name].type === 'flag') {
    const open = `{{#if ${name}}}`;
    const inner = start + open.length;
    return { value: `${value.slice(0, start)}${open}${selected}{{/if}}${value.slice(end)}`, selectionStart: inner, selectionEnd: inner + selected.length };
  }
  const tag = `{{${name}}}`;
  return { value: value.slice(0, start) + tag + value.slice(end), selectionStart: start + tag.length, selectionEnd: start + tag.length };
}

/** Removes a template; when it was a default, the next one of its language and kind takes over. */
export function deleteTemplateFromList(list: readonly MessageTemplate[], id: string): MessageTemplate[] {
  const removed = list.find((t) => t.id === id);
  const rest = list.filter((t) => t.id !== id);
  if (!removed?.isDefault) return rest;
  const heir = rest.find((t) => t.language === removed.language && t.kind === removed.kind);
  return heir ? setDefaultTemplate(rest, heir.id) : rest;
}

export type DraftField = 'name' | 'language' | 'subject' | 'body';

export interface DraftCheck {
  /** Syntax errors with their position, in subject then body. */
  syntax: FieldError[];
  /** Other problems per field, as i18n message keys. */
  fields: Partial<Record<DraftField, string>>;
}

/** Whether these nodes show the offer link whatever the offer: as a value, or in both branches of a section. */
function alwaysShowsLink(nodes: readonly TemplateNode[]): boolean {
  return nodes.some((node) => (node.type === 'value' && node.name === 'offer.url') || (node.type === 'if' && alwaysShowsLink(node.then) && alwaysShowsLink(node.else)));
}

/**
 * Everything wrong with a draft, with positions for template syntax. Beyond what a stored template
 * must be, a draft saved from the editor must show something in its subject and body, and the
 * offer link in every message: without it the customer cannot accept, and a send cannot be told
 * from any other email.
 */
export function checkTemplateDraft(draft: TemplateDraft): DraftCheck {
  const parsed = parseTemplateFields(draft);
  const syntax = parsed.ok ? [] : parsed.errors;
  const fields: DraftCheck['fields'] = {};
  for (const field of ['subject', 'body'] as const) if (draft[field].trim() === '') fields[field] = 'options_errorRequired';
  if (parsed.ok && !fields.body && !alwaysShowsLink(parsed.body)) fields.body = 'template_error_no_offer_link';
  const result = MessageTemplate.safeParse(draft);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (field !== 'name' && field !== 'language' && field !== 'subject' && field !== 'body') continue;
      // Syntax problems are reported with their position instead.
      if (issue.message === 'template_invalid_syntax' || fields[field]) continue;
      fields[field] = issue.message.startsWith('template_') ? issue.message : issue.code === 'too_big' ? 'options_errorTooLong' : 'options_errorRequired';
    }
  }
  return { syntax, fields };
}

export const isDraftValid = (check: DraftCheck) => check.syntax.length === 0 && Object.keys(check.fields).length === 0;
