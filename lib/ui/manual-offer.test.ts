import { describe, expect, it } from 'vitest';
import { offerUrl } from '@/test/unit/offer-factory';
import { EMPTY_MANUAL_FORM, offerUrlError, validateManualOffer } from './manual-offer';

describe('manual offer form', () => {
  it('says what is wrong next to each field', () => {
    const result = validateManualOffer({
      ...EMPTY_MANUAL_FORM,
      url: 'https://example.com/partner/partnersignup.aspx',
      customerEmail: 'not an email',
      subscriptions: [
        { name: '', licenses: '5' },
        { name: 'Microsoft 365 E3', licenses: '-3' },
        { name: '', licenses: '' },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        url: 'popup_errorUrlHost',
        customerEmail: 'popup_errorEmailInvalid',
        'subscriptions.0.name': 'popup_errorSubscriptionName',
        'subscriptions.1.licenses': 'popup_errorLicenses',
      },
    });
    expect(validateManualOffer(EMPTY_MANUAL_FORM)).toEqual({ ok: false, errors: { url: 'popup_errorUrlRequired' } });
  });

  it.each([
    ['not a link', 'portal.office.com/partner/partnersignup.aspx', 'popup_errorUrlInvalid'],
    ['plain http', offerUrl(1).replace('https:', 'http:'), 'popup_errorUrlNotHttps'],
    ['user info', offerUrl(1).replace('portal.office.com', 'portal.office.com@evil.example'), 'popup_errorUrlCredentials'],
    ['a port', offerUrl(1).replace('portal.office.com', 'portal.office.com:444'), 'popup_errorUrlCredentials'],
    ['a sign-in host', offerUrl(1).replace('portal.office.com/partner/partnersignup.aspx', 'login.microsoftonline.com/common'), 'popup_errorUrlHost'],
    ['another portal page', offerUrl(1).replace('/partner/partnersignup.aspx', '/partner/other.aspx'), 'popup_errorUrlPath'],
    ['no type', offerUrl(1).replace('type=Purchase&', ''), 'popup_errorUrlType'],
    ['an id that is not a GUID', offerUrl(1).replace(/id=[^&]+/, 'id=42'), 'popup_errorUrlId'],
    ['no partner id', offerUrl(1).replace('&msppid=4227824', ''), 'popup_errorUrlPartnerId'],
    ['an over-long link', `${offerUrl(1)}&x=${'a'.repeat(2100)}`, 'popup_errorTooLong'],
    ['an offer link', offerUrl(1), null],
  ])('explains why a link is refused: %s', (_case, url, expected) => {
    expect(offerUrlError(url)).toBe(expected);
  });

  it('builds a draft from valid input, skipping blank rows and empty fields', () => {
    const result = validateManualOffer({
      ...EMPTY_MANUAL_FORM,
      url: ` ${offerUrl(4, 'Trial')} `,
      summaryId: ' T-4 ',
      delegatedAdmin: 'no',
      customerCompany: 'Fabrikam',
      subscriptions: [
        { name: 'Microsoft 365 Business Premium', licenses: '25' },
        { name: 'Teams Essentials', licenses: '' },
        { name: ' ', licenses: ' ' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      draft: {
        url: offerUrl(4, 'Trial'),
        source: 'manual',
        summaryId: 'T-4',
        delegatedAdmin: false,
        customer: { company: 'Fabrikam' },
        subscriptions: [
          { name: 'Microsoft 365 Business Premium', licenses: 25 },
          { name: 'Teams Essentials', licenses: null },
        ],
      },
    });
  });
});
