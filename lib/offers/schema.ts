import { z } from 'zod/mini';
import { LIMITS } from './limits';
import { RESULT_PAGE_FIELDS } from './result-page-fields';
import { OFFER_STATUSES } from './statuses';

export const OFFER_KINDS = ['purchase', 'trial'] as const;
export const OFFER_SOURCES = ['auto', 'clipboard', 'manual', 'import'] as const;

export const SEND_PROVIDERS = ['gmail', 'outlook', 'other'] as const;

export { LIMITS, OFFER_STATUSES };

/** Trimmed text with a length cap; page text is untrusted, so every string is bounded. */
export const boundedText = (max: number = LIMITS.shortText) => z.string().check(z.trim(), z.maxLength(max));
const optionalText = (max?: number) => z.optional(boundedText(max));
const timestamp = z.iso.datetime({ offset: true });

export const OfferKind = z.enum(OFFER_KINDS);
export const OfferStatus = z.enum(OFFER_STATUSES);
export const OfferSource = z.enum(OFFER_SOURCES);
export const SendProvider = z.enum(SEND_PROVIDERS);

export const Subscription = z.object({
  name: boundedText().check(z.minLength(1)),
  licenses: z.nullable(z.int().check(z.minimum(0), z.maximum(LIMITS.licenses))),
});

export const Customer = z.object({
  name: optionalText(),
  email: optionalText(),
  company: optionalText(),
});

export const StatusChange = z.object({ status: OfferStatus, at: timestamp });

export const Send = z.object({
  at: timestamp,
  provider: SendProvider,
  to: optionalText(1000),
  subject: optionalText(500),
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
  customer: Customer,
  status: OfferStatus,
  statusHistory: z.array(StatusChange).check(z.maxLength(LIMITS.history)),
  sends: z.array(Send).check(z.maxLength(LIMITS.history)),
  notes: boundedText(LIMITS.notes),
  followUpOf: optionalText(64),
  source: OfferSource,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Offer = z.infer<typeof Offer>;
export type OfferKind = z.infer<typeof OfferKind>;
export type OfferStatus = z.infer<typeof OfferStatus>;
export type OfferSource = z.infer<typeof OfferSource>;
export type Subscription = z.infer<typeof Subscription>;
export type Customer = z.infer<typeof Customer>;
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
  customer: z.optional(Customer),
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
