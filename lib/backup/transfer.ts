import { DEFAULT_CHUNK_BYTES, messageBytes } from '../messaging/chunks';
import { MessagingError, type RequestOf, type RequestType, type ResponseMap } from '../messaging/protocol';
import { BackupRefusedError, parseBackupText, readBackupEnvelope } from '../offers/backup-envelope';
import type { ImportReport } from '../offers/import-report';
import type { BackupImportReport, BackupInclude, SettingsImportReport } from './backup';

/**
 * A page's side of backups: an export comes from the background in pieces, none of them a
 * message over the cap (lib/messaging/chunks); an import is written by the page itself.
 */

export type Send = <T extends RequestType>(request: RequestOf<T>) => Promise<ResponseMap[T]>;
/** Offers done so far, of the total. */
export type Progress = (done: number, total: number) => void;

export type ExportFormat = RequestOf<'backup.exportChunk'>['format'];

const FILE_TYPES: Record<ExportFormat, string> = { json: 'application/json', csv: 'text/csv;charset=utf-8' };

export interface ExportedFile {
  blob: Blob;
  offers: number;
  /** CSV rows: one per offer and customer. */
  rows: number;
}

/**
 * Builds an export file from the background's pieces, asked one after the other. Each piece
 * becomes a Blob part at once, so the page never holds the file as one string.
 */
export async function exportFile(format: ExportFormat, send: Send, progress: Progress): Promise<ExportedFile> {
  const parts: Blob[] = [];
  let offers = 0;
  let rows = 0;
  let cursor: string | undefined;
  for (;;) {
    const chunk = await send({ type: 'backup.exportChunk', format, ...(cursor === undefined ? {} : { cursor }) });
    parts.push(new Blob([chunk.text]));
    offers += chunk.offers;
    rows += chunk.rows;
    progress(offers, Math.max(chunk.total, offers));
    if (chunk.nextCursor === null) break;
    cursor = chunk.nextCursor;
  }
  return { blob: new Blob(parts, { type: FILE_TYPES[format] }), offers, rows };
}

/**
 * An import that failed after some pieces were merged: those stay (a merge is idempotent, so
 * importing the same file again completes it), and `report` says what they did.
 */
export class ImportStoppedError extends Error {
  override name = 'ImportStoppedError';
  constructor(
    readonly done: number,
    readonly total: number,
    readonly report: BackupImportReport,
    override readonly cause: unknown,
  ) {
    super(`The import stopped after ${done} of ${total} offers.`);
  }
}

/** The file's value and its records, or a refusal of the whole file before anything is sent. */
async function readFile(file: Blob): Promise<{ value: unknown; records: unknown[] }> {
  try {
    // The text is dropped once parsed: the page holds the parsed file, not both.
    const value = parseBackupText(await file.text());
    return { value, records: readBackupEnvelope(value) };
  } catch (error) {
    if (error instanceof BackupRefusedError) throw new MessagingError('backup-refused', error.message, error.problem);
    throw error;
  }
}

const settingsPart = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && 'settings' in value ? value.settings : undefined;

/** Where an import's offers are written: the page's own connection to the offer store (./page-importer). */
export interface OfferImporter {
  /**
   * Validates one piece of the file's records and merges the valid ones, all or none; the report's
   * indexes count from `firstIndex`. `progress` hears how many of the piece's records are written.
   */
  importPiece(records: readonly unknown[], firstIndex: number, progress: (done: number) => void): Promise<ImportReport>;
  close(): void;
}

/**
 * The most records merged in one transaction. Each piece's words become a run of the word index,
 * and runs of equal size are merged: fewer, larger pieces rewrite fewer (docs/index-engine.md).
 * The progress bar moves within a piece.
 */
export const IMPORT_PIECE_RECORDS = 10_000;
/**
 * About the most of the file one piece takes: a piece's records are held in several forms while
 * it is written (validated, stored, their words, the database's copies), beside the parsed file.
 */
