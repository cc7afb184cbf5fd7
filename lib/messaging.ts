import { z } from 'zod/mini';
import { OfferDraft, Offer, OfferKind, OfferStatus, Send, SendProvider, Customer, boundedText, LIMITS } from './offers/schema';
import type { ImportReport, BackupFile } from './offers/backup';
import type { CaptureReason } from './capture/extract';
import { MessagingError, type Envelope, type ErrorCode } from './messaging-client';

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
const pickerToken = z.string().check(z.regex(/^[0-9a-f-]{36}$/));

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
    send: z.object({
      provider: SendProvider,
      to: z.optional(boundedText(1000)),
      subject: z.optional(boundedText(500)),
      at: z.optional(Send.shape.at),
    }),
  }),
  z.object({
    type: z.literal('offers.update'),
    id,
    patch: z.object({
      customer: z.optional(Customer),
      notes: z.optional(boundedText(LIMITS.notes)),
      followUpOf: z.optional(z.nullable(id)),
    }),
  }),
  z.object({ type: z.literal('offers.delete'), id }),
  z.object({ type: z.literal('offers.restore'), offer: Offer }),
  z.object({ type: z.literal('offers.count') }),
  z.object({ type: z.literal('backup.export') }),
  z.object({ type: z.literal('backup.exportCsv') }),
  z.object({ type: z.literal('backup.import'), backup: z.unknown() }),
  z.object({ type: z.literal('capture.runInActiveTab') }),
  z.object({ type: z.literal('ui.openOffer'), id }),
  z.object({ type: z.literal('webmail.openPickerInActiveTab') }),
  z.object({ type: z.literal('webmail.deliver'), token: pickerToken, offerId: id, message: WebmailMessage }),
  z.object({ type: z.literal('webmail.closePicker'), token: pickerToken }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What "Capture from this page" found: the saved offer, or why there is none. */
export type CaptureAnswer =
  | { found: true; offer: Offer; created: boolean }
  | { found: false; reason: CaptureFailure; detail?: string };
export type CaptureFailure = CaptureReason | 'not-partner-center' | 'no-content-script' | 'save-failed';

/** What each request answers with; the background is typed against this map. */
export interface ResponseMap {
  'offers.upsert': { offer: Offer; created: boolean };
  'offers.get': { offer: Offer | null };
  'offers.page': { offers: Offer[]; nextCursor: string | null };
  'offers.search': { offers: Offer[] };
  'offers.usageLocations': { locations: string[] };
  'offers.deleteAll': { deleted: number };
  'offers.setStatus': { offer: Offer };
  'offers.recordSend': { offer: Offer };
  'offers.update': { offer: Offer };
  'offers.delete': { offer: Offer | null };
  'offers.restore': { offer: Offer };
  'offers.count': { count: number };
  'backup.export': { backup: BackupFile };
  'backup.exportCsv': { csv: string; count: number };
  'backup.import': ImportReport;
  'capture.runInActiveTab': CaptureAnswer;
  'ui.openOffer': { opened: true };
  'webmail.openPickerInActiveTab': { opened: boolean; reason?: 'no-webmail-tab' | 'no-compose' };
  /** 'copied': no strategy kept the text, the advisor was told to paste it. */
  'webmail.deliver': { outcome: 'inserted' | 'copied' | 'failed' };
  'webmail.closePicker': { closed: boolean };
}

/** Who sent a message, as the browser reports it; webmail requests are routed to the sender's tab. */
export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type Handlers = { [T in RequestType]: (request: RequestOf<T>, sender?: MessageSender) => Promise<ResponseMap[T]> };

const CODE_BY_ERROR_NAME: Record<string, ErrorCode> = {
  OfferNotFoundError: 'not-found',
  InvalidOfferError: 'invalid-offer',
  BackupRefusedError: 'backup-refused',
  DatabaseBlockedError: 'blocked',
  QuotaExceededError: 'quota',
  AbortError: 'storage',
  ConstraintError: 'storage',
  InvalidStateError: 'storage',
  TransactionInactiveError: 'storage',
  UnknownError: 'storage',
};

/** Maps a thrown error to the code a caller can act on (retry, show "disk full", ...). */
export function errorToEnvelope(error: unknown): Envelope<never> {
  if (error instanceof MessagingError) return { ok: false, error: { code: error.code, message: error.message } };
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  return { ok: false, error: { code: CODE_BY_ERROR_NAME[name] ?? 'internal', message } };
}

/**
 * Validates and dispatches one message. Messages from anywhere but this extension are ignored
 * (undefined), so a page or another extension never gets an answer.
 */
export async function handleMessage(
  message: unknown,
  sender: MessageSender,
  ownId: string,
  handlers: Handlers,
): Promise<Envelope<unknown> | undefined> {
  if (sender.id !== ownId) return undefined;
  const parsed = Request.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-message', message: `Malformed or unknown message: ${z.prettifyError(parsed.error).slice(0, 500)}` } };
  }
  const request = parsed.data;
  try {
    const handler = handlers[request.type] as (r: Request, s: MessageSender) => Promise<unknown>;
    return { ok: true, data: await handler(request, sender) };
  } catch (error) {
    return errorToEnvelope(error);
  }
}
