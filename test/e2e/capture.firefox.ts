import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefoxExtension, waitFor, type FirefoxExtension } from './firefox-harness';
import { offersWithQuote, startFixtureServer, type FixtureServer } from './harness';

let firefox: FirefoxExtension;
let fixtures: FixtureServer;
beforeAll(async () => {
  [firefox, fixtures] = await Promise.all([launchFirefoxExtension(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([firefox?.close(), fixtures?.close()]);
});

const wizardUrl = (params: Record<string, string>) =>
  fixtures.url('partner.microsoft.com', `partner-center/wizard-spa.html?${new URLSearchParams(params)}`);

/**
 * A wizard control, inside the page's (nested, open) shadow roots. Polled: waitForSelector
 * watches the document for mutations and never sees those inside shadow roots.
 */
const control = async (page: Page, id: string) =>
  (await waitFor(() => page.$(`pierce/#${id}`), (found) => found !== null)) as ElementHandle<HTMLInputElement>;

async function fill(page: Page, id: string, value: string): Promise<void> {
  const input = await control(page, id);
  await input.click({ count: 3 });
  await input.type(value);
}

describe('capture on Partner Center, in Firefox', () => {
  it('saves a purchase offer from the English wizard with every option it had', async () => {
    const quote = '11111111-aaaa-4bbb-8ccc-00000000f001';
    const page = await firefox.newPage();
    await page.goto(wizardUrl({ lang: 'en', kind: 'purchase', quote }));
    await (await control(page, 'partner-office')).select('1');
    await (await control(page, 'usage-location')).select('Canada');
    await (await control(page, 'sub-0')).click();
    await fill(page, 'sub-0-licenses', '25');
    await (await control(page, 'sub-2')).click();
    await fill(page, 'sub-2-licenses', '10');
    await (await control(page, 'dap-yes')).click();
    await (await control(page, 'wizard-next')).click();
    const shownUrl = await (await control(page, 'offer-url')).evaluate((input) => input.value);

    const [offer] = await waitFor(() => offersWithQuote(firefox, quote), (offers) => offers.length > 0, 5000);
    expect(offer).toMatchObject({
      kind: 'purchase',
      source: 'auto',
      url: shownUrl,
      summaryId: 'PO-11111111',
      partnerId: '4227825',
      partnerOffice: 'Contoso UK - London',
      usageLocation: 'Canada',
      delegatedAdmin: true,
      subscriptions: [
        { name: 'Microsoft 365 Business Basic', licenses: 25 },
        { name: 'Microsoft Defender for Business', licenses: 10 },
      ],
    });

    const history = await firefox.openExtensionPage(`history.html?offer=${encodeURIComponent(offer!.id)}`);
    const details = await waitFor(
      () => history.$eval('main', (main) => main.textContent ?? ''),
      (text) => text.includes('PO-11111111'),
    );
    for (const text of ['Contoso UK - London', 'Canada', 'Microsoft Defender for Business']) expect(details).toContain(text);

    // Showing the result page again saves nothing new.
    await page.reload();
    await control(page, 'summary-id');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await offersWithQuote(firefox, quote)).toHaveLength(1);
    await Promise.all([page.close(), history.close()]);
  });

  it('saves a trial invitation from the French wizard', async () => {
    const quote = '22222222-aaaa-4bbb-8ccc-00000000f002';
    const page = await firefox.newPage();
    await page.goto(wizardUrl({ lang: 'fr', kind: 'trial', quote }));
    await (await control(page, 'usage-location')).select('Belgique');
    await (await control(page, 'sub-1')).click();
    await (await control(page, 'wizard-next')).click();
    const [offer] = await waitFor(() => offersWithQuote(firefox, quote), (offers) => offers.length > 0, 5000);
    expect(offer).toMatchObject({
      kind: 'trial',
      summaryId: 'TI-22222222',
      usageLocation: 'Belgique',
      subscriptions: [{ name: 'Microsoft 365 Business Premium trial' }],
    });
    await page.close();
  });
});
