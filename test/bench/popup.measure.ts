import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { importOffers } from '../e2e/backup-transfer';
import { launchExtension, type ExtensionBrowser } from '../e2e/harness';
import { makeCustomer, makeOffer } from '../unit/offer-factory';
import { reportAfter } from './page-report';
import { median, record } from './results';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(async () => {
  await browser.close();
});

/** Milliseconds from the start of navigation until the page's first script ran and until the popup rendered, per load. */
interface PopupLoad {
  /** The page's one script (popup-app.js) starts its read, first thing: what the browser takes before any of the extension's code runs. */
  firstScript: number;
  /** The latest offer's card and the recent list are in the DOM. */
  rendered: number;
}

/** Medians of the loads after the first two, which warm up. */
async function timeLoads(page: Page, before: () => Promise<unknown>, runs = 12): Promise<PopupLoad> {
  const samples: PopupLoad[] = [];
  for (let run = 0; run < runs; run++) {
    await before();
    const load = await reportAfter<Partial<PopupLoad>>(page, () => page.reload());
    if (load.firstScript === undefined || load.rendered === undefined) throw new Error(`The popup reported ${JSON.stringify(load)}: its first script no longer opens the database first.`);
    if (run >= 2) samples.push({ firstScript: load.firstScript, rendered: load.rendered });
  }
  expect(await page.locator('.offer-card').textContent()).toContain('SUM-9999');
  return { firstScript: median(samples.map((load) => load.firstScript)), rendered: median(samples.map((load) => load.rendered)) };
}

it('times the popup first render with 10,000 offers stored, the worker stopped and running', async () => {
  const offers = Array.from({ length: 10_000 }, (_, n) =>
    makeOffer(n, { customers: [makeCustomer(`c${n}`, { company: `Customer ${n}`, name: `Person ${n}` })], notes: n % 10 ? '' : `Note ${n}` }),
  );
  await importOffers(browser, offers);

  const page = await browser.openExtensionPage('popup.html');
  await page.setViewportSize({ width: 380, height: 600 });
  // Notes the moment the card and the recent list appear, from inside the page, on every load.
  await page.addInitScript(() => {
    // The first script of popup.html opens the database first thing.
    let firstScript: number | undefined;
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
      firstScript ??= performance.now();
      return open(...args);
    };
    new MutationObserver((_records, observer) => {
      if (document.querySelector('.offer-card') && document.querySelectorAll('.recent li').length === 5) {
        // Reported as page-report.ts reads it.
        console.debug(`bench:${JSON.stringify({ firstScript, rendered: performance.now() })}`);
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  // A blank tab, not an extension page whose own requests would start the worker again.
  const controller = await browser.context.newPage();
  const cdp: CDPSession = await browser.context.newCDPSession(controller);
  // The browser reports each worker version's running status as it changes.
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { versionId: string; runningStatus: string }[] }) => {
    for (const version of versions) status.set(version.versionId, version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const running = () => [...status.values()].filter((value) => value !== 'stopped').length;

  // As a browser idle for 30 s leaves it: the worker stopped before the popup opens.
  const stopped = await timeLoads(page, async () => {
    await expect
      .poll(async () => {
        await cdp.send('ServiceWorker.stopAllWorkers');
        return running();
      })
      .toBe(0);
  });
  // The worker running, its database connection open: the popup opened right after another request.
  const warm = await timeLoads(page, () => browser.send({ type: 'offers.page', limit: 1 }));
  await controller.close();
  record({ group: 'popup', name: 'first render @ 10k, worker stopped', value: stopped.rendered, unit: 'ms', budget: 50 });
  record({ group: 'popup', name: 'first render @ 10k, worker running', value: warm.rendered, unit: 'ms', budget: 50 });
  // No budget: the browser's own part, before any of the extension's code runs, for the rows above.
  record({ group: 'popup', name: 'the page\'s first script starts (the browser\'s part of the above)', value: median([stopped.firstScript, warm.firstScript]), unit: 'ms' });
});
