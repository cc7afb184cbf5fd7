import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { offerUrl } from '../unit/offer-factory';
import { launchExtension, pressThroughBrowser, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { editorText, insertButton, isPickerOpen, pickerFrame } from './webmail-helpers';

const SECRET_CUSTOMER = 'Zeynep Gizlioğlu';
const SECRET_SUMMARY = 'SECRET-SUMMARY-42';

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
let secretOffer: Offer;
beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  const answer = await browser.send({
    type: 'offers.upsert',
    draft: { url: offerUrl(4242), summaryId: SECRET_SUMMARY, customer: { name: SECRET_CUSTOMER, email: 'zeynep@secret.example' }, source: 'manual' },
  });
  expect(answer.ok).toBe(true);
  secretOffer = (answer as { data: { offer: Offer } }).data.offer;
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

type Hostile = {
  hostile: {
    attack(): Promise<void>;
    harvest(): string;
    forgeScriptStarts(): number;
    tryToOpenPicker(x: number, y: number): { namedElements: number; openRoots: number; atPoint: string };
    cover(): void;
    fade(): void;
    reveal(): void;
  };
};
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

  it('in webmail finds no control to press: no attribute, no open root, and its own clicks and keys open nothing', async () => {
    const page = await openHostileWebmail();
    const control = (await insertButton(page).boundingBox())!;
    const [x, y] = [control.x + control.width / 2, control.y + control.height / 2];
    const found = await page.evaluate(([px, py]) => (window as unknown as Hostile).hostile.tryToOpenPicker(px!, py!), [x, y]);
    // The page can tell something sits there, but not what, and cannot press it.
    expect(found).toEqual({ namedElements: 0, openRoots: 0, atPoint: 'DIV' });
    await page.waitForTimeout(700);
    expect(isPickerOpen(page)).toBe(false);
    // The advisor's own click opens it.
    await page.mouse.click(x, y);
    await pickerFrame(page);
    await page.close();
  });

  it('in webmail cannot collect the advisor’s Enter or click with a covered or faded picker', async () => {
    const page = await openHostileWebmail();
    await insertButton(page).click();
    const picker = await pickerFrame(page);
    const hostile = (action: 'cover' | 'fade' | 'reveal') => page.evaluate((name) => (window as unknown as Hostile).hostile[name](), action);
    // Chromium reports the picker's visibility every 100 ms at most.
    const settle = () => page.waitForTimeout(400);
    const expectNothingInserted = async () => {
      await page.waitForTimeout(700);
      expect(await editorText(page)).toBe('');
      expect(isPickerOpen(page)).toBe(true);
    };

    // An opaque sheet that lets the pointer through: keys and clicks reach the picker unseen.
    await hostile('cover');
    await settle();
    await pressThroughBrowser(picker, 'Enter');
    const option = (await picker.getByRole('option').first().boundingBox())!;
    await page.mouse.click(option.x + option.width / 2, option.y + option.height / 2);
    await expectNothingInserted();

    // The picker faded out through the body it sits in.
    await hostile('reveal');
    await hostile('fade');
    await settle();
    await pressThroughBrowser(picker, 'Enter');
    await expectNothingInserted();
    // Where the browser cannot tell (Firefox), the content script checks the frame itself.
    expect(await deliverFrom(picker, secretOffer)).toEqual({ ok: true, data: { outcome: 'hidden' } });
    await expectNothingInserted();

    await hostile('reveal');
    await settle();
    await pressThroughBrowser(picker, 'Enter');
    await expect.poll(() => editorText(page)).toContain(SECRET_SUMMARY);
    await page.close();
  });

  it('in webmail cannot take the compose control away by replaying WXT’s start notice', async () => {
    const page = await openHostileWebmail();
    expect(await page.evaluate(() => (window as unknown as Hostile).hostile.forgeScriptStarts())).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await page.bringToFront();
    expect(await browser.send({ type: 'webmail.openPickerInActiveTab' })).toEqual({ ok: true, data: { opened: true } });
    // Pressed in the picker's own frame: a key sent to the page while the frame it reaches
    // closes can wait forever for the browser's acknowledgement.
    await pressThroughBrowser(await pickerFrame(page), 'Escape');
    await insertButton(page).click();
    const picker = await pickerFrame(page);
    await pressThroughBrowser(picker, 'Enter');
    await expect.poll(() => editorText(page)).toContain(SECRET_SUMMARY);
    await page.close();
  });

  it('on Partner Center cannot stop capture by replaying WXT’s start notice', async () => {
    const quote = '44444444-aaaa-4bbb-8ccc-000000000004';
    const page = await browser.context.newPage();
    // The page's own script replays the notice the moment the content script posts it.
    await page.addInitScript(() => {
      const counter = window as unknown as { replayed: number };
      counter.replayed = 0;
      window.addEventListener('message', (event: MessageEvent<{ type?: unknown; contentScriptName?: string }>) => {
        const { type, contentScriptName } = event.data;
        if (typeof type !== 'string' || !type.endsWith(':wxt:content-script-started')) return;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId: 'forged-by-page' } }));
        counter.replayed++;
      });
    });
    const params = new URLSearchParams({ lang: 'en', kind: 'purchase', quote, step: 'result', delay: '1500' });
    await page.goto(fixtures.url('partner.microsoft.com', `partner-center/wizard-spa.html?${params}`));
    await expect.poll(() => page.evaluate(() => (window as unknown as { replayed: number }).replayed)).toBe(1);
    await expect.poll(async () => (await storedOffers()).some((offer) => offer.url.includes(quote)), { timeout: 6000 }).toBe(true);
    await page.close();
  });
});

async function openHostileWebmail(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(fixtures.url('mail.google.com', 'pages/hostile-webmail.html'));
  await page.click('#editor');
  await insertButton(page).waitFor();
  return page;
}

/** Hands a message to the content script straight from the picker page, past the picker's own visibility check. */
function deliverFrom(picker: Frame, offer: { id: string; url: string }) {
  return picker.evaluate(
    ({ id, url }) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'webmail.deliver',
        token: new URLSearchParams(location.hash.slice(1)).get('token'),
        offerId: id,
        message: { html: '<p>forged while hidden</p>', text: 'forged while hidden', subject: 'hidden', link: url },
      }),
    offer,
  );
}
