import type { FullBackupFile } from '../../lib/backup/backup';
import type { Envelope, Request, ResponseMap } from '../../lib/messaging/protocol';

/** The JSON backup the extension exports now, its pieces asked for as the pages ask (Chromium and Firefox harnesses alike). */
export async function exportedBackup(send: (request: Request) => Promise<Envelope<unknown>>): Promise<FullBackupFile> {
  let text = '';
  let cursor: string | undefined;
  do {
    const answer = await send({ type: 'backup.exportChunk', format: 'json', ...(cursor === undefined ? {} : { cursor }) });
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    const chunk = answer.data as ResponseMap['backup.exportChunk'];
    text += chunk.text;
    cursor = chunk.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return JSON.parse(text) as FullBackupFile;
}
