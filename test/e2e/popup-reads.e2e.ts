import { DB_VERSION } from '../../lib/offers/db';
import { afterEach, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { buildSchemaV1Database, SCHEMA_V1_OFFERS } from '../fixtures/db/schema-v1';
import { offerUrl } from '../unit/offer-factory';
import { launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function upsert(target: ExtensionBrowser, n: number, summaryId: string): Promise<Offer> {
  const answer = await target.send({ type: 'offers.upsert', draft: { url: offerUrl(n), summaryId, source: 'manual' } });
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return (answer.data as { offer: Offer }).offer;
}

/** A DevTools session that stops the background worker and reports whether it is running, from the browser's events. */
async function workerControl(target: ExtensionBrowser): Promise<{ stop(): Promise<void>; running(): boolean; cdp: CDPSession }> {
  const cdp = await target.context.newCDPSession(await target.context.newPage());
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { versionId: string; runningStatus: string }[] }) => {
    for (const version of versions) status.set(version.versionId, version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const running = () => [...status.values()].some((value) => value !== 'stopped');
  return {
    cdp,
    running,
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(running).toBe(false);
    },
  };
}

async function openPopup(target: ExtensionBrowser): Promise<Page> {
  const popup = await target.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 380, height: 700 });
  return popup;
}

/** A page of the extension that sends no message, so the background does not open the database because of it. */
async function quietExtensionPage(target: ExtensionBrowser): Promise<Page> {
  const page = await target.context.newPage();
  await page.goto(`chrome-extension://${target.extensionId}/icon/128.png`);
  return page;
}

describe('the popup reads the newest offers itself', () => {
  it('shows an offer saved while it was closed, with the worker stopped, and leaves the worker stopped', async () => {
    browser = await launchExtension();
    await upsert(browser, 1, 'POPUP-FIRST');
    const first = await openPopup(browser);
    await expect.poll(() => first.locator('.offer-card').textContent()).toContain('POPUP-FIRST');
    await first.close();

    await upsert(browser, 2, 'POPUP-SECOND');
    const worker = await workerControl(browser);
    await worker.stop();
    const popup = await openPopup(browser);
    await expect.poll(() => popup.locator('.offer-card').textContent()).toContain('POPUP-SECOND');
    expect(await popup.locator('.recent li').textContent()).toContain('POPUP-FIRST');
    expect(worker.running()).toBe(false);
  });

  it('asks the background when the database is still at an older version, which upgrades it', async () => {
    browser = await launchExtension();
    await (await quietExtensionPage(browser)).evaluate(buildSchemaV1Database, SCHEMA_V1_OFFERS as unknown as object[]);
    const popup = await openPopup(browser);
    await expect.poll(() => popup.locator('.offer-card').count()).toBe(1);
    expect(await popup.locator('[role=alert]').count()).toBe(0);
    expect(await popup.evaluate(async () => (await indexedDB.databases()).find((database) => database.name === 'offer-courier')?.version)).toBe(DB_VERSION);
  });

  it('reports a database held at an older version by another tab, and shows the offers once that tab lets go', async () => {
    browser = await launchExtension();
    const holder = await quietExtensionPage(browser);
    await holder.evaluate(buildSchemaV1Database, SCHEMA_V1_OFFERS as unknown as object[]);
    // An old page that keeps its connection and ignores the request to close it: the upgrade waits behind it.
    await holder.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const request = indexedDB.open('offer-courier');
          request.onsuccess = () => {
            (globalThis as unknown as { held: IDBDatabase }).held = request.result;
            resolve();
          };
        }),
    );

    // The first to ask is told why the upgrade cannot run.
    const first = await openPopup(browser);
    await expect.poll(() => first.locator('[role=alert]').textContent()).toContain('Another Offer Courier tab is still using an older version of its data');
    // A popup opened meanwhile waits behind that upgrade, its own read too: once the old tab lets go, its offers show.
    const second = await openPopup(browser);
    await second.waitForTimeout(1000);
    expect(await second.locator('.offer-card').count()).toBe(0);
    await holder.evaluate(() => (globalThis as unknown as { held: IDBDatabase }).held.close());
    await expect.poll(() => second.locator('.offer-card').count()).toBe(1);
    expect(await second.locator('[role=alert]').count()).toBe(0);
    await first.reload();
    await expect.poll(() => first.locator('.offer-card').count()).toBe(1);
  });
});
