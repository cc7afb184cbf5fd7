import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { makeCustomer, makeOffer, offerUrl } from '../unit/offer-factory';
import { importOffers } from './backup-transfer';
import { launchExtension, pressThroughBrowser, startFixtureServer, type ExtensionBrowser, type FixtureHost, type FixtureServer } from './harness';
import { buildFixtureEditors } from './webmail-fixtures';
import { axeViolationsInBothThemes } from './axe';
import { editorText, getOffer, insertButton, isPickerOpen, pickerFrame, PROFILE, saveSettings } from './webmail-helpers';

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
beforeAll(async () => {
  await buildFixtureEditors();
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await saveSettings(browser, { profile: PROFILE });
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

async function seed(offers: Offer[]): Promise<void> {
  const answer = await browser.send({ type: 'offers.deleteAll' });
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  await importOffers(browser, offers);
}

/** Three offers, the newest first: one customer awaiting an answer, three customers, none. */
function offers(): Offer[] {
  const at = (n: number) => new Date(Date.UTC(2026, 3, n)).toISOString();
  return [
    makeOffer(1, { summaryId: 'PO-1001', createdAt: at(1), updatedAt: at(1), customers: [] }),
    makeOffer(2, {
      summaryId: 'PO-2002',
      createdAt: at(2),
      updatedAt: at(2),
      customers: [
        makeCustomer('f1', { company: 'Fabrikam', email: 'ana@fabrikam.example' }, at(2), 'sent'),
        makeCustomer('f2', { email: 'ben@fabrikam.example' }, at(2), 'accepted'),
        makeCustomer('f3', { name: 'Chloé Petit' }, at(2), 'declined'),
      ],
    }),
    makeOffer(3, { summaryId: 'PO-3003', createdAt: at(3), updatedAt: at(3), customers: [makeCustomer('c1', { company: 'Contoso', email: 'buyer@contoso.example' }, at(3), 'sent')] }),
  ];
}

/**
 * Opens the popup as a page of the window whose active tab is `active` (the popup page itself
 * when null): the popup asks for the active tab of its own window, as it does when opened from
 * the toolbar over that tab.
 */
async function openPopupOver(active: Page | null): Promise<Page> {
  const popup = await browser.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 380, height: 700 });
  await (active ?? popup).bringToFront();
  await popup.reload();
  await popup.locator('.popup-actions:not(.pending)').waitFor();
  return popup;
}

const primary = (popup: Page) => popup.locator('.primary-action button');
const otherActions = (popup: Page) => popup.getByRole('group', { name: 'Other actions' }).getByRole('button');
const status = (popup: Page) => popup.getByRole('status').first();

async function openFixture(host: FixtureHost, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(fixtures.url(host, path));
  return page;
}

