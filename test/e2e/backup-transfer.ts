import type { FullBackupFile } from '../../lib/backup/backup';
import type { Send } from '../../lib/backup/transfer';
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

/** A harness that opens the extension's pages: Playwright's in Chromium, puppeteer's in Firefox. */
interface ExtensionPages {
  openExtensionPage(path: string): Promise<unknown>;
}
/** What both harnesses' pages do alike: evaluate a function with one argument, and close. */
interface EvaluatingPage {
  evaluate(run: (arg: string) => unknown, arg: string): Promise<unknown>;
  close(): Promise<void>;
}

/** The file's text goes to the page in parts this large: a protocol message each. */
const TEXT_PART = 8_000_000;

/**
 * Stores these offers as the advisor imports a backup file: through the history page's file input,
 * the page writing them itself. Fails when the page reports an error or any record refused.
 */
export async function importOffers(harness: ExtensionPages, offers: readonly Offer[]): Promise<void> {
  const text = JSON.stringify(createBackup(offers, new Date().toISOString()));
  const history = (await harness.openExtensionPage('history.html')) as EvaluatingPage;
  try {
    for (let at = 0; at < text.length; at += TEXT_PART) {
      await history.evaluate((part) => {
        const scope = globalThis as unknown as { fileParts?: string[] };
        (scope.fileParts ??= []).push(part);
      }, text.slice(at, at + TEXT_PART));
    }
    const problem = (await history.evaluate(async (name) => {
      const wait = async <T>(found: () => T | null | undefined): Promise<T | null> => {
        for (const deadline = Date.now() + 900_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 20))) {
          const value = found();
          if (value) return value;
        }
        return null;
      };
      const input = await wait(() => document.querySelector<HTMLInputElement>('.backup input[type=file]'));
      if (!input) return 'no file input on the history page';
      const scope = globalThis as unknown as { fileParts?: string[] };
      const files = new DataTransfer();
      files.items.add(new File(scope.fileParts ?? [], name, { type: 'application/json' }));
      delete scope.fileParts;
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const outcome = await wait(() => document.querySelector('.backup-outcome .error, .backup-outcome .import-report'));
      if (!outcome) return 'the import did not end';
      if (outcome.matches('.error')) return outcome.textContent;
      const refused = outcome.querySelectorAll('li');
      return refused.length ? `refused: ${[...refused].map((item) => item.textContent).join('; ')}` : null;
    }, 'offers.json')) as string | null;
    if (problem !== null) throw new Error(`The import through the history page failed: ${problem}`);
  } finally {
    await history.close();
  }
}
