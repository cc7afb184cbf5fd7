import { z } from 'zod/mini';
import { checkOfferUrl } from './offer-url';
import { stripUndefined } from './merge';
import { offerFromV1, type V1Offer } from './from-v1';
import { Offer } from './schema';
import type { RejectedRecord } from './import-report';

export const BACKUP_FORMAT = 'offer-courier-backup';
/** 2: customers per offer. Version 1 files still import, each record mapped as the v1 database is. */
export const BACKUP_VERSION = 2;
const OLDEST_READABLE_VERSION = 1;
/** Keeps a hostile or mistaken file from exhausting memory in the background worker. */
export const MAX_BACKUP_OFFERS = 200_000;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  offers: Offer[];
}

export type BackupProblem = 'not-json' | 'not-a-backup' | 'newer-version' | 'unsupported-version' | 'too-large';

/** A backup that cannot be imported at all; nothing of it is written. */
export class BackupRefusedError extends Error {
  override name = 'BackupRefusedError';
  readonly code = 'backup-refused';
  constructor(
    readonly problem: BackupProblem,
    message: string,
  ) {
    super(message);
  }
}

export function createBackup(offers: readonly Offer[], exportedAt: string): BackupFile {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, offers: offers.map(stripUndefined) };
}

/**
 * The JSON file as an export writes it, piece by piece: this head once (with the settings part),
 * then each offer on a line of its own, then BACKUP_TAIL. Parsed, it is a BackupFile with `settings`.
 */
export function backupHead(exportedAt: string, settings: unknown): string {
  const field = (name: string, value: unknown) => `\n  ${JSON.stringify(name)}: ${JSON.stringify(value)},`;
  return `{${field('format', BACKUP_FORMAT)}${field('version', BACKUP_VERSION)}${field('exportedAt', exportedAt)}${field('settings', settings)}\n  "offers": [`;
}

/** One offer of the file; every one after the first follows a comma. */
export const backupRecord = (offer: Offer, first: boolean): string => `${first ? '' : ','}\n    ${JSON.stringify(stripUndefined(offer))}`;

export const BACKUP_TAIL = '\n  ]\n}\n';

const Envelope = z.looseObject({
  format: z.string(),
  version: z.number(),
  offers: z.array(z.unknown()),
});

/** A backup's value from its text (a byte-order mark allowed), or the value itself when already parsed. */
export function parseBackupText(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input.replace(/^\uFEFF/, ''));
  } catch {
    throw new BackupRefusedError('not-json', 'The file is not valid JSON.');
  }
}

/** Reads a backup's text or parsed value (its records in today's shape); refuses the whole file when it is not a backup we can read. */
export function readBackupEnvelope(input: unknown): unknown[] {
  const value = parseBackupText(input);
  const envelope = Envelope.safeParse(value);
  if (!envelope.success || envelope.data.format !== BACKUP_FORMAT) {
    throw new BackupRefusedError('not-a-backup', 'The file is not an Offer Courier backup.');
  }
  if (envelope.data.version > BACKUP_VERSION) {
    throw new BackupRefusedError(
      'newer-version',
      `The backup was made by a newer version of Offer Courier (format ${envelope.data.version}); update the extension first.`,
    );
  }
  if (!Number.isInteger(envelope.data.version) || envelope.data.version < OLDEST_READABLE_VERSION) {
    throw new BackupRefusedError('unsupported-version', `Backup format version ${envelope.data.version} is not supported.`);
  }
  if (envelope.data.offers.length > MAX_BACKUP_OFFERS) {
    throw new BackupRefusedError('too-large', `The backup holds more than ${MAX_BACKUP_OFFERS} offers.`);
  }
  return envelope.data.version === 1 ? envelope.data.offers.map(fromV1Record) : envelope.data.offers;
}

/** A v1 record in today's shape; anything not even shaped like one is left for validation to reject. */
function fromV1Record(record: unknown): unknown {
  const looksLikeV1 =
    typeof record === 'object' && record !== null && typeof (record as V1Offer).id === 'string' && typeof (record as V1Offer).createdAt === 'string';
  if (!looksLikeV1) return record;
  try {
    return offerFromV1(record as V1Offer);
  } catch {
    return record;
  }
}

/**
 * Checks every record: it must match the offer schema and its URL must be an offer URL. Kind,
 * quote id and partner id are re-derived from the URL so a record cannot contradict it. Times
 * after `now` (the import time) are brought back to it: a future creation date would pin the
 * offer at the top of every newest-first list.
 */
export function validateBackupRecords(
  records: readonly unknown[],
  now = new Date().toISOString(),
): { valid: { index: number; offer: Offer }[]; rejected: RejectedRecord[] } {
  const valid: { index: number; offer: Offer }[] = [];
  const rejected: RejectedRecord[] = [];
  records.forEach((record, index) => {
    const claimedId: unknown = typeof record === 'object' && record !== null && 'id' in record ? record.id : undefined;
    const id = typeof claimedId === 'string' ? claimedId.slice(0, 64) : undefined;
    const parsed = Offer.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.join('.') || 'record';
      rejected.push({ index, id, reason: `${path}: ${issue?.message ?? 'invalid'}` });
      return;
    }
    const url = checkOfferUrl(parsed.data.url);
    if (typeof url === 'string') {
      rejected.push({ index, id, reason: `url: not a Partner Center offer URL (${url})` });
      return;
    }
    const offer = clampTimes({ ...parsed.data, kind: url.kind, quoteId: url.quoteId, partnerId: url.partnerId }, now);
    valid.push({ index, offer });
  });
  return { valid, rejected };
}

function clampTimes(offer: Offer, now: string): Offer {
  const limit = Date.parse(now);
  const clamp = (at: string) => (Date.parse(at) > limit ? now : at);
  return {
    ...offer,
    createdAt: clamp(offer.createdAt),
    updatedAt: clamp(offer.updatedAt),
    customers: offer.customers.map((customer) => ({
      ...customer,
      history: customer.history.map((change) => ({ ...change, at: clamp(change.at) })),
      sends: customer.sends.map((send) => ({ ...send, at: clamp(send.at) })),
    })),
  };
}
