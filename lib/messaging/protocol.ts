import type { BackupFile, ImportReport } from '../offers/backup';
import type { Offer } from '../offers/schema';
import type { PageFilter, Request, WebmailMessage } from './schemas';

/**
 * The protocol between the extension's contexts, free of zod so that content scripts and pages
 * stay small: request and answer types, error codes and the answer envelope. The background
 * checks requests with ./schemas; senders use ./client.
 */

export type { PageFilter, Request, WebmailMessage };
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export const ERROR_CODES = [
  'invalid-message',
  'not-found',
  'invalid-offer',
  'backup-refused',
  'quota',
  'blocked',
  'storage',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

/**
 * An error that names what went wrong with a code a caller can act on. Domain errors carry
 * their code the same way (a `code` property), so the background sends it on unchanged.
 */
export class MessagingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}

export const isErrorCode = (value: unknown): value is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(value);

/** What "Capture from this page" found: the saved offer, or why there is none. */
export type CaptureAnswer =
  | { found: true; offer: Offer; created: boolean }
  | { found: false; reason: CaptureFailure; detail?: string };
/**
 * Why a capture produced no draft: no offer link where one was looked for, the page could not
 * be read (an exception while walking it; the detail is its message), or the draft failed
 * validation (the detail names the field).
 */
export const CAPTURE_REASONS = ['no-offer-url', 'invalid-draft', 'extraction-failed'] as const;
export type CaptureReason = (typeof CAPTURE_REASONS)[number];
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
  /**
   * 'copied': no strategy kept the text, the advisor was told to paste it. 'hidden': the picker's
   * frame was hidden, faded or covered by the page, so the key or click was not the advisor's.
   */
  'webmail.deliver': { outcome: 'inserted' | 'copied' | 'failed' | 'hidden' };
  'webmail.closePicker': { closed: boolean };
}

/** Who sent a message, as the browser reports it; webmail requests are routed to the sender's tab. */
export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type Handlers = { [T in RequestType]: (request: RequestOf<T>, sender?: MessageSender) => Promise<ResponseMap[T]> };
