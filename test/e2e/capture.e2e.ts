import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibleText, evaluateInContentScript, launchExtension, offersWithQuote, pressNoticeButton, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

const wizardUrl = (params: Record<string, string>) =>
  fixtures.url('partner.microsoft.com', `partner-center/wizard-spa.html?${new URLSearchParams(params)}`);

async function data<T>(request: Parameters<ExtensionBrowser['send']>[0]): Promise<T> {
  const answer = await browser.send(request);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.data as T;
}


describe('capture on Partner Center', () => {
  it('saves a purchase offer with every option the wizard had, and shows a notice', async () => {
    const quote = '11111111-aaaa-4bbb-8ccc-000000000001';
    const page = await browser.context.newPage();
    await page.goto(wizardUrl({ lang: 'en', kind: 'purchase', quote }));
    await page.locator('#partner-office').selectOption('1');
    await page.locator('#usage-location').selectOption('Canada');
    await page.locator('#sub-0').check();
    await page.locator('#sub-0-licenses').fill('25');
    await page.locator('#sub-2').check();
    await page.locator('#sub-2-licenses').fill('10');
    await page.locator('#dap-yes').check();
    await page.locator('#wizard-next').click();
    await page.locator('#summary-id').waitFor();
    const shownAt = Date.now();

    await expect.poll(() => offersWithQuote(browser, quote), { timeout: 5000, interval: 50 }).toHaveLength(1);
    expect(Date.now() - shownAt).toBeLessThan(2000);
    const [offer] = await offersWithQuote(browser, quote);
    expect(offer).toMatchObject({
      kind: 'purchase',
      source: 'auto',
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
    expect(offer!.url).toBe(await page.locator('#offer-url').inputValue());
    await expect.poll(() => accessibleText(page)).toContain('Offer saved · summary ID PO-11111111');

    const history = await browser.openExtensionPage(`history.html?offer=${encodeURIComponent(offer!.id)}`);
    const details = history.locator('main');
    await expect.poll(() => details.textContent()).toContain('PO-11111111');
    for (const text of ['Contoso UK - London', 'Canada', 'Microsoft Defender for Business']) expect(await details.textContent()).toContain(text);
    await history.close();

    await page.reload();
    await page.locator('#summary-id').waitFor();
    const second = await browser.context.newPage();
    await second.goto(page.url());
    await second.locator('#summary-id').waitFor();
    await page.waitForTimeout(1500);
    expect(await offersWithQuote(browser, quote)).toHaveLength(1);
    await Promise.all([page.close(), second.close()]);
  });

  it.each([
    ['“invitation d’évaluation”, as Microsoft’s French documentation says', 'fr', '22222222-aaaa-4bbb-8ccc-000000000002'],
    ['“invitation d’essai”, as older translations say', 'fr-essai', '23232323-aaaa-4bbb-8ccc-000000000012'],
  ])('saves a trial invitation from the French wizard worded %s', async (_wording, lang, quote) => {
    const page = await browser.context.newPage();
    await page.goto(wizardUrl({ lang, kind: 'trial', quote }));
    await page.locator('#usage-location').selectOption('Belgique');
    await page.locator('#sub-1').check();
    await page.locator('#wizard-next').click();
    await expect.poll(() => offersWithQuote(browser, quote), { timeout: 5000 }).toHaveLength(1);
    const [offer] = await offersWithQuote(browser, quote);
    // The fixture's summary ID is TI- and the quote's first eight digits.
    const summaryId = `TI-${quote.slice(0, 8)}`;
    expect(offer).toMatchObject({
      kind: 'trial',
      summaryId,
      usageLocation: 'Belgique',
      subscriptions: [{ name: 'Microsoft 365 Business Premium trial' }],
    });
    // The notice speaks the browser's language (English here), whatever the page's.
    await expect.poll(() => accessibleText(page)).toContain(`Offer saved · summary ID ${summaryId}`);
    await page.close();
  });

  it('speaks Microsoft’s French in the notice when the browser is French', async () => {
    const french = await launchExtension({ locale: 'fr' });
    try {
      const quote = '22222222-aaaa-4bbb-8ccc-000000000003';
      const page = await french.context.newPage();
      await page.goto(wizardUrl({ lang: 'fr', kind: 'trial', quote }));
      await page.locator('#usage-location').selectOption('Belgique');
      await page.locator('#sub-1').check();
      await page.locator('#wizard-next').click();
      await expect.poll(() => offersWithQuote(french, quote), { timeout: 5000 }).toHaveLength(1);
      await expect.poll(() => accessibleText(page)).toContain('Offre enregistrée · ID de résumé TI-22222222');
      const text = await accessibleText(page);
      for (const label of ['Voir', 'Annuler', 'Fermer']) expect(text.split('\n')).toContain(label);
      expect(text).not.toMatch(/Offer saved|summary ID|Dismiss|Undo/);
      await page.close();
    } finally {
      await french.close();
    }
  });

  it('captures an offer URL the page layout hides when the advisor copies it', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('partner.microsoft.com', 'partner-center/copy-split-url.html'));
    await page.waitForTimeout(500);
    expect(await offersWithQuote(browser, '5d7a3c1e-0b9f-4e2a-8c61-2f4b9e7d1a03')).toHaveLength(0);
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('offer-link')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.keyboard.press('Control+C');
    await expect.poll(() => offersWithQuote(browser, '5d7a3c1e-0b9f-4e2a-8c61-2f4b9e7d1a03'), { timeout: 5000 }).toHaveLength(1);
    expect((await offersWithQuote(browser, '5d7a3c1e-0b9f-4e2a-8c61-2f4b9e7d1a03'))[0]).toMatchObject({ source: 'clipboard', kind: 'purchase', partnerId: '4227824' });
    await page.close();
  });

  it('captures on demand from the popup, or says why it found nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('partner.microsoft.com', 'partner-center/no-offer-en.html'));
    await page.bringToFront();
    expect(await data({ type: 'capture.runInActiveTab' })).toEqual({ found: false, reason: 'no-offer-url' });
    await page.goto(fixtures.url('partner.microsoft.com', 'partner-center/result-no-summary-en.html'));
    await page.bringToFront();
    expect(await data({ type: 'capture.runInActiveTab' })).toMatchObject({ found: true, offer: { kind: 'purchase' } });
    const plain = await browser.context.newPage();
    await plain.goto(fixtures.url('example.com', 'pages/plain.html'));
    await plain.bringToFront();
    expect(await data({ type: 'capture.runInActiveTab' })).toEqual({ found: false, reason: 'not-partner-center' });
    await Promise.all([page.close(), plain.close()]);
  });

  it('keeps Undo on a new offer whose summary shows a moment after its link (saved twice)', async () => {
    const quote = '34343434-aaaa-4bbb-8ccc-000000000034';
    const page = await browser.context.newPage();
    await page.goto(wizardUrl({ lang: 'en', kind: 'purchase', quote, step: 'result', summary: 'late', delay: '100' }));
    await expect.poll(() => offersWithQuote(browser, quote), { timeout: 5000 }).toHaveLength(1);
    // The summary's subscriptions arrive with the second save.
    await expect.poll(async () => (await offersWithQuote(browser, quote))[0]?.subscriptions.length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => accessibleText(page)).toContain('Offer saved · summary ID PO-34343434');
    const notice = await accessibleText(page);
    expect(notice.split('\n')).toContain('Undo');
    await pressNoticeButton(page, 2);
    await expect.poll(() => offersWithQuote(browser, quote)).toHaveLength(0);
    await page.close();
  });

  it('removes a just-captured offer on Undo and does not capture it again', async () => {
    const quote = '33333333-aaaa-4bbb-8ccc-000000000003';
    const page = await browser.context.newPage();
    await page.goto(wizardUrl({ lang: 'en', kind: 'purchase', quote, step: 'result', delay: '100' }));
    await expect.poll(() => offersWithQuote(browser, quote), { timeout: 5000 }).toHaveLength(1);
    await expect.poll(() => accessibleText(page)).toContain('Undo');
    // A notice with actions waits for the advisor, however slowly they reach it (WCAG 2.2.1).
    await page.waitForTimeout(9000);
    expect((await accessibleText(page)).split('\n')).toContain('Undo');
    await pressNoticeButton(page, 2);
    await expect.poll(() => offersWithQuote(browser, quote)).toHaveLength(0);
    await expect.poll(() => accessibleText(page)).toContain('Offer removed from Offer Courier.');
    await page.waitForTimeout(1000);
    expect(await offersWithQuote(browser, quote)).toHaveLength(0);
    await page.close();
  });

  it('says so when Undo fails, and keeps the offer', async () => {
    const quote = '35353535-aaaa-4bbb-8ccc-000000000035';
    const page = await browser.context.newPage();
    await page.goto(wizardUrl({ lang: 'en', kind: 'purchase', quote, step: 'result', delay: '100' }));
    await expect.poll(() => offersWithQuote(browser, quote), { timeout: 5000 }).toHaveLength(1);
    await expect.poll(() => accessibleText(page)).toContain('Undo');
    // The Undo grant is gone, as after the browser restarted: the background refuses the Undo.
    const extensionPage = await browser.openExtensionPage('popup.html');
    await extensionPage.evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> } } } }).chrome.storage.session.clear());
    await extensionPage.close();
    await pressNoticeButton(page, 2);
    await expect.poll(() => accessibleText(page)).toContain('Offer Courier could not undo this capture: the offer is still saved');
    expect(await accessibleText(page)).not.toContain('could not save');
    expect(await offersWithQuote(browser, quote)).toHaveLength(1);
    // An error waits to be read, however slowly.
    await page.waitForTimeout(9000);
    expect(await accessibleText(page)).toContain('Offer Courier could not undo this capture');
    await page.close();
  });
});

