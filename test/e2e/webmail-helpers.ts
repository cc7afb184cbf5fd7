import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { offerUrl } from '../unit/offer-factory';
import { pressThroughBrowser, type ExtensionBrowser } from './harness';

/**
 * What the webmail browser tests share: seeding offers through the background, reading the
 * editor's own content (RoosterJS's model, not the DOM, where the fixture exposes it) in the
 * page or in the frame holding the compose form, and driving the picker.
 */

declare global {
  interface Window {
    editorText(): string;
    editorHtml(): string;
  }
}

export const PROFILE = {
  name: 'Alex Advisor',
  company: 'Northwind Cloud',
  email: 'alex@northwind.example',
  phone: '+33 1 23 45 67 89',
  website: 'https://northwind.example',
};

export const DEFAULT_SUBJECT = 'Your Microsoft subscription offer from Northwind Cloud';

/** The page or frame holding a compose form. */
export type ComposeScope = Page | Frame;

export async function setStorage(browser: ExtensionBrowser, values: Record<string, unknown>): Promise<void> {
  const page = await browser.openExtensionPage('popup.html');
  await page.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set(v), values);
  await page.close();
}

/** Seeds offers with distinct links, numbered from `first`. */
export function offerSeeder(browser: ExtensionBrowser, first: number): (extra?: Record<string, unknown>) => Promise<Offer> {
  let next = first;
  return async (extra = {}) => {
    const n = next++;
    const answer = await browser.send({
      type: 'offers.upsert',
      draft: {
        url: offerUrl(n),
        summaryId: `SUM-E2E-${n}`,
        usageLocation: 'France',
        subscriptions: [{ name: 'Microsoft 365 Business Standard', licenses: 12 }],
        delegatedAdmin: false,
        customer: { name: 'Camille Martin', company: 'Contoso', email: `camille${n}@contoso.example` },
        source: 'manual',
        ...extra,
      },
    });
    expect(answer.ok).toBe(true);
    return (answer as { data: { offer: Offer } }).data.offer;
  };
}

export async function getOffer(browser: ExtensionBrowser, id: string): Promise<Offer> {
  const answer = await browser.send({ type: 'offers.get', id });
  return (answer as { data: { offer: Offer } }).data.offer;
}

export const editorText = (scope: ComposeScope) =>
  scope.evaluate(() => (typeof window.editorText === 'function' ? window.editorText() : (document.getElementById('editor')!.textContent ?? '')));

export const insertButton = (scope: ComposeScope) => scope.getByRole('button', { name: 'Insert offer' });

export const isPickerOpen = (page: Page) => page.frames().some((frame) => frame.url().includes('/picker.html'));

export async function pickerFrame(page: Page): Promise<Frame> {
  await expect.poll(() => isPickerOpen(page)).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/picker.html'))!;
  await frame.getByRole('option').first().waitFor();
  return frame;
}

/** Clicks "Insert offer", waits until the picker has focus with the newest offer preselected, presses Enter. */
export async function insertNewest(page: Page, offer: Offer, scope: ComposeScope = page): Promise<void> {
  await insertButton(scope).click();
  const frame = await pickerFrame(page);
  await expect.poll(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.getAttribute('role'))).toBe('combobox');
  expect(await frame.getByRole('option', { selected: true }).textContent()).toContain(offer.summaryId);
  await pressThroughBrowser(frame, 'Enter');
  await expect.poll(() => editorText(scope)).toContain(offer.url);
  await expect.poll(() => isPickerOpen(page)).toBe(false);
}

/** Presses Ctrl+Z until the check passes; returns how many presses it took (or max + 1). */
export async function undoUntil(page: Page, done: () => Promise<boolean>, max: number): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Control+Z');
    await page.waitForTimeout(50);
    if (await done()) return presses;
  }
  return max + 1;
}

/**
 * The caret was left after the message (typing lands after its last line), and once the typing
 * is undone, one more Ctrl+Z takes the whole insertion out.
 */
export async function expectCaretAfterAndOneUndo(page: Page, offer: Offer, scope: ComposeScope = page): Promise<void> {
  const marker = 'ZZTYPED';
  await page.keyboard.type(marker);
  await expect.poll(() => editorText(scope)).toContain(marker);
  const text = await editorText(scope);
  expect(text.indexOf(marker)).toBeGreaterThan(text.lastIndexOf('northwind.example'));
  expect(text.indexOf(marker)).toBeGreaterThan(text.indexOf(offer.summaryId!));
  await page.waitForTimeout(600);
  expect(await undoUntil(page, async () => !(await editorText(scope)).includes(marker), 3)).toBeLessThanOrEqual(3);
  expect(await editorText(scope)).toContain(offer.url);
  expect(await undoUntil(page, async () => !(await editorText(scope)).includes(offer.url), 1)).toBe(1);
}

export async function expectSendRecorded(
  browser: ExtensionBrowser,
  offer: Offer,
  expected: { provider: 'gmail' | 'outlook'; subject: string; to: string },
): Promise<void> {
  await expect.poll(async () => (await getOffer(browser, offer.id)).sends.length).toBe(1);
  const stored = await getOffer(browser, offer.id);
  expect(stored.status).toBe('sent');
  expect(stored.sends[0]).toMatchObject(expected);
}
