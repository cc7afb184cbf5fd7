import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import { checkTemplateDraft, deleteTemplateFromList, duplicateTemplate, isDraftValid, newTemplate, saveTemplateInList } from './template-list';

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
    const fixed = checkTemplateDraft({ ...draft, name: 'Trial', body: 'Hello {{customer.name}}\n{{#if offer.isTrial}}trial{{/if}}' });
    expect(isDraftValid(fixed)).toBe(true);
  });
});
