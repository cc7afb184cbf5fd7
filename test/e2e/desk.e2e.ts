import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../public/_locales/en/messages.json';
import { PLACEHOLDER_NAMES, PLACEHOLDERS } from '../../lib/message/placeholders';
import type { Offer } from '../../lib/offers/schema';
import type { Settings } from '../../lib/settings/settings';
import { makeCustomer, makeOffer, offerUrl, newestFirst } from '../unit/offer-factory';
import { launchExtension, ROOT, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { sendRequest } from './offer-requests';
import { importOffers } from './backup-transfer';
import { createBackup } from '../../lib/offers/backup';

/** The extension APIs that test code calls inside extension pages (page.evaluate). */
declare const chrome: {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined>; create(name: string, info: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
};

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
// `npm run screenshots` refreshes the README's pictures; ordinary runs take them without touching the repository.
const SCREENSHOTS = join(ROOT, process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

async function data<T>(target: ExtensionBrowser, request: Parameters<ExtensionBrowser['send']>[0]): Promise<T> {
  const answer = await target.send(request);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.data as T;
}

/** Replaces every offer with these. */
async function seed(target: ExtensionBrowser, offers: Offer[]) {
  await data(target, { type: 'offers.deleteAll' });
  await importOffers(target, offers);
}

/** Four offers with one customer each, as on the README's pictures. */
function deskOffers(): Offer[] {
  const [first, second, third, fourth] = ['2026-02-03T10:00:00.000Z', '2026-03-10T10:00:00.000Z', '2026-03-20T10:00:00.000Z', '2026-04-01T10:00:00.000Z'];
  return [
    makeOffer(1, { summaryId: 'PO-1001', usageLocation: 'France', customers: [makeCustomer('c1', { company: 'Boulangerie Fournil', name: 'Émilie Durand' }, first)], createdAt: first }),
    makeOffer(2, { summaryId: 'PO-1002', usageLocation: 'Canada', customers: [makeCustomer('c2', { company: 'Northwind' }, second, 'accepted')], createdAt: second }),
    makeOffer(3, {
      kind: 'trial',
      url: offerUrl(3, 'Trial'),
      summaryId: 'TR-2001',
      usageLocation: 'Belgique',
      customers: [makeCustomer('c3', { company: 'Tailspin Toys' }, third)],
      subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 25 }],
      createdAt: third,
    }),
    makeOffer(4, { summaryId: 'PO-1004', usageLocation: 'France', customers: [makeCustomer('c4', { company: 'Contoso', email: 'achats@contoso.example' }, fourth)], createdAt: fourth }),
  ].map((offer) => ({ ...offer, updatedAt: offer.createdAt }));
}

async function openPage(path: string, size?: { width: number; height: number }): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (size) await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

async function expectNoAxeViolations(page: Page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
}

const rows = (page: Page) => page.locator('tbody tr[data-offer-id]');
const rowIds = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.querySelector('td:nth-child(3)')?.textContent));

