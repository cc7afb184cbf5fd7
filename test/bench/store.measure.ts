import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createBackup } from '../../lib/offers/backup';
import type { Envelope } from '../../lib/messaging/protocol';
import type { BackupFile } from '../../lib/offers/backup-envelope';
import { toStored } from '../../lib/offers/index-fields';
import type { CustomerStatus, Offer } from '../../lib/offers/schema';
import type { PipelineOverview } from '../../lib/offers/stats';
import { launchExtension, type ExtensionBrowser } from '../e2e/harness';
import { makeCustomer, makeOffer } from '../unit/offer-factory';
import { launchQuietChromium, type ExtensionGlobal, type NoteScope, type QuietChromium, type QuietPage } from './quiet-chromium';
import { median, record } from './results';

const FIRST_NAMES = ['Emma', 'Lucas', 'Chloé', 'Noah', 'Léa', 'Liam', 'Zoë', 'Hugo', 'Aisha', 'Mateo', 'Yuki', 'Olga'];
const COMPANIES = ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Wingtip', 'Adatum', 'Litware', 'Proseware', 'Société Générale'];
const PLANS = ['Microsoft 365 Business Basic', 'Microsoft 365 Business Standard', 'Microsoft 365 E3', 'Exchange Online (Plan 1)', 'Teams Essentials'];
/** Where the customers stand, in a mix like a real pipeline's: mostly sent, some answered, some not reached yet. */
const STATUSES: CustomerStatus[] = ['sent', 'accepted', 'sent', 'drafted', 'declined', 'pending', 'sent', 'accepted', 'expired'];
const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.now();

/** A varied offer: customers, plans and locations repeat the way a real advisor's history would. */
function benchOffer(n: number): Offer {
  const person = `${FIRST_NAMES[n % FIRST_NAMES.length]} Person${n}`;
  const company = `${COMPANIES[n % COMPANIES.length]} ${n % 997}`;
  const status = STATUSES[n % STATUSES.length]!;
  // Sent over the last year, so that every month of the overview's chart has offers.
  const at = new Date(NOW - (n % 365) * DAY_MS).toISOString();
  const sends = status === 'pending' || status === 'drafted' ? [] : [{ at, provider: 'gmail' as const }];
  const email = `contact${n}@${COMPANIES[n % COMPANIES.length]!.toLowerCase().replace(/\W/g, '')}.example`;
  return makeOffer(n, {
    summaryId: `SUM-${n.toString(36).toUpperCase()}-${(n * 7919) % 100_000}`,
    usageLocation: ['France', 'Canada', 'Belgique', 'Suisse', 'Maroc'][n % 5],
    customers: [makeCustomer(`c${n}`, { name: person, email, company }, at, status, sends)],
    subscriptions: [
      { name: PLANS[n % PLANS.length]!, licenses: 1 + (n % 300) },
      ...(n % 4 === 0 ? [{ name: PLANS[(n + 2) % PLANS.length]!, licenses: 5 }] : []),
    ],
    notes: n % 10 === 0 ? `Follow up after the budget meeting, ticket ${n}` : '',
  });
}

async function timeMessage(page: Page, request: unknown, runs = 15): Promise<number> {
  const times = await page.evaluate(
    async ({ request, runs }) => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome;
      const send = (message: unknown) => runtime.sendMessage(message);
      const samples: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        const start = performance.now();
        const answer = await send(request);
        if (!answer.ok) throw new Error(JSON.stringify(answer));
        if (i >= 2) samples.push(performance.now() - start);
      }
      return samples;
    },
    { request, runs },
  );
  return median(times);
}

/** A backup file of offers `from`..`from + count - 1`, as the history page exports it; its path and text. */
function backupFile(from: number, count: number): { path: string; text: string } {
  const offers = Array.from({ length: count }, (_, i) => benchOffer(from + i));
  const text = JSON.stringify(createBackup(offers, new Date(NOW).toISOString()));
  const path = join(dir, `backup-${from}-${count}.json`);
  writeFileSync(path, text);
  return { path, text };
}

