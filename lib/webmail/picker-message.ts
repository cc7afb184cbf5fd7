import { isEmailAddress } from '../email-address';
import type { WebmailMessage } from '../messaging/protocol';
import type { FieldError } from '../message/parse';
import { pickTemplate } from '../message/pick';
import type { MessageTemplate } from '../message/template';
import { greetedCustomer } from '../offers/customers';
import type { Offer } from '../offers/schema';
import { rememberedChoice, type TemplateChoice } from '../settings/choices';
import type { Settings } from '../settings/settings';
import { messageLanguage, renderOfferWith } from '../message/offer-message';

export type PickerMessage =
  | { ok: true; message: WebmailMessage }
  | { ok: false; reason: 'no-template' }
  | { ok: false; reason: 'template-errors'; template: MessageTemplate; errors: FieldError[] };

const fitsKind = (template: MessageTemplate, kind: Offer['kind']) => template.kind === kind || template.kind === 'any';

/** The templates that can carry an offer of this kind. */
export const templatesForKind = (templates: readonly MessageTemplate[], kind: Offer['kind']): MessageTemplate[] =>
  templates.filter((template) => fitsKind(template, kind));

/** The languages those templates are written in, each once, in the advisor's order. */
export const templateLanguages = (templates: readonly MessageTemplate[], kind: Offer['kind']): string[] => [
  ...new Set(templatesForKind(templates, kind).map((template) => template.language)),
];

/** The plain address the message goes to when the compose window has no recipient yet: the offer's greeted customer. */
export function offerCustomerAddress(offer: Offer): string | undefined {
  const email = greetedCustomer(offer)?.email?.trim() ?? '';
  return isEmailAddress(email) ? email : undefined;
}

/** Whom the message is for: the compose window's recipients, else the offer's customer. */
export function messageAddresses(recipients: readonly string[], offer: Offer): string[] {
  if (recipients.length > 0) return [...recipients];
  const customer = offerCustomerAddress(offer);
  return customer ? [customer] : [];
}

/** The choice that holds for a message: the one made in this picker, else the last one for its customer. */
export const effectiveChoice = (madeNow: TemplateChoice | null, settings: Pick<Settings, 'choices'>, addresses: readonly string[]): TemplateChoice | undefined =>
  madeNow ?? rememberedChoice(settings.choices, addresses);

/**
 * The template for an offer: the chosen one when it fits the offer's kind, else the default for
 * the chosen language (a purchase template chosen in French means the French trial template for
 * a trial), and without a choice the default for the message language.
 */
export function chosenTemplate(settings: Pick<Settings, 'templates' | 'preferences'>, kind: Offer['kind'], choice: TemplateChoice | undefined, uiLanguage: string): MessageTemplate | undefined {
  const chosen = choice && settings.templates.find((template) => template.id === choice.templateId && fitsKind(template, kind));
  return chosen ?? pickTemplate(settings.templates, choice?.language ?? messageLanguage(settings, uiLanguage), kind);
}

/** The choice picking a language makes: that language's default template for the kind. */
export function chooseLanguage(templates: readonly MessageTemplate[], kind: Offer['kind'], language: string): TemplateChoice | null {
  const template = pickTemplate(
    templates.filter((candidate) => candidate.language === language),
    language,
    kind,
  );
  return template ? { templateId: template.id, language } : null;
}

/**
 * The message the picker hands to the compose window for one offer, rendered from the template
 * with the advisor's profile. A template with errors is reported, never inserted.
 */
export function pickerMessage(offer: Offer, profile: Settings['profile'], template: MessageTemplate | undefined): PickerMessage {
  if (!template) return { ok: false, reason: 'no-template' };
  const rendered = renderOfferWith(offer, template, profile);
  if (!rendered.ok) return { ok: false, reason: 'template-errors', template, errors: rendered.errors };
  // Only a plain address goes into the To field; anything else would be typed in verbatim.
  const to = offerCustomerAddress(offer);
  return {
    ok: true,
    message: { html: rendered.html, text: rendered.text, subject: rendered.subject, link: offer.url, ...(to ? { to } : {}) },
  };
}

/** The next selected row for a key press; -1 for an empty list. Arrows wrap around. */
export function moveSelection(index: number, key: string, count: number): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return Math.min(Math.max(index, 0), count - 1);
  }
}
