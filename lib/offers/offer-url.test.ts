import { describe, expect, it } from 'vitest';
import { findOfferUrls, parseOfferUrl } from './offer-url';

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

  it('accepts other Microsoft hosts, in case the portal moves', () => {
    expect(parseOfferUrl(PURCHASE.replace('portal.office.com', 'admin.microsoft.com'))?.kind).toBe('purchase');
    expect(parseOfferUrl(PURCHASE.replace('portal.office.com', 'www.microsoft365.cloud.microsoft'))?.kind).toBe('purchase');
  });

  it('drops sentence punctuation after the URL', () => {
    expect(parseOfferUrl(`${PURCHASE}.`)?.url).toBe(PURCHASE);
    expect(parseOfferUrl(`${PURCHASE};`)?.url).toBe(PURCHASE);
  });

  it('decodes &amp; left by copying from HTML source', () => {
    expect(parseOfferUrl(PURCHASE.replaceAll('&', '&amp;'))).toMatchObject({ partnerId: '4227824', url: PURCHASE });
  });

  it.each([
    ['plain http', PURCHASE.replace('https:', 'http:')],
    ['a look-alike host', PURCHASE.replace('portal.office.com', 'portal.office.com.evil.example')],
    ['a host ending like Microsoft', PURCHASE.replace('portal.office.com', 'notmicrosoft.com')],
    ['an unknown type', PURCHASE.replace('type=Purchase', 'type=Gift')],
    ['an id that is not a GUID', PURCHASE.replace('823604c2-4847-4219-9afd-177fb32dc8ab', 'not-a-guid')],
    ['no partner id', PURCHASE.replace('&msppid=4227824', '')],
    ['a partner id with markup', PURCHASE.replace('4227824', '<b>1</b>')],
    ['no URL at all', 'Create purchase offer'],
    ['an over-long URL', `${PURCHASE}&pad=${'x'.repeat(3000)}`],
  ])('rejects %s', (_case, text) => {
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

  it('stops reading after 200,000 characters', () => {
    expect(findOfferUrls(`${'x '.repeat(100_000)}${PURCHASE}`)).toEqual([]);
  });
});
