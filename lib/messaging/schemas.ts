import { z } from 'zod/mini';
import { PICKER_TOKEN } from './picker-token';
import { MAX_CHUNK_BYTES, MIN_CHUNK_BYTES } from './chunks';
import { AdvisorProfile } from '../message/profile';
import { ChoiceAddresses, Preferences, TemplateChoice, Templates } from '../settings/settings';
import { FOLLOW_UPS } from '../history-link';
import { SORT_DIRECTIONS, SORT_KEYS } from '../offers/sort';
import { CapturedDraft, OfferDraft, Offer, OfferKind, OfferStatus, Send, SendProvider, CustomerIdentity, CustomerStatus, StatusChange, boundedText, LIMITS } from '../offers/schema';

/** The zod side of the protocol: the background checks every request against these on arrival. */

const id = boundedText(64).check(z.minLength(1));

/** A rendered customer message on its way from the offer picker to a compose window. */
export const WebmailMessage = z.object({
  // The HTML may carry the advisor's logo as a data: URL (up to 256 KB of image).
  html: z.string().check(z.maxLength(1_000_000)),
  text: z.string().check(z.minLength(1), z.maxLength(200_000)),
  subject: z.string().check(z.maxLength(500)),
  to: z.optional(z.string().check(z.maxLength(254))),
  /** The offer link the message carries: a send counts only while the body still holds it. */
  link: z.string().check(z.maxLength(LIMITS.url)),
});
export type WebmailMessage = z.infer<typeof WebmailMessage>;
/** A random UUID: a picker's token, or the one the background gives with an undoable capture. */
const randomToken = z.string().check(z.regex(PICKER_TOKEN));
/** What a compose window showed at a draft or a send: recipients as address, name or both. */
export const ComposeEvent = z.object({
  kind: z.enum(['draft', 'send']),
  // Stamped once by the content script: a retried record carrying the same moment records nothing new.
  at: Send.shape.at,
  provider: SendProvider,
  subject: z.optional(boundedText(500)),
  recipients: z
    .array(z.object({ email: z.optional(boundedText(254)), name: z.optional(boundedText()) }))
    .check(z.maxLength(50)),
});

export const PageFilter = z.object({
  /** Some customer stands at this status. */
  status: z.optional(OfferStatus),
  /** The offer's own status (derived from its customers') is this. */
  offerStatus: z.optional(OfferStatus),
  followUp: z.optional(z.enum(FOLLOW_UPS)),
  kind: z.optional(OfferKind),
  usageLocation: z.optional(boundedText()),
  /** createdAt range: `from` inclusive, `to` exclusive. */
  from: z.optional(z.iso.datetime({ offset: true })),
  to: z.optional(z.iso.datetime({ offset: true })),
});
export type PageFilter = z.infer<typeof PageFilter>;

/** The offers a bulk action on the history page's selection names: at most one shown list's worth. */
export const MAX_BULK_OFFERS = 500;
const bulkIds = z.array(id).check(z.minLength(1), z.maxLength(MAX_BULK_OFFERS));

