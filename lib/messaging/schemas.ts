import { z } from 'zod/mini';
import { PICKER_TOKEN } from './picker-token';
import { OfferDraft, Offer, OfferKind, OfferStatus, Send, SendProvider, Customer, boundedText, LIMITS } from '../offers/schema';

/** The zod side of the protocol: the background checks every request against these on arrival. */

const id = boundedText(64).check(z.minLength(1));

/** A rendered customer message on its way from the offer picker to a compose window. */
export const WebmailMessage = z.object({
  // The HTML may carry the advisor's logo as a data: URL (up to 256 KB of image).
  html: z.string().check(z.maxLength(1_000_000)),
  text: z.string().check(z.minLength(1), z.maxLength(200_000)),
  subject: z.string().check(z.maxLength(500)),
  to: z.optional(z.string().check(z.maxLength(254))),
});
export type WebmailMessage = z.infer<typeof WebmailMessage>;
/** A random UUID: a picker's token, or the one the background gives with an undoable capture. */
const randomToken = z.string().check(z.regex(PICKER_TOKEN));
const sendFields = { provider: SendProvider, to: z.optional(boundedText(1000)), subject: z.optional(boundedText(500)) };

export const PageFilter = z.object({
  status: z.optional(OfferStatus),
  kind: z.optional(OfferKind),
  usageLocation: z.optional(boundedText()),
  /** createdAt range: `from` inclusive, `to` exclusive. */
  from: z.optional(z.iso.datetime({ offset: true })),
  to: z.optional(z.iso.datetime({ offset: true })),
});
export type PageFilter = z.infer<typeof PageFilter>;

/** Every request the background answers. Each is checked with zod on arrival. */
export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('offers.upsert'), draft: OfferDraft }),
  z.object({ type: z.literal('offers.get'), id }),
  z.object({
    type: z.literal('offers.page'),
    cursor: z.optional(z.string().check(z.maxLength(200))),
    limit: z.optional(z.int().check(z.minimum(1), z.maximum(500))),
    filter: z.optional(PageFilter),
  }),
  z.object({
    type: z.literal('offers.search'),
    query: z.string().check(z.maxLength(500)),
    limit: z.optional(z.int().check(z.minimum(1), z.maximum(500))),
    filter: z.optional(PageFilter),
  }),
  z.object({ type: z.literal('offers.usageLocations') }),
  z.object({ type: z.literal('offers.deleteAll') }),
  z.object({ type: z.literal('offers.setStatus'), id, status: OfferStatus }),
  z.object({
    type: z.literal('offers.recordSend'),
    id,
    // `at`, when the caller gives it, is the moment of the insertion: a retried request carrying
    // the same moment records nothing new.
    send: z.object({ ...sendFields, at: z.optional(Send.shape.at) }),
  }),
  z.object({
    type: z.literal('offers.update'),
    id,
    // Only the fields changed; a blank customer field clears it.
    patch: z.object({
      customer: z.optional(Customer),
      notes: z.optional(boundedText(LIMITS.notes)),
      followUpOf: z.optional(z.nullable(id)),
    }),
    // What the sender last saw in those fields (blank for none): a field changed since is refused as stale.
    expected: z.optional(z.object({ customer: z.optional(Customer), notes: z.optional(boundedText(LIMITS.notes)) })),
  }),
  z.object({ type: z.literal('offers.delete'), id }),
  z.object({ type: z.literal('offers.restore'), offer: Offer }),
  z.object({ type: z.literal('offers.count') }),
  z.object({ type: z.literal('backup.export') }),
  z.object({ type: z.literal('backup.exportCsv') }),
  z.object({ type: z.literal('backup.import'), backup: z.unknown() }),
  z.object({ type: z.literal('capture.runInActiveTab') }),
  z.object({ type: z.literal('capture.save'), draft: OfferDraft }),
  z.object({ type: z.literal('capture.undo'), token: randomToken }),
  z.object({ type: z.literal('ui.openOffer'), id }),
  z.object({ type: z.literal('webmail.openPickerInActiveTab') }),
  z.object({ type: z.literal('webmail.deliver'), token: randomToken, offerId: id, message: WebmailMessage }),
  z.object({ type: z.literal('webmail.closePicker'), token: randomToken }),
  z.object({ type: z.literal('webmail.recordSend'), token: randomToken, send: z.object({ ...sendFields, at: Send.shape.at }) }),
]);
export type Request = z.infer<typeof Request>;
