import { describe, expect, it } from 'vitest';
import { checkOfferUrl, findOfferUrls, parseOfferUrl } from './offer-url';

const PURCHASE = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824';
const TRIAL = 'https://portal.office.com/partner/partnersignup.aspx?type=Trial&id=a1041c87-aad3-4653-a93a-0b20aa3e570a&msppid=7086220';

describe('parseOfferUrl', () => {
  it('reads kind, quote id and partner id from a purchase offer URL', () => {
    expect(parseOfferUrl(PURCHASE)).toEqual({
      kind: 'purchase',
      quoteId: '823604c2-4847-4219-9afd-177fb32dc8ab',
      partnerId: '4227824',
      url: PURCHASE,
    });
  });

  it('reads a trial invitation URL', () => {
    expect(parseOfferUrl(TRIAL)).toMatchObject({ kind: 'trial', quoteId: 'a1041c87-aad3-4653-a93a-0b20aa3e570a', partnerId: '7086220' });
  });

  it('accepts parameter names and host in any case, and keeps the text as shown', () => {
    const url = 'https://Portal.Office.com/partner/partnersignup.aspx?TYPE=purchase&ID=823604C2-4847-4219-9AFD-177FB32DC8AB&msppId=4227824';
    expect(parseOfferUrl(`  ${url}  `)).toEqual({ kind: 'purchase', quoteId: '823604c2-4847-4219-9afd-177fb32dc8ab', partnerId: '4227824', url });
  });

  it('accepts the parameters in any order and case, and the path in any case', () => {
    const url = 'https://portal.office.com/Partner/PartnerSignup.ASPX?MSPPID=4227824&Id=823604c2-4847-4219-9afd-177fb32dc8ab&Type=TRIAL';
    expect(parseOfferUrl(url)).toMatchObject({ kind: 'trial', partnerId: '4227824', url });
  });

  it('ignores other parameters, repeated or not', () => {
    expect(parseOfferUrl(`${PURCHASE}&utm=a&utm=b&ids=x`)).toMatchObject({ kind: 'purchase', partnerId: '4227824' });
  });

  it('drops sentence punctuation after the URL', () => {
    expect(parseOfferUrl(`${PURCHASE}.`)?.url).toBe(PURCHASE);
    expect(parseOfferUrl(`${PURCHASE};`)?.url).toBe(PURCHASE);
  });

  it('decodes &amp; left by copying from HTML source', () => {
    expect(parseOfferUrl(PURCHASE.replaceAll('&', '&amp;'))).toMatchObject({ partnerId: '4227824', url: PURCHASE });
  });

  it.each([
    ['not-url', 'no URL at all', 'Create purchase offer'],
    ['not-url', 'an over-long URL', `${PURCHASE}&pad=${'x'.repeat(3000)}`],
    ['not-https', 'plain http', PURCHASE.replace('https:', 'http:')],
    ['credentials', 'user info hiding the real host', PURCHASE.replace('portal.office.com', 'portal.office.com@evil.example')],
    ['credentials', 'user info before the real host', PURCHASE.replace('portal.office.com', 'advisor:secret@portal.office.com')],
    ['credentials', 'a port', PURCHASE.replace('portal.office.com', 'portal.office.com:8443')],
    ['host', 'a sign-in page carrying the parameters', PURCHASE.replace('portal.office.com/partner/partnersignup.aspx', 'login.microsoftonline.com/common/oauth2/authorize')],
    ['host', 'a form on a Microsoft host', PURCHASE.replace('portal.office.com/partner/partnersignup.aspx', 'forms.office.com/r/abc')],
    ['host', 'another Microsoft host with the same path', PURCHASE.replace('portal.office.com', 'admin.microsoft.com')],
    ['host', 'a look-alike host', PURCHASE.replace('portal.office.com', 'portal.office.com.evil.example')],
    ['host', 'a sub-domain of the portal', PURCHASE.replace('portal.office.com', 'x.portal.office.com')],
    ['host', 'a homograph of the portal (Cyrillic a)', PURCHASE.replace('portal', 'port\u0430l')],
    ['host', 'the host with a trailing dot', PURCHASE.replace('portal.office.com', 'portal.office.com.')],
    ['path', 'a backslash turning the rest into a path', PURCHASE.replace('portal.office.com', 'portal.office.com\\@evil.example')],
    ['path', 'another path on the portal', PURCHASE.replace('/partner/partnersignup.aspx', '/adminportal/home')],
    ['path', 'the path with something after it', PURCHASE.replace('partnersignup.aspx', 'partnersignup.aspx/x')],
    ['type', 'an unknown type', PURCHASE.replace('type=Purchase', 'type=Gift')],
    ['type', 'a repeated type', `${PURCHASE}&type=Trial`],
    ['type', 'a type given three times', `${PURCHASE}&TYPE=Purchase&type=Purchase`],
    ['id', 'a second id in another case', `${PURCHASE}&ID=a1041c87-aad3-4653-a93a-0b20aa3e570a`],
    ['msppid', 'a repeated partner id', `${PURCHASE}&msppid=7086220`],
    ['id', 'an id that is not a GUID', PURCHASE.replace('823604c2-4847-4219-9afd-177fb32dc8ab', 'not-a-guid')],
    ['msppid', 'no partner id', PURCHASE.replace('&msppid=4227824', '')],
    ['msppid', 'a partner id with markup', PURCHASE.replace('4227824', '<b>1</b>')],
  ])('refuses (%s) %s', (problem, _case, text) => {
    expect(checkOfferUrl(text)).toBe(problem);
    expect(parseOfferUrl(text)).toBeNull();
  });
});

describe('findOfferUrls', () => {
  it('finds each distinct offer in free text, in order', () => {
    const text = `Trial: ${TRIAL}\nOffer (${PURCHASE}) and again ${PURCHASE}, then https://learn.microsoft.com/partner-center`;
    expect(findOfferUrls(text).map((offer) => offer.kind)).toEqual(['trial', 'purchase']);
  });

  it('returns nothing for text without offers', () => {
    expect(findOfferUrls('See https://partner.microsoft.com/dashboard and http://example.com')).toEqual([]);
  });

  it('skips look-alike links carrying the parameters and keeps the genuine one', () => {
    const query = '?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824';
    const text = `https://login.microsoftonline.com/common${query} https://portal.office.com@evil.example/partner/partnersignup.aspx${query} ${TRIAL}`;
    expect(findOfferUrls(text).map((offer) => offer.url)).toEqual([TRIAL]);
  });

  it('stops reading after 200,000 characters', () => {
    expect(findOfferUrls(`${'x '.repeat(100_000)}${PURCHASE}`)).toEqual([]);
  });
});