/** Every request the background answers. Each is checked with zod on arrival. */
export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('offers.upsert'), draft: OfferDraft }),
  z.object({ type: z.literal('offers.get'), id }),
  z.object({
    type: z.literal('offers.page'),
    cursor: z.optional(z.string().check(z.maxLength(200))),
    limit: z.optional(z.int().check(z.minimum(1), z.maximum(500))),
    filter: z.optional(PageFilter),
    /** An order the store serves from an index (lib/offers/sort); none: newest first, or longest wait first in a follow-up list. */
    sort: z.optional(z.object({ key: z.enum(SORT_KEYS), direction: z.enum(SORT_DIRECTIONS) })),
  }),
  z.object({
    type: z.literal('offers.search'),
    query: z.string().check(z.maxLength(500)),
    cursor: z.optional(z.string().check(z.maxLength(200))),
    limit: z.optional(z.int().check(z.minimum(1), z.maximum(500))),
    filter: z.optional(PageFilter),
  }),
  z.object({ type: z.literal('offers.usageLocations') }),
  z.object({ type: z.literal('offers.deleteAll') }),
  z.object({ type: z.literal('offers.setCustomerStatus'), id, customerId: id, status: CustomerStatus }),
  z.object({ type: z.literal('offers.recordCompose'), id, event: ComposeEvent }),
  z.object({ type: z.literal('offers.addCustomer'), id, customer: CustomerIdentity }),
  z.object({
    type: z.literal('offers.updateCustomer'),
    id,
    customerId: id,
    // Only the fields changed; a blank one clears it.
    patch: CustomerIdentity,
    // What the sender last saw in those fields (blank for none): a field changed since is refused as stale.
    expected: z.optional(CustomerIdentity),
  }),
  z.object({ type: z.literal('offers.removeCustomer'), id, customerId: id }),
  /** Two records of one person: `mergeId`'s history and sends join `keepId`'s, and `mergeId` goes. */
  z.object({ type: z.literal('offers.mergeCustomers'), id, keepId: id, mergeId: id }),
  z.object({
    type: z.literal('offers.update'),
    id,
    patch: z.object({
      notes: z.optional(boundedText(LIMITS.notes)),
      /** The trial this purchase offer follows up; null unlinks. */
      followUpOf: z.optional(z.nullable(id)),
    }),
    expected: z.optional(z.object({ notes: z.optional(boundedText(LIMITS.notes)) })),
  }),
  /**
   * `by` replaces `id` (a new license count): the customers carry over to `by` as pending, and
   * `id`'s open customers become withdrawn unless `withdraw` is false.
   */
  z.object({ type: z.literal('offers.replace'), id, by: id, withdraw: z.boolean() }),
  /** The offers linked to this one: the trial it follows up, the purchase offers that follow it up, what it replaces and what replaced it. */
  z.object({ type: z.literal('offers.linked'), id }),
  /** Arms the next new offer saved (a capture, a paste, a manual entry) to follow up this trial or to replace this offer. */
  z.object({ type: z.literal('offers.armNext'), id, link: z.enum(['follow-up', 'replacement']), withdraw: z.optional(z.boolean()) }),
  z.object({ type: z.literal('offers.disarmNext') }),
  z.object({ type: z.literal('offers.armedNext') }),
  z.object({ type: z.literal('offers.delete'), id }),
  z.object({ type: z.literal('offers.restore'), offer: Offer }),
  /** Undo of a customer removed or merged: `customers` as they were, while they are still `expected`. */
  z.object({ type: z.literal('offers.restoreCustomers'), id, customers: Offer.shape.customers, expected: Offer.shape.customers }),
  /** Bulk actions on a selection, each in one transaction: every customer of each offer set to a status; deletion, and its Undo. */
  z.object({ type: z.literal('offers.setStatusForAll'), ids: bulkIds, status: CustomerStatus }),
  /** Its Undo: `at` is the time the change answered; only the moves it made are undone. */
  z.object({ type: z.literal('offers.undoStatusForAll'), ids: bulkIds, status: CustomerStatus, at: StatusChange.shape.at }),
  z.object({ type: z.literal('offers.deleteMany'), ids: bulkIds }),
  z.object({ type: z.literal('offers.restoreMany'), offers: z.array(Offer).check(z.minLength(1), z.maxLength(MAX_BULK_OFFERS)) }),
  z.object({ type: z.literal('offers.count') }),
  /** Whether any offer was saved and any sent: the welcome page's checklist. */
  z.object({ type: z.literal('offers.progress') }),
  /** The pipeline overview's figures (history page). */
  z.object({ type: z.literal('offers.overview') }),
  /** A page wrote an import's offers (or some, then stopped): their reminders follow. */
  z.object({ type: z.literal('offers.imported') }),
  /**
   * The next piece of an export file; `cursor` is the previous answer's `nextCursor`, none for the
   * first. `maxBytes` bounds the piece's text as it travels back.
   */
  z.object({
    type: z.literal('backup.exportChunk'),
    format: z.enum(['json', 'csv']),
    cursor: z.optional(z.string().check(z.maxLength(2_000))),
    maxBytes: z.optional(z.int().check(z.minimum(MIN_CHUNK_BYTES), z.maximum(MAX_CHUNK_BYTES))),
  }),
  /**
   * Starts an import whose file the page read and found a backup: restores the settings part when
   * `include` (what the advisor chose) asks for it. The page then writes the offers itself.
   */
  z.object({ type: z.literal('backup.importStart'), include: z.enum(['offers', 'settings', 'both']), settings: z.optional(z.unknown()) }),
  z.object({ type: z.literal('settings.get') }),
  z.object({ type: z.literal('settings.saveProfile'), profile: AdvisorProfile }),
  z.object({ type: z.literal('settings.saveTemplates'), templates: Templates }),
  z.object({ type: z.literal('settings.savePreferences'), preferences: Preferences }),
  /** The template and language the picker used for these recipients, preselected for them next time. */
  z.object({ type: z.literal('settings.rememberChoice'), emails: ChoiceAddresses, choice: TemplateChoice }),
  z.object({ type: z.literal('capture.runInActiveTab') }),
  z.object({ type: z.literal('capture.save'), draft: CapturedDraft }),
  z.object({ type: z.literal('capture.undo'), token: randomToken }),
  z.object({ type: z.literal('ui.openOffer'), id }),
  z.object({ type: z.literal('webmail.openPickerInActiveTab') }),
  z.object({ type: z.literal('webmail.deliver'), token: randomToken, offerId: id, message: WebmailMessage }),
  z.object({ type: z.literal('webmail.closePicker'), token: randomToken }),
  z.object({ type: z.literal('webmail.recordCompose'), token: randomToken, event: ComposeEvent }),
]);
export type Request = z.infer<typeof Request>;
