import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { offerUrl } from '../unit/offer-factory';
import { launchExtension, pressThroughBrowser, startFixtureServer, type ExtensionBrowser, type FixtureHost, type FixtureServer } from './harness';
import { saveSettings, expectCustomers, insertButton, seededCustomer, type SeenCustomer } from './webmail-helpers';

// Recipients as Gmail and Outlook on the web show them today (fixtures in test/fixtures/webmail):
// what the production build records for the draft (each recipient a customer of the offer, at
// `drafted`), what it leaves in the To field, and that the
// message and the caret are where the advisor expects them.

declare global {
  interface Window {
    editorText(): string;
  }
}

const PROFILE = { name: 'Alex Advisor', company: 'Northwind Cloud', email: 'alex@northwind.example', website: 'https://northwind.example', contactBlock: true };
const SUBJECT = 'Your Microsoft subscription offer from Northwind Cloud';

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
let offerNumber = 8000;

beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  await saveSettings(browser, { profile: PROFILE });
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

async function seedOffer(): Promise<Offer> {
  const n = offerNumber++;
  const answer = await browser.send({
    type: 'offers.upsert',
    draft: {
      url: offerUrl(n),
      summaryId: `SUM-RCPT-${n}`,
      usageLocation: 'France',
      subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 8 }],
      delegatedAdmin: false,
      customer: { name: 'Camille Martin', company: 'Contoso', email: `camille${n}@contoso.example` },
      source: 'manual',
    },
  });
  expect(answer.ok).toBe(true);
  return (answer as { data: { offer: Offer } }).data.offer;
}

/** The draft the background stored: the customer seeded with the offer still pending, then each recipient drafted. */
async function expectDraftedRecipients(offer: Offer, recipients: Omit<SeenCustomer, 'status' | 'sends'>[]): Promise<void> {
  await expectCustomers(browser, offer, [
    { ...seededCustomer(offer), status: 'pending', sends: [] },
    ...recipients.map((recipient) => ({ ...recipient, status: 'drafted' as const, sends: [] })),
  ]);
}

async function openCompose(host: FixtureHost, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(fixtures.url(host, path));
  await insertButton(page).waitFor();
  return { page, errors };
}

/** Whether the page refuses HTML strings in DOM sinks, as Gmail's Trusted Types policy does. */
const enforcesTrustedTypes = (page: Page) =>
  page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch {
      return true;
    }
  });

const editorText = (page: Page) =>
  page.evaluate(() => (typeof window.editorText === 'function' ? window.editorText() : (document.getElementById('editor')!.textContent ?? '')));

async function pickerFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((frame) => frame.url().includes('/picker.html'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/picker.html'))!;
  await frame.getByRole('option').first().waitFor();
  return frame;
}

/** Puts the caret in the body, inserts the newest offer from the picker, and checks the body holds it. */
async function insertNewest(page: Page, offer: Offer): Promise<void> {
  await page.click('#editor');
  await insertButton(page).click();
  const frame = await pickerFrame(page);
  await expect.poll(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.getAttribute('role'))).toBe('combobox');
  expect(await frame.getByRole('option', { selected: true }).textContent()).toContain(offer.summaryId);
  await pressThroughBrowser(frame, 'Enter');
  await expect.poll(() => editorText(page)).toContain(offer.url);
  await expect.poll(() => page.frames().some((f) => f.url().includes('/picker.html'))).toBe(false);
  const text = await editorText(page);
  expect(text).toContain(offer.summaryId);
  expect(text).toContain('Microsoft 365 Business Premium');
}

/** The body has focus with the caret after the message: typing lands after its last line. */
async function expectCaretAfterMessage(page: Page, offer: Offer): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('editor');
  await page.keyboard.type('ZZCARET');
  await expect.poll(() => editorText(page)).toContain('ZZCARET');
  const text = await editorText(page);
  expect(text.indexOf('ZZCARET')).toBeGreaterThan(text.indexOf(offer.url));
  expect(text.indexOf('ZZCARET')).toBeGreaterThan(text.lastIndexOf('northwind.example'));
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector);
  await page.keyboard.type(text);
}

const inputValue = (page: Page, selector: string) => page.inputValue(selector);
const chipAddresses = (page: Page, row: string) =>
  page.$$eval(`[name="${row}"] [role="option"]`, (chips) => chips.map((chip) => chip.getAttribute('data-hovercard-id')));