describe('popup', () => {
  it('adds an offer by hand: errors next to the fields, then saved', async () => {
    await seed(browser, []);
    const popup = await openPage('popup.html', { width: 380, height: 700 });
    await popup.getByRole('button', { name: 'Add offer manually' }).click();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('manual-url');
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('form.manual-form').count()).toBe(0);
    // The keyboard goes back to the button that opened the form, not to the page's body.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Add offer manually');
    await popup.getByRole('button', { name: 'Add offer manually' }).click();
    await popup.getByLabel('Offer URL').fill('https://example.com/nothing');
    await popup.getByLabel('Licenses for subscription 1').fill('twelve');
    await popup.getByLabel('Customer email').fill('not-an-email');
    await popup.getByRole('button', { name: 'Save offer' }).click();
    await expect.poll(() => popup.locator('#manual-url-error').textContent()).toContain("does not lead to Microsoft's offer page");
    expect(await popup.locator('#manual-sub-0-licenses-error').textContent()).toContain('whole number');
    expect(await popup.locator('#manual-customerEmail-error').textContent()).toContain('name@example.com');
    // The form moves focus to the first wrong field on the frame after it shows the errors.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('manual-url');
    expect(await data<{ count: number }>(browser, { type: 'offers.count' })).toEqual({ count: 0 });

    await popup.getByLabel('Offer URL').fill(offerUrl(42));
    await popup.getByLabel('Subscription 1', { exact: true }).fill('Microsoft 365 E3');
    await popup.getByLabel('Licenses for subscription 1').fill('12');
    await popup.getByLabel('Customer email').fill('buyer@fabrikam.example');
    await popup.getByLabel('Customer company').fill('Fabrikam');
    await popup.getByLabel('Delegated administration').selectOption('yes');
    await popup.getByRole('button', { name: 'Save offer' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Offer saved.');
    // Saved: the keyboard is on the offer now shown first.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('latest-heading');
    const card = popup.locator('.offer-card');
    expect(await card.textContent()).toContain('Microsoft 365 E3');
    expect(await card.textContent()).toContain('Offered');
    const { offers } = await data<{ offers: Offer[] }>(browser, { type: 'offers.search', query: 'fabrikam' });
    expect(offers).toMatchObject([{ source: 'manual', subscriptions: [{ name: 'Microsoft 365 E3', licenses: 12 }], delegatedAdmin: true }]);
    await popup.close();
  });

  it('shows the latest offer with its actions and the five before it, copying URL and message', async () => {
    await seed(browser, Array.from({ length: 8 }, (_, i) => makeOffer(i + 1)));
    const popup = await openPage('popup.html', { width: 380, height: 700 });
    await expect.poll(() => popup.locator('.offer-card').textContent()).toContain('SUM-8');
    expect(await popup.locator('.recent li').count()).toBe(5);
    expect(await popup.locator('.recent a').first().getAttribute('href')).toBe('/history.html?offer=offer-7');
    // The outcome's live region is there before anything happens, so its first message is read out.
    const outcomeExposed = (page: Page) => page.getByRole('status').evaluateAll((regions) => regions.some((region) => region.classList.contains('outcome')));
    expect(await outcomeExposed(popup)).toBe(true);

    await popup.getByRole('button', { name: 'Copy offer URL' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Offer URL copied.');
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(offerUrl(8));

    await popup.getByRole('button', { name: 'Copy message' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Message copied');
    const clip = await popup.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: item!.types, html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
    });
    expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(clip.html).toContain(`href="${offerUrl(8).replaceAll('&', '&amp;')}"`);
    expect(clip.text).toContain(offerUrl(8));

    const [details] = await Promise.all([browser.context.waitForEvent('page'), popup.locator('.recent a').first().click()]);
    await details.waitForLoadState();
    expect(details.url()).toContain('/history.html?offer=offer-7');
    await expect.poll(() => details.locator('#details-heading').textContent()).toContain('SUM-7');
    expect(await outcomeExposed(details)).toBe(true);
    await details.close();
  });

  it('captures from a Partner Center page, its primary action only there', async () => {
    await seed(browser, []);
    const partner = await browser.context.newPage();
    await partner.goto(fixtures.url('partner.microsoft.com', 'partner-center/result-purchase-en.html'));
    const popup = await openPage('popup.html', { width: 380, height: 700 });
    await popup.bringToFront();
    await popup.reload();
    await popup.locator('.popup-actions:not(.pending)').waitFor();
    // The page saved its offer as it loaded: elsewhere, copying that offer's message comes first.
    expect(await popup.locator('.primary-action').textContent()).toBe('Copy message');
    // The popup reads the tab that is active when it opens.
    await partner.bringToFront();
    await popup.reload();
    const capture = popup.locator('.primary-action').getByRole('button', { name: 'Capture from this page' });
    await expect.poll(() => capture.count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Add offer manually' }).count()).toBe(1);
    await capture.click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toMatch(/Offer captured from this page\.|already saved/);
    expect(await popup.locator('.offer-card').textContent()).toContain('PO-4K7Q-22XM');

    await partner.goto(fixtures.url('partner.microsoft.com', 'pages/plain.html'));
    await partner.bringToFront();
    await popup.reload();
    await popup.getByRole('button', { name: 'Capture from this page' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('No offer link was found on this page.');
    await Promise.all([popup.close(), partner.close()]);
  });

  it('explains when there is no compose window for "Insert offer"', async () => {
    await seed(browser, [makeOffer(1)]);
    const popup = await openPage('popup.html', { width: 380, height: 700 });
    await popup.getByRole('button', { name: 'Insert offer' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Open Gmail or Outlook on the web in this tab');
    await popup.close();
  });
});

describe('history page', () => {
  it('searches and filters, with the view in the URL', async () => {
    await seed(browser, deskOffers());
    const page = await openPage('history.html');
    await expect.poll(() => rows(page).count()).toBe(4);
    expect(await rowIds(page)).toEqual(['PO-1004', 'TR-2001', 'PO-1002', 'PO-1001']);

    await page.getByRole('searchbox', { name: 'Search' }).fill('emilie');
    await expect.poll(() => rowIds(page)).toEqual(['PO-1001']);
    await expect.poll(() => page.url()).toContain('?q=emilie');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => rows(page).count()).toBe(4);

    await page.getByLabel('Kind').selectOption('trial');
    await expect.poll(() => rowIds(page)).toEqual(['TR-2001']);
    await page.getByLabel('Kind').selectOption('');
    // A filter picked right after typing, before the search went out: both hold.
    await page.getByRole('searchbox', { name: 'Search' }).fill('microsoft');
    await page.getByLabel('Kind').selectOption('trial');
    await page.waitForTimeout(400);
    await expect.poll(() => rowIds(page)).toEqual(['TR-2001']);
    expect(page.url()).toContain('kind=trial');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => rows(page).count()).toBe(4);
    await page.getByLabel('Usage location').selectOption('France');
    await expect.poll(() => rowIds(page)).toEqual(['PO-1004', 'PO-1001']);
    await page.getByLabel('Customer status').selectOption('pending');
    await page.getByLabel('Created from').fill('2026-03-01');
    await expect.poll(() => rowIds(page)).toEqual(['PO-1004']);
    expect(page.url()).toContain('status=pending&location=France&from=2026-03-01');

    // The same view opens again from its address (a bookmark).
    const bookmark = await openPage(`history.html?location=France&to=2026-03-01`);
    await expect.poll(() => rowIds(bookmark)).toEqual(['PO-1001']);
    expect(await bookmark.getByLabel('Usage location').inputValue()).toBe('France');
    expect(await bookmark.getByLabel('Created until').inputValue()).toBe('2026-03-01');
    await page.getByLabel('Created from').fill('2027-01-01');
    await expect.poll(() => page.getByText('No offer matches this search and these filters.').count()).toBe(1);
    // Dates the wrong way round, as while typing them: an empty list, not an error.
    const reversed = await openPage(`history.html?from=2026-12-01&to=2026-01-01`);
    await expect.poll(() => reversed.getByText('No offer matches this search and these filters.').count()).toBe(1);
    expect(await reversed.getByRole('alert').filter({ hasText: 'Something went wrong' }).count()).toBe(0);
    await Promise.all([page.close(), bookmark.close(), reversed.close()]);
  });

  it('shows the filter picked during an import once the import ends, not the list it began on', async () => {
    await seed(browser, deskOffers());
    const page = await openPage('history.html');
    await expect.poll(() => rows(page).count()).toBe(4);
    // Enough purchase offers, with long notes, that the import takes a while.
    const imported = Array.from({ length: 2000 }, (_, i) => makeOffer(5000 + i, { notes: 'x'.repeat(2000) }));
    const file = { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(createBackup(imported, new Date().toISOString()))) };
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByLabel('Kind').selectOption('trial');
    await expect.poll(() => page.locator('.backup-outcome').textContent(), { timeout: 30_000 }).toContain('2,000 added');
    await page.waitForTimeout(500);
    expect(await rowIds(page)).toEqual(['TR-2001']);
    expect(page.url()).toContain('kind=trial');
    await page.close();
  });

  it('pages through many offers without loading them all', async () => {
    await seed(browser, Array.from({ length: 120 }, (_, i) => makeOffer(i)));
    const page = await openPage('history.html');
    await expect.poll(() => rows(page).count()).toBe(50);
    expect((await rowIds(page))[0]).toBe('SUM-119');
    await page.getByRole('button', { name: 'Older offers' }).click();
    await expect.poll(async () => (await rowIds(page))[0]).toBe('SUM-69');
    await page.getByRole('button', { name: 'Older offers' }).click();
    await expect.poll(() => rows(page).count()).toBe(20);
    expect(await page.getByRole('button', { name: 'Older offers' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Newer offers' }).click();
    await expect.poll(async () => (await rowIds(page))[0]).toBe('SUM-69');
    await page.close();
  });

  it('pages a search with more than 50 matches, keeping its filter', async () => {
    // The odd offers' customers are at Société Générale, in France; the even ones' at Contoso, in Canada.
    await seed(browser, Array.from({ length: 130 }, (_, i) => makeOffer(i)));
    const page = await openPage('history.html');
    const shown = page.locator('.history-list').getByRole('status').filter({ hasText: 'shown' });
    await expect.poll(() => rows(page).count()).toBe(50);
    await page.getByRole('searchbox', { name: 'Search' }).fill('generale');
    const generale = Array.from({ length: 65 }, (_, i) => `SUM-${129 - 2 * i}`);
    await expect.poll(() => rowIds(page)).toEqual(generale.slice(0, 50));
    expect(await shown.textContent()).toBe('50 offers shown');
    await page.getByRole('button', { name: 'Older offers' }).click();
    await expect.poll(() => rowIds(page)).toEqual(generale.slice(50));
    expect(await page.getByRole('button', { name: 'Older offers' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Newer offers' }).click();
    await expect.poll(() => rowIds(page)).toEqual(generale.slice(0, 50));
    // A filter narrows every page of the search.
    await page.getByLabel('Usage location').selectOption('France');
    await expect.poll(() => rowIds(page)).toEqual(generale.slice(0, 50));
    await page.getByRole('button', { name: 'Older offers' }).click();
    await expect.poll(() => rowIds(page)).toEqual(generale.slice(50));
    await page.getByLabel('Usage location').selectOption('Canada');
    await expect.poll(() => page.getByText('No offer matches this search and these filters.').count()).toBe(1);
    await page.close();
  });

  it('pages a two-word search scanned newest first, across offers created at one moment', async () => {
    // Every fifth offer's customer is at Fabrikam (a page's matches lie in a few hundred of the
    // newest offers); every offer has Business Standard. Offers 145 and 150, the last of the
    // first page and the first of the next, share a creation time.
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + Math.floor((i + 5) / 10) * 60_000).toISOString();
    const offers = Array.from({ length: 400 }, (_, i) => makeOffer(i, { createdAt: at(i), customers: [makeCustomer(`c${i}`, { company: i % 5 ? 'Contoso' : 'Fabrikam' })] }));
    await seed(browser, offers);
    const page = await openPage('history.html');
    await expect.poll(() => rows(page).count()).toBe(50);
    await page.getByRole('searchbox', { name: 'Search' }).fill('fabrikam business');
    const fabrikam = offers.filter((_, i) => i % 5 === 0).sort(newestFirst).map((offer) => offer.summaryId);
    await expect.poll(() => rowIds(page)).toEqual(fabrikam.slice(0, 50));
    await page.getByRole('button', { name: 'Older offers' }).click();
    await expect.poll(() => rowIds(page)).toEqual(fabrikam.slice(50));
    expect(await page.getByRole('button', { name: 'Older offers' }).count()).toBe(0);
    await page.close();
  });

  it('pages a search for an old customer, deep in the list, whose offers the word index lists', async () => {
    // 20,000 offers. The 2,730 whose customer is at Oldcastle or Oldbridge are the oldest 2,700
    // and 30 in the newest sixth: none of the newest holds the word, so the word index lists
    // them and only their records are read, newest first.
    const old = (i: number) => i < 2700 || (i >= 17_000 && i < 17_030);
    const offers = Array.from({ length: 20_000 }, (_, i) => makeOffer(i, { customers: [makeCustomer(`c${i}`, { company: old(i) ? (i % 2 ? 'Oldcastle' : 'Oldbridge') : 'Contoso' })] }));
    await seed(browser, offers);
    const page = await openPage('history.html');
    await expect.poll(() => rows(page).count()).toBe(50);
    await page.getByRole('searchbox', { name: 'Search' }).fill('old');
    const expected = offers.filter((_, i) => old(i)).sort(newestFirst).map((offer) => offer.summaryId);
    await expect.poll(() => rowIds(page)).toEqual(expected.slice(0, 50));
    await page.getByRole('button', { name: 'Older offers' }).click();
    await expect.poll(() => rowIds(page)).toEqual(expected.slice(50, 100));
    await page.close();
  });

  it('pages a two-word search from the words’ newest entries, where the newest offer holds both and one in 100 after it', async () => {
    // 6,000 offers, each with Business Standard; the newest and every 100th below it at Fabrikam:
    // the newest offers hold the words together too seldom to scan for a page, so the word index
    // gives the offers holding both, newest first. The 50th and the 51st share a creation time.
    const fabrikam = (i: number) => (5999 - i) % 100 === 0;
    const offers = Array.from({ length: 6000 }, (_, i) => makeOffer(i, { customers: [makeCustomer(`c${i}`, { company: fabrikam(i) ? 'Fabrikam' : 'Contoso' })] }));
    offers[999] = { ...offers[999]!, createdAt: offers[1099]!.createdAt };
    await seed(browser, offers);
    const page = await openPage('history.html');
    await expect.poll(() => rows(page).count()).toBe(50);
    await page.getByRole('searchbox', { name: 'Search' }).fill('fabrikam business');
    const expected = offers.filter((_, i) => fabrikam(i)).sort(newestFirst).map((offer) => offer.summaryId);
    await expect.poll(() => rowIds(page)).toEqual(expected.slice(0, 50));
    await page.getByRole('button', { name: 'Older offers' }).click();
    await expect.poll(() => rowIds(page)).toEqual(expected.slice(50));
    expect(await page.getByRole('button', { name: 'Older offers' }).count()).toBe(0);
    await page.close();
  });

  it('changes a customer’s status and shows their timeline', async () => {
    await seed(browser, deskOffers());
    const page = await openPage('history.html?offer=offer-4');
    await expect.poll(() => page.locator('#details-heading').textContent()).toContain('PO-1004');
    await page.getByLabel('Status of Contoso').selectOption('accepted');
    await expect.poll(() => page.getByTestId('customer-summary').textContent()).toBe('1 customer: Accepted (1)');
    await page.locator('.customer-card summary').click();
    expect(await page.locator('.timeline li').count()).toBe(2);
    expect(await page.locator('.timeline li').last().textContent()).toContain('Accepted');
    await expect.poll(() => page.locator('tr[data-offer-id="offer-4"]').textContent()).toContain('Accepted');
    expect(await data(browser, { type: 'offers.get', id: 'offer-4' })).toMatchObject({ offer: { customers: [{ id: 'c4', status: 'accepted' }] } });
    await page.close();
  });

  it('saves notes as they are typed and a customer on Save, and keeps them after a reload', async () => {
    await seed(browser, deskOffers());
    const page = await openPage('history.html?offer=offer-1');
    const notes = page.getByLabel('Notes');
    await expect.poll(() => notes.count()).toBe(1);
    await notes.pressSequentially('Call back after the budget meeting', { delay: 5 });
    await expect.poll(() => page.locator('.save-state').textContent()).toBe('All changes saved.');
    await page.getByRole('button', { name: 'Edit Boulangerie Fournil' }).click();
    await page.getByLabel('Customer name').fill('Émilie Durand-Roux');
    await page.getByRole('button', { name: 'Save customer' }).click();
    await expect.poll(() => page.locator('.details .outcome').textContent()).toContain('Customer saved.');
    // Typed and left at once: the blur saves it without waiting for the pause.
    await notes.press('End');
    await notes.pressSequentially(' (Tuesday)');
    await notes.press('Tab');
    await page.reload();
    await expect.poll(() => page.getByLabel('Notes').inputValue()).toBe('Call back after the budget meeting (Tuesday)');
    expect(await page.locator('.customer-card').textContent()).toContain('Émilie Durand-Roux');
    expect(await data(browser, { type: 'offers.search', query: 'tuesday' })).toMatchObject({ offers: [{ id: 'offer-1' }] });
    await page.close();
  });

  it('keeps two history tabs’ edits of different fields, and refuses a stale edit with a Reload that loses nothing', async () => {
    await seed(browser, deskOffers());
    const [tabA, tabB] = await Promise.all([openPage('history.html?offer=offer-1'), openPage('history.html?offer=offer-1')]);
    const saved = (tab: Page) => expect.poll(() => tab.locator('.save-state').textContent()).toBe('All changes saved.');
    await expect.poll(() => tabB.locator('#notes').count()).toBe(1);
    await tabA.locator('#notes').fill('Call back after the budget meeting');
    await tabA.locator('#notes').press('Tab');
    await saved(tabA);
    await tabB.getByRole('button', { name: 'Edit Boulangerie Fournil' }).click();
    await tabB.getByLabel('Customer email').fill('emilie@fournil.example');
    await tabB.getByRole('button', { name: 'Save customer' }).click();
    await expect.poll(() => tabB.locator('.details .outcome').textContent()).toContain('Customer saved.');
    expect(await data(browser, { type: 'offers.get', id: 'offer-1' })).toMatchObject({
      offer: { notes: 'Call back after the budget meeting', customers: [{ name: 'Émilie Durand', email: 'emilie@fournil.example' }] },
    });
    // Tab B's customer save brought back tab A's notes, which it had not touched.
    expect(await tabB.locator('#notes').inputValue()).toBe('Call back after the budget meeting');

    await tabA.locator('#notes').fill('Call back on Tuesday');
    await tabA.locator('#notes').press('Tab');
    await saved(tabA);
    // Refused while the advisor is still in the field: the click on Reload takes the focus from it,
    // and that blur saves the refused text again, a save still under way as the reload discards it.
    await tabB.locator('#notes').fill('Send the Teams licences quote');
    const conflict = tabB.locator('.conflict[role=alert]');
    await expect.poll(() => conflict.textContent()).toContain('This offer was changed in another window; reload to see it.');
    expect(await data(browser, { type: 'offers.get', id: 'offer-1' })).toMatchObject({ offer: { notes: 'Call back on Tuesday' } });
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => tabB.locator('#notes').inputValue()).toBe('Call back on Tuesday');
    expect(await tabB.locator('#unsaved-notes').inputValue()).toBe('Send the Teams licences quote');
    expect(await conflict.getByRole('button', { name: 'Reload' }).count()).toBe(0);
    // Reload went with its use: the keyboard is on the notes, as stored now.
    await expect.poll(() => tabB.evaluate(() => document.activeElement?.id)).toBe('notes');
    // Leaving the field again saves nothing: the refused text was discarded, not kept for a retry.
    await tabB.locator('#notes').press('Tab');
    await tabB.waitForTimeout(600);
    expect(await data(browser, { type: 'offers.get', id: 'offer-1' })).toMatchObject({ offer: { notes: 'Call back on Tuesday', customers: [{ email: 'emilie@fournil.example' }] } });
    expect([...(tabA as Page & { errors: string[] }).errors, ...(tabB as Page & { errors: string[] }).errors]).toEqual([]);
    await Promise.all([tabA.close(), tabB.close()]);
  });

  it('deletes an offer and brings it back with Undo', async () => {
    await seed(browser, deskOffers());
    const page = await openPage('history.html?offer=offer-2');
    await page.getByRole('button', { name: 'Delete offer' }).click();
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(await data(browser, { type: 'offers.get', id: 'offer-2' })).toEqual({ offer: null });
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows(page).count()).toBe(4);
    expect(await data(browser, { type: 'offers.get', id: 'offer-2' })).toMatchObject({ offer: { summaryId: 'PO-1002', customers: [{ status: 'accepted' }] } });
    await page.close();
  });

  it('makes an escaped website snippet and links the next purchase offer to a trial', async () => {
    await seed(browser, deskOffers());
    const page = await openPage('history.html?offer=offer-3');
    await page.getByText('Website snippet').click();
    await page.getByLabel('Text', { exact: true }).fill('Try <Microsoft 365> & more');
    const html = await page.getByLabel('HTML to paste on your website').inputValue();
    expect(html).toContain('>Try &lt;Microsoft 365&gt; &amp; more</a>');
    expect(html).toContain(`href="${offerUrl(3, 'Trial').replaceAll('&', '&amp;')}"`);

    await page.getByRole('button', { name: 'Follow up with a purchase offer' }).click();
    await expect.poll(() => page.getByText('Waiting for the purchase offer').count()).toBe(1);
    const { offer } = await data<{ offer: Offer }>(browser, { type: 'offers.upsert', draft: { url: offerUrl(77), source: 'auto' } });
    expect(offer.followUpOf).toBe('offer-3');
    await expect.poll(() => page.getByText('Waiting for the purchase offer').count()).toBe(0);
    const next = await data<{ offer: Offer }>(browser, { type: 'offers.upsert', draft: { url: offerUrl(78), source: 'auto' } });
    expect(next.offer.followUpOf).toBeUndefined();
    // The trial shows the purchase offer that follows it up (it has no summary ID yet: it is named by its time).
    await expect.poll(() => page.locator('.facts').getByRole('link', { name: /^Purchase offer / }).count()).toBe(1);
    await page.goto(`chrome-extension://${browser.extensionId}/history.html?offer=${offer.id}`);
    await page.getByRole('link', { name: 'Trial invitation TR-2001' }).click();
    await expect.poll(() => page.locator('#details-heading').textContent()).toContain('TR-2001');
    await page.close();
  });

  it('works with the keyboard alone', async () => {
    await seed(browser, deskOffers());
    const page = await openPage('history.html');
    await expect.poll(() => rows(page).count()).toBe(4);
    // The list is a grid: its one tab stop is a row, and Enter opens that row's offer.
    const row = rows(page).first();
    for (let i = 0; i < 100 && !(await row.evaluate((tr) => tr === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await row.evaluate((tr) => tr === document.activeElement)).toBe(true);
    expect(await row.evaluate((tr) => getComputedStyle(tr).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('details-heading');
    expect(page.url()).toContain('?offer=offer-4');
    // Closing the details puts the keyboard back on the row it was opened from.
    await page.getByRole('button', { name: 'Close' }).press('Enter');
    await expect.poll(() => row.evaluate((tr) => tr === document.activeElement)).toBe(true);
    await page.close();
  });
});

describe('reminders', () => {
  it('remind about a sent offer that is not accepted, through a real alarm', async () => {
    await seed(browser, deskOffers());
    // Sent before reminders were turned on: turning them on schedules it too.
    await data(browser, sendRequest('offer-4', 'outlook', [{ email: 'achats@contoso.example' }]));
    const options = await openPage('options.html');
    expect(await options.evaluate(() => chrome.alarms.get('offer-reminder:offer-4|c4'))).toBeFalsy();
    await options.getByLabel('Remind me to follow up on offers that are not accepted').check();
    await options.getByLabel('Days after sending').fill('2');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => options.locator('#preferences-heading ~ form [role=status]').textContent()).toBe('Saved.');
    await expect.poll(() => options.evaluate(async () => (await chrome.alarms.get('offer-reminder:offer-4|c4'))?.scheduledTime ?? 0)).toBeGreaterThan(Date.now() + 86_400_000);

    // A send made two days ago less three seconds: its reminder rings in three seconds.
    // Émilie is known by name only: the send's recipient, named alike, is her (and gives her address).
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000 + 3_000).toISOString();
    await data(browser, sendRequest('offer-1', 'gmail', [{ name: 'Émilie Durand', email: 'emilie@fournil.example' }], { at: twoDaysAgo }));
    await expect
      .poll(() => options.evaluate(async () => Object.keys(await chrome.notifications.getAll())), { timeout: 15_000 })
      .toContain('offer-reminder:offer-1|c1');

    // Deleted, the worker stopped and started again (a start rebuilds the reminders from the
    // offers stored), then Undo: the reminder already shown is not shown a second time.
    await options.evaluate(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    });
    const { offer: deleted } = await data<{ offer: Offer }>(browser, { type: 'offers.delete', id: 'offer-1' });
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await options.waitForTimeout(500);
    await data(browser, { type: 'offers.count' });
    await data(browser, { type: 'offers.restore', offer: deleted });
    await options.waitForTimeout(2500);
    expect(await options.evaluate(async () => Object.keys(await chrome.notifications.getAll()))).not.toContain('offer-reminder:offer-1|c1');
    await cdp.detach();

    // An alarm that rings before its reminder's time (one left from an earlier send) shows
    // nothing and waits for that time.
    await options.evaluate(() => chrome.alarms.create('offer-reminder:offer-4|c4', { when: Date.now() + 1000 }));
    await expect
      .poll(async () => (await options.evaluate(() => chrome.alarms.get('offer-reminder:offer-4|c4')))?.scheduledTime ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(Date.now() + 86_400_000);
    expect(await options.evaluate(async () => Object.keys(await chrome.notifications.getAll()))).not.toContain('offer-reminder:offer-4|c4');

    // A new send moves the reminder to two days after it.
    const before = Date.now();
    await data(browser, sendRequest('offer-1', 'gmail', [{ email: 'emilie@fournil.example' }]));
    const alarm = await options.evaluate(() => chrome.alarms.get('offer-reminder:offer-1|c1'));
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + 2 * 86_400_000 - 5_000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 2 * 86_400_000 + 5_000);

    // A customer who accepted needs no reminder: their alarm is cleared.
    await data(browser, { type: 'offers.setCustomerStatus', id: 'offer-1', customerId: 'c1', status: 'accepted' });
    expect(await options.evaluate(() => chrome.alarms.get('offer-reminder:offer-1|c1'))).toBeFalsy();
    await options.close();
  });
});

describe('options page', () => {
  it('edits a template: an error shown at its position, then fixed and saved', async () => {
    const page = await openPage('options.html');
    await page.getByRole('button', { name: 'Edit “Purchase offer”' }).click();
    const body = page.getByLabel('Message', { exact: true });
    await body.fill('Hello {{customer.nme}},\n\nHere is your offer: {{offer.url}}');
    await expect.poll(() => page.locator('.template-errors').textContent()).toContain('Message: Line 1, column 7:');
    expect(await page.locator('.template-errors').textContent()).toContain('{{customer.nme}}');
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Save template' }).click();
    expect(await page.evaluate(() => [document.activeElement?.id, (document.activeElement as HTMLTextAreaElement).selectionStart])).toEqual(['template-body', 6]);
    expect(await page.getByText('Fix the errors above to see the preview.').count()).toBe(1);

    // A message without the offer link is not saved: the customer could not accept it.
    await body.fill('Hello {{customer.name}},\n\nCall me about your offer.');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => page.getByText('Every message needs the offer link', { exact: false }).count()).toBe(1);
    // The field with the problem takes the keyboard, marked invalid and described by its message.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('template-body');
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    expect((await body.getAttribute('aria-describedby'))?.split(' ')).toContain('template-body-error');
    expect((await data<Settings>(browser, { type: 'settings.get' })).templates.find((t) => t.id === 'default-purchase-en')?.body).not.toContain('Call me');

    await body.fill('Hello {{customer.name}},\n\nHere is your offer: {{offer.url}}');
    await expect.poll(() => page.locator('.template-errors li').count()).toBe(0);
    await expect.poll(() => page.locator('.preview-text').textContent()).toContain('Hello Camille Martin,');
    const frame = page.frameLocator('iframe.preview-html');
    expect(await frame.locator('a').first().getAttribute('href')).toContain('portal.office.com');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => page.getByText('Template “Purchase offer” saved.').count()).toBe(1);
    const stored = await data<Settings>(browser, { type: 'settings.get' });
    expect(stored.templates.find((t) => t.id === 'default-purchase-en')?.body).toBe(
      'Hello {{customer.name}},\n\nHere is your offer: {{offer.url}}',
    );
    await page.close();
  });

  it('previews a template with a recent offer greeting its customer, as the message will, no markup left around empty values', async () => {
    await seed(browser, deskOffers());
    // A profile without a GDAP link: what surrounds that value (bold, a link) must leave no markup.
    await data(browser, { type: 'settings.saveProfile', profile: { name: 'Ana Silva', company: 'Contoso Cloud', email: 'ana@contoso.example', website: 'https://contoso.example' } });
    const page = await openPage('options.html');
    await page.getByRole('button', { name: 'Edit “Purchase offer”' }).click();
    await page.getByLabel('Message', { exact: true }).fill('Dear {{customer.name}} of {{customer.company}}: {{offer.url}}\n**{{advisor.gdapLink}}** [Approve access]({{advisor.gdapLink}})');
    const source = page.getByLabel('Preview with');
    const emilie = await source.locator('option', { hasText: 'Boulangerie Fournil' }).getAttribute('value');
    await source.selectOption(emilie ?? '');
    await expect.poll(() => page.locator('.preview-text').textContent()).toContain('Dear Émilie Durand of Boulangerie Fournil:');
    const text = (await page.locator('.preview-text').textContent()) ?? '';
    expect(text).toContain('Approve access');
    expect(text).not.toMatch(/\*\*|\]\(/);
    await page.close();
  });

  it('gives the keyboard back to the template’s row when its editor is cancelled', async () => {
    const page = await openPage('options.html');
    const edit = page.getByRole('button', { name: 'Edit “Purchase offer”' });
    await edit.click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => edit.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.close();
  });

  it('lists every placeholder of the table with its description and inserts it at the caret', async () => {
    const page = await openPage('options.html');
    await page.getByRole('button', { name: 'Edit “Purchase offer”' }).click();
    const body = page.getByLabel('Message', { exact: true });
    await body.fill('Dear ,');
    await body.evaluate((textarea: HTMLTextAreaElement) => textarea.setSelectionRange(5, 5));
    await page.getByText('Placeholders', { exact: true }).click();
    const items = page.locator('details.placeholders li');
    expect(await items.allTextContents()).toEqual(
      PLACEHOLDER_NAMES.map((name) => {
        const { type, label } = PLACEHOLDERS[name];
        return `${type === 'flag' ? `{{#if ${name}}}{{/if}}` : `{{${name}}}`} ${en[label].message}`;
      }),
    );
    await page.getByRole('button', { name: 'Insert {{customer.name}}' }).click();
    await expect.poll(() => body.inputValue()).toBe('Dear {{customer.name}},');
    await page.getByRole('button', { name: 'Insert {{#if offer.isTrial}}{{/if}}' }).click();
    await expect.poll(() => body.inputValue()).toBe('Dear {{customer.name}}{{#if offer.isTrial}}{{/if}},');
    await expect.poll(() => page.locator('.preview-text').textContent()).toBe('Dear Camille Martin,');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.close();
  });

  it('saves the profile with field errors first and a logo preview', async () => {
    const page = await openPage('options.html');
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByLabel('Company', { exact: true }).fill('Contoso Cloud');
    await page.getByLabel(/GDAP approval link/).fill('https://admin.cloud.microsoft.evil.example/#/partners');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.locator('#profile-email-error').count()).toBe(1);
    await expect.poll(() => page.locator('#profile-gdapLink-error').count()).toBe(1);
    // The keyboard goes to the first field to fix, in the form's order.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('profile-email');
    await page.getByLabel('Email', { exact: true }).fill('ana@contoso.example');
    await page.getByLabel(/GDAP approval link/).fill('https://admin.cloud.microsoft/#/partners/invitation/granularAdminRelationships/x');
    await page.getByLabel('Upload a logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: readFileSync(join(ROOT, 'public/icon/128.png')) });
    await expect.poll(() => page.getByRole('img', { name: 'Logo preview' }).count()).toBe(1);
    await page.getByLabel('Upload a logo').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(300 * 1024) });
    await expect.poll(() => page.locator('#profile-logo-file-error').textContent()).toContain('too large');
    await page.getByLabel('Upload a logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: readFileSync(join(ROOT, 'public/icon/128.png')) });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByText('Profile saved.').count()).toBe(1);
    const { profile } = await data<Settings>(browser, { type: 'settings.get' });
    expect(profile).toMatchObject({
      company: 'Contoso Cloud',
      email: 'ana@contoso.example',
      gdapLink: 'https://admin.cloud.microsoft/#/partners/invitation/granularAdminRelationships/x',
      logo: expect.stringMatching(/^data:image\/png;base64,/),
    });
    await page.close();
  });

  it('exports a spreadsheet file: a row per offer and customer, notes with line breaks quoted, formulas defused', async () => {
    const offers = deskOffers();
    offers[0] = { ...offers[0]!, notes: 'Call back Monday\r\nthen send the "trial" link' };
    offers[1] = { ...offers[1]!, customers: [makeCustomer('c2', { company: '=HYPERLINK("https://evil.example")' }), makeCustomer('c2b', { email: 'second@northwind.example' })] };
    offers[2] = { ...offers[2]!, customers: [] };
    await seed(browser, offers);
    const page = await openPage('options.html');
    await expect.poll(() => page.getByText('4 offers saved').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export for spreadsheets (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFid,kind,summary_id,url,')).toBe(true);
    expect(csv.split('\r\n')[0]).toContain(',customer_name,customer_email,customer_company,customer_status,');
    // Offer 2 has two customers (two rows), offer 3 none (one row all the same).
    const rowsOf = (offer: Offer) => csv.split(offer.url).length - 1;
    expect(offers.map(rowsOf)).toEqual([1, 2, 1, 1]);
    expect(csv).toContain('second@northwind.example');
    expect(csv).toContain('"Call back Monday\r\nthen send the ""trial"" link"');
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    await expect.poll(() => page.getByText('Exported 4 offers in 5 rows (one per customer of each offer).').count()).toBe(1);
    await page.close();
  });

  it('exports, deletes everything after a typed confirmation, and imports back', async () => {
    await seed(browser, deskOffers());
    const page = await openPage('options.html');
    await expect.poll(() => page.getByText('4 offers saved').count()).toBe(1);
    expect(await page.getByText(/of storage used/).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup (JSON)' }).click()]);
    const file = await download.path();

    await page.getByLabel('Type DELETE to confirm').fill('delete it');
    await page.getByRole('button', { name: 'Delete all offers' }).click();
    await expect.poll(() => page.getByText('Type DELETE exactly to delete every offer.').count()).toBe(1);
    expect(await data(browser, { type: 'offers.count' })).toEqual({ count: 4 });
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await page.getByRole('button', { name: 'Delete all offers' }).click();
    await expect.poll(() => page.getByText('4 offers deleted.').count()).toBe(1);
    expect(await data(browser, { type: 'offers.count' })).toEqual({ count: 0 });

    await page.locator('input[type=file][accept*=json]').setInputFiles(file);
    await expect.poll(() => page.locator('.backup-outcome').textContent()).toContain('4 added, 0 updated, 0 unchanged, 0 rejected');
    expect(await data(browser, { type: 'offers.count' })).toEqual({ count: 4 });
    await page.close();
  });
});

describe('every page', () => {
  it('passes axe-core on popup, history with details, options and the template editor', async () => {
    await seed(browser, deskOffers());
    const popup = await openPage('popup.html', { width: 380, height: 700 });
    await expect.poll(() => popup.locator('.offer-card').count()).toBe(1);
    await expectNoAxeViolations(popup);
    await popup.getByRole('button', { name: 'Add offer manually' }).click();
    await popup.getByRole('button', { name: 'Save offer' }).click();
    await expectNoAxeViolations(popup);

    const history = await openPage('history.html?offer=offer-3');
    await expect.poll(() => history.locator('#details-heading').count()).toBe(1);
    await history.getByText('Website snippet').click();
    await expectNoAxeViolations(history);
    // The customer forms, a timeline and the link forms with their offer lists open.
    await history.getByRole('button', { name: 'Edit Tailspin Toys' }).click();
    await history.getByRole('button', { name: 'Add a customer' }).click();
    await history.locator('.customer-card summary').click();
    await history.getByRole('button', { name: 'Link a purchase offer that follows it up…' }).click();
    await expect.poll(() => history.locator('.link-form').getByRole('option').count()).toBe(3);
    await expectNoAxeViolations(history);
    await history.getByRole('button', { name: 'Replace with a new offer…' }).click();
    // The offer is the only trial: nothing can replace it yet, and the form says so.
    await expect.poll(() => history.getByRole('form', { name: 'Replace this offer' }).getByText('No matching offer.').count()).toBe(1);
    await expectNoAxeViolations(history);

    const options = await openPage('options.html');
    await expect.poll(() => options.locator('#templates-heading').count()).toBe(1);
    await expectNoAxeViolations(options);
    await options.getByRole('button', { name: 'Edit “Trial invitation”' }).click();
    await options.getByLabel('Subject').fill('Hi {{#if offer.isTrial}}');
    await options.getByText('Placeholders').click();
    await expectNoAxeViolations(options);
    // The dark theme has its own colours: check their contrast too.
    for (const page of [popup, history, options]) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoAxeViolations(page);
    }
    for (const page of [popup, history, options]) expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await Promise.all([popup.close(), history.close(), options.close()]);
  });

  it('speaks French when the browser does', async () => {
    const french = await launchExtension({ locale: 'fr' });
    try {
      const popup = await french.openExtensionPage('popup.html');
      await expect.poll(() => popup.getByRole('button', { name: 'Ajouter une offre manuellement' }).count()).toBe(1);
      await seed(french, [makeOffer(1, { summaryId: 'PO-1001', delegatedAdmin: true, customers: [makeCustomer('c1', { company: 'Fabrikam' }, '2026-03-02T10:00:00.000Z', 'sent')] })]);
      const history = await french.openExtensionPage('history.html');
      await expect.poll(() => history.getByLabel('Lieu d’utilisation').count()).toBe(1);
      expect(await history.getByLabel('Statut du client').count()).toBe(1);
      // One offer and one customer: the singular forms French asks for, with its typography.
      await expect.poll(() => history.getByText('1 offre affichée', { exact: true }).count()).toBe(1);
      expect(await history.locator('tr[data-offer-id="offer-1"]').textContent()).toContain('1 client\u202f: Envoyée (1)');
      const options = await french.openExtensionPage('options.html');
      await expect.poll(() => options.getByRole('heading', { name: 'Modèles de message' }).count()).toBe(1);
      // The template preview's labels follow French typography too.
      await options.getByRole('button', { name: /^Modifier / }).first().click();
      await expect.poll(() => options.locator('.preview-subject').textContent()).toMatch(/^Objet\u202f: /);
    } finally {
      await french.close();
    }
  });

  it('takes the README screenshots in light and dark', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const latest = makeOffer(5, {
      summaryId: 'PO-1005',
      customers: [makeCustomer('c5', { company: 'Wingtip Toys', name: 'Camille Martin' }, '2026-04-12T09:30:00.000Z')],
      usageLocation: 'France',
      delegatedAdmin: true,
      createdAt: '2026-04-12T09:30:00.000Z',
      updatedAt: '2026-04-12T09:30:00.000Z',
      subscriptions: [
        { name: 'Microsoft 365 Business Standard', licenses: 25 },
        { name: 'Exchange Online (Plan 1)', licenses: 5 },
      ],
      notes: 'Budget approved; wants Teams set up before March.',
    });
    await seed(browser, [...deskOffers(), latest]);
    // The screenshots show the shipped templates and a filled-in profile, whatever earlier tests saved.
    await data(browser, { type: 'settings.saveTemplates', templates: [] });
    await data(browser, { type: 'settings.saveProfile', profile: { name: 'Ana Silva', company: 'Contoso Cloud', email: 'ana@contoso.example', website: 'https://contoso.example' } });
    await data(browser, {
      type: 'offers.recordCompose',
      id: 'offer-5',
      event: {
        kind: 'send',
        at: new Date().toISOString(),
        provider: 'outlook',
        subject: 'Your Microsoft subscription offer',
        recipients: [{ name: 'Camille Martin', email: 'camille@wingtip.example' }],
      },
    });
    for (const scheme of ['light', 'dark'] as const) {
      const suffix = scheme === 'dark' ? '-dark' : '';
      const popup = await openPage('popup.html', { width: 380, height: 620 });
      await popup.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => popup.locator('.offer-card').count()).toBe(1);
      await popup.screenshot({ path: join(SCREENSHOTS, `popup${suffix}.png`) });
      const history = await openPage('history.html?offer=offer-5', { width: 1280, height: 900 });
      await history.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => history.locator('#details-heading').count()).toBe(1);
      await history.screenshot({ path: join(SCREENSHOTS, `history${suffix}.png`) });
      const options = await openPage('options.html', { width: 1280, height: 900 });
      await options.emulateMedia({ colorScheme: scheme });
      const edit = options.getByRole('button', { name: 'Edit “Purchase offer”' });
      await expect.poll(() => edit.count()).toBe(1);
      await edit.click();
      await options.locator('#templates-heading').evaluate((heading) => window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 16));
      await options.waitForTimeout(200);
      await options.screenshot({ path: join(SCREENSHOTS, `options${suffix}.png`) });
      await Promise.all([popup.close(), history.close(), options.close()]);
    }
  });
});
