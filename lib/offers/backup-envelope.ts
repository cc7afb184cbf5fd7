import { offerFromV1, type V1Offer } from './from-v1';
import type { Offer } from './schema';

/**
 * A backup file's envelope, read in the page that imports it (free of zod, so the page stays
 * small); each record is validated by the background (./backup).
 */

export const BACKUP_FORMAT = 'offer-courier-backup';
/** 2: customers per offer. Version 1 files still import, each record mapped as the v1 database is. */
export const BACKUP_VERSION = 2;
const OLDEST_READABLE_VERSION = 1;
/** Keeps a hostile or mistaken file from exhausting memory. */
export const MAX_BACKUP_OFFERS = 200_000;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  offers: Offer[];
}

export type BackupProblem = 'not-json' | 'csv-file' | 'not-a-backup' | 'newer-version' | 'unsupported-version' | 'too-large';

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

/** A backup's value from its text (a byte-order mark allowed), or the value itself when already parsed. */
export function parseBackupText(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const text = input.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    if (looksLikeCsv(text)) throw new BackupRefusedError('csv-file', 'The file is a spreadsheet (CSV) export, not a JSON backup.');
    throw new BackupRefusedError('not-json', 'The file is not valid JSON.');
  }
}

/**
 * Whether text that is not JSON reads as a table (the CSV export, chosen by mistake): a first line
 * with a separator, a line after it, and not the start of a JSON value.
 */
const looksLikeCsv = (text: string) => !/^\s*[[{"]/.test(text) && /^[^\n]*[,;\t][^\n]*\r?\n./.test(text);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a backup's text or parsed value (its records in today's shape); refuses the whole file when it is not a backup we can read. */
export function readBackupEnvelope(input: unknown): unknown[] {
  const value = parseBackupText(input);
  if (!isRecord(value) || value.format !== BACKUP_FORMAT || typeof value.version !== 'number' || !Array.isArray(value.offers)) {
    throw new BackupRefusedError('not-a-backup', 'The file is not an Offer Courier backup.');
  }
  const { version, offers } = value as { version: number; offers: unknown[] };
  if (version > BACKUP_VERSION) {
    throw new BackupRefusedError('newer-version', `The backup was made by a newer version of Offer Courier (format ${version}); update the extension first.`);
  }
  if (!Number.isInteger(version) || version < OLDEST_READABLE_VERSION) {
    throw new BackupRefusedError('unsupported-version', `Backup format version ${version} is not supported.`);
  }
  if (offers.length > MAX_BACKUP_OFFERS) {
    throw new BackupRefusedError('too-large', `The backup holds more than ${MAX_BACKUP_OFFERS} offers.`);
  }
  return version === 1 ? offers.map(fromV1Record) : offers;
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
