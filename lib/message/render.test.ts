import { describe, expect, it } from 'vitest';
import type { RenderContext } from './placeholders';
import { renderTemplate, type RenderedMessage } from './render';
import { OFFER_URL, PNG, renderContext } from '@/test/unit/message-factory';

function context(overrides: Partial<RenderContext> = {}): RenderContext {
  const base = renderContext();
  return {
    ...base,
    offer: {
      ...base.offer,
      subscriptions: [
        { name: 'Microsoft 365 Business Standard', licenses: 1250 },
        { name: 'Exchange Online (Plan 1)', licenses: null },
      ],
    },
    ...overrides,
  };
}

function render(body: string, overrides: Partial<RenderContext> = {}, subject = 'Subject'): RenderedMessage {
  const result = renderTemplate({ subject, body }, context(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe('renderTemplate formatting', () => {
  it('renders paragraphs, line breaks, bullets, bold and links', () => {
    const { html, text } = render(
      'Hello **{{customer.name}}**,\nsecond line\n\n\n- one\n* [two](https://example.com/a?b=1&c=2)\nAfter https://example.com/x.',
    );
    expect(html).toBe(
      '<p>Hello <strong>Jane Doe</strong>,<br>second line</p>' +
        '<ul><li>one</li><li><a href="https://example.com/a?b=1&amp;c=2">two</a></li></ul>' +
        '<p>After <a href="https://example.com/x">https://example.com/x</a>.</p>',
    );
    expect(text).toBe('Hello Jane Doe,\nsecond line\n\n- one\n- two (https://example.com/a?b=1&c=2)\n\nAfter https://example.com/x.');
  });

  it('links URL and email values and lets a link target be a value', () => {
    const { html, text } = render('{{offer.url}}\n[Accept the offer]({{offer.url}})\n[Write to me](mailto:{{advisor.email}}) {{advisor.email}}');
    const href = OFFER_URL.replaceAll('&', '&amp;');
    expect(html).toBe(
      `<p><a href="${href}">${href}</a><br><a href="${href}">Accept the offer</a><br>` +
        '<a href="mailto:alex@contoso.com">Write to me</a> <a href="mailto:alex@contoso.com">alex@contoso.com</a></p>',
    );
    expect(text).toBe(`${OFFER_URL}\nAccept the offer (${OFFER_URL})\nWrite to me (alex@contoso.com) alex@contoso.com`);
  });

  it('renders subscriptions as a list on their own line and inline elsewhere, with localized numbers', () => {
    const alone = render('Includes:\n{{offer.subscriptions}}', { locale: 'fr' });
    expect(alone.html).toBe('<p>Includes:</p><ul><li>Microsoft 365 Business Standard × 1\u202f250</li><li>Exchange Online (Plan 1)</li></ul>');
    expect(alone.text).toBe('Includes:\n\n- Microsoft 365 Business Standard × 1\u202f250\n- Exchange Online (Plan 1)');
    expect(render('- {{offer.subscriptions}}').html).toBe(
      '<ul><li>Microsoft 365 Business Standard × 1,250</li><li>Exchange Online (Plan 1)</li></ul>',
    );
    expect(render('You get {{offer.subscriptions}}.').text).toBe('You get Microsoft 365 Business Standard × 1,250, Exchange Online (Plan 1).');
  });

  it("takes the customer from the offer unless the context gives one", () => {
    const offer = { ...context().offer, customer: { name: 'From offer' } };
    expect(render('{{customer.name}}', { offer, customer: undefined }).text).toBe('From offer');
    expect(render('{{customer.name}}', { offer, customer: { name: 'Override' } }).text).toBe('Override');
  });

  it('renders the offer kind in the locale', () => {
    expect(render('{{offer.kind}}').text).toBe('purchase offer');
    expect(render('{{offer.kind}}', { locale: 'fr-CA', offer: { ...context().offer, kind: 'trial' } }).text).toBe('invitation d’évaluation');
  });

  it('resolves sections and drops lines left empty by tags', () => {
    const body = [
      'Dear {{#if customer.name}}{{customer.name}}{{else}}customer{{/if}},',
      '',
      '{{#if offer.delegatedAdmin}}',
      'Delegated admin{{#if advisor.gdapLink}}: {{advisor.gdapLink}}{{/if}}.',
      '',
      '{{/if}}',
      'Regards,',
      '{{advisor.name}}',
      '{{#if advisor.phone}}Phone: {{advisor.phone}}{{/if}}',
      '{{advisor.company}}',
      '- {{advisor.website}}',
    ].join('\n');
    const full = render(body);
    expect(full.text).toBe(
      `Dear Jane Doe,\n\nDelegated admin: ${context().advisor.gdapLink}.\n\nRegards,\nAlex Martin\nPhone: +33 1 23 45 67 89\nContoso\n\n- https://contoso.com`,
    );
    const bare = render(body, {
      customer: {},
      advisor: {},
      offer: { ...context().offer, delegatedAdmin: null },
    });
    expect(bare.text).toBe('Dear customer,\n\nRegards,');
    expect(bare.html).toBe('<p>Dear customer,</p><p>Regards,</p>');
  });

  it('keeps a blank line that opens a shown section as a paragraph break', () => {
    const body = 'Thanks.\n{{#if advisor.gdapLink}}\n\nTo approve: {{advisor.gdapLink}}\n{{/if}}\nRegards,';
    expect(render(body).html).toBe(`<p>Thanks.</p><p>To approve: <a href="${context().advisor.gdapLink}">${context().advisor.gdapLink}</a><br>Regards,</p>`);
    expect(render(body, { advisor: {} }).html).toBe('<p>Thanks.<br>Regards,</p>');
  });

  it('leaves no markup behind when bold text or a link target had no value', () => {
    const body = 'For **{{customer.company}}**: [our site]({{advisor.website}})\n**{{customer.company}}**\nEnd';
    const bare = render(body, { customer: {}, advisor: {} });
    expect(bare.text).toBe('For : our site\nEnd');
    expect(bare.html).toBe('<p>For : our site<br>End</p>');
    const full = render(body, { customer: { company: 'Fabrikam' } });
    expect(full.html).toBe('<p>For <strong>Fabrikam</strong>: <a href="https://contoso.com/">our site</a><br><strong>Fabrikam</strong><br>End</p>');
  });

  it('treats flags and lists as conditions', () => {
    const body = '{{#if offer.isTrial}}T{{/if}}{{#if offer.isPurchase}}P{{/if}}{{#if offer.subscriptions}}S{{/if}}{{#if advisor.logo}}L{{/if}}';
    expect(render(body).text).toBe('PSL');
    expect(render(body, { offer: { ...context().offer, kind: 'trial', subscriptions: [] }, advisor: {} }).text).toBe('T');
  });

  it('renders the subject as one line of plain text', () => {
    const result = render('x', {}, '  **Offer** for {{customer.company}}\n{{#if customer.name}}({{customer.name}}){{/if}} {{offer.url}}');
    expect(result.subject).toBe(`**Offer** for Fabrikam (Jane Doe) ${OFFER_URL}`);
  });

  it('keeps the no-break spaces of French typography in the subject and the text', () => {
    const french = render('{{offer.subscriptions}}', { locale: 'fr' }, 'Offre\u202f: «\u202f{{advisor.company}}\u202f» {{offer.subscriptions}}');
    expect(french.subject).toBe('Offre\u202f: «\u202fContoso\u202f» Microsoft 365 Business Standard × 1\u202f250, Exchange Online (Plan 1)');
    expect(french.text).toContain('1\u202f250');
  });

  it('returns the errors of both fields instead of rendering', () => {
    expect(renderTemplate({ subject: '{{nope.x}}', body: '{{#if customer.name}}' }, context())).toMatchObject({
      ok: false,
      errors: [
        { field: 'subject', code: 'unknown-placeholder', line: 1, column: 1 },
        { field: 'body', code: 'unclosed-section', line: 1, column: 1 },
      ],
    });
  });
});

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</p><script>alert(1)</script>',
  'javascript:alert(1)',
  '"><a href="javascript:alert(1)">x</a>',
  '**[x](javascript:alert(1))** [y](https://evil.example) {{offer.url}} \uE001',
];

const EVERY_VALUE = [
  'offer.url', 'offer.summaryId', 'offer.subscriptions', 'offer.usageLocation', 'offer.partnerOffice',
  'customer.name', 'customer.company', 'advisor.name', 'advisor.company', 'advisor.email', 'advisor.phone',
  'advisor.website', 'advisor.gdapLink', 'advisor.logo',
];
const EVERY_FIELD_BODY = EVERY_VALUE.map((name) => `{{${name}}} - **{{${name}}}** [{{${name}}}]({{${name}}})`).join('\n\n');

function hostileContext(value: string): RenderContext {
  return {
    offer: {
      kind: 'purchase',
      url: value,
      summaryId: value,
      subscriptions: [{ name: value, licenses: 3 }],
      usageLocation: value,
      partnerOffice: value,
      delegatedAdmin: true,
    },
    customer: { name: value, company: value, email: value },
    advisor: { name: value, company: value, email: value, phone: value, website: value, logo: value, gdapLink: value },
    locale: 'en',
  };
}

/** Every tag in the output, so that any markup a value smuggled in would show up here. */
function tags(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

describe('renderTemplate safety', () => {
  it.each(HOSTILE)('shows %j as text in every field', (value) => {
    const result = renderTemplate({ subject: EVERY_FIELD_BODY, body: EVERY_FIELD_BODY }, hostileContext(value));
    if (!result.ok) throw new Error('expected a rendering');
    // No value is a web URL, so the template's own tags are the only markup expected.
    for (const tag of tags(result.html)) expect(tag).toMatch(/^<(\/?(p|strong|ul|li)|br)>$/);
    expect(result.text).toContain(value.replace('\uE001', ''));
    expect(result.subject).toContain(value.split(/\s+/)[0]);
  });

  it('escapes a value where the template put it', () => {
    const { html } = render('Dear {{customer.name}},', { customer: { name: '</p><script>alert(1)</script>' } });
    expect(html).toBe('<p>Dear &lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;,</p>');
  });

  it('links only http, https and mailto targets', () => {
    const { html, text } = render(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert%281%29) [c](data:text/html,x) [d](vbscript:x) [e](/relative) [f](http://ok.example) [g](mailto:a@b.example)',
    );
    expect(tags(html).filter((tag) => tag.startsWith('<a'))).toEqual(['<a href="http://ok.example/">', '<a href="mailto:a@b.example">']);
    // Parentheses end a link target, so this one stays literal text.
    expect(text).toContain('[a](javascript:alert(1))');
    expect(text).toContain('b (JaVaScRiPt:alert%281%29)');
  });

  it('does not link a value that is not a web URL or an email address', () => {
    const { html } = render('{{advisor.email}} {{advisor.website}}', {
      advisor: { email: 'mailto:x@y.example?body=<b>', website: 'data:text/html,<script>' },
    });
    expect(html).toBe('<p>mailto:x@y.example?body=&lt;b&gt; data:text/html,&lt;script&gt;</p>');
  });

  it.each([
    ['a script URL', 'javascript:alert(1)'],
    ['a sign-in page carrying the offer parameters', OFFER_URL.replace('portal.office.com/partner/partnersignup.aspx', 'login.microsoftonline.com/common')],
    ['user info hiding the host', OFFER_URL.replace('portal.office.com', 'portal.office.com@evil.example')],
  ])('leaves out an offer link that is not one: %s', (_case, url) => {
    const { html, text } = render('Open {{offer.url}} or [here]({{offer.url}}).', { offer: { ...context().offer, url } });
    expect(html).not.toContain(url);
    expect(text).not.toContain(url);
    expect(html).not.toContain('<a');
  });

  it('does not link a web address that hides its host behind user info', () => {
    const { html } = render('[Open](https://portal.office.com@evil.example/x) https://a:b@evil.example/y [ok](https://ok.example/)');
    expect(tags(html).filter((tag) => tag.startsWith('<a'))).toEqual(['<a href="https://ok.example/">']);
  });

  it('shows the GDAP link only on the Microsoft 365 admin center', () => {
    const link = (gdapLink: string) => render('{{#if advisor.gdapLink}}[Approve]({{advisor.gdapLink}}){{else}}none{{/if}}', { advisor: { gdapLink } }).html;
    expect(link('https://admin.microsoft.com/AdminPortal/x')).toBe('<p><a href="https://admin.microsoft.com/AdminPortal/x">Approve</a></p>');
    expect(link('https://admin.cloud.microsoft/#/partners')).toBe('<p><a href="https://admin.cloud.microsoft/#/partners">Approve</a></p>');
    for (const bad of ['https://admin.microsoft.com.evil.example/x', 'https://admin.cloud.microsoft.evil.example/x', 'http://admin.microsoft.com/x', 'https://evil.example/?admin.microsoft.com'])
      expect(link(bad)).toBe('<p>none</p>');
  });
});

describe('renderTemplate logo', () => {
  const logo = (value: string) => render('{{advisor.logo}}', { advisor: { company: 'Contoso "&" Co', logo: value } });

  it('renders an https or data:image logo as an image with the company as alt text', () => {
    expect(logo('https://contoso.com/logo.png?a=1&b="2"').html).toBe(
      '<p><img src="https://contoso.com/logo.png?a=1&amp;b=&quot;2&quot;" alt="Contoso &quot;&amp;&quot; Co" style="max-height:64px;max-width:240px"></p>',
    );
    expect(logo(PNG).html).toContain(`<img src="${PNG}"`);
    expect(logo(PNG).text).toBe('');
  });

  it.each([
    ['plain http', 'http://contoso.com/logo.png'],
    ['a script URL', 'javascript:alert(1)'],
    ['SVG', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['HTML', 'data:text/html;base64,PHNjcmlwdD4='],
    ['an attribute breakout', 'data:image/png;base64,AAAA" onerror="alert(1)'],
    ['an image over 256 KB', `data:image/png;base64,${'A'.repeat(400_000)}`],
  ])('leaves out %s', (_label, value) => {
    expect(logo(value).html).toBe('');
  });

  it('links a logo to the website', () => {
    expect(render('[{{advisor.logo}}]({{advisor.website}})').html).toBe(
      `<p><a href="https://contoso.com/"><img src="${PNG}" alt="Contoso" style="max-height:64px;max-width:240px"></a></p>`,
    );
  });
});