/**
 * Milliseconds an import of the file takes through the history page, as the advisor runs it:
 * timed in the page from the file input's change until the outcome reports every offer added.
 */
async function timePageImport(page: Page, path: string, count: number): Promise<number> {
  // A fresh page, so that no earlier import's outcome is on it.
  await page.reload();
  // The outcome writes the count as the page's locale does ("10,000 added").
  await page.evaluate((done) => {
    const scope = globalThis as unknown as { importedIn?: number };
    delete scope.importedIn;
    let startedAt = 0;
    document.addEventListener('change', () => (startedAt = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.backup-outcome')?.textContent?.includes(done)) return;
      scope.importedIn = performance.now() - startedAt;
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, `${new Intl.NumberFormat('en-US').format(count)} added`);
  await page.locator('input[type=file]').setInputFiles(path);
  const elapsed = await page.waitForFunction(() => (globalThis as unknown as { importedIn?: number }).importedIn, undefined, { timeout: 600_000, polling: 100 });
  return (await elapsed.jsonValue())!;
}

/**
 * How the records go into the scratch store: one by one with no index (the floor), one by one
 * with all of the offer store's IndexedDB indexes, or with no index in blocks of BLOCK_RECORDS
 * (what a store keeping its records in blocks would pay: see docs/index-engine.md).
 */
type ScratchLayout = 'none' | 'all' | 'blocks';
const BLOCK_RECORDS = 100;

/**
 * The floor for an import in this browser: the file's records put as they are into a scratch
 * IndexedDB store with no index, in one transaction (timed from the transaction's start to its
 * end). With another `layout`, the records are the store's (with their index fields): with all
 * the offer store's indexes (read from the extension's database), what those indexes cost; in
 * blocks, what the requests themselves cost.
 */
async function timeFloor(page: Page, text: string, layout: ScratchLayout = 'none'): Promise<number> {
  return page.evaluate(async ({ text, layout, blockRecords }) => {
    const { offers } = JSON.parse(text) as { offers: { id: string }[] };
    const open = (name: string, version?: number, create?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, version);
        request.onupgradeneeded = () => create?.(request.result);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
    let indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[] = [];
    if (layout === 'all') {
      const real = await open('offer-courier');
      const store = real.transaction('offers').objectStore('offers');
      indexes = [...store.indexNames].map((name) => {
        const { keyPath, unique, multiEntry } = store.index(name);
        return { name, keyPath, unique, multiEntry };
      });
      real.close();
    }
    const name = `bench-floor-${crypto.randomUUID()}`;
    const db = await open(name, 1, (created) => {
      const store = created.createObjectStore('offers', { keyPath: 'id' });
      for (const { name, keyPath, unique, multiEntry } of indexes) store.createIndex(name, keyPath, { unique, multiEntry });
    });
    const start = performance.now();
    const tx = db.transaction('offers', 'readwrite');
    if (layout === 'blocks') {
      for (let first = 0; first < offers.length; first += blockRecords) tx.objectStore('offers').put({ id: String(first), records: offers.slice(first, first + blockRecords) });
    } else {
      for (const offer of offers) tx.objectStore('offers').put(offer);
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error ?? new Error('put failed'));
    });
    const elapsed = performance.now() - start;
    db.close();
    await new Promise((resolve) => (indexedDB.deleteDatabase(name).onsuccess = resolve));
    return elapsed;
  }, { text, layout, blockRecords: BLOCK_RECORDS });
}

async function emptyStore(browser: ExtensionBrowser) {
  const answer = await browser.send({ type: 'offers.deleteAll' });
  if (!answer.ok) throw new Error(JSON.stringify(answer));
}

/**
 * 10,000 offers imported through the history page against the floor, each run three times in
 * turn so both see the same load (the store emptied before each import); leaves them stored.
 */
async function measureImport(browser: ExtensionBrowser, history: Page) {
  const { path, text } = backupFile(0, 10_000);
  const stored = JSON.stringify({ offers: (JSON.parse(text) as BackupFile).offers.map(toStored) });
  const imports: number[] = [];
  const floors: number[] = [];
  const indexed: number[] = [];
  const blocks: number[] = [];
  for (let run = 0; run < 3; run++) {
    await emptyStore(browser);
    imports.push(await timePageImport(history, path, 10_000));
    floors.push(await timeFloor(history, text));
    indexed.push(await timeFloor(history, stored, 'all'));
    blocks.push(await timeFloor(history, stored, 'blocks'));
  }
  const floor = median(floors);
  record({ group: 'import @ 10k', name: 'floor: put in one transaction, no index', value: floor, unit: 'ms' });
  record({ group: 'import @ 10k', name: 'the same, stored records into a store with the offer store\'s IndexedDB indexes (the word index is ours)', value: median(indexed), unit: 'ms' });
  record({ group: 'import @ 10k', name: `the same stored records, no index, in blocks of ${BLOCK_RECORDS} records`, value: median(blocks), unit: 'ms' });
  record({ group: 'import @ 10k', name: 'import through the history page (budget: 2x the floor)', value: median(imports), unit: 'ms', budget: Math.round(2 * floor) });
}

let browser: ExtensionBrowser;
const dir = mkdtempSync(join(tmpdir(), 'offer-courier-store-bench-'));
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});

