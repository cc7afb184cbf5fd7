import { DB_VERSION } from '../../lib/offers/db';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { offerFromV1, type V1Offer } from '../../lib/offers/from-v1';
import type { CustomerStatus, Offer } from '../../lib/offers/schema';
import { buildSchemaV1Database, SCHEMA_V1_OFFERS } from '../fixtures/db/schema-v1';
import { buildSchemaV3Database } from '../fixtures/db/schema-v3';
import { manyV1Offers, SCHEMA_V1_RICH_OFFERS } from '../fixtures/db/schema-v1-rich';
import { launchExtension, type ExtensionBrowser } from './harness';
import { databaseVersion, expectUpgradedFromV3, ids, offersOnDisk, schemaV3Contents, schemaV3Offers } from './upgrade-from-v3';

const V1_FIXTURES = [...SCHEMA_V1_OFFERS, ...SCHEMA_V1_RICH_OFFERS] as unknown as V1Offer[];
/** The v1 fields v2 replaced by `customers`, and the v1 database's index fields. */
const REPLACED_IN_V2 = new Set(['customer', 'status', 'statusHistory', 'sends', 'customerKey', 'urlKey', 'words']);

/** Who each frozen v1 offer's customers are once upgraded, and where each stands: by address, else name, else company. */
const EXPECTED_CUSTOMERS: Record<string, [string, CustomerStatus, number][]> = {
  'v1-offer-1': [['elodie@fabrikam.example', 'sent', 1]],
  'v1-offer-2': [],
  'v1-offer-3': [
    ['claire@contoso.example', 'sent', 1],
    ['bob@contoso.example', 'sent', 2],
  ],
  'v1-offer-4': [['', 'accepted', 1]],
  'v1-offer-5': [['jean.dupont@northwind.example', 'declined', 1]],
  'v1-offer-6': [['Northwind Traders', 'expired', 1]],
  'v1-offer-7': [
    ['zoe@tailspin.example', 'withdrawn', 1],
    ['Marc Petit', 'sent', 1],
  ],
};

/** The extension API that test code calls inside extension pages (page.evaluate). */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
/** How the first request, the one that starts the upgrade, ended (noted in the page). */
interface UpgradeWatch {
  firstAnswer?: string;
}
/** How long the upgrade runs before the worker is stopped; the whole upgrade takes seconds. */
const STOP_AFTER_MS = 250;
/** Enough v1 offers that their upgrade takes seconds. */
const BULK = 20_000;

async function data<T>(browser: ExtensionBrowser, request: Parameters<ExtensionBrowser['send']>[0]): Promise<T> {
  const answer = await browser.send(request);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.data as T;
}

/**
 * A page of the extension that sends no message, so the background has not opened the database:
 * the v1 database is built there before the extension ever sees it.
 */
