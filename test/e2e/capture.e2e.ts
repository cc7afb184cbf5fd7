import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibleText, launchExtension, offersWithQuote, pressNoticeButton, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';

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
    const notice = await accessibleText(page);
    expect(notice).toContain('Offer saved · summary ID PO-34343434');
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
    await pressNoticeButton(page, 2);
    await expect.poll(() => offersWithQuote(browser, quote)).toHaveLength(0);
    await expect.poll(() => accessibleText(page)).toContain('Offer removed from Offer Courier.');
    await page.waitForTimeout(1000);
    expect(await offersWithQuote(browser, quote)).toHaveLength(0);
    await page.close();
  });
});
