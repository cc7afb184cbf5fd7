// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bodyHoldsLink } from './offer-link';

const LINK = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824';

function body(html: string): Element {
  return new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').body.firstElementChild!;
}

describe('bodyHoldsLink', () => {
  it('finds the offer as a link, whatever its text, or as the address typed out', () => {
    expect(bodyHoldsLink(body(`<p>Hello <a href="${LINK.replaceAll('&', '&amp;')}">your offer</a></p>`), LINK)).toBe(true);
    expect(bodyHoldsLink(body(`<p>Open ${LINK.replaceAll('&', '&amp;')} to accept.</p>`), LINK)).toBe(true);
    expect(bodyHoldsLink(body(`<a href="${LINK.replace('portal.office.com', 'PORTAL.office.com').replaceAll('&', '&amp;')}">offer</a>`), LINK)).toBe(true);
  });

  it('does not find it once deleted, cut short, or pointing to another offer', () => {
    expect(bodyHoldsLink(body('<p>Hello,</p><p><br></p>'), LINK)).toBe(false);
    expect(bodyHoldsLink(body(`<p>${LINK.slice(0, 60)}</p>`), LINK)).toBe(false);
    expect(bodyHoldsLink(body(`<a href="${LINK.replace('4227824', '4227825').replaceAll('&', '&amp;')}">your offer</a>`), LINK)).toBe(false);
    expect(bodyHoldsLink(body(`<p>${LINK}</p>`), '')).toBe(false);
  });
});
