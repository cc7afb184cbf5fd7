import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { makeCustomer, makeOffer, offerUrl } from '../unit/offer-factory';
import { importOffers } from './backup-transfer';
import { launchExtension, ROOT, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { insertButton, pickerFrame, PROFILE, saveSettings } from './webmail-helpers';

/**
 * axe-core on every page the advisor sees, in the light and the dark theme, and the main flows
 * done with the keyboard alone (Tab, Shift+Tab, Enter, Space and arrow keys).
 */

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;

let browser: ExtensionBrowser;
let fixtures: FixtureServer;

async function data<T>(request: Parameters<ExtensionBrowser['send']>[0]): Promise<T> {
  const answer = await browser.send(request);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.data as T;
}

/** Three offers: a purchase offer accepted, a trial sent, a purchase offer pending with two customers. */
function offers(): Offer[] {
  const at = ['2026-03-02T10:00:00.000Z', '2026-03-09T10:00:00.000Z', '2026-03-16T10:00:00.000Z'] as const;
  return [
    makeOffer(1, { summaryId: 'PO-1001', customers: [makeCustomer('c1', { company: 'Northwind', email: 'buyer@northwind.example' }, at[0], 'accepted')], createdAt: at[0] }),
    makeOffer(2, {
      kind: 'trial',
      url: offerUrl(2, 'Trial'),
      summaryId: 'TR-2002',
      customers: [makeCustomer('c2', { company: 'Tailspin Toys', name: 'Jo Brown', email: 'jo@tailspin.example' }, at[1], 'sent')],
      createdAt: at[1],
    }),
    makeOffer(3, {
      summaryId: 'PO-1003',
      notes: 'Wants Teams first.',
      customers: [
        makeCustomer('c3', { company: 'Contoso', name: 'Camille Martin', email: 'camille@contoso.example' }, at[2]),
        makeCustomer('c4', { company: 'Fabrikam', name: 'Sam Lee', email: 'sam@fabrikam.example' }, at[2], 'drafted'),
      ],
      createdAt: at[2],
    }),
  ].map((offer) => ({ ...offer, updatedAt: offer.createdAt }));
}

beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  await saveSettings(browser, { profile: PROFILE });
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

async function seed() {
  await data({ type: 'offers.deleteAll' });
  await importOffers(browser, offers());
}

/** A page or frame to check, open and ready; `page` is the tab holding it (its theme is emulated there). */
interface Opened {
  page: Page;
  target: Page | Frame;
}

async function extensionPage(path: string, ready: (page: Page) => Locator, size = { width: 1280, height: 800 }): Promise<Opened> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  await ready(page).first().waitFor();
  return { page, target: page };
}

/** Every page, in the state it is checked in. A new extension page is one entry here. */
const PAGES: { name: string; open: () => Promise<Opened> }[] = [
  { name: 'popup', open: () => extensionPage('popup.html', (page) => page.locator('.offer-card'), { width: 380, height: 700 }) },
  { name: 'history, overview and list', open: () => extensionPage('history.html', (page) => page.locator('tbody tr[data-offer-id]')) },
  {
    name: 'history, details open',
    open: async () => {
      const opened = await extensionPage('history.html?offer=offer-3', (page) => page.locator('#details-heading'));
      await opened.page.locator('.customer-card summary').first().click();
      return opened;
    },
  },
  { name: 'welcome', open: () => extensionPage('welcome.html', (page) => page.locator('#checklist-heading')) },
  { name: 'options', open: () => extensionPage('options.html', (page) => page.locator('#templates-heading')) },
  {
    name: 'options, template editor',
    open: async () => {
      const opened = await extensionPage('options.html', (page) => page.getByRole('button', { name: /^Edit / }));
      await opened.page.getByRole('button', { name: /^Edit / }).first().click();
      await opened.page.getByText('Placeholders').first().click();
      return opened;
    },
  },
  {
    name: 'picker, in Outlook',
    open: async () => {
      const page = await browser.context.newPage();
      await page.goto(fixtures.url('outlook.office.com', 'webmail/outlook-compose.html'));
      await page.click('#editor');
      await insertButton(page).click();
      return { page, target: await pickerFrame(page) };
    },
  },
];

