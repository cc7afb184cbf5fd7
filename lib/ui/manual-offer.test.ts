import { describe, expect, it } from 'vitest';
import { offerUrl } from '@/test/unit/offer-factory';
import { EMPTY_MANUAL_FORM, validateManualOffer } from './manual-offer';

describe('manual offer form', () => {
  it('says what is wrong next to each field', () => {
    const result = validateManualOffer({
      ...EMPTY_MANUAL_FORM,
      url: 'https://example.com/not-an-offer',
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
        url: 'popup_errorUrlInvalid',
        customerEmail: 'popup_errorEmailInvalid',
        'subscriptions.0.name': 'popup_errorSubscriptionName',
        'subscriptions.1.licenses': 'popup_errorLicenses',
      },
    });
    expect(validateManualOffer(EMPTY_MANUAL_FORM)).toEqual({ ok: false, errors: { url: 'popup_errorUrlRequired' } });
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