describe('capture in a tab left open while the extension is updated or reloaded', () => {
  it('asks for the page to be reloaded, with no Retry, and reloads it', async () => {
    const reloaded = await launchExtension();
    try {
      const quote = '36363636-aaaa-4bbb-8ccc-000000000036';
      const page = await reloaded.context.newPage();
      await page.goto(wizardUrl({ lang: 'en', kind: 'purchase', quote }));
      const lost = () => evaluateInContentScript(page, 'Offer Courier', 'true', 'chrome.runtime?.id === undefined');
      expect(await lost()).toBe(false);
      const extensionPage = await reloaded.openExtensionPage('popup.html');
      // The page closes as the extension unloads, before the call can answer. The extension loaded
      // from the command line does not come back, but the tab's script is cut off as by an update.
      await extensionPage.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
      await expect.poll(lost, { timeout: 10_000 }).toBe(true);

      await page.locator('#usage-location').selectOption('Canada');
      await page.locator('#sub-0').check();
      await page.locator('#wizard-next').click();
      await page.locator('#summary-id').waitFor();
      // At once: a request from a cut-off script is not retried.
      await expect.poll(() => accessibleText(page), { timeout: 3000 }).toContain('Offer Courier was updated or restarted: reload this page to capture the offer.');
      const names = (await accessibleText(page)).split('\n');
      expect(names).toContain('Reload page');
      expect(names).not.toContain('Retry');
      expect(names.join('\n')).not.toContain('technical detail');

      const pageLoaded = page.waitForEvent('load');
      await pressNoticeButton(page, 2);
      await pageLoaded;
      await page.close();
    } finally {
      await reloaded.close();
    }
  });

  /**
   * A result page captured in a browser of its own, whose extension is then reloaded: the tab's
   * script is cut off, its notice (View, Undo) still shown. Presses the notice's button
   * `stepsBack` Shift+Tab steps from the page's end and returns what the page then reads.
   */
  async function pressedAfterUpdate(quote: string, stepsBack: number): Promise<string[]> {
    const reloaded = await launchExtension();
    try {
      const page = await reloaded.context.newPage();
      await page.goto(wizardUrl({ lang: 'en', kind: 'purchase', quote, step: 'result', delay: '100' }));
      await expect.poll(() => offersWithQuote(reloaded, quote), { timeout: 5000 }).toHaveLength(1);
      await expect.poll(() => accessibleText(page)).toContain('Undo');
      const lost = () => evaluateInContentScript(page, 'Offer Courier', 'true', 'chrome.runtime?.id === undefined');
      const extensionPage = await reloaded.openExtensionPage('popup.html');
      await extensionPage.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
      await expect.poll(lost, { timeout: 10_000 }).toBe(true);
      await pressNoticeButton(page, stepsBack);
      // The failure's notice offers to reload the page; its text comes a moment after it.
      await expect.poll(() => accessibleText(page), { timeout: 3000 }).toMatch(/Reload page[\s\S]*Offer Courier was updated|Offer Courier was updated[\s\S]*Reload page/);
      return (await accessibleText(page)).split('\n');
    } finally {
      await reloaded.close();
    }
  }

  it('says the offer is saved, and how to open it, when View is pressed after the update', async () => {
    const notice = await pressedAfterUpdate('38383838-aaaa-4bbb-8ccc-000000000038', 3);
    expect(notice).toContain('Offer Courier was updated or restarted: the offer is saved. Reload this page, then View opens it.');
  });

  it('says the offer is still saved when Undo is pressed after the update', async () => {
    const notice = await pressedAfterUpdate('37373737-aaaa-4bbb-8ccc-000000000037', 2);
    expect(notice.join('\n')).toContain('so it could not undo this capture: the offer is still saved. Reload this page');
  });
});