const SEARCHES: Array<[string, string]> = [
  ['search: summary ID', 'SUM-2N9C'],
  ['search: customer name', 'zoe person1234'],
  ['search: common word', 'microsoft'],
  ['search: two common words', 'contoso business'],
];
/**
 * Searches that read far more than a page: a name prefix whose 1,111 offers are older than 87 % of
 * the others (typed halfway, an old customer), and two common words (1 offer in 4, 1 in 5) that no
 * offer holds together, so that every offer holding the rarer one is read.
 */
const HARD_SEARCHES: Array<[string, string]> = [
  ['search: a prefix held by 1,111 old offers', 'person12'],
  ['search: two common words never together', 'teams france'],
];
/** The history page shows search results 50 at a time, like its list. */
const HISTORY_SEARCHES = SEARCHES.map(([name, query]): [string, string] => [`${name} (first 50 rows)`, query]);

async function measureQueries(size: string, page: Page, budgeted: boolean) {
  const pageBudget = budgeted ? 20 : undefined;
  const searchBudget = budgeted ? 100 : undefined;
  record({ group: `store @ ${size}`, name: 'newest-50 page', value: await timeMessage(page, { type: 'offers.page', limit: 50 }), unit: 'ms', budget: pageBudget });
  for (const [name, query] of [...SEARCHES, ...HARD_SEARCHES]) {
    record({ group: `store @ ${size}`, name, value: await timeMessage(page, { type: 'offers.search', query, limit: 50 }), unit: 'ms', budget: searchBudget });
  }
}

/**
 * Milliseconds from the history page's request for its list until that many rows are in the
 * table, per load of `history.html` + `search` (the first two loads warm up). The page's own
 * messages are timed by a wrapper installed before its scripts run.
 */
async function timeHistoryList(quiet: QuietChromium, page: QuietPage, search: string, runs = 12): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < runs + 2; run++) {
    const elapsed = await page.noteAfter<number>(() => quiet.send('Page.navigate', { url: `chrome-extension://${quiet.extensionId}/history.html${search}` }, page.sessionId));
    if (run >= 2) samples.push(elapsed);
  }
  return median(samples);
}

/** Notes, in every document of the history page's tab, the time from its list's request until its rows are shown. */
function noteListShown(): void {
  const { runtime } = (globalThis as unknown as ExtensionGlobal).chrome;
  const send = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (message: unknown) => {
    const type = (message as { type?: string } | null)?.type;
    if (type !== 'offers.page' && type !== 'offers.search') return send(message);
    const sentAt = performance.now();
    return send(message).then((answer) => {
      const rows = (answer as { data?: { offers?: unknown[] } }).data?.offers?.length;
      // Shown once the list is no longer busy with its rows in place; a search that matches
      // nothing changes only that attribute and the status text, no element.
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.history-list[aria-busy="false"]') || document.querySelectorAll('tbody tr[data-offer-id]').length !== rows) return;
        (globalThis as NoteScope).benchNote = performance.now() - sentAt;
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
      return answer;
    });
  };
}

