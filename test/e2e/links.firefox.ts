import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Offer } from '../../lib/offers/schema';
import { makeCustomer, makeOffer, offerUrl } from '../unit/offer-factory';
import { buttonNamed, launchFirefoxExtension, waitFor, type FirefoxExtension } from './firefox-harness';
import { importOffers } from './backup-transfer';

/** The details pane's revisions, follow-ups and customers, in Firefox ESR. */
let firefox: FirefoxExtension;
beforeAll(async () => {
  firefox = await launchFirefoxExtension();
});
afterAll(async () => {
  await firefox?.close();
});

async function data<T>(request: Parameters<FirefoxExtension['send']>[0]): Promise<T> {
  const answer = await firefox.send(request);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.data as T;
}

async function seed(offers: Offer[]): Promise<void> {
  await data({ type: 'offers.deleteAll' });
  await importOffers(firefox, offers);
}

const stored = async (id: string) => (await data<{ offer: Offer }>({ type: 'offers.get', id })).offer;
const at = (day: number) => new Date(Date.UTC(2026, 4, day, 9)).toISOString();
const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '').catch(() => '');
const linkTexts = (page: Page) => page.$$eval('.details .facts a', (links) => links.map((link) => link.textContent ?? ''));
const optionTexts = (page: Page) => page.$$eval('[role="option"]', (options) => options.map((option) => option.textContent ?? ''));

/** Picks an offer in the open link form's list with the keyboard: typed into the search box, then Enter. */
async function pickWithKeyboard(page: Page, query: string, expected: string): Promise<void> {
  const search = (await page.waitForSelector('.link-form [role="combobox"]')) as ElementHandle<HTMLInputElement>;
  await search.type(query);
  await waitFor(() => optionTexts(page), (options) => options.length === 1 && options[0]!.includes(expected));
  await search.press('Enter');
  await waitFor(() => text(page, '.offer-picker [aria-live]'), (chosen) => chosen === `Chosen: ${expected}`);
}