describe('the popup primary action follows the active tab', () => {
  it('is Insert offer over a Gmail or Outlook compose window, and opens the picker there', async () => {
    await seed(offers());
    for (const [host, path] of [
      ['mail.google.com', 'webmail/gmail-compose.html'],
      ['outlook.office.com', 'webmail/outlook-compose.html'],
    ] as const) {
      const compose = await openFixture(host, path);
      await insertButton(compose).waitFor();
      await compose.click('#editor');
      const popup = await openPopupOver(compose);
      expect(await primary(popup).textContent()).toBe('Insert offer');
      expect(await otherActions(popup).allTextContents()).toEqual(['Capture from this page', 'Copy message', 'Copy offer URL', 'Add offer manually']);
      await primary(popup).click();
      const picker = await pickerFrame(compose);
      expect(await picker.getByRole('option', { selected: true }).textContent()).toContain('PO-3003');
      await pressThroughBrowser(picker, 'Enter');
      await expect.poll(() => editorText(compose)).toContain(offerUrl(3));
      await Promise.all([popup.close(), compose.close()]);
    }
  });

  it('is Copy message in a webmail tab without a compose window, Insert staying one click away', async () => {
    await seed(offers());
    const inbox = await openFixture('mail.google.com', 'webmail/gmail-busy.html');
    const popup = await openPopupOver(inbox);
    expect(await primary(popup).textContent()).toBe('Copy message');
    await otherActions(popup).getByText('Insert offer').click();
    await expect.poll(() => status(popup).textContent()).toContain('Open a message in Gmail or Outlook on the web in this tab');
    expect(isPickerOpen(inbox)).toBe(false);
    await Promise.all([popup.close(), inbox.close()]);
  });

  it('is Capture on Partner Center, and saves the offer the page shows', async () => {
    await seed(offers());
    const partner = await openFixture('partner.microsoft.com', 'partner-center/result-purchase-en.html');
    const popup = await openPopupOver(partner);
    expect(await primary(popup).textContent()).toBe('Capture from this page');
    expect(await otherActions(popup).allTextContents()).toEqual(['Insert offer', 'Copy message', 'Copy offer URL', 'Add offer manually']);
    await primary(popup).press('Enter');
    await expect.poll(() => status(popup).textContent()).toMatch(/Offer captured from this page\.|already saved/);
    expect(await popup.locator('.offer-card').textContent()).toContain('PO-4K7Q-22XM');
    // The button, disabled while it ran, has the keyboard again.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Capture from this page');
    await Promise.all([popup.close(), partner.close()]);
  });

  it('is Copy message anywhere else, and puts the newest offer’s message on the clipboard as rich and plain text', async () => {
    await seed(offers());
    const elsewhere = await openFixture('example.com', 'pages/plain.html');
    const popup = await openPopupOver(elsewhere);
    expect(await primary(popup).textContent()).toBe('Copy message');
    expect(await otherActions(popup).allTextContents()).toEqual(['Insert offer', 'Capture from this page', 'Copy offer URL', 'Add offer manually']);
    await elsewhere.close();
    // The clipboard takes a write from the focused page only: the popup has the focus once opened.
    await popup.bringToFront();
    await popup.evaluate(() => navigator.clipboard.writeText('before'));
    await primary(popup).click();
    await expect.poll(() => status(popup).textContent()).toContain('Message copied');
    const clip = await popup.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: item!.types, html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
    });
    expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(clip.html).toContain(`href="${offerUrl(3).replaceAll('&', '&amp;')}"`);
    expect(clip.text).toContain(offerUrl(3));
    // Signed by nobody: copied still, and the notice says so, as the settings and the picker do.
    expect(await status(popup).textContent()).toMatch(/^Message copied with the template “[^”]+”\.$/);
    await saveSettings(browser, { profile: { ...PROFILE, name: '', company: ' ' } });
    try {
      await primary(popup).click();
      await expect.poll(() => status(popup).textContent()).toContain('Your profile lacks your name or company: messages will not name your company and will go out unsigned.');
      expect(await status(popup).textContent()).toContain('Message copied');
    } finally {
      await saveSettings(browser, { profile: PROFILE });
    }
    await popup.close();
  });
});

