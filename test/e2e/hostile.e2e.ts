import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { offerUrl } from '../unit/offer-factory';
import { launchExtension, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { insertButton } from './webmail-helpers';

const SECRET_CUSTOMER = 'Zeynep Gizlioğlu';
const SECRET_SUMMARY = 'SECRET-SUMMARY-42';

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  const answer = await browser.send({
    type: 'offers.upsert',
    draft: { url: offerUrl(4242), summaryId: SECRET_SUMMARY, customer: { name: SECRET_CUSTOMER, email: 'zeynep@secret.example' }, source: 'manual' },
  });
  expect(answer.ok).toBe(true);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

type Hostile = { hostile: { attack(): Promise<void>; harvest(): string } };
const attack = (page: Page) => page.evaluate(() => (window as unknown as Hostile).hostile.attack());
const harvest = (page: Page) => page.evaluate(() => (window as unknown as Hostile).hostile.harvest());

async function storedOffers(): Promise<Offer[]> {
  const answer = await browser.send({ type: 'offers.page', limit: 50 });
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return (answer.data as { offers: Offer[] }).offers;
}

function expectNoSecrets(seen: string) {
  expect(seen).not.toContain('SECRET');
  expect(seen).not.toContain(SECRET_SUMMARY);
  expect(seen).not.toContain(SECRET_CUSTOMER);
  expect(seen).not.toContain('zeynep@secret.example');
}

describe('a hostile page', () => {
  it('on Partner Center cannot write, delete or read offers by imitating the content script', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('partner.microsoft.com', 'pages/hostile-partner-center.html'));
    await attack(page);
    const seen = await harvest(page);
    expect(seen).toContain('chrome.runtime: none');
    expectNoSecrets(seen);
    const offers = await storedOffers();
    expect(offers.map((offer) => offer.summaryId)).toEqual([SECRET_SUMMARY]);
    await page.close();
  });

  it('in webmail cannot read the offer picker it sits next to, nor forge an insertion', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('mail.google.com', 'pages/hostile-webmail.html'));
    await page.click('#editor');
    await insertButton(page).click();
    await expect.poll(() => page.frames().some((frame) => frame.url().includes('/picker.html'))).toBe(true);
    const picker = page.frames().find((frame) => frame.url().includes('/picker.html'))!;
    // The advisor sees the customer in the picker...
    await expect.poll(() => picker.locator('body').textContent()).toContain(SECRET_CUSTOMER);
    // ...the page does not, whatever it tries.
    await attack(page);
    const seen = await harvest(page);
    expectNoSecrets(seen);
    expect(await page.locator('#editor').textContent()).toBe('');
    // The one message the extension posts to pages is WXT's notice that a content script started.
    const posted = seen.split('\n').filter((line) => line.startsWith('window message'));
    expect(posted.every((line) => /"type":"[a-p]{32}:webmail:wxt:content-script-started","contentScriptName":"webmail"/.test(line))).toBe(true);
    expect((await storedOffers()).map((offer) => offer.summaryId)).toEqual([SECRET_SUMMARY]);
    await page.close();
  });
});
