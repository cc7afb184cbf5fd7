import type { FullBackupFile } from '../../lib/backup/backup';
import { importFile, type Send } from '../../lib/backup/transfer';
import type { Envelope, Request, ResponseMap } from '../../lib/messaging/protocol';
import { createBackup } from '../../lib/offers/backup';
import type { Offer } from '../../lib/offers/schema';

/** A harness's way to message the background from an extension page (Chromium and Firefox alike). */
type SendEnvelope = (request: Request) => Promise<Envelope<unknown>>;

const unwrapped = (send: SendEnvelope): Send =>
  (async (request: Request) => {
    const answer = await send(request);
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    return answer.data;
  }) as Send;

/** The JSON backup the extension exports now, its pieces asked for as the pages ask. */
export async function exportedBackup(send: SendEnvelope): Promise<FullBackupFile> {
  let text = '';
  let cursor: string | undefined;
  do {
    const chunk: ResponseMap['backup.exportChunk'] = await unwrapped(send)({ type: 'backup.exportChunk', format: 'json', ...(cursor === undefined ? {} : { cursor }) });
    text += chunk.text;
    cursor = chunk.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return JSON.parse(text) as FullBackupFile;
}

/** Stores these offers as an import of a backup file does (the pages' own path). */
export async function importOffers(send: SendEnvelope, offers: readonly Offer[]): Promise<ResponseMap['backup.importChunk']> {
  const text = JSON.stringify(createBackup(offers, new Date().toISOString()));
  const report = await importFile(new Blob([text]), 'offers', unwrapped(send), { progress: () => undefined });
  if (!report.offers) throw new Error('No offers imported');
  return report.offers;
}
