import { greetedCustomer } from '../offers/customers';
import type { Offer } from '../offers/schema';
import { pickTemplate } from './pick';
import type { RenderOffer } from './placeholders';
import { renderTemplate, type RenderResult } from './render';
import type { MessageTemplate } from './template';
import type { Settings } from '../settings/settings';

export type OfferMessage = { template: MessageTemplate; result: RenderResult } | { template: null };

/** The language of customer messages: the advisor's preference, else the browser's UI language. */
export function messageLanguage(settings: Pick<Settings, 'preferences'>, uiLanguage: string): string {
  return settings.preferences.messageLanguage || uiLanguage;
}

/** The parts of the settings a message is rendered from. */
export type MessageSettings = Pick<Settings, 'profile' | 'templates' | 'preferences'>;

/**
 * Renders one template for an offer. A stored offer's greeting names its greeted customer (the
 * only one, or the newest not reached yet).
 */
export function renderOfferWith(offer: RenderOffer | Offer, template: MessageTemplate, profile: Settings['profile']): RenderResult {
  const renderable: RenderOffer = 'customers' in offer ? { ...offer, customer: greetedCustomer(offer) ?? {} } : offer;
  return renderTemplate(template, { offer: renderable, advisor: profile, locale: template.language });
}

/** Renders the default template for the offer's kind and the message language. */
export function renderOfferMessage(offer: RenderOffer | Offer, settings: MessageSettings, uiLanguage: string): OfferMessage {
  const template = pickTemplate(settings.templates, messageLanguage(settings, uiLanguage), offer.kind);
  return template ? { template, result: renderOfferWith(offer, template, settings.profile) } : { template: null };
}

/** A believable purchase offer for the template preview when the advisor has none yet. */
const SAMPLE_PURCHASE: RenderOffer = {
  kind: 'purchase',
  url: 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=00000000-0000-4000-8000-000000000000&msppid=1234567',
  summaryId: 'SAMPLE-1234',
  subscriptions: [
    { name: 'Microsoft 365 Business Standard', licenses: 25 },
    { name: 'Exchange Online (Plan 1)', licenses: 5 },
  ],
  usageLocation: 'France',
  partnerOffice: 'Paris',
  delegatedAdmin: true,
  customer: { name: 'Camille Martin', company: 'Contoso' },
};

const SAMPLE_TRIAL: RenderOffer = {
  ...SAMPLE_PURCHASE,
  kind: 'trial',
  url: SAMPLE_PURCHASE.url.replace('type=Purchase', 'type=Trial'),
  subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 25 }],
};

/** The sample for a kind; the same object every time, so a memoized preview is reused. */
export const sampleFor = (kind: Offer['kind']): RenderOffer => (kind === 'trial' ? SAMPLE_TRIAL : SAMPLE_PURCHASE);
