import { describe, expect, it } from 'vitest';
import { websiteSnippet } from './snippet';

describe('website snippet', () => {
  const offer = { url: 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=1&msppid=2' };

  it('escapes the URL and the label', () => {
    expect(websiteSnippet(offer, 'Buy <now> & "save"', 'link')).toBe(
      '<a href="https://portal.office.com/partner/partnersignup.aspx?type=Purchase&amp;id=1&amp;msppid=2" target="_blank" rel="noopener">Buy &lt;now&gt; &amp; &quot;save&quot;</a>',
    );
  });

  it('makes a button as a styled link that needs no script', () => {
    const html = websiteSnippet({ url: 'https://x.example/?a="b"' }, "L'offre", 'button');
    expect(html).toMatch(/^<a href="https:\/\/x\.example\/\?a=&quot;b&quot;" target="_blank" rel="noopener" style="[^"<>]+">L&#39;offre<\/a>$/);
    expect(html).not.toContain('<script');
  });
});