async function quietExtensionPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/icon/128.png`);
  return page;
}

describe('the upgrade from schema version 1', () => {
  it('opens every v1 offer intact, its customer and sends as customers with statuses, found by search, filters and the history page', async () => {
    const browser = await launchExtension();
    try {
      const quiet = await quietExtensionPage(browser);
      await quiet.evaluate(buildSchemaV1Database, V1_FIXTURES as object[]);

      const { offers } = await data<{ offers: Offer[] }>(browser, { type: 'offers.page', limit: 50 });
      expect(ids(offers)).toEqual(['v1-offer-7', 'v1-offer-6', 'v1-offer-5', 'v1-offer-4', 'v1-offer-3', 'v1-offer-2', 'v1-offer-1']);
      for (const record of V1_FIXTURES) {
        const { offer } = await data<{ offer: Offer }>(browser, { type: 'offers.get', id: record.id });
        for (const [field, value] of Object.entries(record)) {
          if (!REPLACED_IN_V2.has(field)) expect((offer as unknown as Record<string, unknown>)[field], `${record.id}.${field}`).toEqual(value);
        }
        const customers = offer.customers.map((customer): [string, CustomerStatus, number] => [
          customer.email ?? customer.name ?? customer.company ?? '',
          customer.status,
          customer.sends.length,
        ]);
        expect(customers, record.id).toEqual(EXPECTED_CUSTOMERS[record.id]);
        expect(offer, record.id).toEqual(offerFromV1(record));
      }

      const search = async (query: string) => ids((await data<{ offers: Offer[] }>(browser, { type: 'offers.search', query })).offers);
      expect(await search('élodie')).toEqual(['v1-offer-1']);
      expect(await search('fevrier')).toEqual(['v1-offer-1']);
      expect(await search('claire')).toEqual(['v1-offer-3']);
      expect(await search('marc petit')).toEqual(['v1-offer-7']);
      expect(await search('northwind')).toEqual(['v1-offer-6', 'v1-offer-5']);
      const atStatus = async (status: CustomerStatus) => ids((await data<{ offers: Offer[] }>(browser, { type: 'offers.page', filter: { status } })).offers);
      expect(await atStatus('sent')).toEqual(['v1-offer-7', 'v1-offer-3', 'v1-offer-1']);
      expect(await atStatus('accepted')).toEqual(['v1-offer-4']);
      expect(await atStatus('declined')).toEqual(['v1-offer-5']);
      expect(await atStatus('expired')).toEqual(['v1-offer-6']);
      expect(await atStatus('withdrawn')).toEqual(['v1-offer-7']);
      // v1-offer-2 has no customer: no customer stands at pending (version 8), the offer itself is pending.
      expect(await atStatus('pending')).toEqual([]);
      expect(ids((await data<{ offers: Offer[] }>(browser, { type: 'offers.page', filter: { offerStatus: 'pending' } })).offers)).toEqual(['v1-offer-2']);
      const linked = await data<{ followUpOf: Offer | null; followedUpBy: Offer[] }>(browser, { type: 'offers.linked', id: 'v1-offer-5' });
      expect(ids(linked.followedUpBy)).toEqual(['v1-offer-6']);

      const history = await browser.openExtensionPage('history.html?offer=v1-offer-3');
      await expect.poll(() => history.locator('tbody tr[data-offer-id]').count()).toBe(V1_FIXTURES.length);
      expect(await history.locator('tr[data-offer-id="v1-offer-4"]').textContent()).toContain('Accepted');
      expect(await history.locator('tr[data-offer-id="v1-offer-1"]').textContent()).toContain('Fabrikam');
      await expect.poll(() => history.locator('[data-testid=customer-summary]').textContent()).toContain('2 customers');
      expect(await history.locator('.customer-card').allTextContents()).toEqual([
        expect.stringContaining('claire@contoso.example'),
        expect.stringContaining('bob@contoso.example'),
      ]);
      await history.locator('#filter-status').selectOption('declined');
      await expect.poll(() => history.locator('tbody tr[data-offer-id]').count()).toBe(1);
      expect(await history.locator('tbody tr[data-offer-id]').getAttribute('data-offer-id')).toBe('v1-offer-5');
      await history.locator('#filter-status').selectOption('');
      await history.locator('#search').fill('Marc Petit');
      await expect.poll(() => history.locator('tbody tr[data-offer-id]').count()).toBe(1);
      expect(await history.locator('tbody tr[data-offer-id]').getAttribute('data-offer-id')).toBe('v1-offer-7');
    } finally {
      await browser.close();
    }
  });

  it('rolls an upgrade stopped mid-way back to version 1 whole, and the next request upgrades every offer', async () => {
    const browser = await launchExtension();
    try {
      const quiet = await quietExtensionPage(browser);
      // Written fast: the records are made in the page rather than sent over.
      const records = [...V1_FIXTURES, ...(manyV1Offers(BULK) as V1Offer[])];
      await quiet.evaluate(`(${buildSchemaV1Database.toString()})([...${JSON.stringify(V1_FIXTURES)}, ...(${manyV1Offers.toString()})(${BULK})])`);
      const expectedDigest = createHash('sha256')
        .update(JSON.stringify([...records].sort((a, b) => (a.id < b.id ? -1 : 1))))
        .digest('hex');
      expect(await quiet.evaluate(offersOnDisk)).toMatchObject({ version: 1, indexes: V1_INDEXES, digest: expectedDigest });

      await quiet.evaluate(() => {
        const watch = globalThis as UpgradeWatch;
        chrome.runtime.sendMessage({ type: 'offers.count' }).then(
          (answer) => (watch.firstAnswer = JSON.stringify(answer)),
          (error: unknown) => (watch.firstAnswer = `failed: ${String(error)}`),
        );
      });
      // The browser lists the version being upgraded to while the upgrade's transaction runs.
      await expect.poll(() => quiet.evaluate(databaseVersion), { timeout: 15_000, interval: 20 }).toBe(DB_VERSION);
      await quiet.waitForTimeout(STOP_AFTER_MS);
      expect(await quiet.evaluate(() => (globalThis as UpgradeWatch).firstAnswer)).toBeUndefined();
      const cdp = await browser.context.newCDPSession(quiet);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();

      // The first attempt never answered, and the browser rolled its transaction back: version 1, every record as it was.
      await expect.poll(() => quiet.evaluate(() => (globalThis as UpgradeWatch).firstAnswer), { timeout: 10_000 }).toMatch(/^failed: /);
      expect(await quiet.evaluate(databaseVersion)).toBe(1);
      expect(await quiet.evaluate(offersOnDisk)).toMatchObject({ version: 1, indexes: V1_INDEXES, digest: expectedDigest });

      expect(await data(browser, { type: 'offers.count' })).toEqual({ count: records.length });
      const upgraded = new Map<string, Offer>();
      for (let cursor: string | null | undefined; cursor !== null; ) {
        const page = await data<{ offers: Offer[]; nextCursor: string | null }>(browser, { type: 'offers.page', limit: 500, ...(cursor ? { cursor } : {}) });
        for (const offer of page.offers) upgraded.set(offer.id, offer);
        cursor = page.nextCursor;
      }
      expect(upgraded.size).toBe(records.length);
      for (const record of records) expect(upgraded.get(record.id), record.id).toEqual(offerFromV1(record));
      expect(upgraded.get('v1-bulk-1000')?.customers).toMatchObject([{ email: 'client1000@bulk.example', status: 'sent', sends: [{ subject: 'Offer 1000' }] }]);
      expect(upgraded.get('v1-bulk-1001')?.customers).toMatchObject([{ email: 'client1001@bulk.example', status: 'pending', sends: [] }]);
      const sent = await data<{ offers: Offer[] }>(browser, { type: 'offers.search', query: 'client19998', filter: { status: 'sent' } });
      expect(ids(sent.offers)).toEqual(['v1-bulk-19998']);
    } finally {
      await browser.close();
    }
  }, 240_000);
});

describe('the upgrade from schema version 3', () => {
  it('rewrites every offer on to today’s records, searches them newest first through today’s word index, and finds their keys there', async () => {
    const offers = schemaV3Offers();
    const browser = await launchExtension();
    try {
      const quiet = await quietExtensionPage(browser);
      await quiet.evaluate(buildSchemaV3Database, schemaV3Contents(offers));
      expect(await quiet.evaluate(databaseVersion)).toBe(3);
      await expectUpgradedFromV3(offers, (request) => data(browser, request), () => quiet.evaluate(offersOnDisk));
    } finally {
      await browser.close();
    }
  });
});

const V1_INDEXES = ['customer', 'kind', 'newest', 'status', 'summaryId', 'url', 'usageLocation', 'words'];

