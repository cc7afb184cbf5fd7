import { describe, expect, it } from 'vitest';
import { mergeFields, toDraft } from './draft';

const PURCHASE = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824';

describe('toDraft', () => {
  it.each(['', ` ${PURCHASE}`, `${PURCHASE}${'x'.repeat(2048)}`])('names the URL as the field that fails validation: %j', (url) => {
    expect(toDraft(url, 'auto', {})).toEqual({ draft: null, reason: 'invalid-draft', detail: 'url' });
  });

  it('drops a field that is not valid on its own and keeps the offer', () => {
    expect(toDraft(PURCHASE, 'clipboard', { summaryId: '  ', subscriptions: [{ name: 'Plan', licenses: -1 }], usageLocation: 'France' })).toEqual({
      draft: { url: PURCHASE, source: 'clipboard', usageLocation: 'France' },
    });
  });
});

describe('mergeFields', () => {
  const remembered = { kind: 'purchase', partnerOffice: 'Lyon', subscriptions: [{ name: 'Plan', licenses: 3 }], delegatedAdmin: true } as const;

  it('takes what the page shows first, then the form on the page, then the remembered options', () => {
    const onPage = { kind: null, usageLocation: 'Belgium', subscriptions: [], delegatedAdmin: null };
    expect(mergeFields({ summaryId: 'PO-1', partnerOffice: 'Paris' }, onPage, { ...remembered, subscriptions: [...remembered.subscriptions] }, 'purchase')).toEqual({
      shownOnResultPage: ['partnerOffice'],
      summaryId: 'PO-1',
      partnerOffice: 'Paris',
      usageLocation: 'Belgium',
      subscriptions: [{ name: 'Plan', licenses: 3 }],
      delegatedAdmin: true,
    });
  });

  it('ignores options remembered for the other kind of offer, and works without a form on the page', () => {
    expect(mergeFields({}, undefined, { ...remembered, subscriptions: [...remembered.subscriptions] }, 'trial')).toEqual({
      shownOnResultPage: [],
      summaryId: undefined,
      partnerOffice: undefined,
      usageLocation: undefined,
      subscriptions: undefined,
      delegatedAdmin: undefined,
    });
  });
});
