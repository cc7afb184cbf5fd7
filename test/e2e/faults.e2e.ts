import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import type { Request } from '../../lib/messaging/protocol';
import { BACKUP_VERSION } from '../../lib/offers/backup-envelope';
import { createBackup } from '../../lib/offers/backup';
import { makeOffer } from '../unit/offer-factory';
import { accessibleText, contrastRatio, keepStoppingWorker, noticeColours, launchExtension, stopWorkerUnderQuota, pressNoticeButton, pressThroughBrowser, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { importOffers } from './backup-transfer';
import { editorText, expectDrafted, insertButton, offerSeeder, pickerFrame, PROFILE, saveSettings } from './webmail-helpers';

let fixtures: FixtureServer;
beforeAll(async () => {
  fixtures = await startFixtureServer();
});
afterAll(async () => {
  await fixtures?.close();
});

/** The background's answer (the harness bounds the wait, and says what the worker still does). */
async function data<T>(browser: ExtensionBrowser, request: Request): Promise<T> {
  const answer = await browser.send(request);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.data as T;
}

/**
 * Holds the offer database behind an upgrade kept running from an extension page: the
 * background's next open of it waits, so its requests get no answer, as seen when its worker was
 * stopped again and again. Resolves with what lets the database go.
 */
async function holdOfferDatabase(browser: ExtensionBrowser): Promise<() => Promise<void>> {
  const holder = await browser.openExtensionPage('icon/128.png');
  const hold = await holder.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const peek = indexedDB.open('offer-courier');
        peek.onsuccess = () => {
          const version = peek.result.version;
          peek.result.close();
          const upgrade = indexedDB.open('offer-courier', version + 1);
          upgrade.onblocked = () => resolve('blocked');
          upgrade.onupgradeneeded = () => {
            const tx = upgrade.transaction!;
            const offers = tx.objectStore('offers');
            const spin = () => (offers.count().onsuccess = spin);
            spin();
            (globalThis as unknown as { release: () => void }).release = () => tx.abort();
            resolve('held');
          };
        };
      }),
  );
  expect(hold).toBe('held');
  return () => holder.evaluate(() => (globalThis as unknown as { release: () => void }).release());
}

const COMPOSES = [
  { name: 'Gmail', host: 'mail.google.com', path: 'webmail/gmail-compose.html' },
  { name: 'Outlook', host: 'outlook.office.com', path: 'webmail/outlook-compose.html' },
] as const;

/** A compose window whose picker lists the offers, the keyboard in its search box. */
async function composePicker(browser: ExtensionBrowser, { host, path }: (typeof COMPOSES)[number] = COMPOSES[0]): Promise<{ page: Page; picker: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(fixtures.url(host, path));
  await insertButton(page).click();
  return { page, picker: await pickerFrame(page) };
}