describe('Gmail recipients', () => {
  it('records every chip and every typed address of the To row, and changes none of them', async () => {
    const offer = await seedOffer();
    const { page, errors } = await openCompose('mail.google.com', 'webmail/gmail-chips.html');
    expect(await enforcesTrustedTypes(page)).toBe(true);
    const typed = 'dan@northwind.example, Eve Adams <eve@tailspin.example>; fra';
    await typeInto(page, '#to', typed);
    await insertNewest(page, offer);
    await expectDraftedRecipients(offer, [
      { name: 'Ann Lee', email: 'ann@contoso.example' },
      { email: 'bob@fabrikam.example' },
      { name: 'Claire Dubois', email: 'claire@contoso.example' },
      { name: 'Mallory', email: 'mallory@contoso.example' },
      { email: 'dan@northwind.example' },
      { name: 'Eve Adams', email: 'eve@tailspin.example' },
    ]);
    expect(await inputValue(page, '#to')).toBe(typed);
    expect(await chipAddresses(page, 'to')).toHaveLength(5);
    expect(await chipAddresses(page, 'cc')).toEqual(['cc@northwind.example']);
    expect(await inputValue(page, '#subject')).toBe(SUBJECT);
    await expectCaretAfterMessage(page, offer);
    expect(await page.title()).not.toBe('pwned');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fills an empty chip row with the customer address, which the page turns into a chip', async () => {
    const offer = await seedOffer();
    const { page, errors } = await openCompose('mail.google.com', 'webmail/gmail-empty-chips.html');
    expect(await enforcesTrustedTypes(page)).toBe(true);
    await insertNewest(page, offer);
    await expect.poll(() => chipAddresses(page, 'to')).toEqual([seededCustomer(offer).email]);
    expect(await inputValue(page, '#to')).toBe('');
    expect(await chipAddresses(page, 'cc')).toEqual([]);
    await expectCustomers(browser, offer, [{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
    await expectCaretAfterMessage(page, offer);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves a half-typed address in the bare input alone and records the complete one', async () => {
    const offer = await seedOffer();
    const { page, errors } = await openCompose('mail.google.com', 'webmail/gmail-compose.html');
    const typed = 'Dan Brown <dan@northwind.example>; eve@tail';
    await typeInto(page, '#to', typed);
    await insertNewest(page, offer);
    await expectDraftedRecipients(offer, [{ name: 'Dan Brown', email: 'dan@northwind.example' }]);
    expect(await inputValue(page, '#to')).toBe(typed);
    await expectCaretAfterMessage(page, offer);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Outlook on the web recipients', () => {
  it('records resolved names, "Name <address>", addresses and typed addresses of the To well', async () => {
    const offer = await seedOffer();
    const { page, errors } = await openCompose('outlook.office.com', 'webmail/outlook-wells.html');
    await page.waitForFunction(() => typeof window.editorText === 'function');
    // The advisor types after the resolved contacts, as in the live well.
    await page.evaluate(() => {
      const well = document.getElementById('to')!;
      well.focus();
      const range = document.createRange();
      range.selectNodeContents(well);
      range.collapse(false);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const typed = 'frank@northwind.example; Grace Hopper <grace@contoso.example>, ivy@';
    await page.keyboard.type(typed);
    const wellBefore = await page.locator('#to').textContent();
    expect(wellBefore).toContain(typed);
    await insertNewest(page, offer);
    // A resolved contact showing only a name stays a customer by name: no address is made up.
    await expectDraftedRecipients(offer, [
      { name: 'Claire Dubois' },
      { name: 'David Martin', email: 'david@fabrikam.example' },
      { email: 'eve@tailspin.example' },
      { name: 'Harold Finch' },
      { email: 'frank@northwind.example' },
      { name: 'Grace Hopper', email: 'grace@contoso.example' },
    ]);
    expect(await page.locator('#to').textContent()).toBe(wellBefore);
    expect(await page.locator('#cc').textContent()).toBe('Copie Conforme');
    await expectCaretAfterMessage(page, offer);
    expect(await page.title()).not.toBe('pwned');
    expect(errors).toEqual([]);
    await page.close();
  });
});
