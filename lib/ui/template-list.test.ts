import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import {
  checkTemplateDraft,
  deleteTemplateFromList,
  differsFromShipped,
  duplicateTemplate,
  insertPlaceholder,
  isDraftChanged,
  isDraftValid,
  newTemplate,
  resetToShipped,
  restoreTemplateInList,
  saveTemplateInList,
} from './template-list';

const purchaseEn = DEFAULT_TEMPLATES.find((t) => t.id === 'default-purchase-en')!;

describe('template list', () => {
  it('duplicates as a non-default copy and moves the default when asked', () => {
    const copy = duplicateTemplate(purchaseEn, 'copy-1', 'Copy');
    expect(copy).toMatchObject({ id: 'copy-1', name: 'Copy', isDefault: false, body: purchaseEn.body });
    let list = saveTemplateInList(DEFAULT_TEMPLATES, copy);
    expect(list.filter((t) => t.language === 'en' && t.kind === 'purchase' && t.isDefault).map((t) => t.id)).toEqual(['default-purchase-en']);
    list = saveTemplateInList(list, { ...copy, isDefault: true });
    expect(list.filter((t) => t.language === 'en' && t.kind === 'purchase' && t.isDefault).map((t) => t.id)).toEqual(['copy-1']);
    expect(list).toHaveLength(DEFAULT_TEMPLATES.length + 1);
  });

  it('makes the first template of a language and kind its default, and hands the default on when deleted', () => {
    const german = { ...newTemplate('de-1', 'de', 'purchase', 'Angebot'), subject: 'Angebot', body: 'Hallo' };
    const withGerman = saveTemplateInList(DEFAULT_TEMPLATES, german);
    expect(withGerman.find((t) => t.id === 'de-1')?.isDefault).toBe(true);
    const withCopy = saveTemplateInList(DEFAULT_TEMPLATES, duplicateTemplate(purchaseEn, 'copy-2', 'Copy'));
    const after = deleteTemplateFromList(withCopy, 'default-purchase-en');
    expect(after.find((t) => t.id === 'copy-2')?.isDefault).toBe(true);
  });

  it('reports syntax errors with their position and other problems per field', () => {
    const draft = { ...newTemplate('x', 'en', 'trial', ''), subject: 'Hi', body: 'Hello {{customer.nme}}\n{{#if offer.isTrial}}trial' };
    const check = checkTemplateDraft(draft);
    expect(isDraftValid(check)).toBe(false);
    expect(check.fields).toEqual({ name: 'options_errorRequired' });
    expect(check.syntax.map((e) => [e.field, e.code, e.line, e.column])).toEqual([
      ['body', 'unknown-placeholder', 1, 7],
      ['body', 'unclosed-section', 2, 1],
    ]);
    const fixed = checkTemplateDraft({ ...draft, name: 'Trial', body: 'Hello {{customer.name}}\n{{#if offer.isTrial}}trial{{/if}}\n{{offer.url}}' });
    expect(isDraftValid(fixed)).toBe(true);
  });

  it('refuses a message that could go out without the offer link, or with a blank subject or body', () => {
    const draft = { ...newTemplate('x', 'en', 'any', 'Mine'), subject: 'Your offer', body: 'Hello {{customer.name}}' };
    const bodyProblem = (body: string) => checkTemplateDraft({ ...draft, body }).fields.body;
    expect(bodyProblem('Hello {{customer.name}}')).toBe('template_error_no_offer_link');
    expect(bodyProblem('{{#if offer.isTrial}}Try it: {{offer.url}}{{/if}}')).toBe('template_error_no_offer_link');
    expect(bodyProblem('{{#if offer.isTrial}}Try it: {{offer.url}}{{else}}Buy it: {{offer.url}}{{/if}}')).toBeUndefined();
    expect(bodyProblem('Open {{offer.url}}')).toBeUndefined();
    expect(bodyProblem('  \n ')).toBe('options_errorRequired');
    expect(checkTemplateDraft({ ...draft, subject: '   ', body: '{{offer.url}}' }).fields).toEqual({ subject: 'options_errorRequired' });
    // Every shipped template passes.
    for (const template of DEFAULT_TEMPLATES) expect([template.id, isDraftValid(checkTemplateDraft(template))]).toEqual([template.id, true]);
  });

  it('resets an edited default template to its shipped text, keeping whether it is the default', () => {
    const edited = { ...purchaseEn, subject: 'Hi', body: 'Hello {{offer.url}}', isDefault: false };
    expect(differsFromShipped(purchaseEn)).toBe(false);
    expect(differsFromShipped(edited)).toBe(true);
    expect(differsFromShipped({ ...purchaseEn, isDefault: false })).toBe(false);
    expect(resetToShipped(edited)).toEqual({ ...purchaseEn, isDefault: false });
    const own = duplicateTemplate(edited, 'own', 'Own');
    expect(differsFromShipped(own)).toBe(false);
    expect(resetToShipped(own)).toBe(own);
  });

  it('puts a deleted template back in its place, with its default role, keeping later changes', () => {
    const copy = duplicateTemplate(purchaseEn, 'copy', 'Copy');
    const list = saveTemplateInList(DEFAULT_TEMPLATES, copy);
    const index = list.findIndex((t) => t.id === 'default-purchase-en');
    const after = deleteTemplateFromList(list, 'default-purchase-en');
    expect(after.find((t) => t.id === 'copy')?.isDefault).toBe(true);
    const edited = after.map((t) => (t.id === 'default-trial-en' ? { ...t, subject: 'Changed' } : t));
    const restored = restoreTemplateInList(edited, purchaseEn, index);
    expect(restored.map((t) => t.id)).toEqual(list.map((t) => t.id));
    expect(restored.filter((t) => t.language === 'en' && t.kind === 'purchase' && t.isDefault).map((t) => t.id)).toEqual(['default-purchase-en']);
    expect(restored.find((t) => t.id === 'default-trial-en')?.subject).toBe('Changed');
    expect(restoreTemplateInList([], copy, 5)).toEqual([copy]);
  });

  it('tells an edited draft from an untouched one', () => {
    expect(isDraftChanged(purchaseEn, { ...purchaseEn })).toBe(false);
    expect(isDraftChanged(purchaseEn, { ...purchaseEn, body: `${purchaseEn.body} ` })).toBe(true);
    expect(isDraftChanged(purchaseEn, { ...purchaseEn, isDefault: false })).toBe(true);
  });

  it('inserts a placeholder in place of the selection, and a condition around it', () => {
    expect(insertPlaceholder('Dear ,', 5, 5, 'customer.name')).toEqual({ value: 'Dear {{customer.name}},', selectionStart: 22, selectionEnd: 22 });
    expect(insertPlaceholder('Dear you,', 5, 8, 'customer.name').value).toBe('Dear {{customer.name}},');
    const open = '{{#if offer.isTrial}}';
    expect(insertPlaceholder('A trial. B', 2, 7, 'offer.isTrial')).toEqual({ value: `A ${open}trial{{/if}}. B`, selectionStart: 2 + open.length, selectionEnd: 7 + open.length });
    expect(insertPlaceholder('', 0, 0, 'offer.isTrial')).toEqual({ value: `${open}{{/if}}`, selectionStart: open.length, selectionEnd: open.length });
  });
});