describe('faults that lose nothing', () => {
  it('reports a full disk in the page, keeps what was stored, and lets the import be retried', async () => {
    const browser = await launchExtension();
    try {
      // A page that sends nothing, so no request reopens the databases while the worker is stopped.
      const quiet = await browser.openExtensionPage('icon/128.png');
      const cdp = await browser.context.newCDPSession(quiet);
      const origin = `chrome-extension://${browser.extensionId}`;
      // A small disk: room for a couple of offers, not for a big backup. The background opened the
      // settings' database as it started: stopped, it opens its databases again under this quota.
      await stopWorkerUnderQuota(cdp, origin, 400_000);
      await importOffers(browser, [makeOffer(1), makeOffer(2)]);
      const history = await browser.openExtensionPage('history.html');
      const big = createBackup(
        Array.from({ length: 2000 }, (_, i) => makeOffer(100 + i, { notes: 'x'.repeat(2000) })),
        new Date().toISOString(),
      );
      const file = { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) };
      const status = history.locator('.backup-outcome');
      await history.locator('input[type=file]').setInputFiles(file);
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('no storage space left');
      expect(await data<{ count: number }>(browser, { type: 'offers.count' })).toEqual({ count: 2 });

      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await history.locator('input[type=file]').setInputFiles(file);
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('2,000 added');
      expect(await data<{ count: number }>(browser, { type: 'offers.count' })).toEqual({ count: 2002 });
    } finally {
      await browser.close();
    }
  });

  it('tells the advisor on Partner Center when the disk is full, and saves on Retry', async () => {
    const browser = await launchExtension();
    try {
      const controller = await browser.context.newPage();
      await controller.goto(`chrome-extension://${browser.extensionId}/icon/128.png`);
      const cdp = await browser.context.newCDPSession(controller);
      const origin = `chrome-extension://${browser.extensionId}`;
      await stopWorkerUnderQuota(cdp, origin, 1);
      const quote = '55555555-aaaa-4bbb-8ccc-000000000005';
      const page = await browser.context.newPage();
      await page.goto(fixtures.url('partner.microsoft.com', `partner-center/wizard-spa.html?${new URLSearchParams({ quote, step: 'result', delay: '100' })}`));
      await expect.poll(() => accessibleText(page), { timeout: 20_000 }).toContain('could not save this offer');
      // The error notice is readable in either theme (WCAG AA: 4.5 to 1 for its text).
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const { color, background } = await noticeColours(page);
        expect({ colorScheme, readable: contrastRatio(color, background) >= 4.5 }).toEqual({ colorScheme, readable: true });
      }
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await pressNoticeButton(page, 2);
      await expect.poll(() => accessibleText(page), { timeout: 10_000 }).toContain('Offer saved · summary ID PO-55555555');
      expect((await data<{ offers: Offer[] }>(browser, { type: 'offers.search', query: quote })).offers).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });

  it('refuses a backup from a newer version whole, naming the problem', async () => {
    const browser = await launchExtension();
    try {
      const history = await browser.openExtensionPage('history.html');
      const newer = { ...createBackup([makeOffer(1)], new Date().toISOString()), version: BACKUP_VERSION + 1 };
      await history.locator('input[type=file]').setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) });
      await expect.poll(() => history.locator('.backup-outcome').textContent()).toContain('newer version of Offer Courier');
      expect(await data<{ count: number }>(browser, { type: 'offers.count' })).toEqual({ count: 0 });
      await history.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"offer-courier-backup","version":1,"offers":[') });
      await expect.poll(() => history.locator('.backup-outcome').textContent()).toContain('not valid JSON');

      // The spreadsheet export chosen by mistake: said for what it is, with the file to choose instead.
      await importOffers(browser, [makeOffer(1), makeOffer(2)]);
      await history.reload();
      const [download] = await Promise.all([history.waitForEvent('download'), history.getByRole('button', { name: 'Export for spreadsheets (CSV)' }).click()]);
      await history.locator('input[type=file]').setInputFiles(await download.path());
      await expect
        .poll(() => history.locator('.backup-outcome').textContent())
        .toBe('This file cannot be imported: it is a spreadsheet (CSV) export, made for reading, not for importing. Choose a JSON backup, made with “Export backup (JSON)”.');
    } finally {
      await browser.close();
    }
  });

  it('imports a backup whole while the service worker is stopped again and again: the page writes it', async () => {
    const browser = await launchExtension();
    try {
      // Stopped from when the import is under way (the settings part and the start are the
      // worker's), as an idle worker is while the page writes, until the import ends.
      const importing = importOffers(browser, Array.from({ length: 20_000 }, (_, n) => makeOffer(n + 1)));
      const historyPage = () => browser.context.pages().find((page) => page.url().endsWith('/history.html'));
      await expect.poll(historyPage, { timeout: 30_000 }).toBeTruthy();
      // The bar counts the file's offers once the worker answered the start.
      await historyPage()!.locator('.backup-progress progress[max="20000"]').waitFor();
      const stopStopping = await keepStoppingWorker(browser, 300);
      try {
        await importing;
      } finally {
        await stopStopping();
      }
      expect(await data<{ count: number }>(browser, { type: 'offers.count' })).toEqual({ count: 20_000 });
    } finally {
      await browser.close();
    }
  });

  it('tells the advisor on Partner Center when the background does not answer, and saves once on Retry', async () => {
    const browser = await launchExtension();
    try {
      expect(await data<{ count: number }>(browser, { type: 'offers.count' })).toEqual({ count: 0 });
      const release = await holdOfferDatabase(browser);
      const quote = '66666666-aaaa-4bbb-8ccc-000000000006';
      const page = await browser.context.newPage();
      await page.goto(fixtures.url('partner.microsoft.com', `partner-center/wizard-spa.html?${new URLSearchParams({ quote, step: 'result', delay: '100' })}`));
      // Six attempts of 10 s each, with their pauses between, before the page says so.
      await expect.poll(() => accessibleText(page), { timeout: 100_000 }).toContain('did not answer in time, so this offer may not be saved yet');
      await release();
      await pressNoticeButton(page, 2);
      await expect.poll(() => accessibleText(page), { timeout: 15_000 }).toContain('Offer saved · summary ID PO-66666666');
      expect((await data<{ offers: Offer[] }>(browser, { type: 'offers.search', query: quote })).offers).toHaveLength(1);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('tells the advisor in webmail when the background does not answer after an insertion, not to insert again, and notes the draft once when it answers', async () => {
    const browser = await launchExtension();
    try {
      await saveSettings(browser, { profile: PROFILE });
      const offer = await offerSeeder(browser, 9300)();
      const { page, picker } = await composePicker(browser);
      // Held once the picker lists the offers: the insertion goes through, the draft's note waits.
      const release = await holdOfferDatabase(browser);
      await pressThroughBrowser(picker, 'Enter');
      await expect.poll(() => editorText(page)).toContain(offer.url);
      // Six attempts of 10 s each, with their pauses between, before the bar says so.
      await expect.poll(() => accessibleText(page), { timeout: 100_000 }).toContain('did not answer in time to note it on the offer');
      const notice = await accessibleText(page);
      expect(notice).toContain('set their status in the history');
      expect(notice).not.toMatch(/try again/i);
      expect((await editorText(page)).split(offer.url)).toHaveLength(2);
      await release();
      // The attempts still waiting in the background land as one draft.
      await expectDrafted(browser, offer);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it.each(COMPOSES)('tells the advisor in $name when the offer was deleted while the picker listed it', async (compose) => {
    const browser = await launchExtension();
    try {
      await saveSettings(browser, { profile: PROFILE });
      const offer = await offerSeeder(browser, 9320)();
      const { page, picker } = await composePicker(browser, compose);
      expect((await browser.send({ type: 'offers.delete', id: offer.id })).ok).toBe(true);
      await pressThroughBrowser(picker, 'Enter');
      await expect.poll(() => editorText(page)).toContain(offer.url);
      await expect.poll(() => accessibleText(page), { timeout: 20_000 }).toContain('could not note it on the offer: That offer no longer exists.');
    } finally {
      await browser.close();
    }
  });

  it('saves an offer exactly once while the service worker keeps being stopped', async () => {
    const browser = await launchExtension();
    try {
      const quote = '44444444-aaaa-4bbb-8ccc-000000000004';
      const page = await browser.context.newPage();
      await page.goto(fixtures.url('partner.microsoft.com', `partner-center/wizard-spa.html?${new URLSearchParams({ kind: 'purchase', quote, delay: '300' })}`));
      await page.locator('#sub-0').check();
      const stopStopping = await keepStoppingWorker(browser);
      try {
        await page.locator('#wizard-next').click();
        await page.locator('#summary-id').waitFor();
        await page.waitForTimeout(1500);
      } finally {
        await stopStopping();
      }
      await expect
        // The content script sends the capture again for up to a minute while the worker does not answer.
        .poll(async () => (await data<{ offers: Offer[] }>(browser, { type: 'offers.search', query: quote })).offers.length, { timeout: 60_000 })
        .toBe(1);
      await page.waitForTimeout(1000);
      const { offers } = await data<{ offers: Offer[] }>(browser, { type: 'offers.search', query: quote });
      expect(offers).toHaveLength(1);
      expect(offers[0]).toMatchObject({ summaryId: 'PO-44444444', subscriptions: [{ name: 'Microsoft 365 Business Basic' }] });
    } finally {
      await browser.close();
    }
  });
});
