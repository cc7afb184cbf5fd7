import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchExtension, pressThroughBrowser, startFixtureServer, type ExtensionBrowser, type FixtureHost, type FixtureServer } from './harness';
import { buildFixtureEditors } from './webmail-fixtures';
import { DEFAULT_SUBJECT, editorText, insertButton, isPickerOpen, offerSeeder, pickerFrame, PROFILE, saveSettings } from './webmail-helpers';

/**
 * The picker's choice of template and language (remembered per customer), its preview of the
 * message, and its dark theme, in the production build against the webmail fixtures.
 */

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
let seedOffer: ReturnType<typeof offerSeeder>;

const FRENCH_SUBJECT = 'Votre offre d’abonnement Microsoft de la part de Northwind Cloud';
const FRENCH_OPENING = 'Veuillez trouver ci-dessous';
const ENGLISH_OPENING = 'Please find below';

beforeAll(async () => {
  await buildFixtureEditors();
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  await saveSettings(browser, { profile: PROFILE });
  seedOffer = offerSeeder(browser, 9100);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

async function openPicker(host: FixtureHost, path: string, before?: (page: Page) => Promise<void>): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(fixtures.url(host, path));
  await insertButton(page).waitFor();
  await before?.(page);
  await page.click('#editor');
  await insertButton(page).click();
  return { page, frame: await pickerFrame(page) };
}

/** The name of the checked choice in the picker's group of that name ("Language", "Template"). */
const chosen = (frame: Frame, group: 'Language' | 'Template') => frame.getByRole('group', { name: group }).getByRole('radio', { checked: true }).getAttribute('value');
const previewText = (frame: Frame) => frame.frameLocator('iframe[title="Message preview"]').locator('body').innerText();
const subjectShown = (frame: Frame) => frame.locator('.preview-subject').innerText();

/** The luminance of a colour as the browser computed it, rgb(r, g, b), 0 to 255 by channel. */
const brightness = (rgb: string) => {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const pickerBackground = (frame: Frame) => frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const previewBackground = (frame: Frame) => frame.frameLocator('iframe[title="Message preview"]').locator('html').evaluate((root) => getComputedStyle(root).backgroundColor);

describe('the message preview', () => {
  it('shows the whole message of the highlighted offer before anything is inserted, values as text', async () => {
    const older = await seedOffer({ customer: { name: '<img src=x onerror=alert(1)>', company: 'Fabrikam', email: 'dana@fabrikam.example' } });
    const newest = await seedOffer();
    const { page, frame } = await openPicker('mail.google.com', 'webmail/gmail-compose.html');
    await expect.poll(() => previewText(frame)).toContain(newest.url);
    expect(await previewText(frame)).toContain(newest.summaryId);
    expect(await previewText(frame)).toContain(PROFILE.website);
    expect(await subjectShown(frame)).toBe(`Subject: ${DEFAULT_SUBJECT}`);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => previewText(frame)).toContain(older.url);
    expect(await previewText(frame)).toContain('Dear <img src=x onerror=alert(1)>,');
    expect(await frame.frameLocator('iframe[title="Message preview"]').locator('img, script').count()).toBe(0);
    expect(await editorText(page)).toBe('');
    // The preview can be read to its end from the keyboard, and Enter still inserts from the search box.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => previewText(frame)).toContain(newest.url);
    await pressThroughBrowser(frame, 'Enter');
    await expect.poll(() => editorText(page)).toContain(newest.url);
    await page.close();
  });
});

describe('Enter in the search box', () => {
  it('inserts the first offer the search finds, also when pressed before the search answered', async () => {
    const searched = await seedOffer({ customer: { name: 'Quentin Zebrowski', company: 'Zebracorp', email: 'quentin@zebracorp.example' } });
    const newest = await seedOffer();
    const { page, frame } = await openPicker('mail.google.com', 'webmail/gmail-compose.html');
    await expect.poll(() => previewText(frame)).toContain(newest.url);
    // Typed and Enter pressed at once, as a fast typist does: the list still shows the newest offers.
    const session = await page.context().newCDPSession(frame);
    await session.send('Input.insertText', { text: 'zebracorp' });
    await session.detach();
    await pressThroughBrowser(frame, 'Enter');
    await expect.poll(() => editorText(page)).toContain(searched.url);
    expect(await editorText(page)).not.toContain(newest.url);
    await page.close();
  });
});

describe('the template and language', () => {
  it('inserts the French message chosen for a customer, and preselects it for that customer next time', async () => {
    const camille = await seedOffer();
    const address = camille.customers[0]!.email!;
    const first = await openPicker('mail.google.com', 'webmail/gmail-compose.html');
    expect(await chosen(first.frame, 'Language')).toBe('en');
    // From the search box, Tab reaches the language and an arrow picks the next one, as with any radio group.
    await first.page.keyboard.press('Tab');
    await first.page.keyboard.press('ArrowRight');
    await expect.poll(() => chosen(first.frame, 'Language')).toBe('fr');
    expect(await chosen(first.frame, 'Template')).toBe('default-purchase-fr');
    await expect.poll(() => previewText(first.frame)).toContain(FRENCH_OPENING);
    expect(await subjectShown(first.frame)).toContain(FRENCH_SUBJECT);
    expect(await editorText(first.page)).toBe('');
    // Enter inserts from the list the advisor just used, as from the search box.
    await pressThroughBrowser(first.frame, 'Enter');
    await expect.poll(() => editorText(first.page)).toContain(FRENCH_OPENING);
    expect(await editorText(first.page)).toContain(camille.url);
    expect(await editorText(first.page)).not.toContain(ENGLISH_OPENING);
    expect(await first.page.inputValue('#subject')).toBe(FRENCH_SUBJECT);
    expect(await first.page.inputValue('#to')).toBe(address);
    await first.page.close();

    // Another offer, for someone else, is the newest now: as long as To is empty, its own customer counts.
    const other = await seedOffer();
    const fresh = await openPicker('outlook.office.com', 'webmail/outlook-compose.html');
    expect(await fresh.frame.getByRole('option', { selected: true }).textContent()).toContain(other.summaryId);
    await expect.poll(() => previewText(fresh.frame)).toContain(ENGLISH_OPENING);
    expect(await chosen(fresh.frame, 'Language')).toBe('en');
    await fresh.page.keyboard.press('ArrowDown');
    await expect.poll(() => chosen(fresh.frame, 'Language')).toBe('fr');
    await expect.poll(() => previewText(fresh.frame)).toContain(camille.url);
    expect(await previewText(fresh.frame)).toContain(FRENCH_OPENING);
    await pressThroughBrowser(fresh.frame, 'Escape');
    await expect.poll(() => isPickerOpen(fresh.page)).toBe(false);
    await fresh.page.close();

    // The compose window's recipient is the customer: their choice holds whatever offer is highlighted.
    const again = await openPicker('mail.google.com', 'webmail/gmail-compose.html', (page) => page.fill('#to', address));
    expect(await again.frame.getByRole('option', { selected: true }).textContent()).toContain(other.summaryId);
    await expect.poll(() => chosen(again.frame, 'Language')).toBe('fr');
    await expect.poll(() => previewText(again.frame)).toContain(FRENCH_OPENING);
    await pressThroughBrowser(again.frame, 'Enter');
    await expect.poll(() => editorText(again.page)).toContain(other.url);
    expect(await editorText(again.page)).toContain(FRENCH_OPENING);
    await again.page.close();
  });
});

describe('the dark theme', () => {
  it('is dark on a dark webmail page, and light on a light one', async () => {
    await seedOffer();
    const dark = await openPicker('outlook.office.com', 'webmail/outlook-compose.html?theme=dark');
    expect(brightness(await pickerBackground(dark.frame))).toBeLessThan(60);
    await expect.poll(async () => brightness(await previewBackground(dark.frame))).toBeLessThan(60);
    await dark.page.close();
    const light = await openPicker('outlook.office.com', 'webmail/outlook-compose.html');
    expect(brightness(await pickerBackground(light.frame))).toBeGreaterThan(200);
    await expect.poll(async () => brightness(await previewBackground(light.frame))).toBeGreaterThan(200);
    await light.page.close();
  });

  it('follows the system when it is dark, on a light page', async () => {
    await seedOffer();
    const { page, frame } = await openPicker('mail.google.com', 'webmail/gmail-compose.html', (opened) => opened.emulateMedia({ colorScheme: 'dark' }));
    expect(brightness(await pickerBackground(frame))).toBeLessThan(60);
    await expect.poll(async () => brightness(await previewBackground(frame))).toBeLessThan(60);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(async () => brightness(await pickerBackground(frame))).toBeGreaterThan(200);
    await page.close();
  });
});
