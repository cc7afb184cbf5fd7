import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { BACKUP_VERSION, type BackupFile } from '../../lib/offers/backup-envelope';
import { exportedBackup, importOffers } from './backup-transfer';
import type { Offer } from '../../lib/offers/schema';
import { makeCustomer, makeOffer, offerUrl, newestFirst } from '../unit/offer-factory';
import { buttonNamed, launchFirefoxExtension, waitFor, type FirefoxExtension } from './firefox-harness';

let firefox: FirefoxExtension;
beforeAll(async () => {
  firefox = await launchFirefoxExtension();
});
afterAll(async () => {
  await firefox?.close();
});

async function data<T>(request: Parameters<FirefoxExtension['send']>[0]): Promise<T> {
  const answer = await firefox.send(request);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.data as T;
}

/** Replaces every offer with these. */
async function seed(offers: Offer[]): Promise<void> {
  await data({ type: 'offers.deleteAll' });
  await importOffers(firefox, offers);
}

/** Four offers, the second accepted by its customer and the trial without one. */
/** The ids a search lists on every page of `limit`, following each page's cursor to the end. */
async function searchAllPages(query: string, limit: number): Promise<string[]> {
  const found: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await data<{ offers: Offer[]; nextCursor: string | null }>({ type: 'offers.search', query, limit, ...(cursor ? { cursor } : {}) });
    found.push(...page.offers.map((offer) => offer.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

function deskOffers(): Offer[] {
  const [first, second, third, fourth] = ['2026-02-03T10:00:00.000Z', '2026-03-10T10:00:00.000Z', '2026-03-20T10:00:00.000Z', '2026-04-01T10:00:00.000Z'];
  return [
    makeOffer(1, { summaryId: 'PO-1001', usageLocation: 'France', customers: [makeCustomer('c1', { company: 'Boulangerie Fournil', name: 'Émilie Durand' }, first)], createdAt: first }),
    makeOffer(2, { summaryId: 'PO-1002', usageLocation: 'Canada', customers: [makeCustomer('c2', { company: 'Northwind' }, second, 'accepted')], createdAt: second }),
    makeOffer(3, { kind: 'trial', url: offerUrl(3, 'Trial'), summaryId: 'TR-2001', usageLocation: 'Belgique', customers: [], createdAt: third }),
    makeOffer(4, { summaryId: 'PO-1004', usageLocation: 'France', customers: [makeCustomer('c4', { company: 'Contoso', email: 'achats@contoso.example' }, fourth)], createdAt: fourth }),
  ].map((offer) => ({ ...offer, updatedAt: offer.createdAt }));
}

const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '').catch(() => '');
const rowIds = (page: Page) => page.$$eval('tbody tr[data-offer-id]', (rows) => rows.map((row) => row.querySelector('td:nth-child(3)')?.textContent ?? ''));

async function fill(page: Page, selector: string, value: string): Promise<void> {
  const input = (await page.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
  await input.click({ count: 3 });
  await input.press('Backspace');
  await input.type(value);
}

describe('popup, in Firefox', () => {
  it('shows the latest offer with its actions and the five before it', async () => {
    await seed(Array.from({ length: 8 }, (_, i) => makeOffer(i + 1)));
    const popup = await firefox.openExtensionPage('popup.html');
    await waitFor(() => text(popup, '.offer-card'), (card) => card.includes('SUM-8'));
    expect(await popup.$$eval('.recent li', (items) => items.length)).toBe(5);
    expect(await popup.$eval('.recent a', (link) => link.getAttribute('href'))).toBe('/history.html?offer=offer-7');
    for (const action of ['Copy offer URL', 'Copy message', 'Insert offer']) await buttonNamed(popup, action);
    await popup.close();
  });

  it('adds an offer by hand, after showing what is wrong', async () => {
    await seed([]);
    const popup = await firefox.openExtensionPage('popup.html');
    await (await buttonNamed(popup, 'Add offer manually')).click();
    await fill(popup, '#manual-url', offerUrl(42).replace('portal.office.com/partner/partnersignup.aspx', 'login.microsoftonline.com/common/oauth2/authorize'));
    await (await buttonNamed(popup, 'Save offer')).click();
    await waitFor(() => text(popup, '#manual-url-error'), (error) => error.includes("does not lead to Microsoft's offer page"));
    expect(await data({ type: 'offers.count' })).toEqual({ count: 0 });

    await fill(popup, '#manual-url', offerUrl(42));
    await fill(popup, '#manual-sub-0-name', 'Microsoft 365 E3');
    await fill(popup, '#manual-sub-0-licenses', '12');
    await fill(popup, '#manual-customerCompany', 'Fabrikam');
    await (await buttonNamed(popup, 'Save offer')).click();
    await waitFor(() => text(popup, '[role="status"]'), (status) => status.includes('Offer saved.'));
    expect(await text(popup, '.offer-card')).toContain('Microsoft 365 E3');
    const { offers } = await data<{ offers: Offer[] }>({ type: 'offers.search', query: 'fabrikam' });
    expect(offers).toMatchObject([{ source: 'manual', url: offerUrl(42), subscriptions: [{ name: 'Microsoft 365 E3', licenses: 12 }] }]);
    await popup.close();
  });
  it('pages a search for a rare word through the word index, across offers created at one moment', async () => {
    // Every 25th offer's customer is at Fabrikam, and offer 151, created with offer 150: the newest
    // offers hold none, so the word index lists them. Pages of 5 end between 151 and 150.
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + Math.floor((i + 5) / 10) * 60_000).toISOString();
    const fabrikam = (i: number) => i % 25 === 0 || i === 151;
    const offers = Array.from({ length: 400 }, (_, i) => makeOffer(i, { createdAt: at(i), customers: [makeCustomer(`c${i}`, { company: fabrikam(i) ? 'Fabrikam' : 'Contoso' })] }));
    await seed(offers);
    expect(await searchAllPages('fabrikam business', 5)).toEqual(offers.filter((_, i) => fabrikam(i)).sort(newestFirst).map((offer) => offer.id));
  });

  it('pages a two-word search from the words’ newest entries, where the newest offer holds both and one in 100 after it', async () => {
    // The newest holds both words, then every 100th: too seldom to scan for a page of 50, so the
    // word index gives the offers holding both, from the newest down.
    const fabrikam = (i: number) => (2999 - i) % 100 === 0;
    const offers = Array.from({ length: 3000 }, (_, i) => makeOffer(i, { customers: [makeCustomer(`c${i}`, { company: fabrikam(i) ? 'Fabrikam' : 'Contoso' })] }));
    await seed(offers);
    expect(await searchAllPages('fabrikam business', 20)).toEqual(offers.filter((_, i) => fabrikam(i)).sort(newestFirst).map((offer) => offer.id));
  });
});

describe('history page, in Firefox', () => {
  it('searches and filters, and changes a customer’s status from the offer’s details', async () => {
    await seed(deskOffers());
    const page = await firefox.openExtensionPage('history.html');
    await waitFor(() => rowIds(page), (ids) => ids.length === 4);
    expect(await rowIds(page)).toEqual(['PO-1004', 'TR-2001', 'PO-1002', 'PO-1001']);
    await fill(page, '#search', 'emilie');
    await waitFor(() => rowIds(page), (ids) => ids.join() === 'PO-1001');
    await fill(page, '#search', '');
    await waitFor(() => rowIds(page), (ids) => ids.length === 4);
    await page.select('#filter-kind', 'trial');
    await waitFor(() => rowIds(page), (ids) => ids.join() === 'TR-2001');
    expect(await page.evaluate(() => location.search)).toContain('kind=trial');

    const details = await firefox.openExtensionPage('history.html?offer=offer-4');
    await waitFor(() => text(details, '#details-heading'), (heading) => heading.includes('PO-1004'));
    await details.waitForSelector('#customer-c4-status');
    await details.select('#customer-c4-status', 'accepted');
    await waitFor(() => text(details, '[data-testid="customer-summary"]'), (summary) => summary === '1 customer: Accepted (1)');
    expect(await data({ type: 'offers.get', id: 'offer-4' })).toMatchObject({ offer: { customers: [{ id: 'c4', status: 'accepted' }] } });
    await Promise.all([page.close(), details.close()]);
  });

  it('saves a status chosen with the arrow keys on Enter, not each status passed', async () => {
    await seed(deskOffers());
    const details = await firefox.openExtensionPage('history.html?offer=offer-4');
    const status = async () => (await data<{ offer: Offer }>({ type: 'offers.get', id: 'offer-4' })).offer.customers[0]!;
    await details.waitForSelector('#customer-c4-status');
    await details.focus('#customer-c4-status');
    await details.keyboard.press('ArrowDown');
    await details.keyboard.press('ArrowDown');
    await waitFor(() => text(details, '#customer-c4-status-hint'), (hint) => hint === 'Enter to save, Escape to cancel.');
    expect(await details.$eval('#customer-c4-status', (select) => (select as HTMLSelectElement).value)).toBe('sent');
    expect((await status()).status).toBe('pending');
    await details.keyboard.press('Enter');
    await waitFor(async () => (await status()).status, (saved) => saved === 'sent');
    expect((await status()).history.map((entry) => entry.status)).toEqual(['pending', 'sent']);
    await details.close();
  });
});

describe('backup, in Firefox', () => {
  it('exports a JSON file from the history page and imports it back after every offer is gone', async () => {
    await seed(deskOffers());
    for (const file of readdirSync(firefox.downloadDir)) rmSync(join(firefox.downloadDir, file));
    const page = await firefox.openExtensionPage('history.html');
    await waitFor(() => rowIds(page), (ids) => ids.length === 4);
    await (await buttonNamed(page, 'Export backup (JSON)')).click();
    const [name] = await waitFor(
      async () => readdirSync(firefox.downloadDir).filter((file) => file.endsWith('.json')),
      (files) => files.length === 1,
    );
    const file = join(firefox.downloadDir, name!);
    const exported = await waitFor(
      async () => {
        try {
          return JSON.parse(readFileSync(file, 'utf8')) as BackupFile;
        } catch {
          return null;
        }
      },
      (backup) => backup !== null,
    );
    expect(exported).toMatchObject({ format: 'offer-courier-backup', version: BACKUP_VERSION, settings: {} });
    expect(exported!.offers.map((offer) => offer.summaryId).sort()).toEqual(['PO-1001', 'PO-1002', 'PO-1004', 'TR-2001']);

    await page.close();

    await data({ type: 'offers.deleteAll' });
    const restore = await firefox.openExtensionPage('history.html');
    const input = (await restore.waitForSelector('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await waitFor(() => text(restore, '.backup-outcome'), (outcome) => outcome.includes('4 added, 0 updated, 0 unchanged, 0 rejected'));
    await waitFor(() => rowIds(restore), (ids) => ids.length === 4);
    const again = await exportedBackup((request) => firefox.send(request));
    expect(again.offers).toEqual(exported!.offers);
    await restore.close();
  });
});
