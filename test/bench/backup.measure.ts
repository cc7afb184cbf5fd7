import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../lib/messaging/chunks';
import { importOffers } from '../e2e/backup-transfer';
import { launchExtension, type ExtensionBrowser } from '../e2e/harness';
import { makeOffer } from '../unit/offer-factory';
import { record } from './results';

const COUNT = 100_000;
const NOTES = 2_000;
const GROUP = 'backup @ 100k, 2,000-char notes';
const MB = 1_000_000;

/**
 * Heap budgets, independent of the number of offers (the whole backup here is over 250 MB). The
 * exporting page holds a piece (about 4 MB of text) on its way into a Blob, and pieces not yet
 * collected: 96 MB. The worker reads the store a piece at a time and writes it as text: 128 MB
 * with its baseline (measured: about 45 MB exporting; importing, it only restores the settings
 * part). Importing, the page holds the file parsed and, while parsing, its text: about twice the
 * file is the floor of that design, so three times the file is the budget. It writes the records
 * itself, a piece (10,000 records) at a time, with their words and the copies the writes make.
 */
const WORKER_BUDGET_MB = 128;
const EXPORT_PAGE_BUDGET_MB = 96;

let source: ExtensionBrowser;
let target: ExtensionBrowser;
const dir = mkdtempSync(join(tmpdir(), 'offer-courier-backup-bench-'));

beforeAll(async () => {
  [source, target] = await Promise.all([launchExtension(), launchExtension()]);
  const offers = Array.from({ length: COUNT }, (_, n) => makeOffer(n, { notes: `${n} ${'Lorem ipsum dolor sit amet, consectetur. '.repeat(NOTES / 41).slice(0, NOTES - 8).trim()}` }));
  await importOffers(source, offers);
}, 900_000);
afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** Runtime.getHeapUsage of the service worker, through the page's session (the worker has none of its own in Playwright). */
async function workerHeap(cdp: CDPSession): Promise<() => Promise<number>> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((info) => info.type === 'service_worker' && info.url.endsWith('/background.js'));
  if (!worker) throw new Error('No service worker');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  const waiting = new Map<number, (usedSize: number) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
    if (message.id !== undefined && message.result) waiting.get(message.id)?.(message.result.usedSize);
  });
  let next = 1;
  return async () => {
    const id = next++;
    const answer = new Promise<number>((resolve) => waiting.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    return answer;
  };
}

/** Samples both heaps every 100 ms until stopped; the peaks in MB. */
async function heapPeaks(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const worker = await workerHeap(cdp);
  const peaks = { page: 0, worker: 0 };
  let running = true;
  const sampling = (async () => {
    while (running) {
      const [pageHeap, workerHeapUsed] = await Promise.all([cdp.send('Runtime.getHeapUsage'), worker()]);
      peaks.page = Math.max(peaks.page, pageHeap.usedSize / MB);
      peaks.worker = Math.max(peaks.worker, workerHeapUsed / MB);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    running = false;
    await sampling;
    return peaks;
  };
}

/** Notes the largest message the page sends or receives, in bytes as serialized. */
async function watchMessages(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    const original = runtime.sendMessage.bind(runtime);
    const size = (value: unknown) => new Blob([JSON.stringify(value)]).size;
    const state = { largest: 0 };
    (globalThis as unknown as { largestMessage: typeof state }).largestMessage = state;
    runtime.sendMessage = async (message: unknown) => {
      state.largest = Math.max(state.largest, size(message));
      const answer = await original(message);
      state.largest = Math.max(state.largest, size(answer));
      return answer;
    };
  });
  return () => page.evaluate(() => (globalThis as unknown as { largestMessage: { largest: number } }).largestMessage.largest);
}

/** Collects the page's garbage first, so its peak counts what the operation holds. */
async function settle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
}

function recordRun(name: string, ms: number, largest: number, peaks: { page: number; worker: number }, pageBudget: number) {
  record({ group: GROUP, name: `${name}: duration`, value: ms, unit: 'ms' });
  record({ group: GROUP, name: `${name}: largest message`, value: largest / MB, unit: 'MB', budget: MAX_MESSAGE_BYTES / MB });
  record({ group: GROUP, name: `${name}: page heap peak`, value: peaks.page, unit: 'MB', budget: pageBudget });
  record({ group: GROUP, name: `${name}: worker heap peak`, value: peaks.worker, unit: 'MB', budget: WORKER_BUDGET_MB });
}

it('exports and imports 100,000 offers with long notes through the history page, in pieces', async () => {
  const history = await source.openExtensionPage('history.html');
  const largestExport = await watchMessages(history);
  await settle(history);
  const stopExport = await heapPeaks(history);
  const started = performance.now();
  const [download] = await Promise.all([
    history.waitForEvent('download', { timeout: 600_000 }),
    history.getByRole('button', { name: 'Export backup (JSON)' }).click(),
  ]);
  const file = join(dir, 'backup.json');
  await download.saveAs(file);
  const exportMs = performance.now() - started;
  const exportPeaks = await stopExport();
  recordRun('export', exportMs, await largestExport(), exportPeaks, EXPORT_PAGE_BUDGET_MB);
  const fileMb = statSync(file).size / MB;

  const restore = await target.openExtensionPage('history.html');
  const largestImport = await watchMessages(restore);
  await settle(restore);
  const stopImport = await heapPeaks(restore);
  const importStarted = performance.now();
  await restore.locator('input[type=file]').setInputFiles(file);
  await expect
    .poll(() => restore.locator('.backup-outcome').textContent(), { timeout: 600_000, interval: 500 })
    .toContain(`${new Intl.NumberFormat('en-US').format(COUNT)} added, 0 updated, 0 unchanged, 0 rejected`);
  const importMs = performance.now() - importStarted;
  const importPeaks = await stopImport();
  recordRun('import', importMs, await largestImport(), importPeaks, Math.ceil(3 * fileMb));
  record({ group: GROUP, name: 'file size', value: fileMb, unit: 'MB' });
}, 1_200_000);
