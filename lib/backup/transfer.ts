import type { RequestOf, ResponseMap } from '../messaging/protocol';

export type ExportFormat = RequestOf<'backup.exportChunk'>['format'];

const FILE_TYPES: Record<ExportFormat, string> = { json: 'application/json', csv: 'text/csv;charset=utf-8' };

export interface ExportedFile {
  blob: Blob;
  offers: number;
  /** CSV rows: one per offer and customer. */
  rows: number;
}

type SendChunk = (request: RequestOf<'backup.exportChunk'>) => Promise<ResponseMap['backup.exportChunk']>;

/**
 * Builds an export file from the background's pieces, asked one after the other. Each piece
 * becomes a Blob part at once, so the page never holds the file as one string; `progress` hears
 * the offers done so far and the offers stored.
 */
export async function exportFile(format: ExportFormat, send: SendChunk, progress: (done: number, total: number) => void): Promise<ExportedFile> {
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
