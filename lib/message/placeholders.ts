import type { MessageKey } from '../i18n';
import { parseOfferUrl } from '../offers/offer-url';
import type { CustomerIdentity, Offer } from '../offers/schema';
import { primaryLanguage } from './pick';
import type { AdvisorProfile } from './profile';
import { isGdapLink } from './safe-url';

/** What rendering reads from an offer; a stored Offer fits, and so does a sample for previews. */
export type RenderOffer = Pick<
  Offer,
  'kind' | 'url' | 'summaryId' | 'subscriptions' | 'usageLocation' | 'partnerOffice' | 'delegatedAdmin'
> & { customer?: CustomerIdentity };

export interface RenderContext {
  offer: RenderOffer;
  /** Overrides the offer's customer, e.g. with the recipient typed in the compose window. */
  customer?: CustomerIdentity;
  advisor: AdvisorProfile;
  /** BCP 47 tag for numbers and the offer kind's wording; usually the template's language. */
  locale: string;
}

/**
 * What a placeholder of each type resolves to. The renderer cleans text, drops empty values and
 * checks links and images, so a resolver only reads the context.
 */
interface Resolved {
  text: string;
  url: string;
  email: string;
  /** Finished lines, cleaned by the resolver: cleaning them again would undo locale number spacing. */
  list: string[];
  image: { src: string; alt: string };
  /** Only usable as an {{#if}} condition. */
  flag: boolean;
}
export type PlaceholderType = keyof Resolved;

export type Placeholder<T extends PlaceholderType = PlaceholderType> = T extends PlaceholderType
  ? {
      type: T;
      /** Describes the placeholder in the template editor. */
      label: MessageKey;
      /** Undefined when the context has no value for it. */
      resolve: (context: RenderContext) => Resolved[T] | undefined;
    }
  : never;

/** Values are one line of text: page text may hold newlines or runs of spaces. */
export function cleanText(text: string | undefined): string {
  // No-break spaces stay: French typography puts them before « : » and in « 1 500 ».
  return (text ?? '').replace(/[^\S\u00A0\u2007\u202F]+/g, ' ').trim();
}

function numberFormat(locale: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale);
  } catch {
    return new Intl.NumberFormat('en');
  }
}

const ENGLISH_KIND_WORDS: Record<Offer['kind'], string> = { purchase: 'purchase offer', trial: 'trial invitation' };
const KIND_WORDS: Record<string, Record<Offer['kind'], string>> = {
  en: ENGLISH_KIND_WORDS,
  fr: { purchase: 'offre d’achat', trial: 'invitation d’évaluation' },
};

const customerOf = (context: RenderContext): CustomerIdentity => context.customer ?? context.offer.customer ?? {};

/**
 * Every name a template may use, in the order the template editor lists them. Adding a
 * placeholder is one entry here plus its label in the locales: the parser, the renderer and the
 * editor all read this table.
 */
export const PLACEHOLDERS = {
  // An offer saved before the link rule was strict may hold any link: a customer never gets one that fails it.
  'offer.url': { type: 'url', label: 'template_placeholder_offer_url', resolve: ({ offer }) => (parseOfferUrl(offer.url) ? offer.url : undefined) },
  'offer.summaryId': { type: 'text', label: 'template_placeholder_offer_summaryId', resolve: ({ offer }) => offer.summaryId },
  'offer.subscriptions': {
    type: 'list',
    label: 'template_placeholder_offer_subscriptions',
    resolve: ({ offer, locale }) => {
      const format = numberFormat(locale);
      return offer.subscriptions.map(({ name, licenses }) => {
        const clean = cleanText(name);
        return clean && licenses !== null ? `${clean} × ${format.format(licenses)}` : clean;
      });
    },
  },
  'offer.usageLocation': { type: 'text', label: 'template_placeholder_offer_usageLocation', resolve: ({ offer }) => offer.usageLocation },
  'offer.partnerOffice': { type: 'text', label: 'template_placeholder_offer_partnerOffice', resolve: ({ offer }) => offer.partnerOffice },
  'offer.kind': {
    type: 'text',
    label: 'template_placeholder_offer_kind',
    resolve: ({ offer, locale }) => (KIND_WORDS[primaryLanguage(locale)] ?? ENGLISH_KIND_WORDS)[offer.kind],
  },
  'offer.delegatedAdmin': { type: 'flag', label: 'template_placeholder_offer_delegatedAdmin', resolve: ({ offer }) => offer.delegatedAdmin === true },
  'offer.isTrial': { type: 'flag', label: 'template_placeholder_offer_isTrial', resolve: ({ offer }) => offer.kind === 'trial' },
  'offer.isPurchase': { type: 'flag', label: 'template_placeholder_offer_isPurchase', resolve: ({ offer }) => offer.kind === 'purchase' },
  'customer.name': { type: 'text', label: 'template_placeholder_customer_name', resolve: (context) => customerOf(context).name },
  'customer.company': { type: 'text', label: 'template_placeholder_customer_company', resolve: (context) => customerOf(context).company },
  'advisor.name': { type: 'text', label: 'template_placeholder_advisor_name', resolve: ({ advisor }) => advisor.name },
  'advisor.company': { type: 'text', label: 'template_placeholder_advisor_company', resolve: ({ advisor }) => advisor.company },
  'advisor.email': { type: 'email', label: 'template_placeholder_advisor_email', resolve: ({ advisor }) => advisor.email },
  'advisor.phone': { type: 'text', label: 'template_placeholder_advisor_phone', resolve: ({ advisor }) => advisor.phone },
  'advisor.website': { type: 'url', label: 'template_placeholder_advisor_website', resolve: ({ advisor }) => advisor.website },
  'advisor.gdapLink': {
    type: 'url',
    label: 'template_placeholder_advisor_gdapLink',
    // The customer must only ever be sent to the Microsoft 365 admin center to grant access.
    resolve: ({ advisor }) => (isGdapLink(cleanText(advisor.gdapLink)) ? advisor.gdapLink : undefined),
  },
  'advisor.contactBlock': { type: 'flag', label: 'template_placeholder_advisor_contactBlock', resolve: ({ advisor }) => advisor.contactBlock === true },
  'advisor.logo': {
    type: 'image',
    label: 'template_placeholder_advisor_logo',
    resolve: ({ advisor }) => (advisor.logo ? { src: advisor.logo.trim(), alt: advisor.company || advisor.name || '' } : undefined),
  },
} as const satisfies Record<string, Placeholder>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

export function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}
