import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_VERSION, type BackupFile } from '../../lib/offers/backup-envelope';
import { exportedBackup } from './backup-transfer';
import type { Offer } from '../../lib/offers/schema';
import { offerUrl } from '../unit/offer-factory';
import { launchExtension, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { sendRequest } from './offer-requests';

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

async function upsert(target: ExtensionBrowser, n: number, extra: Record<string, unknown> = {}) {
  const answer = await target.send({ type: 'offers.upsert', draft: { url: offerUrl(n), source: 'manual', ...extra } });
  expect(answer.ok).toBe(true);
  return (answer as { data: { offer: Offer } }).data.offer;
}

describe('the extension', () => {
  it('starts its service worker from the production build', async () => {
    expect((await browser.worker()).url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
  });

  it('opens the popup, history and options pages without errors', async () => {
    for (const [path, heading] of [
      ['popup.html', 'Offer Courier'],
      ['history.html', 'Offer history'],
      ['options.html', 'Offer Courier settings'],
    ] as const) {
      const errors: string[] = [];
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe(heading);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('serves fixtures on the real host names', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('example.com', 'pages/plain.html'));
    expect(await page.locator('h1').textContent()).toBe('A page with no offer on it');
    await page.close();
  });
});

describe('messaging', () => {
  it('shows an offer sent through messaging on the history page', async () => {
    await upsert(browser, 1, { summaryId: 'E2E-SUMMARY-1', customer: { company: 'Fabrikam' } });
    const page = await browser.openExtensionPage('history.html');
    const row = page.locator('tr', { hasText: 'E2E-SUMMARY-1' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Fabrikam');
    expect(await row.textContent()).toContain('Purchase offer');
    await page.close();
  });

  it('answers malformed and unknown messages with an error', async () => {
    expect(await browser.send({ type: 'offers.nuke' } as never)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await browser.send({ type: 'offers.upsert', draft: { url: 'https://example.com/', source: 'manual' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-offer' },
    });
  });

  it('keeps every offer when the service worker is stopped', async () => {
    await upsert(browser, 2, { summaryId: 'E2E-SUMMARY-2' });
    const cdp = await browser.context.newCDPSession(await browser.openExtensionPage('popup.html'));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const answer = await browser.send({ type: 'offers.search', query: 'e2e-summary-2' });
    expect(answer).toMatchObject({ ok: true, data: { offers: [{ summaryId: 'E2E-SUMMARY-2' }] } });
  });
});

describe('backup', () => {
  it('exports from one profile and imports into a fresh profile with nothing lost', async () => {
    const source = await launchExtension();
    const target = await launchExtension();
    try {
      const first = await upsert(source, 10, {
        summaryId: 'BK-10',
        partnerOffice: 'Montréal',
        usageLocation: 'Canada',
        subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 25 }],
        delegatedAdmin: true,
        customer: { name: 'Zoë Tremblay', email: 'zoe@example.com', company: 'Érable & Fils' },
        notes: 'Line one\n"quoted", <b>not bold</b>',
      });
      await upsert(source, 11, { summaryId: 'BK-11' });
      await upsert(source, 12);
      await source.send(sendRequest(first.id, 'gmail', [{ email: 'zoe@example.com' }], { subject: 'Offer' }));
      await source.send({ type: 'offers.setCustomerStatus', id: first.id, customerId: first.customers[0]!.id, status: 'accepted' });

      const history = await source.openExtensionPage('history.html');
      const [download] = await Promise.all([
        history.waitForEvent('download'),
        history.getByRole('button', { name: 'Export backup (JSON)' }).click(),
      ]);
      const file = await download.path();
      const exported = JSON.parse(readFileSync(file, 'utf8')) as BackupFile;
      expect(exported).toMatchObject({ format: 'offer-courier-backup', version: BACKUP_VERSION });
      expect(exported.offers).toHaveLength(3);
      expect(exported.offers.find((offer) => offer.id === first.id)?.customers).toMatchObject([
        { email: 'zoe@example.com', status: 'accepted', sends: [{ provider: 'gmail', subject: 'Offer' }] },
      ]);

      const restore = await target.openExtensionPage('history.html');
      await restore.locator('input[type=file]').setInputFiles(file);
      await expect.poll(() => restore.locator('.backup').getByRole('status').textContent()).toContain('3 added, 0 updated, 0 unchanged, 0 rejected');
      await expect.poll(() => restore.locator('tbody tr[data-offer-id]').count()).toBe(3);

      const again = await exportedBackup((request) => target.send(request));
      expect(again.offers).toEqual(exported.offers);

      await restore.locator('input[type=file]').setInputFiles(file);
      await expect.poll(() => restore.locator('.backup').getByRole('status').textContent()).toContain('0 added, 0 updated, 3 unchanged, 0 rejected');
    } finally {
      await Promise.all([source.close(), target.close()]);
    }
  });

  it('refuses a foreign file whole and says why', async () => {
    const page = await browser.openExtensionPage('history.html');
    await page.locator('input[type=file]').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'someone-else', offers: [] })),
    });
    await expect.poll(() => page.locator('.backup').getByRole('status').textContent()).toContain('This file cannot be imported');
    await page.close();
  });
});
