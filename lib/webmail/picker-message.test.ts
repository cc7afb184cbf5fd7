import { describe, expect, it } from 'vitest';
import { makeCustomer, makeOffer } from '../../test/unit/offer-factory';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import type { MessageTemplate } from '../message/template';
import { DEFAULT_PREFERENCES, type Settings } from '../settings/settings';
import { moveSelection, pickerMessage, pickerToken } from './picker-message';

const settings = (overrides: Partial<Settings> = {}): Settings => ({
  profile: { name: 'Alex', company: 'Northwind' },
  templates: [...DEFAULT_TEMPLATES],
  preferences: DEFAULT_PREFERENCES,
  ...overrides,
});

describe('pickerMessage', () => {
  it('renders the template for the offer kind and language, with the customer address for To', () => {
    const built = pickerMessage(makeOffer(1), settings(), 'fr-FR');
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.message.subject).toBe('Votre offre d’abonnement Microsoft de la part de Northwind');
    expect(built.message.html).toContain('SUM-1');
    expect(built.message.text).toContain(makeOffer(1).url);
    expect(built.message.to).toBe('buyer1@contoso.example');
  });

  it("follows the advisor's message language over the UI language", () => {
    const built = pickerMessage(makeOffer(1), settings({ preferences: { reminderDays: null, messageLanguage: 'en' } }), 'fr');
    expect(built.ok && built.message.subject).toBe('Your Microsoft subscription offer from Northwind');
  });

  it('leaves To alone when the customer email is not a plain address', () => {
    const built = pickerMessage(makeOffer(1, { customers: [makeCustomer('c1', { email: 'Ann <ann@contoso.example>' })] }), settings(), 'en');
    expect(built.ok && built.message.to).toBeUndefined();
  });

  it('reports a missing template and a template with errors instead of a message', () => {
    const trialOnly = DEFAULT_TEMPLATES.filter((template) => template.kind === 'trial');
    expect(pickerMessage(makeOffer(1), settings({ templates: trialOnly }), 'en')).toEqual({ ok: false, reason: 'no-template' });
    const broken: MessageTemplate = { ...DEFAULT_TEMPLATES[0]!, kind: 'any', body: 'Hello {{offer.nope}}', language: 'en' };
    const built = pickerMessage(makeOffer(1), settings({ templates: [broken] }), 'en');
    expect(built).toMatchObject({ ok: false, reason: 'template-errors', errors: [{ code: 'unknown-placeholder', field: 'body' }] });
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

  it('reads only a well-formed token from the hash', () => {
    expect(pickerToken('#token=0b5f8a4e-4b1c-4a53-9a6e-2f1f1d5f1c11&provider=gmail')).toBe('0b5f8a4e-4b1c-4a53-9a6e-2f1f1d5f1c11');
    expect(pickerToken('#token=<script>')).toBeNull();
    expect(pickerToken('')).toBeNull();
  });
});
