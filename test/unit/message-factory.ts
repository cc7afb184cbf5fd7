import type { RenderContext } from '../../lib/message/placeholders';
import type { MessageTemplate } from '../../lib/message/template';

export const OFFER_URL = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824';
/** A one-pixel PNG, as an uploaded logo is stored. */
export const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A render context with every value set; tests override what they look at. */
export function renderContext(overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    offer: {
      kind: 'purchase',
      url: OFFER_URL,
      summaryId: 'S-123',
      subscriptions: [{ name: 'Microsoft 365 Business Standard', licenses: 10 }],
      usageLocation: 'France',
      partnerOffice: 'Paris',
      delegatedAdmin: true,
    },
    customer: { name: 'Jane Doe', company: 'Fabrikam' },
    advisor: {
      name: 'Alex Martin',
      company: 'Contoso',
      email: 'alex@contoso.com',
      phone: '+33 1 23 45 67 89',
      website: 'https://contoso.com',
      logo: PNG,
      gdapLink: 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/abc',
      contactBlock: true,
    },
    locale: 'en',
    ...overrides,
  };
}

export const makeTemplate = (overrides: Partial<MessageTemplate> = {}): MessageTemplate => ({
  id: 't',
  name: 'Template',
  language: 'en',
  kind: 'purchase',
  subject: 'Offer',
  body: '{{offer.url}}',
  isDefault: false,
  ...overrides,
});
