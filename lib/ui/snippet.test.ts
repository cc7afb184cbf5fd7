import { describe, expect, it } from 'vitest';
import { websiteSnippet } from './snippet';

describe('website snippet', () => {
  const url = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=2';

  it('escapes the URL and the label', () => {
    expect(websiteSnippet({ url }, 'Buy <now> & "save"', 'link')).toBe(
      `<a href="${url.replaceAll('&', '&amp;')}" target="_blank" rel="noopener">Buy &lt;now&gt; &amp; &quot;save&quot;</a>`,
    );
  });

  it('makes a button as a styled link that needs no script', () => {
    const html = websiteSnippet({ url: `${url}&ref='"><script>` }, "L'offre", 'button');
    expect(html).toMatch(/^<a href="https:\/\/portal\.office\.com\/[^"<>]+" target="_blank" rel="noopener" style="[^"<>]+">L&#39;offre<\/a>$/);
    expect(html).not.toContain('<script');
  });

  it.each([
    ['a sign-in page carrying the parameters', url.replace('portal.office.com/partner/partnersignup.aspx', 'login.microsoftonline.com/common')],
    ['user info hiding the host', url.replace('portal.office.com', 'portal.office.com@evil.example')],
    ['a script link', 'javascript:alert(1)//https://portal.office.com/partner/partnersignup.aspx'],
  ])('gives no snippet for %s', (_case, link) => {
    expect(websiteSnippet({ url: link }, 'Buy', 'link')).toBeNull();
  });
});