async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE_SOURCE);
  return target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('axe-core', () => {
  beforeAll(seed);

  for (const { name, open } of PAGES) {
    it(`finds no violation on ${name}, light and dark`, async () => {
      const { page, target } = await open();
      try {
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          expect(await target.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
          expect({ colorScheme, violations: await axeViolations(target) }).toEqual({ colorScheme, violations: [] });
        }
      } finally {
        await page.close();
      }
    });
  }
});

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement || element.contains(document.activeElement));

/** Presses Tab (forwards) until the element, or something inside it, has the keyboard; fails after a page's worth of stops. */
async function tabTo(page: Page, locator: Locator) {
  await locator.first().waitFor();
  for (let i = 0; i < 120 && !(await isFocused(locator.first())); i++) await page.keyboard.press('Tab');
  expect(await isFocused(locator.first())).toBe(true);
  // Where the keyboard is, the advisor sees it.
  expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
}

/** Moves a focused list box with the arrow keys until it shows `label`. */
async function arrowToOption(page: Page, select: Locator, label: string) {
  for (let i = 0; i < 12 && (await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.label)) !== label; i++) await page.keyboard.press('ArrowDown');
  expect(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.label)).toBe(label);
}

describe('keyboard only', () => {
  beforeAll(seed);

  it('history: filters the list, opens an offer and changes a customer status', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/history.html`);
    const rows = page.locator('tbody tr[data-offer-id]');
    await expect.poll(() => rows.count()).toBe(3);

    const filter = page.getByLabel('Customer status', { exact: true });
    await tabTo(page, filter);
    await arrowToOption(page, filter, 'Drafted');
    await expect.poll(() => rows.count()).toBe(1);

    await tabTo(page, rows.first());
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#details-heading').textContent()).toContain('PO-1003');

    // The arrow keys pass Sent on the way from Drafted to Accepted: nothing is saved until Enter,
    // Escape puts the stored status back, and leaving the menu saves the status shown.
    const stored = async () => (await data<{ offer: Offer }>({ type: 'offers.get', id: 'offer-3' })).offer.customers.find((c) => c.id === 'c4');
    const status = page.getByLabel('Status of Fabrikam');
    await tabTo(page, status);
    await arrowToOption(page, status, 'Accepted');
    await expect.poll(() => page.locator('#customer-c4-status-hint').textContent()).toBe('Enter to save, Escape to cancel.');
    expect(await status.getAttribute('aria-describedby')).toBe('customer-c4-status-hint');
    expect(await stored()).toMatchObject({ status: 'drafted' });
    await page.keyboard.press('Escape');
    await expect.poll(() => status.inputValue()).toBe('drafted');
    expect(await page.locator('#customer-c4-status-hint').count()).toBe(0);
    await arrowToOption(page, status, 'Accepted');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored())?.status).toBe('accepted');
    expect((await stored())?.history.map((entry) => entry.status)).toEqual(['pending', 'drafted', 'accepted']);
    await expect.poll(() => page.locator('.details .outcome').textContent()).toContain('Fabrikam: Accepted.');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await stored())?.status).toBe('declined');
    expect((await stored())?.history.map((entry) => entry.status)).toEqual(['pending', 'drafted', 'accepted', 'declined']);
    // A list opened from the keyboard (Alt+arrow, Space) is the browser's: its own arrows and Enter
    // choose, and the choice is saved as the list closes, once.
    await page.keyboard.press('Shift+Tab');
    expect(await isFocused(status)).toBe(true);
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored())?.status).toBe('accepted');
    expect(await isFocused(status)).toBe(true);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored())?.status).toBe('declined');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(500);
    expect((await stored())?.history.map((entry) => entry.status)).toEqual(['pending', 'drafted', 'accepted', 'declined', 'accepted', 'declined']);
    await page.close();
  });

  it('options: fills in the profile and saves it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const name = page.getByLabel('Your name');
    await tabTo(page, name);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Robin Keyboard');
    await tabTo(page, page.getByRole('button', { name: 'Save profile' }));
    await page.keyboard.press('Space');
    await expect
      .poll(async () => (await data<{ profile: { name?: string } }>({ type: 'settings.get' })).profile.name)
      .toBe('Robin Keyboard');
    await page.close();
  });

  it('popup: adds an offer by hand', async () => {
    await seed();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 380, height: 700 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await tabTo(page, page.getByRole('button', { name: 'Add offer manually' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('manual-url');
    await page.keyboard.type(offerUrl(77));
    await tabTo(page, page.getByRole('button', { name: 'Save offer' }));
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await data<{ count: number }>({ type: 'offers.count' })).count).toBe(4);
    await page.close();
  });
});