async function measureHistoryPage(quiet: QuietChromium) {
  const page = await quiet.openPage(`chrome-extension://${quiet.extensionId}/history.html`);
  await page.addNoteScript(noteListShown);
  record({ group: 'history page @ 100k', name: 'newest-50 page', value: await timeHistoryList(quiet, page, ''), unit: 'ms', budget: 50 });
  for (const [name, query] of HISTORY_SEARCHES) {
    record({ group: 'history page @ 100k', name, value: await timeHistoryList(quiet, page, `?q=${encodeURIComponent(query)}`), unit: 'ms', budget: 50 });
  }
  await page.close();
}

it('times the store at 10,000 and 100,000 offers in Chromium IndexedDB', async () => {
  const page = await browser.openExtensionPage('history.html');
  await measureImport(browser, page);
  await measureQueries('10k', page, false);
  await emptyStore(browser);
  const all = backupFile(0, 100_000);
  record({ group: 'import @ 100k', name: 'import through the history page', value: await timePageImport(page, all.path, 100_000), unit: 'ms' });
  await measureQueries('100k', page, true);
  record({ group: 'store @ 100k', name: 'overview request', value: await timeMessage(page, { type: 'offers.overview' }), unit: 'ms', budget: 50 });
  // The page loads are timed as a user's browser runs them (see quiet-chromium.ts), on the same
  // profile; afterAll's close, a no-op for the browser now, then removes the profile.
  await browser.close({ keepProfile: true });
  const quiet = await launchQuietChromium({ userDataDir: browser.userDataDir });
  try {
    await measureOverview(quiet);
    await measureHistoryPage(quiet);
  } finally {
    await quiet.close();
  }
});

/** What the history page's note-taking script saw of its overview. */
interface OverviewShown {
  renderedAt: number;
  requestedAt: number;
}

/** Notes, in every document of the history page's tab, when the overview was asked for and when its figures and twelve months are on screen. */
function noteOverviewShown(): void {
  const { runtime } = (globalThis as unknown as ExtensionGlobal).chrome;
  const send = runtime.sendMessage.bind(runtime);
  let requestedAt: number | undefined;
  runtime.sendMessage = (message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'offers.overview') requestedAt ??= performance.now();
    return send(message);
  };
  new MutationObserver((_records, observer) => {
    if (document.querySelector('.overview-figures') && document.querySelectorAll('.chart .month').length === 12) {
      (globalThis as NoteScope).benchNote = { renderedAt: performance.now(), requestedAt };
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * The history page's overview at 100,000 offers: from the page's request until its figures and
 * the chart's twelve months are on screen (as the list rows are timed), and from navigation until
 * then (the list loads beside it).
 */
async function measureOverview(quiet: QuietChromium) {
  const page = await quiet.openPage(`chrome-extension://${quiet.extensionId}/history.html`);
  await page.addNoteScript(noteOverviewShown);
  const samples: number[] = [];
  const fromRequest: number[] = [];
  for (let run = 0; run < 12; run++) {
    const { renderedAt, requestedAt } = await page.noteAfter<OverviewShown>(() => quiet.send('Page.reload', {}, page.sessionId));
    if (run >= 2) {
      samples.push(renderedAt);
      fromRequest.push(renderedAt - requestedAt);
    }
  }
  // Every offer counted once, and the page shows the figures the request gives.
  const answer = (await page.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'offers.overview' }), null)) as Envelope<{ overview: PipelineOverview }>;
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  const { overview } = answer.data;
  expect(Object.values(overview.offers).reduce((sum, count) => sum + count, 0)).toBe(100_000);
  const pending = await page.evaluate(() => document.querySelector('section[aria-labelledby="overview-offers"] a .figure')?.textContent, null);
  expect(pending).toBe(overview.offers.pending.toLocaleString('en-US'));
  await page.close();
  record({ group: 'history page @ 100k', name: 'overview (request to figures and chart)', value: median(fromRequest), unit: 'ms', budget: 50 });
  record({ group: 'history', name: 'overview rendered at 100,000 offers (from navigation)', value: median(samples), unit: 'ms', budget: 100 });
}
