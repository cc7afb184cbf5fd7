import { describe, expect, it } from 'vitest';
import { makeCustomer, makeOffer } from '../../test/unit/offer-factory';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import type { MessageTemplate } from '../message/template';
import { DEFAULT_PREFERENCES, type Settings } from '../settings/settings';
import { chooseLanguage, chosenTemplate, effectiveChoice, messageAddresses, moveSelection, pickerMessage, templateLanguages, templatesForKind } from './picker-message';

const settings = (overrides: Partial<Settings> = {}): Settings => ({
  profile: { name: 'Alex', company: 'Northwind' },
  templates: [...DEFAULT_TEMPLATES],
  preferences: DEFAULT_PREFERENCES,
  choices: [],
  ...overrides,
});
const template = (id: string) => DEFAULT_TEMPLATES.find((candidate) => candidate.id === id)!;
const french = { templateId: 'default-purchase-fr', language: 'fr' };
const mine: MessageTemplate = { ...template('default-purchase-fr'), id: 'mine-fr', name: 'Relance', isDefault: false };

describe('choosing the template', () => {
  it('lists the templates and languages that fit the offer kind', () => {
    const templates = [...DEFAULT_TEMPLATES, { ...mine, kind: 'any' as const, language: 'de' }];
    expect(templatesForKind(templates, 'trial').map((t) => t.id)).toEqual(['default-trial-en', 'default-trial-fr', 'mine-fr']);
    expect(templateLanguages(templates, 'purchase')).toEqual(['en', 'fr', 'de']);
  });

  it('uses the message language without a choice, the chosen template when it fits, else its language', () => {
    const all = settings({ templates: [...DEFAULT_TEMPLATES, mine] });
    expect(chosenTemplate(all, 'purchase', undefined, 'en-GB')?.id).toBe('default-purchase-en');
    expect(chosenTemplate(settings({ preferences: { reminderDays: null, messageLanguage: 'fr' } }), 'purchase', undefined, 'en')?.id).toBe('default-purchase-fr');
    expect(chosenTemplate(all, 'purchase', { templateId: 'mine-fr', language: 'fr' }, 'en')?.id).toBe('mine-fr');
    expect(chosenTemplate(all, 'trial', { templateId: 'mine-fr', language: 'fr' }, 'en')?.id).toBe('default-trial-fr');
    expect(chosenTemplate(all, 'purchase', { templateId: 'deleted', language: 'fr' }, 'en')?.id).toBe('default-purchase-fr');
  });

  it("picks a language's default template, and nothing for a language without one of the kind", () => {
    expect(chooseLanguage(DEFAULT_TEMPLATES, 'trial', 'fr')).toEqual({ templateId: 'default-trial-fr', language: 'fr' });
    expect(chooseLanguage(DEFAULT_TEMPLATES, 'trial', 'de')).toBeNull();
  });

  it("remembers by the compose window's recipients, else the offer's customer; a choice made now wins", () => {
    const offer = makeOffer(1);
    expect(messageAddresses(['ann@contoso.example'], offer)).toEqual(['ann@contoso.example']);
    expect(messageAddresses([], offer)).toEqual(['buyer1@contoso.example']);
    expect(messageAddresses([], makeOffer(2, { customers: [makeCustomer('c1', { email: 'not an address' })] }))).toEqual([]);
    const remembered = settings({ choices: [{ email: 'buyer1@contoso.example', ...french }] });
    expect(effectiveChoice(null, remembered, messageAddresses([], offer))).toEqual(french);
    expect(effectiveChoice(null, remembered, ['ann@contoso.example'])).toBeUndefined();
    const english = { templateId: 'default-purchase-en', language: 'en' };
    expect(effectiveChoice(english, remembered, ['buyer1@contoso.example'])).toEqual(english);
  });
});

describe('pickerMessage', () => {
  it('renders the template, with the customer address for To', () => {
    const built = pickerMessage(makeOffer(1), settings().profile, template('default-purchase-fr'));
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.message.subject).toBe('Votre offre d’abonnement Microsoft de la part de Northwind');
    expect(built.message.html).toContain('SUM-1');
    expect(built.message.text).toContain(makeOffer(1).url);
    expect(built.message.to).toBe('buyer1@contoso.example');
  });

  it('leaves To alone when the customer email is not a plain address', () => {
    const built = pickerMessage(makeOffer(1, { customers: [makeCustomer('c1', { email: 'Ann <ann@contoso.example>' })] }), {}, template('default-purchase-en'));
    expect(built.ok && built.message.to).toBeUndefined();
  });

  it('reports a missing template and a template with errors instead of a message', () => {
    expect(pickerMessage(makeOffer(1), {}, undefined)).toEqual({ ok: false, reason: 'no-template' });
    const broken: MessageTemplate = { ...DEFAULT_TEMPLATES[0]!, kind: 'any', body: 'Hello {{offer.nope}}', language: 'en' };
    expect(pickerMessage(makeOffer(1), {}, broken)).toMatchObject({ ok: false, reason: 'template-errors', errors: [{ code: 'unknown-placeholder', field: 'body' }] });
  });
});

describe('picker helpers', () => {
  it('moves the selection with wrap-around and clamps it', () => {
    expect(moveSelection(0, 'ArrowDown', 3)).toBe(1);
    expect(moveSelection(2, 'ArrowDown', 3)).toBe(0);
    expect(moveSelection(0, 'ArrowUp', 3)).toBe(2);
    expect(moveSelection(1, 'End', 3)).toBe(2);
    expect(moveSelection(2, 'Home', 3)).toBe(0);
    expect(moveSelection(5, 'x', 3)).toBe(2);
    expect(moveSelection(0, 'ArrowDown', 0)).toBe(-1);
  });
});
