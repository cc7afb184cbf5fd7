import { z } from 'zod/mini';
import { LIMITS } from './limits';
import { RESULT_PAGE_FIELDS } from './result-page-fields';
import { CUSTOMER_STATUSES, OFFER_STATUSES } from './statuses';

export const OFFER_KINDS = ['purchase', 'trial'] as const;
export const OFFER_SOURCES = ['auto', 'clipboard', 'manual', 'import'] as const;
/** The sources of an offer read on Partner Center: from its page, or from a link the advisor copied there. */
export const CAPTURE_SOURCES = ['auto', 'clipboard'] as const satisfies readonly (typeof OFFER_SOURCES)[number][];

export const SEND_PROVIDERS = ['gmail', 'outlook', 'other'] as const;

export { LIMITS, OFFER_STATUSES, CUSTOMER_STATUSES };

/** Trimmed text with a length cap; page text is untrusted, so every string is bounded. */
export const boundedText = (max: number = LIMITS.shortText) => z.string().check(z.trim(), z.maxLength(max));
const optionalText = (max?: number) => z.optional(boundedText(max));
const timestamp = z.iso.datetime({ offset: true });

export const OfferKind = z.enum(OFFER_KINDS);
export const OfferStatus = z.enum(OFFER_STATUSES);
export const CustomerStatus = z.enum(CUSTOMER_STATUSES);
export const OfferSource = z.enum(OFFER_SOURCES);
export const SendProvider = z.enum(SEND_PROVIDERS);

export const Subscription = z.object({
  name: boundedText().check(z.minLength(1)),
  licenses: z.nullable(z.int().check(z.minimum(0), z.maximum(LIMITS.licenses))),
});

/** Who a customer is, as typed or read from a compose window: any of the three, or none yet. */
export const CustomerIdentity = z.object({
  name: optionalText(),
  email: optionalText(),
  company: optionalText(),
});

export const StatusChange = z.object({ status: CustomerStatus, at: timestamp });

/** One real send of the offer's message to a customer (the webmail's Send, or marked by hand). */
export const Send = z.object({
  at: timestamp,
  provider: SendProvider,
  subject: optionalText(500),
});

/**
 * A customer the offer reached or is meant for. Known by email (case-insensitive) once there is
 * one; a name alone is kept as it is until an address is known, never completed by a guess.
 */
export const OfferCustomer = z.object({
  id: boundedText(64).check(z.minLength(1)),
  ...CustomerIdentity.shape,
  status: CustomerStatus,
  history: z.array(StatusChange).check(z.maxLength(LIMITS.history)),
  sends: z.array(Send).check(z.maxLength(LIMITS.history)),
});

export const Offer = z.object({
  id: boundedText(64).check(z.minLength(1)),
  kind: OfferKind,
  url: boundedText(LIMITS.url).check(z.minLength(1)),
  quoteId: boundedText(64).check(z.minLength(1)),
  partnerId: boundedText(64).check(z.minLength(1)),
  summaryId: optionalText(),
  partnerOffice: optionalText(),
  usageLocation: optionalText(),
  subscriptions: z.array(Subscription).check(z.maxLength(LIMITS.subscriptions)),
  delegatedAdmin: z.nullable(z.boolean()),
  customers: z.array(OfferCustomer).check(z.maxLength(LIMITS.customers)),
  notes: boundedText(LIMITS.notes),
  /** The trial this purchase offer follows up. */
  followUpOf: optionalText(64),
  /** The offer this one replaces (a new license count), and the one that replaced it. */
  replaces: optionalText(64),
  replacedBy: optionalText(64),
  source: OfferSource,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Offer = z.infer<typeof Offer>;
export type OfferKind = z.infer<typeof OfferKind>;
export type OfferStatus = z.infer<typeof OfferStatus>;
export type OfferSource = z.infer<typeof OfferSource>;
export type Subscription = z.infer<typeof Subscription>;
export type CustomerIdentity = z.infer<typeof CustomerIdentity>;
export type OfferCustomer = z.infer<typeof OfferCustomer>;
export type CustomerStatus = z.infer<typeof CustomerStatus>;
export type StatusChange = z.infer<typeof StatusChange>;
export type Send = z.infer<typeof Send>;

/**
 * What a capture, a manual entry or a caller knows about an offer. Only the URL is required:
 * kind, quote id and partner id are always parsed from it, never trusted from the caller.
 */
export const OfferDraft = z.object({
  url: boundedText(LIMITS.url).check(z.minLength(1)),
  summaryId: optionalText(),
  partnerOffice: optionalText(),
  usageLocation: optionalText(),
  subscriptions: z.optional(z.array(Subscription).check(z.maxLength(LIMITS.subscriptions))),
  delegatedAdmin: z.optional(z.nullable(z.boolean())),
  /** The customer it is meant for, when the advisor typed one (kept as a `pending` customer). */
  customer: z.optional(CustomerIdentity),
  notes: optionalText(LIMITS.notes),
  followUpOf: optionalText(64),
  source: OfferSource,
  /**
   * The fields read from the result page itself: what Microsoft created, so they replace what an
   * earlier capture (the options step) saved for the same offer.
   */
  shownOnResultPage: z.optional(z.array(z.enum(RESULT_PAGE_FIELDS)).check(z.maxLength(RESULT_PAGE_FIELDS.length))),
});
export type OfferDraft = z.infer<typeof OfferDraft>;

/**
 * What a Partner Center capture reads from the page: the offer as Microsoft shows it. A customer,
 * notes or a follow-up link come from the advisor, on extension pages; a content script sending
 * them (a compromised page speaks with its voice) is refused.
 */
export const CapturedDraft = z.strictObject({
  url: OfferDraft.shape.url,
  summaryId: OfferDraft.shape.summaryId,
  partnerOffice: OfferDraft.shape.partnerOffice,
  usageLocation: OfferDraft.shape.usageLocation,
  subscriptions: OfferDraft.shape.subscriptions,
  delegatedAdmin: OfferDraft.shape.delegatedAdmin,
  shownOnResultPage: OfferDraft.shape.shownOnResultPage,
  source: z.enum(CAPTURE_SOURCES),
});
export type CapturedDraft = z.infer<typeof CapturedDraft>;
export type CaptureSource = CapturedDraft['source'];