const PIECE_FILE_BYTES = 16_000_000;

/** Records per piece for this file: IMPORT_PIECE_RECORDS, fewer where its records are large (long notes). */
const recordsPerPiece = (fileBytes: number, records: number) =>
  Math.max(1, Math.min(IMPORT_PIECE_RECORDS, Math.floor(PIECE_FILE_BYTES / Math.max(1, fileBytes / Math.max(records, 1)))));

export interface ImportOptions {
  progress: Progress;
  /** Called once the settings part is restored, before the offers are written: a page shows them at once. */
  settingsRestored?: (report: SettingsImportReport) => void;
  openImporter: () => Promise<OfferImporter>;
  pieceRecords?: number;
}

/**
 * Imports a backup file: the envelope is checked here (a file that is no backup, or not JSON, is
 * refused whole, nothing written). The page's connection to the offers is opened before anything
 * is restored, so a page that cannot reach them changes nothing. The background restores the
 * settings part, then the records are merged here, a piece at a time (`pieceRecords`, or as many
 * as about PIECE_FILE_BYTES of the file holds), and the background hears that offers were
 * imported (their reminders follow), even when the import stopped half-way.
 */
export async function importFile(
  file: Blob,
  include: BackupInclude,
  send: Send,
  { progress, settingsRestored, openImporter, pieceRecords: chosen }: ImportOptions,
): Promise<BackupImportReport> {
  const { value, records } = await readFile(file);
  const settings = include === 'offers' ? undefined : settingsPart(value);
  if (settings !== undefined && messageBytes(JSON.stringify(settings)) > DEFAULT_CHUNK_BYTES) {
    throw new MessagingError('backup-refused', 'The settings part of the file is too large.', 'settings-too-large');
  }
  const startImport = () => send({ type: 'backup.importStart', include, ...(settings === undefined ? {} : { settings }) });
  if (include === 'settings') {
    const start = await startImport();
    if (start.settings?.restored.length) settingsRestored?.(start.settings);
    return { offers: null, settings: start.settings };
  }
  // Any request has the worker open (create, upgrade) the database the page then opens as it is.
  await send({ type: 'offers.count' });
  const importer = await openImporter();
  try {
    const start = await startImport();
    if (start.settings?.restored.length) settingsRestored?.(start.settings);
    return { offers: await importRecordsInPieces(records, importer, start.settings, chosen ?? recordsPerPiece(file.size, records.length), progress), settings: start.settings };
  } finally {
    importer.close();
    // Not heard (the worker unreachable, the page closed), the reminders are rebuilt when the worker next starts.
    await send({ type: 'offers.imported' }).catch((error: unknown) => console.warn('Reminders not rebuilt after the import', error));
  }
}

/** The file's records merged a piece at a time; a failure stops it with what was done (ImportStoppedError). */
async function importRecordsInPieces(
  records: unknown[],
  importer: OfferImporter,
  settings: SettingsImportReport | null,
  pieceRecords: number,
  progress: Progress,
): Promise<ImportReport> {
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0, rejected: [] };
  const done = () => report.added + report.updated + report.unchanged + report.rejected.length;
  progress(0, records.length);
  try {
    for (let first = 0; first < records.length; first += pieceRecords) {
      const piece = await importer.importPiece(records.slice(first, first + pieceRecords), first, (written) => progress(first + written, records.length));
      // Written: the parsed file lets them go, so the page holds less as the import goes on.
      records.fill(undefined, first, first + pieceRecords);
      report.added += piece.added;
      report.updated += piece.updated;
      report.unchanged += piece.unchanged;
      report.rejected.push(...piece.rejected);
      progress(Math.min(first + pieceRecords, records.length), records.length);
    }
  } catch (error) {
    // The bar goes back to what was written: the failed piece's writes were undone.
    progress(done(), records.length);
    throw new ImportStoppedError(done(), records.length, { offers: report, settings }, error);
  }
  return report;
}
