import { afterAll, beforeAll, expect, it } from 'vitest';
import { importOffers } from '../e2e/backup-transfer';
import { makeCustomer, makeOffer } from '../unit/offer-factory';
import { launchQuietChromium, type ExtensionGlobal, type NoteScope, type QuietChromium, type QuietPage } from './quiet-chromium';
import { median, record } from './results';

let chromium: QuietChromium;
beforeAll(async () => {
  chromium = await launchQuietChromium();
});
afterAll(async () => {
  await chromium?.close();
});

/** Milliseconds from the start of navigation until the page's first script ran and until the popup rendered, per load. */
interface PopupLoad {
  /** The page's one script (popup-app.js) starts its read: what the browser takes to load it, and the script's own start-up. */
  firstScript: number;
  /** The latest offer's card and the recent list are in the DOM. */
  rendered: number;
}

/** Notes, in every document of the popup's tab, when its script opens the database and when the card and the recent list appear. */
function noteLoad(): void {
  const load: Partial<PopupLoad> = {};
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
    load.firstScript ??= performance.now();
    return open(...args);
  };
  new MutationObserver((_records, observer) => {
    if (document.querySelector('.offer-card') && document.querySelectorAll('.recent li').length === 5) {
      (globalThis as NoteScope).benchNote = { ...load, rendered: performance.now() };
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Medians of the loads after the first two, which warm up. */
async function timeLoads(popup: QuietPage, before: () => Promise<unknown>, runs = 12): Promise<PopupLoad> {
  const samples: PopupLoad[] = [];
  for (let run = 0; run < runs; run++) {
    await before();
    const load = await popup.noteAfter<Partial<PopupLoad>>(() => chromium.send('Page.reload', {}, popup.sessionId));
    if (load.firstScript === undefined || load.rendered === undefined) throw new Error(`The popup noted ${JSON.stringify(load)}: its script no longer opens the database first.`);
    if (run >= 2) samples.push({ firstScript: load.firstScript, rendered: load.rendered });
  }
  expect(await popup.evaluate(() => document.querySelector('.offer-card')?.textContent, null)).toContain('SUM-9999');
  return { firstScript: median(samples.map((load) => load.firstScript)), rendered: median(samples.map((load) => load.rendered)) };
}

it('times the popup first render with 10,000 offers stored, the worker stopped and running', async () => {
  const pageUrl = (path: string) => `chrome-extension://${chromium.extensionId}/${path}`;
  const offers = Array.from({ length: 10_000 }, (_, n) =>
    makeOffer(n, { customers: [makeCustomer(`c${n}`, { company: `Customer ${n}`, name: `Person ${n}` })], notes: n % 10 ? '' : `Note ${n}` }),
  );
  await importOffers({ openExtensionPage: (path) => chromium.openPage(pageUrl(path)) }, offers);
  // An extension page that asks the background, as another page of the extension would.
  const messenger = await chromium.openPage(pageUrl('icon/128.png'));

  const popup = await chromium.openPage(pageUrl('popup.html'));
  await chromium.send('Emulation.setDeviceMetricsOverride', { width: 380, height: 600, deviceScaleFactor: 1, mobile: false }, popup.sessionId);
  await popup.addNoteScript(noteLoad);

  // A blank tab, not an extension page whose own requests would start the worker again.
  const controller = await chromium.openPage('about:blank');
  // The browser reports each worker version's running status as it changes.
  const status = new Map<string, string>();
  chromium.onEvent(({ method, params, sessionId }) => {
    if (method !== 'ServiceWorker.workerVersionUpdated' || sessionId !== controller.sessionId) return;
    for (const version of params.versions as { versionId: string; runningStatus: string }[]) status.set(version.versionId, version.runningStatus);
  });
  await chromium.send('ServiceWorker.enable', {}, controller.sessionId);
  const running = () => [...status.values()].filter((value) => value !== 'stopped').length;

  // As a browser idle for 30 s leaves it: the worker stopped before the popup opens.
  const stopped = await timeLoads(popup, async () => {
    await expect
      .poll(async () => {
        await chromium.send('ServiceWorker.stopAllWorkers', {}, controller.sessionId);
        return running();
      })
      .toBe(0);
  });
  // The worker running, its database connection open: the popup opened right after another request.
  const warm = await timeLoads(popup, () =>
    messenger.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'offers.page', limit: 1 }), null),
  );
  record({ group: 'popup', name: 'first render @ 10k, worker stopped', value: stopped.rendered, unit: 'ms', budget: 50 });
  record({ group: 'popup', name: 'first render @ 10k, worker running', value: warm.rendered, unit: 'ms', budget: 50 });
  // No budget: the part of the rows above before the offers are asked for.
  record({ group: 'popup', name: 'the popup\'s script starts its read (the page loaded, the script started)', value: median([stopped.firstScript, warm.firstScript]), unit: 'ms' });
});
