import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './defaults';
import type { RenderContext } from './placeholders';
import { renderTemplate } from './render';
import { MessageTemplate } from './template';

const URL = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824';
const GDAP = 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/1234';

/** Phrases that carry each point of the documentation, per language. */
const POINTS = {
  en: {
    partner: 'an authorized Microsoft AI Cloud Partner',
    noProfilePartner: 'We are an authorized Microsoft AI Cloud Partner',
    prices: 'price of each subscription',
    billing: 'billed directly by Microsoft',
    contact: 'reply to this email',
    licenses: ['in control of the number of user licenses', 'which you can change when you accept'],
    closing: 'Kind regards,',
    delegated: ['granular delegated admin privileges (GDAP)', 'limited in time', 'approve yourself', 'with or without delegated administration', 'we commit to'],
  },
  fr: {
    partner: 'partenaire cloud Microsoft AI autorisé',
    noProfilePartner: 'Nous sommes partenaire cloud Microsoft AI autorisé',
    prices: 'prix de chaque abonnement',
    billing: 'facturée directement par Microsoft',
    contact: 'répondre à ce message',
    licenses: ['la main sur le nombre de licences utilisateur', 'modifier au moment d’accepter'],
    closing: 'Bien cordialement,',
    delegated: ['privilèges d’administration délégués granulaires (GDAP)', 'limités dans le temps', 'approuvez vous-même', 'avec ou sans administration déléguée', 'nous nous engageons'],
  },
} as const;

function context(template: MessageTemplate, delegatedAdmin: boolean, complete: boolean, contactBlock = false): RenderContext {
  return {
    offer: {
      kind: template.kind === 'trial' ? 'trial' : 'purchase',
      url: URL,
      summaryId: 'SUM-42',
      subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 25 }],
      usageLocation: 'France',
      partnerOffice: undefined,
      delegatedAdmin,
    },
    customer: complete ? { name: 'Jane Doe', company: 'Fabrikam' } : {},
    advisor: complete
      ? { name: 'Alex Martin', company: 'Contoso', email: 'alex@contoso.com', phone: '+33 1 23 45 67 89', website: 'https://contoso.com', logo: 'https://contoso.com/logo.png', gdapLink: GDAP, contactBlock }
      : {},
    locale: template.language,
  };
}

describe('DEFAULT_TEMPLATES', () => {
  it('writes French with French typography: typographic apostrophes, a narrow no-break space before : ; ! ?', () => {
    for (const template of DEFAULT_TEMPLATES.filter((t) => t.language === 'fr')) {
      for (const text of [template.name, template.subject, template.body]) {
        expect(text).not.toContain("'");
        expect(text).not.toMatch(/[^\u202f][:;!?]/);
      }
    }
  });

  it('leaves a template saved with its own signature lines as it was: the contact block setting only drives the defaults', () => {
    const saved = { subject: 'Offer', body: 'Kind regards,\n{{advisor.name}}\n{{advisor.email}}' };
    const result = renderTemplate(saved, { ...context(DEFAULT_TEMPLATES[0]!, false, true), advisor: { name: 'Alex Martin', email: 'alex@contoso.com' } });
    expect(result.ok && result.text).toBe('Kind regards,\nAlex Martin\nalex@contoso.com');
  });

  it('has one valid default per language and kind', () => {
    expect(DEFAULT_TEMPLATES.map((template) => `${template.language}/${template.kind}`).sort()).toEqual([
      'en/purchase',
      'en/trial',
      'fr/purchase',
      'fr/trial',
    ]);
    for (const template of DEFAULT_TEMPLATES) {
      expect(MessageTemplate.safeParse(template).success).toBe(true);
      expect(template.isDefault).toBe(true);
    }
  });

  describe.each(DEFAULT_TEMPLATES.map((template) => [template.id, template] as const))('%s', (_id, template) => {
    const points = POINTS[template.language as keyof typeof POINTS];

    it.each([
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ])('delegated admin %s, complete profile %s: covers every point', (delegatedAdmin, complete) => {
      const result = renderTemplate(template, context(template, delegatedAdmin, complete));
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      for (const output of [result.html, result.text]) {
        expect(output).toContain('SUM-42');
        for (const point of [points.partner, points.prices, points.billing, points.contact, ...points.licenses, points.closing])
          expect(output.replaceAll('&#39;', "'")).toContain(point);
        for (const point of points.delegated) expect(output.replaceAll('&#39;', "'").includes(point)).toBe(delegatedAdmin);
        expect(output.includes(GDAP)).toBe(delegatedAdmin && complete);
      }
      expect(result.html).toContain(`<a href="${URL.replaceAll('&', '&amp;')}">`);
      expect(result.text).toContain(URL);
      expect(result.html.startsWith('<p><img src="https://contoso.com/logo.png"')).toBe(complete);
      expect(result.text).toContain('Microsoft 365 Business Premium × 25');
      expect(result.subject.includes('Contoso')).toBe(complete);
      expect(result.text.includes(points.noProfilePartner)).toBe(!complete);
      expect(result.text.includes('Jane Doe') && result.text.includes('Fabrikam')).toBe(complete);
      // A value left out must not leave a dangling word, a lone colon or an empty item behind.
      expect(result.text).not.toMatch(/ [,.:]|\( *\)|^- *$| {2}|\n{3}/m);
      expect(result.html).not.toMatch(/<p><\/p>|<li><\/li>|<br><\/p>|<p><br>/);
    });

    it('ends at the closing, under which the webmail puts its signature, unless the advisor asks for the contact block', () => {
      const plain = renderTemplate(template, context(template, false, true));
      const signed = renderTemplate(template, context(template, false, true, true));
      if (!plain.ok || !signed.ok) throw new Error('render failed');
      expect(plain.text.endsWith(points.closing)).toBe(true);
      expect(plain.text).not.toContain('alex@contoso.com');
      expect(plain.text).not.toContain('Alex Martin');
      expect(signed.text.endsWith(`${points.closing}\nAlex Martin\nContoso\n+33 1 23 45 67 89\nalex@contoso.com\nhttps://contoso.com`)).toBe(true);
      expect(signed.html).toContain('<a href="mailto:alex@contoso.com">');
    });
  });
});
