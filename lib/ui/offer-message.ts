import type { Offer } from '../offers/schema';
import { pickTemplate } from '../message/pick';
import { renderTemplate, type RenderOffer, type RenderResult } from '../message/render';
import type { MessageTemplate } from '../message/template';
import type { Settings } from '../settings/settings';

export type OfferMessage = { template: MessageTemplate; result: RenderResult } | { template: null };

/** The language of customer messages: the advisor's preference, else the browser's UI language. */
export function messageLanguage(settings: Pick<Settings, 'preferences'>, uiLanguage: string): string {
  return settings.preferences.messageLanguage || uiLanguage;
}

/** Renders the default template for the offer's kind and the message language. */
export function renderOfferMessage(offer: RenderOffer, settings: Settings, uiLanguage: string): OfferMessage {
  const language = messageLanguage(settings, uiLanguage);
  const template = pickTemplate(settings.templates, language, offer.kind);
  if (!template) return { template: null };
  return { template, result: renderTemplate(template, { offer, advisor: settings.profile, locale: template.language }) };
}

/** A believable offer for the template preview when the advisor has none yet. */
export const SAMPLE_OFFER: RenderOffer = {
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

export const sampleFor = (kind: Offer['kind']): RenderOffer => ({
  ...SAMPLE_OFFER,
  kind,
  url: SAMPLE_OFFER.url.replace('type=Purchase', kind === 'trial' ? 'type=Trial' : 'type=Purchase'),
  subscriptions: kind === 'trial' ? [{ name: 'Microsoft 365 Business Premium', licenses: 25 }] : SAMPLE_OFFER.subscriptions,
});