describe('the popup offers', () => {
  it('show summary ID, customers and status, and mark a customer accepted in one click', async () => {
    await seed(offers());
    const popup = await openPopupOver(null);
    const latestBadge = popup.locator('.offer-card .badge');
    expect(await latestBadge.textContent()).toBe('Sent');
    expect(await latestBadge.getAttribute('class')).toContain('tone-open');
    const rows = popup.locator('.recent li');
    await expect.poll(() => rows.count()).toBe(2);
    const [fabrikam, empty] = [rows.nth(0), rows.nth(1)];
    expect(await fabrikam.locator('.recent-main').textContent()).toBe('PO-2002Accepted');
    expect(await fabrikam.locator('.recent-meta').textContent()).toContain('Fabrikam, +2');
    expect(await fabrikam.locator('.badge').getAttribute('class')).toContain('tone-won');
    expect(await empty.locator('.recent-main').textContent()).toBe('PO-1001Pending');
    expect(await empty.locator('.recent-meta').textContent()).toContain('No customer yet');
    // Only customers still awaiting an answer can be marked: neither the accepted nor the declined one.
    expect(await fabrikam.getByRole('button').allTextContents()).toEqual(['Mark accepted: Fabrikam']);
    expect(await empty.getByRole('button').count()).toBe(0);
    expect(await axeViolationsInBothThemes(popup)).toEqual([]);

    // Each button names its offer too: two offers may have customers of one name.
    expect(await fabrikam.getByRole('button').getAttribute('aria-label')).toBe('Mark accepted: Fabrikam (Purchase offer PO-2002)');

    const before = (await getOffer(browser, 'offer-3')).customers;
    await popup.getByRole('button', { name: 'Mark accepted: Contoso' }).click();
    await expect.poll(() => latestBadge.textContent()).toBe('Accepted');
    expect(await status(popup).textContent()).toBe('Contoso: Accepted. Undo');
    expect(await popup.getByRole('button', { name: 'Mark accepted: Contoso' }).count()).toBe(0);
    expect((await getOffer(browser, 'offer-3')).customers).toMatchObject([{ id: 'c1', status: 'accepted' }]);
    // Undo takes it back, timeline entry and all; the keyboard goes to the notice.
    await status(popup).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => latestBadge.textContent()).toBe('Sent');
    expect(await status(popup).textContent()).toBe('Undone: Contoso is no longer marked accepted.');
    expect((await getOffer(browser, 'offer-3')).customers).toEqual(before);
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Undone: Contoso is no longer marked accepted.');
    await popup.getByRole('button', { name: 'Mark accepted: Contoso' }).click();
    await expect.poll(() => latestBadge.textContent()).toBe('Accepted');

    await fabrikam.getByRole('button', { name: 'Mark accepted: Fabrikam' }).press('Enter');
    await expect.poll(() => fabrikam.getByRole('button').count()).toBe(0);
    // The keyboard stays on the row whose button went away.
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/history.html?offer=offer-2');
    expect((await getOffer(browser, 'offer-2')).customers.map((customer) => customer.status)).toEqual(['accepted', 'accepted', 'declined']);
    await popup.close();
  });

  it('give the keyboard back to a Mark accepted whose click failed', async () => {
    await seed(offers());
    const popup = await openPopupOver(null);
    const button = popup.getByRole('button', { name: 'Mark accepted: Contoso' });
    await button.focus();
    // Deleted meanwhile from another window: the click cannot be recorded.
    expect(await browser.send({ type: 'offers.delete', id: 'offer-3' })).toMatchObject({ ok: true });
    await button.press('Enter');
    await expect.poll(() => status(popup).textContent()).toMatch(/no longer|not found|deleted/i);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Mark accepted: Contoso');
    await popup.close();
  });

  it('without any, say what to do next and link to Partner Center and the settings', async () => {
    await seed([]);
    const popup = await openPopupOver(null);
    const empty = popup.locator('.empty-state');
    expect(await empty.getByRole('heading').textContent()).toBe('No offers yet.');
    expect(await empty.textContent()).toContain('Trials and purchase offers > Create offer');
    expect(await empty.getByRole('link', { name: 'Open Partner Center' }).getAttribute('href')).toMatch(/^https:\/\/partner\.microsoft\.com\//);
    // Without an offer there is nothing to insert or copy.
    expect(await primary(popup).count()).toBe(0);
    expect(await otherActions(popup).allTextContents()).toEqual(['Capture from this page', 'Add offer manually']);
    expect(await axeViolationsInBothThemes(popup)).toEqual([]);
    const [options] = await Promise.all([browser.context.waitForEvent('page'), empty.getByRole('link', { name: 'Set up your profile and messages' }).click()]);
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${browser.extensionId}/options.html`);
    await options.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('reach the settings from a link in the header', async () => {
    await seed(offers());
    const popup = await openPopupOver(null);
    const [options] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('link', { name: 'Settings' }).click()]);
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${browser.extensionId}/options.html`);
    await options.close();
    if (!popup.isClosed()) await popup.close();
  });
});
