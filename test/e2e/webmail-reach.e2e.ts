import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchExtension, pressThroughBrowser, startFixtureServer, type ExtensionBrowser, type FixtureHost, type FixtureServer } from './harness';
import {
  DEFAULT_SUBJECT,
  editorText,
  expectCaretAfterAndOneUndo,
  expectDrafted,
  insertButton,
  insertNewest,
  offerSeeder,
  pickerFrame,
  PROFILE,
  seededCustomer,
  saveSettings,
  type ComposeScope,
} from './webmail-helpers';

/**
 * Where compose windows hide: Outlook's work host, pop-out forms written into about:blank
 * frames, surroundings re-rendered by the page, and pages enforcing Trusted Types.
 */

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
let seedOffer: ReturnType<typeof offerSeeder>;

beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  await saveSettings(browser, { profile: PROFILE });
  seedOffer = offerSeeder(browser, 8000);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

interface WatchedPage {
  page: Page;
  /** Page errors, console errors and dialogs, from every frame. */
  problems: string[];
}

async function openWatched(host: FixtureHost, path: string): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // The fixture server has no favicon; the browser's request for it is not the page's doing.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(fixtures.url(host, path));
  return { page, problems };
}

/** The frame the pop-out shell wrote its compose form into, once RoosterJS runs there. */
async function composeFrame(page: Page): Promise<Frame> {
  await expect
    .poll(() => page.frame({ name: 'compose' })?.evaluate(() => typeof window.editorText === 'function').catch(() => false), { timeout: 5000 })
    .toBe(true);
  return page.frame({ name: 'compose' })!;
}

async function expectRoosterHolds(scope: ComposeScope, offer: { url: string; summaryId?: string }): Promise<void> {
  const text = await editorText(scope);
  expect(text).toContain(offer.summaryId);
  expect(text).toContain('Microsoft 365 Business Standard');
  // RoosterJS's model keeps the link as a link, not just as text.
  expect(await scope.evaluate(() => window.editorHtml())).toContain(`href="${offer.url.replaceAll('&', '&amp;')}"`);
}

