import type { SettingsImportReport } from '../backup/backup';
import type { AdvisorProfile } from '../message/profile';
import type { MessageTemplate } from '../message/template';
import type { Preferences, Settings } from '../settings/settings';
import type { Offer, OfferCustomer } from '../offers/schema';
import type { PipelineOverview, ProgressFacts } from '../offers/stats';
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
  'forbidden',
  'stale',
  'unanswered',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What exactly was refused, for the advisor's message in the UI language: the error's own message
 * stays English, for logs, since the background's errors are built where no locale is at hand.
 */
export const ERROR_PROBLEMS = [
  'not-an-offer-url',
  'customer-without-identity',
  'too-many-customers',
  'duplicate-customer-email',
  'follow-up-of-purchase',
  'follow-up-by-trial',
  'replaces-itself',
  'invalid-field',
  'offers-unreachable',
  'not-json',
  'csv-file',
  'not-a-backup',
  'newer-version',
  'unsupported-version',
  'too-large',
  'settings-too-large',
] as const;
export type ErrorProblem = (typeof ERROR_PROBLEMS)[number];

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; problem?: ErrorProblem } };

/**
 * An error that names what went wrong with a code a caller can act on. Domain errors carry
 * their code the same way (a `code` property, and a `problem` when they have one), so the
 * background sends them on unchanged.
 */
export class MessagingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problem?: ErrorProblem,
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}

export const isErrorCode = (value: unknown): value is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(value);
export const isErrorProblem = (value: unknown): value is ErrorProblem => (ERROR_PROBLEMS as readonly unknown[]).includes(value);

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

/** The offers linked to one offer, each side of each link. */
export interface LinkedOffers {
  followUpOf: Offer | null;
  followedUpBy: Offer[];
  replaces: Offer | null;
  replacedBy: Offer | null;
}

/** A customer removed or merged: the offer after, and its customers as they stood just before, for Undo. */
export interface CustomersChanged {
  offer: Offer;
  previousCustomers: OfferCustomer[];
}

/** The offer the next new offer saved will follow up (a trial) or replace. */
export interface ArmedNext {
  offerId: string;
  link: 'follow-up' | 'replacement';
  /** For a replacement: whether the old offer's open customers become withdrawn. */
  withdraw: boolean;
  at: string;
}
/** Where the background keeps the armed link (extension storage), so pages can follow its changes. */
export const ARMED_NEXT_KEY = 'armedNext';

/** What each request answers with; the background is typed against this map. */
export interface ResponseMap {
  /** summaryIdConflict: the draft's summary ID, held by another offer; the offer was saved without it. */
  'offers.upsert': { offer: Offer; created: boolean; summaryIdConflict?: string };
  'offers.get': { offer: Offer | null };
  'offers.page': { offers: Offer[]; nextCursor: string | null };
  'offers.search': { offers: Offer[]; nextCursor: string | null };
  'offers.usageLocations': { locations: string[] };
  'offers.deleteAll': { deleted: number };
  /** `changed`: false when the customer stood at that status already. */
  'offers.setCustomerStatus': { offer: Offer; changed: boolean };
  'offers.recordCompose': { offer: Offer };
  'offers.addCustomer': { offer: Offer };
  'offers.updateCustomer': { offer: Offer };
  'offers.removeCustomer': CustomersChanged;
  'offers.mergeCustomers': CustomersChanged;
  'offers.update': { offer: Offer };
  'offers.replace': { replaced: Offer; by: Offer };
  'offers.linked': LinkedOffers;
  'offers.armNext': { armed: ArmedNext };
  'offers.disarmNext': { disarmed: boolean };
  'offers.armedNext': { armed: ArmedNext | null };
  'offers.delete': { offer: Offer | null };
  'offers.restore': { offer: Offer };
  'offers.restoreCustomers': { offer: Offer };
  /** changed: the offers that changed; withoutCustomers: offers with nobody to set; missing: ids no offer has (deleted meanwhile). */
  'offers.setStatusForAll': { changed: Offer[]; withoutCustomers: number; missing: number; at: string };
  'offers.undoStatusForAll': { changed: Offer[]; changedSince: number };
  /** The offers deleted (those still there), for Undo. */
  'offers.deleteMany': { offers: Offer[] };
  'offers.restoreMany': { offers: Offer[] };
  'offers.count': { count: number };
  'offers.progress': ProgressFacts;
  'offers.overview': { overview: PipelineOverview };
  'offers.imported': { noted: true };
  /**
   * text: the file's next piece; nextCursor: null once it was the last. offers: offers sent whole in
   * this piece; rows: their CSV rows (one per offer and customer; in JSON, one per offer); total:
   * offers stored now.
   */
  'backup.exportChunk': { text: string; nextCursor: string | null; offers: number; rows: number; total: number };
  /** settings: null when not chosen. */
  'backup.importStart': { settings: SettingsImportReport | null };
  /** Every part, a missing one as its default. */
  'settings.get': Settings;
  'settings.saveProfile': { profile: AdvisorProfile };
  'settings.saveTemplates': { templates: MessageTemplate[] };
  'settings.savePreferences': { preferences: Preferences };
  'settings.rememberChoice': { remembered: true };
  'capture.runInActiveTab': CaptureAnswer;
  /** A Partner Center capture; a new offer comes with the token that lets this tab undo it. */
  'capture.save': ResponseMap['offers.upsert'] & { undoToken?: string };
  'capture.undo': { deleted: boolean };
  'ui.openOffer': { opened: true };
  'webmail.openPickerInActiveTab': { opened: boolean; reason?: 'no-webmail-tab' | 'no-compose' };
  /**
   * 'copied': no strategy kept the text, the advisor was told to paste it. 'hidden': the picker's
   * frame was hidden, faded or covered by the page, so the key or click was not the advisor's.
   */
  'webmail.deliver': { outcome: 'inserted' | 'copied' | 'failed' | 'hidden' };
  'webmail.closePicker': { closed: boolean };
  'webmail.recordCompose': { recorded: true };
}

/**
 * Who sent a message, as the browser reports it (not the sender): the background decides from it
 * what the sender may ask (./senders), and routes webmail requests to the sender's tab.
 */
export interface MessageSender {
  id?: string;
  url?: string;
  /** The sending document's origin; for an about:blank frame, the origin it inherited. */
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type Handlers = { [T in RequestType]: (request: RequestOf<T>, sender?: MessageSender) => Promise<ResponseMap[T]> };
