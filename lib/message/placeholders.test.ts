import { describe, expect, it } from 'vitest';
import { parseTemplate } from './parse';
import { PLACEHOLDER_NAMES, PLACEHOLDERS, type RenderContext } from './placeholders';
import { renderTemplate } from './render';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A context where every value is set, so that every placeholder has something to show. */
function fullContext(kind: 'purchase' | 'trial'): RenderContext {
  return {
    offer: {
      kind,
      url: 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824',
      summaryId: 'S-123',
      subscriptions: [{ name: 'Microsoft 365 Business Standard', licenses: 10 }],
      usageLocation: 'France',
      partnerOffice: 'Paris',
      delegatedAdmin: true,
    },
    customer: { name: 'Jane Doe', company: 'Fabrikam' },
    advisor: {
      name: 'Alex Martin',
      company: 'Contoso',
      email: 'alex@contoso.com',
      phone: '+33 1 23 45 67 89',
      website: 'https://contoso.com',
      logo: PNG,
      gdapLink: 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/abc',
    },
    locale: 'en',
  };
}

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
