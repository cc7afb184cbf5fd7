import { z } from 'zod/mini';
import { MessagingError, type RequestOf, type ResponseMap } from '../messaging/protocol';
import { ChunkWriter, DEFAULT_CHUNK_BYTES, messageBytes } from '../messaging/chunks';
import { BACKUP_TAIL, backupHead, backupRecord } from '../offers/backup';
import { csvHead, offerCsvRows } from '../offers/csv';
import { uiLocale } from '../i18n';
import type { OfferStore } from '../offers/store';
import type { StoredSettings } from '../settings/settings';

/**
 * Where an export stands between two chunks, carried by the page: the file's time, whether its
 * head went out, the last offer sent whole (a key of the `newest` index), and how much of the
 * next piece (the head, or the offer after that key) went out already.
 */
const Position = z.object({
  exportedAt: z.iso.datetime({ offset: true }),
  headDone: z.boolean(),
  after: z.nullable(z.tuple([z.string(), z.string()])),
  offset: z.int().check(z.minimum(0)),
});
type Position = z.infer<typeof Position>;

function readCursor(cursor: string): Position {
  try {
    return Position.parse(JSON.parse(cursor));
  } catch {
    throw new MessagingError('invalid-message', 'The export cursor is not one this extension gave.');
  }
}

/**
 * One piece of an export file (JSON with the settings, or CSV with one row per offer and
 * customer), the offers oldest first. The text's bytes inside the answer stay within `maxBytes`;
 * an offer too large for what is left is cut and goes on in the next piece. The page joins the
 * pieces in order.
 */
export async function exportChunk(
  store: OfferStore,
  { format, cursor, maxBytes = DEFAULT_CHUNK_BYTES }: RequestOf<'backup.exportChunk'>,
  settings: () => Promise<StoredSettings>,
  now: string,
): Promise<ResponseMap['backup.exportChunk']> {
  const position: Position = cursor ? readCursor(cursor) : { exportedAt: now, headDone: false, after: null, offset: 0 };
  const tail = format === 'json' ? BACKUP_TAIL : '';
  const writer = new ChunkWriter(maxBytes - messageBytes(tail));
  let { headDone, after, offset } = position;
  let offers = 0;
  let rows = 0;
  let ended = false;
  // The spreadsheet is the advisor's: its separator, dates and headers follow the UI language.
  const csvOptions = format === 'csv' ? { locale: uiLocale() } : undefined;
  if (!headDone) {
    const head = format === 'json' ? backupHead(position.exportedAt, await settings()) : csvHead(csvOptions);
    offset = writer.add(head, offset);
    headDone = offset >= head.length;
    if (headDone) offset = 0;
  }
  if (headDone) {
    ended = true;
    await store.scanOldestFirst(after, (offer) => {
      const piece = format === 'json' ? { text: backupRecord(offer, after === null), rows: 1 } : offerCsvRows(offer, csvOptions);
      const reached = writer.add(piece.text, offset);
      if (reached < piece.text.length) {
        offset = reached;
        ended = false;
        return false;
      }
      after = [offer.createdAt, offer.id];
      offset = 0;
      offers++;
      rows += piece.rows;
      return true;
    });
  }
  const next: Position = { exportedAt: position.exportedAt, headDone, after, offset };
  return {
    text: ended ? writer.text + tail : writer.text,
    nextCursor: ended ? null : JSON.stringify(next),
    offers,
    rows,
    total: await store.count(),
  };
}