describe('revisions and follow-ups, in Firefox', () => {
  it('replaces an offer with one picked from the list: both show the link, the customers carry over', async () => {
    await seed([
      makeOffer(1, { summaryId: 'PO-1001', createdAt: at(1), customers: [makeCustomer('c1', { email: 'ana@fabrikam.example' }, at(1), 'sent')] }),
      makeOffer(2, { summaryId: 'PO-2002', createdAt: at(2), customers: [] }),
    ]);
    const page = await firefox.openExtensionPage('history.html?offer=offer-1');
    await (await buttonNamed(page, 'Replace with a new offer…')).click();
    await pickWithKeyboard(page, 'PO-2002', 'Purchase offer PO-2002');
    await (await buttonNamed(page, 'Replace')).click();
    await waitFor(() => linkTexts(page), (links) => links.includes('Purchase offer PO-2002'));
    expect(await text(page, '[data-testid="customer-summary"]')).toBe('1 customer: Withdrawn (1)');
    expect(await stored('offer-2')).toMatchObject({ replaces: 'offer-1', customers: [{ email: 'ana@fabrikam.example', status: 'pending' }] });

    const next = await firefox.openExtensionPage('history.html?offer=offer-2');
    await waitFor(() => linkTexts(next), (links) => links.includes('Purchase offer PO-1001'));
    expect(await text(next, '.details .facts')).toContain('Replaces');
    await Promise.all([page.close(), next.close()]);
  });

  it('replaces an offer with the next one saved, once armed', async () => {
    await seed([makeOffer(1, { summaryId: 'PO-1001', createdAt: at(1), customers: [makeCustomer('c1', { email: 'ana@fabrikam.example' }, at(1), 'sent')] })]);
    const page = await firefox.openExtensionPage('history.html?offer=offer-1');
    await (await buttonNamed(page, 'Replace with a new offer…')).click();
    await (await page.waitForSelector('input[type="radio"][value="next"]'))!.click();
    await (await buttonNamed(page, 'Wait for the new offer')).click();
    await waitFor(() => text(page, '.details'), (details) => details.includes('Waiting for the new offer'));
    const { offer } = await data<{ offer: Offer }>({ type: 'offers.upsert', draft: { url: offerUrl(9), summaryId: 'PO-9009', source: 'clipboard' } });
    expect(offer).toMatchObject({ replaces: 'offer-1', customers: [{ email: 'ana@fabrikam.example', status: 'pending' }] });
    // The pane that armed it shows the new offer without a reload.
    await waitFor(() => linkTexts(page), (links) => links.includes('Purchase offer PO-9009'));
    expect(await stored('offer-1')).toMatchObject({ replacedBy: offer.id, customers: [{ status: 'withdrawn' }] });
    await page.close();
  });

  it('links a trial afterwards from the purchase side and from the trial side', async () => {
    await seed([
      makeOffer(1, { kind: 'trial', url: offerUrl(1, 'Trial'), summaryId: 'TR-1001', createdAt: at(1) }),
      makeOffer(2, { summaryId: 'PO-2002', createdAt: at(2) }),
      makeOffer(3, { summaryId: 'PO-3003', createdAt: at(3) }),
    ]);
    const purchase = await firefox.openExtensionPage('history.html?offer=offer-2');
    await (await buttonNamed(purchase, 'Link the trial it follows up…')).click();
    await pickWithKeyboard(purchase, 'TR-1001', 'Trial invitation TR-1001');
    await (await buttonNamed(purchase, 'Link')).click();
    await waitFor(() => linkTexts(purchase), (links) => links.includes('Trial invitation TR-1001'));
    expect((await stored('offer-2')).followUpOf).toBe('offer-1');

    const trial = await firefox.openExtensionPage('history.html?offer=offer-1');
    await waitFor(() => linkTexts(trial), (links) => links.includes('Purchase offer PO-2002'));
    await (await buttonNamed(trial, 'Link a purchase offer that follows it up…')).click();
    await pickWithKeyboard(trial, 'PO-3003', 'Purchase offer PO-3003');
    await (await buttonNamed(trial, 'Link')).click();
    await waitFor(() => linkTexts(trial), (links) => links.includes('Purchase offer PO-2002') && links.includes('Purchase offer PO-3003'));
    expect((await stored('offer-3')).followUpOf).toBe('offer-1');
    await Promise.all([purchase.close(), trial.close()]);
  });
});

describe('customers on the details pane, in Firefox', () => {
  it('adds a customer, removes one and brings it back with Undo', async () => {
    await seed([makeOffer(1, { summaryId: 'PO-1001', createdAt: at(1), customers: [makeCustomer('c1', { name: 'Camille Martin' }, at(1), 'drafted')] })]);
    const page = await firefox.openExtensionPage('history.html?offer=offer-1');
    await waitFor(() => text(page, '.customer-card'), (card) => card.includes('Known by name only'));
    await (await buttonNamed(page, 'Add a customer')).click();
    const email = (await page.waitForSelector('#new-customer-email')) as ElementHandle<HTMLInputElement>;
    await email.type('zoe@erable.example');
    await email.press('Enter');
    await waitFor(() => text(page, '[data-testid="customer-summary"]'), (summary) => summary === '2 customers: Pending (1), Drafted (1)');

    await (await buttonNamed(page, 'Remove Camille Martin')).click();
    await waitFor(() => text(page, '[data-testid="customer-summary"]'), (summary) => summary === '1 customer: Pending (1)');
    await (await buttonNamed(page, 'Undo')).click();
    await waitFor(() => text(page, '[data-testid="customer-summary"]'), (summary) => summary === '2 customers: Pending (1), Drafted (1)');
    // Back in its place, first, as it was before the removal.
    expect((await stored('offer-1')).customers.map((customer) => [customer.name ?? customer.email, customer.status])).toEqual([
      ['Camille Martin', 'drafted'],
      ['zoe@erable.example', 'pending'],
    ]);
    expect(await text(page, '.details .outcome')).toContain('Undone: the customers are back as they were.');
    await page.close();
  });
});
