import { MessageTemplate, type TemplateKind } from '../message/template';
import { parseTemplateFields, type FieldError } from '../message/parse';
import { setDefaultTemplate } from '../message/pick';

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

/** Everything wrong with a draft, with positions for template syntax. */
export function checkTemplateDraft(draft: TemplateDraft): DraftCheck {
  const parsed = parseTemplateFields(draft);
  const syntax = parsed.ok ? [] : parsed.errors;
  const fields: DraftCheck['fields'] = {};
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
