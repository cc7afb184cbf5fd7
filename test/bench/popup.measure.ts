import { afterAll, beforeAll, expect, it } from 'vitest';
import { importOffers } from '../e2e/backup-transfer';
import { launchExtension, type ExtensionBrowser } from '../e2e/harness';
import { makeCustomer, makeOffer } from '../unit/offer-factory';
import { median, record } from './results';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(async () => {
  await browser.close();
});

it('times the popup first render with 10,000 offers stored', async () => {
  const offers = Array.from({ length: 10_000 }, (_, n) =>
    makeOffer(n, { customers: [makeCustomer(`c${n}`, { company: `Customer ${n}`, name: `Person ${n}` })], notes: n % 10 ? '' : `Note ${n}` }),
  );
  await importOffers((request) => browser.send(request), offers);

  const page = await browser.openExtensionPage('popup.html');
  await page.setViewportSize({ width: 380, height: 600 });
  // Notes the moment the card and the recent list appear, from inside the page, on every load.
  await page.addInitScript(() => {
    const scope = globalThis as unknown as { renderedAt?: number };
    new MutationObserver((_records, observer) => {
      if (document.querySelector('.offer-card') && document.querySelectorAll('.recent li').length === 5) {
        scope.renderedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const samples: number[] = [];
  for (let run = 0; run < 12; run++) {
    await page.reload();
    // From the start of navigation until the latest offer's card and the recent list are in the DOM.
    const elapsed = (await (await page.waitForFunction(() => (globalThis as unknown as { renderedAt?: number }).renderedAt)).jsonValue())!;
    if (run >= 2) samples.push(elapsed);
  }
  expect(await page.locator('.offer-card').textContent()).toContain('SUM-9999');
  record({ group: 'popup', name: 'popup first render with 10,000 offers stored', value: median(samples), unit: 'ms', budget: 100 });
});
