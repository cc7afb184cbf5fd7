import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { makeOffer, offerUrl } from '../unit/offer-factory';
import { launchExtension, sendFromContentScript, startFixtureServer, type ExtensionBrowser, type FixtureHost, type FixtureServer } from './harness';
import { buildFixtureEditors } from './webmail-fixtures';
import { customersOf, expectDrafted, insertButton, offerSeeder, pickerFrame, PROFILE, seededCustomer, saveSettings, editorText, isPickerOpen } from './webmail-helpers';

/**
 * What a compromised page renderer could ask the background, speaking with the content script's
 * voice: each test sends from the extension's isolated world in a fixture page, through CDP.
 */
const EXTENSION_NAME = 'Offer Courier';
const TOP_FRAME = 'window === window.top';

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
let seedOffer: ReturnType<typeof offerSeeder>;
let seeded: Offer;

beforeAll(async () => {
  await buildFixtureEditors();
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  await saveSettings(browser, { profile: PROFILE });
  seedOffer = offerSeeder(browser, 8800);
  seeded = await seedOffer();
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

async function openPage(host: FixtureHost, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(fixtures.url(host, path));
  return page;
}

const sendWhenReady = (page: Page, where: string, message: unknown) => sendFromContentScript(page, EXTENSION_NAME, where, message);

/** A draft or a send as a compose window reports it, `minutesAhead` from now. */
const composeEvent = (kind: 'draft' | 'send', minutesAhead = 0) => ({
  kind,
  at: new Date(Date.now() + minutesAhead * 60_000).toISOString(),
  provider: 'gmail',
  recipients: [{ email: 'mallory@evil.example' }],
});

/**
 * Requests no content script needs: reading, exporting, rewriting or deleting the desk's data, its
 * customers and the links between offers.
 */
const storeRequests = () => {
  const customerId = seeded.customers[0]!.id;
  return [
    { type: 'offers.page', limit: 50 },
    { type: 'offers.search', query: 'SUM' },
    { type: 'offers.get', id: seeded.id },
    { type: 'offers.count' },
    { type: 'offers.usageLocations' },
    { type: 'backup.exportChunk', format: 'json' },
    { type: 'backup.exportChunk', format: 'csv' },
    { type: 'offers.deleteAll' },
    { type: 'offers.delete', id: seeded.id },
    { type: 'offers.update', id: seeded.id, patch: { notes: 'rewritten' } },
    { type: 'offers.update', id: seeded.id, patch: { followUpOf: 'offer-elsewhere' } },
    { type: 'offers.restore', offer: makeOffer(8899, { url: offerUrl(8899) }) },
    { type: 'offers.upsert', draft: { url: offerUrl(8898), source: 'manual' } },
    { type: 'offers.recordCompose', id: seeded.id, event: composeEvent('send') },
    { type: 'offers.setCustomerStatus', id: seeded.id, customerId, status: 'accepted' },
    { type: 'offers.addCustomer', id: seeded.id, customer: { email: 'intruder@evil.example' } },
    { type: 'offers.updateCustomer', id: seeded.id, customerId, patch: { email: 'intruder@evil.example' } },
    { type: 'offers.removeCustomer', id: seeded.id, customerId },
    { type: 'offers.mergeCustomers', id: seeded.id, keepId: customerId, mergeId: 'another-customer' },
    { type: 'offers.replace', id: seeded.id, by: 'offer-elsewhere', withdraw: true },
    { type: 'offers.linked', id: seeded.id },
    { type: 'offers.armNext', id: seeded.id, link: 'replacement' },
    { type: 'offers.disarmNext' },
    { type: 'offers.armedNext' },
  ];
};

async function expectAllForbidden(page: Page, where: string, requests: unknown[]) {
  for (const request of requests) {
    const answer = await sendWhenReady(page, where, request);
    expect({ request, answer }).toMatchObject({ answer: { ok: false, error: { code: 'forbidden' } } });
  }
}

async function expectDeskUntouched() {
  const answer = await browser.send({ type: 'offers.page', limit: 50 });
  const offers = (answer as { data: { offers: Offer[] } }).data.offers;
  expect(offers.map((offer) => offer.url).sort()).toEqual((await allSeededUrls()).sort());
  expect(offers.find((offer) => offer.id === seeded.id)).toMatchObject({ notes: seeded.notes, customers: seeded.customers });
  expect(await browser.send({ type: 'offers.armedNext' })).toEqual({ ok: true, data: { armed: null } });
}
let extraUrls: string[] = [];
const allSeededUrls = async () => [seeded.url, ...extraUrls];

describe('the Partner Center content script, as a compromised renderer would use it', () => {
  it('may not read, export, rewrite or delete offers, nor record sends', async () => {
    const page = await openPage('partner.microsoft.com', 'partner-center/no-offer-en.html');
    await expectAllForbidden(page, TOP_FRAME, [...storeRequests(), { type: 'webmail.recordCompose', token: crypto.randomUUID(), event: composeEvent('send') }]);
    await expectDeskUntouched();
    await page.close();
  });

  it('undoes only the capture its own tab saved', async () => {
    const [first, second] = [
      await openPage('partner.microsoft.com', 'partner-center/no-offer-en.html'),
      await openPage('partner.microsoft.com', 'partner-center/no-offer-en.html'),
    ];
    const saved = await sendWhenReady(first, TOP_FRAME, { type: 'capture.save', draft: { url: offerUrl(8897), source: 'auto' } });
    expect(saved).toMatchObject({ ok: true, data: { created: true } });
    extraUrls = [offerUrl(8897)];
    const { undoToken } = (saved as { data: { undoToken: string } }).data;
    // The same save again from that tab (a retry whose answer the stopped worker never sent) gets
    // its Undo back; another tab saving that offer does not.
    expect(await sendWhenReady(first, TOP_FRAME, { type: 'capture.save', draft: { url: offerUrl(8897), source: 'auto' } })).toMatchObject({ ok: true, data: { created: false, undoToken } });
    const elsewhere = await sendWhenReady(second, TOP_FRAME, { type: 'capture.save', draft: { url: offerUrl(8897), source: 'auto' } });
    expect((elsewhere as { data: object }).data).not.toHaveProperty('undoToken');
    // Another tab holding the token, or a made-up token, cannot undo it...
    expect(await sendWhenReady(second, TOP_FRAME, { type: 'capture.undo', token: undoToken })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await sendWhenReady(first, TOP_FRAME, { type: 'capture.undo', token: crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // ...nor can a merge into an offer that existed be undone: it comes with no token.
    const merged = await sendWhenReady(second, TOP_FRAME, { type: 'capture.save', draft: { url: seeded.url, source: 'auto' } });
    expect(merged).toMatchObject({ ok: true, data: { created: false } });
    expect((merged as { data: object }).data).not.toHaveProperty('undoToken');
    await expectDeskUntouched();
    // The tab that captured it can.
    expect(await sendWhenReady(first, TOP_FRAME, { type: 'capture.undo', token: undoToken })).toEqual({ ok: true, data: { deleted: true } });
    extraUrls = [];
    await expectDeskUntouched();
    await Promise.all([first.close(), second.close()]);
  });
});

describe('the webmail content script, as a compromised renderer would use it', () => {
  it('may not read, export, rewrite or delete offers, nor capture, in the top frame', async () => {
    const page = await openPage('mail.google.com', 'webmail/gmail-compose.html');
    await expectAllForbidden(page, TOP_FRAME, [
      ...storeRequests(),
      { type: 'capture.save', draft: { url: offerUrl(8896), source: 'auto' } },
      { type: 'ui.openOffer', id: seeded.id },
      { type: 'webmail.deliver', token: crypto.randomUUID(), offerId: seeded.id, message: { html: '<p>x</p>', text: 'x', subject: 'x', link: seeded.url } },
    ]);
    await expectDeskUntouched();
    await page.close();
  });

  it('may not either in a pop-out compose written into an about:blank frame, where it may still record its own sends', async () => {
    const page = await openPage('outlook.cloud.microsoft', 'webmail/outlook-popout.html');
    // The shell's only frame, written with document.write; the offer picker runs in another process.
    const blankFrame = 'window !== window.top';
    await expectAllForbidden(page, blankFrame, storeRequests());
    // The frame counts as webmail: a record is refused for want of a grant, not for its role.
    const record = await sendWhenReady(page, blankFrame, { type: 'webmail.recordCompose', token: crypto.randomUUID(), event: { ...composeEvent('send'), provider: 'outlook' } });
    expect(record).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/no such grant/) } });
    await expectDeskUntouched();
    await page.close();
  });

  it("records one draft and one send of the offer the picker delivered, only from the picker's tab", async () => {
    const offer = await seedOffer();
    extraUrls = [offer.url];
    const page = await openPage('mail.google.com', 'webmail/gmail-compose.html');
    const other = await openPage('mail.google.com', 'webmail/gmail-compose.html');
    // The advisor works in the first tab: the picker takes focus only in the front tab.
    await page.bringToFront();
    await page.click('[g_editable]');
    await insertButton(page).click();
    const picker = await pickerFrame(page);
    const token = new URLSearchParams(new URL(picker.url()).hash.slice(1)).get('token')!;
    await picker.getByRole('option', { name: new RegExp(offer.summaryId!) }).click();
    await expect.poll(() => editorText(page)).toContain(offer.url);
    await expect.poll(() => isPickerOpen(page)).toBe(false);
    await expectDrafted(browser, offer);
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    // A second draft with the same token, or the token used from another tab: refused.
    expect(await sendWhenReady(page, TOP_FRAME, { type: 'webmail.recordCompose', token, event: composeEvent('draft', 1) })).toMatchObject(forbidden);
    const send = { type: 'webmail.recordCompose', token, event: { ...composeEvent('send', 2), recipients: [{ email: seededCustomer(offer).email }] } };
    expect(await sendWhenReady(other, TOP_FRAME, send)).toMatchObject(forbidden);
    // The tab's one send, and its retry (the same moment), pass; another send, or the offer named directly, do not.
    expect(await sendWhenReady(page, TOP_FRAME, send)).toEqual({ ok: true, data: { recorded: true } });
    expect(await sendWhenReady(page, TOP_FRAME, send)).toEqual({ ok: true, data: { recorded: true } });
    expect(await sendWhenReady(page, TOP_FRAME, { type: 'webmail.recordCompose', token, event: composeEvent('send', 3) })).toMatchObject(forbidden);
    expect(await sendWhenReady(page, TOP_FRAME, { type: 'offers.recordCompose', id: offer.id, event: composeEvent('send', 4) })).toMatchObject(forbidden);
    expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'sent', sends: [{ provider: 'gmail' }] }]);
    await Promise.all([page.close(), other.close()]);
  });
});
