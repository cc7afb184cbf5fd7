import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '../../lib/offers/schema';
import { launchExtension, offersWithQuote, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

/** Opens a page in a new tab and waits until the background has stored the offer with that quote. */
async function storedFrom(url: string, quote: string): Promise<Offer> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await expect.poll(() => offersWithQuote(browser, quote), { timeout: 8000, interval: 100 }).toHaveLength(1);
  await page.close();
  return (await offersWithQuote(browser, quote))[0]!;
}

describe('a result page loaded on its own, with no wizard before it', () => {
  it.each([
    ['result-summary-list-en.html', 'aa11c2d3-0001-4e5f-8a9b-0c1d2e3f4a01', {
      kind: 'purchase', summaryId: 'PO-LIST-0001', partnerOffice: 'Contoso UK - London', usageLocation: 'Canada', delegatedAdmin: false,
      subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 25 }, { name: 'Microsoft Defender for Business', licenses: 10 }],
    }],
    ['result-summary-table-fr.html', 'aa11c2d3-0002-4e5f-8a9b-0c1d2e3f4a02', {
      kind: 'purchase', summaryId: 'PO-TABLE-0002', partnerOffice: 'Fabrikam Conseil – Lyon', usageLocation: 'Belgique', delegatedAdmin: true,
      subscriptions: [
        { name: 'Microsoft 365 Business Standard', licenses: 1200 },
        { name: 'Microsoft Teams Essentials', licenses: 8 },
        { name: 'Exchange Online (Plan 1)', licenses: null },
      ],
    }],
    ['result-summary-dl-en.html', 'aa11c2d3-0003-4e5f-8a9b-0c1d2e3f4a03', {
      kind: 'purchase', summaryId: 'PO-DL-0003', partnerOffice: 'Contoso France - Paris', usageLocation: 'France', delegatedAdmin: true,
      subscriptions: [
        { name: 'Microsoft 365 Business Basic', licenses: 5 },
        { name: 'Microsoft 365 E3', licenses: 12 },
        { name: 'Exchange Online (Plan 1)', licenses: null },
      ],
    }],
    ['result-summary-inline-fr.html', 'aa11c2d3-0004-4e5f-8a9b-0c1d2e3f4a04', {
      kind: 'purchase', summaryId: 'PO-INLINE-0004', partnerOffice: 'Fabrikam Conseil – Lyon', usageLocation: 'Suisse', delegatedAdmin: false,
      subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 25 }, { name: 'Microsoft 365 Apps for business', licenses: 3 }],
    }],
    ['result-summary-shadow-en.html', 'aa11c2d3-0005-4e5f-8a9b-0c1d2e3f4a05', {
      kind: 'purchase', summaryId: 'Q-SHADOW-0005', usageLocation: 'Germany', delegatedAdmin: true,
      subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 40 }, { name: 'Microsoft Intune Plan 1', licenses: 7 }],
    }],
    ['result-summary-trial-de.html', 'aa11c2d3-0006-4e5f-8a9b-0c1d2e3f4a06', {
      kind: 'trial', summaryId: 'TI-DE-0006', partnerOffice: 'Contoso Deutschland - München', usageLocation: 'Österreich', delegatedAdmin: false,
      subscriptions: [{ name: 'Microsoft 365 Business Premium Testversion', licenses: 25 }],
    }],
  ])('%s', async (file, quote, expected) => {
    const offer = await storedFrom(fixtures.url('partner.microsoft.com', `partner-center/${file}`), quote);
    expect(offer).toMatchObject({ ...expected, quoteId: quote, source: 'auto' });
    expect(offer.subscriptions).toEqual(expected.subscriptions);
  });
});

describe('the single-page result step reloaded, its summary rendering after placeholders', () => {
  it('stores the summary of a French trial invitation', async () => {
    const quote = '55555555-aaaa-4bbb-8ccc-000000000005';
    const query = new URLSearchParams({ lang: 'fr', kind: 'trial', step: 'result', summary: '1', quote });
    const offer = await storedFrom(fixtures.url('partner.microsoft.com', `partner-center/wizard-spa.html?${query}`), quote);
    expect(offer).toMatchObject({ kind: 'trial', summaryId: 'TI-55555555', usageLocation: 'France', delegatedAdmin: false });
    expect(offer.subscriptions).toEqual([{ name: 'Microsoft 365 Business Basic trial', licenses: null }]);
  });
});

describe('the wizard, then a result page whose summary disagrees with the options chosen', () => {
  it.each([
    ['with the link', '1', '44444444-aaaa-4bbb-8ccc-000000000004'],
    ['after the offer was saved from the options', 'late', '45454545-aaaa-4bbb-8ccc-000000000014'],
  ])('stores what the result page shows (summary rendered %s), and keeps the options for what it does not show', async (_when, summary, quote) => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('partner.microsoft.com', `partner-center/wizard-spa.html?${new URLSearchParams({ lang: 'en', kind: 'purchase', quote, summary })}`));
    await page.locator('#partner-office').selectOption('1');
    await page.locator('#usage-location').selectOption('Canada');
    await page.locator('#sub-0').check();
    await page.locator('#sub-0-licenses').fill('25');
    await page.locator('#sub-2').check();
    await page.locator('#sub-2-licenses').fill('10');
    await page.locator('#dap-yes').check();
    await page.locator('#wizard-next').click();
    await page.locator('#offer-summary').waitFor();
    await expect.poll(async () => (await offersWithQuote(browser, quote))[0]?.usageLocation, { timeout: 5000, interval: 50 }).toBe('France');
    const offers = await offersWithQuote(browser, quote);
    expect(offers).toHaveLength(1);
    const [offer] = offers;
    expect(offer).toMatchObject({
      kind: 'purchase',
      summaryId: `PO-${quote.slice(0, 8).toUpperCase()}`,
      partnerOffice: 'Contoso UK - London',
      usageLocation: 'France',
      delegatedAdmin: false,
    });
    // The count the summary leaves out comes from the options step, for the same subscription only.
    expect(offer!.subscriptions).toEqual([
      { name: 'Microsoft 365 Business Premium', licenses: 30 },
      { name: 'Microsoft Defender for Business', licenses: 10 },
    ]);
    await page.close();
  });
});