describe("Outlook's work host, outlook.cloud.microsoft", () => {
  it('inserts into a RoosterJS compose: model, subject, To, draft recorded, caret and one undo', async () => {
    const offer = await seedOffer();
    const { page, problems } = await openWatched('outlook.cloud.microsoft', 'webmail/outlook-compose.html');
    await insertButton(page).waitFor();
    await page.click('#editor');
    await insertNewest(page, offer);
    await expectRoosterHolds(page, offer);
    expect(await page.inputValue('#subject')).toBe(DEFAULT_SUBJECT);
    expect(await page.locator('#to').textContent()).toBe(seededCustomer(offer).email);
    await expectDrafted(browser, offer);
    await expectCaretAfterAndOneUndo(page, offer);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the pop-out compose window written into an about:blank frame', () => {
  for (const [when, query, startedFirst] of [
    ['as soon as the blank frame loads', '', undefined],
    ['after the content script started in the blank frame (the write wipes its listeners)', '?write=late', true],
  ] as const) {
    it(`gets the control, the picker and the insertion when the form is written ${when}`, async () => {
      const offer = await seedOffer();
      const { page, problems } = await openWatched('outlook.cloud.microsoft', `webmail/outlook-popout.html${query}`);
      const frame = await composeFrame(page);
      expect(await page.evaluate(() => document.querySelector('iframe[name="compose"]')!.hasAttribute('src'))).toBe(false);
      if (startedFirst) expect(await page.evaluate(() => (window as unknown as { scriptStartedBeforeWrite: boolean }).scriptStartedBeforeWrite)).toBe(true);
      await insertButton(frame).waitFor({ timeout: 3000 });
      expect(await insertButton(page).count()).toBe(0);
      await frame.click('#editor');
      // Typed first: the caret the advisor left (remembered on selectionchange) is where it goes.
      await page.keyboard.type('Bonjour Camille,');
      await page.keyboard.press('Enter');
      await insertNewest(page, offer, frame);
      await expectRoosterHolds(frame, offer);
      const text = await editorText(frame);
      expect(text.startsWith('Bonjour Camille,')).toBe(true);
      expect(text.indexOf(offer.url)).toBeGreaterThan(text.indexOf('Bonjour Camille,'));
      expect(await frame.inputValue('#subject')).toBe(DEFAULT_SUBJECT);
      expect(await frame.locator('#to').textContent()).toBe(seededCustomer(offer).email);
      await expectDrafted(browser, offer);
      await expectCaretAfterAndOneUndo(page, offer, frame);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('opens the picker in the frame from the keyboard shortcut', async () => {
    const offer = await seedOffer();
    const { page } = await openWatched('outlook.cloud.microsoft', 'webmail/outlook-popout.html?write=late');
    const frame = await composeFrame(page);
    await insertButton(frame).waitFor({ timeout: 3000 });
    await page.bringToFront();
    await frame.click('#editor');
    await pressThroughBrowser(page, 'Alt+Shift+O');
    const picker = await pickerFrame(page);
    expect(picker.parentFrame()).toBe(frame);
    await expect.poll(() => picker.evaluate(() => document.hasFocus() && document.activeElement?.getAttribute('role'))).toBe('combobox');
    await pressThroughBrowser(picker, 'Enter');
    await expect.poll(() => editorText(frame)).toContain(offer.url);
    await expectDrafted(browser, offer);
    await page.close();
  });
});

describe('a compose window whose surroundings the page re-renders', () => {
  it('keeps its control over the editor through each re-render, outside the page’s own nodes, and still inserts', async () => {
    const offer = await seedOffer();
    const { page, problems } = await openWatched('outlook.live.com', 'webmail/outlook-rerender.html');
    const button = insertButton(page);
    await button.waitFor();
    for (const pass of [1, 2]) {
      await page.waitForFunction((n) => (window as unknown as { rerenders: number }).rerenders >= n, pass);
      // The re-render dropped the control with the other foreign nodes; it is back within a second.
      expect(await page.evaluate(() => (window as unknown as { foreignRemoved: number }).foreignRemoved)).toBe(pass);
      await button.waitFor({ state: 'visible', timeout: 1000 });
      const { rerenderAt, foreignBackAt } = await page.evaluate(() => {
        const times = window as unknown as { rerenderAt: number; foreignBackAt: number };
        return { rerenderAt: times.rerenderAt, foreignBackAt: times.foreignBackAt };
      });
      expect(foreignBackAt).toBeGreaterThan(rerenderAt);
      expect(foreignBackAt - rerenderAt).toBeLessThan(1000);
      const [control, editor] = [await button.boundingBox(), await page.locator('#editor').boundingBox()];
      expect(control!.y).toBeGreaterThanOrEqual(editor!.y);
      expect(control!.y + control!.height).toBeLessThanOrEqual(editor!.y + editor!.height);
      expect(control!.x + control!.width).toBeLessThanOrEqual(editor!.x + editor!.width);
      expect(control!.x + control!.width).toBeGreaterThan(editor!.x + editor!.width - 40);
      expect(await page.evaluate(() => (window as unknown as { renderedLayout(): unknown }).renderedLayout())).toEqual({
        toolbar: ['b1', 'b2', 'pass'],
        editorParent: ['hint', 'editor', 'attachments'],
      });
    }
    await page.click('#editor');
    await insertNewest(page, offer);
    await expectRoosterHolds(page, offer);
    expect(await page.inputValue('#subject')).toBe(DEFAULT_SUBJECT);
    await expectDrafted(browser, offer);
    await expectCaretAfterAndOneUndo(page, offer);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('hides the control while the editor is scrolled out of view and brings it back', async () => {
    await seedOffer();
    const { page } = await openWatched('outlook.live.com', 'webmail/outlook-rerender.html');
    const button = insertButton(page);
    await button.waitFor();
    await page.evaluate(() => {
      document.body.style.height = '5000px';
      window.scrollTo(0, 3000);
    });
    await button.waitFor({ state: 'hidden', timeout: 1000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await button.waitFor({ state: 'visible', timeout: 1000 });
    await page.close();
  });
});

describe('the floating control from the keyboard', () => {
  it('is reached with Tab after the compose fields, announces its shortcut, and opens the picker with Enter', async () => {
    const offer = await seedOffer();
    const { page } = await openWatched('mail.google.com', 'webmail/gmail-compose.html');
    const button = insertButton(page);
    await button.waitFor();
    expect(await button.keyShortcuts()).toBe('Alt+Shift+O');
    await page.focus('#subject');
    // The control's root is closed: the page sees only its host focused, a bare element outside the page's body.
    const isButtonFocused = () => page.evaluate(() => document.activeElement?.parentElement === document.documentElement && document.activeElement !== document.body);
    let presses = 0;
    while (!(await isButtonFocused()) && presses < 5) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await isButtonFocused()).toBe(true);
    await page.keyboard.press('Enter');
    const frame = await pickerFrame(page);
    await pressThroughBrowser(frame, 'Enter');
    await expect.poll(() => editorText(page)).toContain(offer.url);
    await page.close();
  });
});

describe('pages enforcing Trusted Types', () => {
  for (const [name, host, path, provider] of [
    ['Gmail', 'mail.google.com', 'webmail/gmail-strict.html', 'gmail'],
    ['Outlook, with its own default policy', 'outlook.cloud.microsoft', 'webmail/outlook-strict.html', 'outlook'],
  ] as const) {
    it(`${name}: the control, the picker and the insertion raise no violation and no error`, async () => {
      const offer = await seedOffer();
      const { page, problems } = await openWatched(host, path);
      await insertButton(page).waitFor();
      await page.click('#editor');
      await insertNewest(page, offer);
      if (provider === 'outlook') await expectRoosterHolds(page, offer);
      else expect(await page.locator('#editor ul li').count()).toBeGreaterThan(0);
      expect(await page.inputValue('#subject')).toBe(DEFAULT_SUBJECT);
      await expectDrafted(browser, offer);
      await expectCaretAfterAndOneUndo(page, offer);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('the fixtures enforce them: an HTML string assigned in the page is refused and reported', async () => {
    const { page, problems } = await openWatched('mail.google.com', 'webmail/gmail-strict.html');
    const refused = await page.evaluate(() => {
      try {
        document.getElementById('inbox')!.innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    });
    expect(refused).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as unknown as { violations: string[] }).violations.length)).toBe(1);
    expect(problems.some((problem) => problem.includes('TrustedHTML'))).toBe(true);
    await page.close();
  });
});
