import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { makeCustomer, makeOffer, offerUrl } from '../unit/offer-factory';
import { accessibleText, launchExtension, offersWithQuote, pressNoticeButton, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { importOffers } from './backup-transfer';

/**
 * The details pane's revisions and follow-ups made after the fact, and the customers of an offer
 * handled by hand, in the production build.
 */
let browser: ExtensionBrowser;
let fixtures: FixtureServer;
beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

async function data<T>(request: Parameters<ExtensionBrowser['send']>[0]): Promise<T> {
  const answer = await browser.send(request);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.data as T;
}

async function seed(offers: Offer[]): Promise<void> {
  await data({ type: 'offers.deleteAll' });
  await importOffers(browser, offers);
}

const stored = async (id: string) => (await data<{ offer: Offer }>({ type: 'offers.get', id })).offer;

async function openPage(path: string): Promise<Page & { errors: string[] }> {
  const page = (await browser.context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

const at = (day: number) => new Date(Date.UTC(2026, 4, day, 9)).toISOString();
const outcome = (page: Page) => page.locator('.details .outcome');
const facts = (page: Page) => page.locator('.details .facts');
/** The text of the pane's notice when it has the keyboard (a button that went with its action leaves it there), else null. */
const focusedOutcome = (page: Page) => page.evaluate(() => (document.activeElement?.closest('.details .outcome') ? document.activeElement.textContent : null));
const statusesOf = (offer: Offer) => offer.customers.map((customer) => [customer.email ?? customer.name, customer.status]);

describe('replacing an offer', () => {
  it('by one picked from the list with the keyboard: both show the link, the customers carry over and are withdrawn here', async () => {
    await seed([
      makeOffer(1, {
        summaryId: 'PO-1001',
        createdAt: at(1),
        customers: [
          makeCustomer('c1', { name: 'Ana Silva', email: 'ana@fabrikam.example' }, at(1), 'sent'),
          makeCustomer('c2', { company: 'Northwind', email: 'buy@northwind.example' }, at(1), 'accepted'),
        ],
      }),
      makeOffer(2, { summaryId: 'PO-2002', createdAt: at(2), customers: [] }),
      makeOffer(3, { kind: 'trial', url: offerUrl(3, 'Trial'), summaryId: 'TR-3003', createdAt: at(3), customers: [] }),
    ]);
    const page = await openPage('history.html?offer=offer-1');
    await page.getByRole('button', { name: 'Replace with a new offer…' }).click();
    const form = page.getByRole('form', { name: 'Replace this offer' });
    // The form opens with the keyboard in it; the list holds only purchase offers other than this one.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('pick');
    expect(await form.getByRole('checkbox', { name: /Withdraw this offer from its customers/ }).isChecked()).toBe(true);
    const search = form.getByRole('combobox', { name: /Find an offer/ });
    await expect.poll(() => form.getByRole('option').allTextContents()).toEqual([expect.stringContaining('Purchase offer PO-2002')]);
    await form.getByRole('button', { name: 'Replace', exact: true }).click();
    expect(await form.getByRole('alert').textContent()).toBe('Choose an offer in the list first.');
    await search.fill('PO-2002');
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect.poll(() => form.getByText('Chosen: Purchase offer PO-2002').count()).toBe(1);
    expect(await form.getByRole('option', { name: /PO-2002/ }).getAttribute('aria-selected')).toBe('true');
    await form.getByRole('button', { name: 'Replace', exact: true }).click();

    await expect.poll(() => outcome(page).textContent()).toContain('Replaced by Purchase offer PO-2002; the customers carry over to it.');
    // The button that opened the form is gone: the keyboard is on the notice.
    await expect.poll(() => focusedOutcome(page)).toContain('Replaced by Purchase offer PO-2002');
    await expect.poll(() => facts(page).getByRole('link', { name: 'Purchase offer PO-2002' }).count()).toBe(1);
    expect(await page.getByTestId('customer-summary').textContent()).toBe('2 customers: Accepted (1), Withdrawn (1)');
    expect(await page.getByRole('button', { name: 'Replace with a new offer…' }).count()).toBe(0);
    // The customer who accepted keeps the answer; the one still waiting is withdrawn.
    expect(statusesOf(await stored('offer-1'))).toEqual([
      ['ana@fabrikam.example', 'withdrawn'],
      ['buy@northwind.example', 'accepted'],
    ]);
    await expect.poll(() => page.locator('tr[data-offer-id="offer-2"]').textContent()).toContain('2 customers: Pending (2)');

    await facts(page).getByRole('link', { name: 'Purchase offer PO-2002' }).click();
    await expect.poll(() => page.locator('#details-heading').textContent()).toContain('PO-2002');
    expect(page.url()).toContain('offer=offer-2');
    await expect.poll(() => facts(page).getByRole('link', { name: 'Purchase offer PO-1001' }).count()).toBe(1);
    expect(await facts(page).textContent()).toContain('Replaces');
    expect(await page.getByTestId('customer-summary').textContent()).toBe('2 customers: Pending (2)');
    expect(await stored('offer-2')).toMatchObject({ replaces: 'offer-1', customers: [{ email: 'ana@fabrikam.example', status: 'pending' }, { email: 'buy@northwind.example', status: 'pending' }] });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('by the offer typed and chosen with Enter at once, before the search answered', async () => {
    await seed([
      makeOffer(1, { summaryId: 'PO-1001', createdAt: at(1) }),
      makeOffer(2, { summaryId: 'PO-2002', createdAt: at(2) }),
      makeOffer(4, { summaryId: 'PO-4004', createdAt: at(4) }),
    ]);
    const page = await openPage('history.html?offer=offer-1');
    await page.getByRole('button', { name: 'Replace with a new offer…' }).click();
    const form = page.getByRole('form', { name: 'Replace this offer' });
    const search = form.getByRole('combobox', { name: /Find an offer/ });
    // The newest candidate is highlighted first; what is typed names the other.
    await expect.poll(() => form.getByRole('option').first().textContent()).toContain('PO-4004');
    await search.fill('PO-2002');
    await search.press('Enter');
    await expect.poll(() => form.getByText('Chosen: Purchase offer PO-2002').count()).toBe(1);
    expect(await form.getByText('Chosen: Purchase offer PO-4004').count()).toBe(0);
    await page.close();
  });

  it('by the next offer added, keeping the old customers’ statuses when told to: the open pane shows the link as it happens', async () => {
    await seed([makeOffer(1, { summaryId: 'PO-1001', createdAt: at(1), customers: [makeCustomer('c1', { email: 'ana@fabrikam.example' }, at(1), 'sent')] })]);
    const page = await openPage('history.html?offer=offer-1');
    await page.getByRole('button', { name: 'Replace with a new offer…' }).click();
    const form = page.getByRole('form', { name: 'Replace this offer' });
    await form.getByLabel('the next offer I save from Partner Center or add').check();
    await form.getByRole('checkbox', { name: /Withdraw this offer from its customers/ }).uncheck();
    expect(await form.getByRole('combobox').count()).toBe(0);
    await form.getByRole('button', { name: 'Wait for the new offer' }).click();
    await expect.poll(() => page.getByText('This offer’s customers keep their status.').count()).toBe(1);
    // The button that opened the form gives way to the one cancelling the replacement, which takes the keyboard.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel the replacement');
    expect(await data({ type: 'offers.armedNext' })).toMatchObject({ armed: { offerId: 'offer-1', link: 'replacement', withdraw: false } });

    const popup = await openPage('popup.html');
    await popup.getByRole('button', { name: 'Add offer manually' }).click();
    await popup.getByLabel('Offer URL').fill(offerUrl(9));
    await popup.getByRole('button', { name: 'Save offer' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Offer saved.');
    const [added] = (await data<{ offers: Offer[] }>({ type: 'offers.search', query: offerUrl(9) })).offers;
    expect(added).toMatchObject({ replaces: 'offer-1', customers: [{ email: 'ana@fabrikam.example', status: 'pending' }] });

    // The pane that armed it follows: the mark is gone and the link shows, without a reload.
    await expect.poll(() => page.getByText('This offer’s customers keep their status.').count()).toBe(0);
    await expect.poll(() => facts(page).getByRole('link', { name: /^Purchase offer / }).count()).toBe(1);
    expect(await facts(page).textContent()).toContain('Replaced by');
    expect(statusesOf(await stored('offer-1'))).toEqual([['ana@fabrikam.example', 'sent']]);
    expect(await data({ type: 'offers.armedNext' })).toEqual({ armed: null });
    expect([...page.errors, ...popup.errors]).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  it('by the next offer captured in Partner Center, armed from the details pane', async () => {
    await seed([makeOffer(1, { summaryId: 'PO-1001', createdAt: at(1), customers: [makeCustomer('c1', { email: 'ana@fabrikam.example' }, at(1), 'sent')] })]);
    const page = await openPage('history.html?offer=offer-1');
    await page.getByRole('button', { name: 'Replace with a new offer…' }).click();
    await page.getByLabel('the next offer I save from Partner Center or add').check();
    await page.getByRole('button', { name: 'Wait for the new offer' }).click();
    await expect.poll(() => page.getByText('Waiting for the new offer', { exact: false }).count()).toBe(1);

    const quote = '77777777-aaaa-4bbb-8ccc-000000000007';
    const partner = await browser.context.newPage();
    await partner.goto(fixtures.url('partner.microsoft.com', `partner-center/wizard-spa.html?${new URLSearchParams({ lang: 'en', kind: 'purchase', quote })}`));
    await partner.locator('#sub-0').check();
    await partner.locator('#wizard-next').click();
    await partner.locator('#summary-id').waitFor();
    await expect.poll(() => offersWithQuote(browser, quote)).toHaveLength(1);
    const [captured] = await offersWithQuote(browser, quote);
    expect(captured).toMatchObject({ replaces: 'offer-1', customers: [{ email: 'ana@fabrikam.example', status: 'pending' }] });

    await expect.poll(() => facts(page).getByRole('link', { name: `Purchase offer ${captured!.summaryId}` }).count()).toBe(1);
    expect(await page.getByTestId('customer-summary').textContent()).toBe('1 customer: Withdrawn (1)');
    expect(await page.getByRole('button', { name: 'Replace with a new offer…' }).count()).toBe(0);

    // The capture undone from its notice: as before it, the old offer names no replacement, its
    // customer is back where she stood, and it waits again for its new offer.
    expect(await accessibleText(partner)).toContain('Undo');
    await pressNoticeButton(partner, 2);
    await expect.poll(() => offersWithQuote(browser, quote)).toHaveLength(0);
    expect((await data<{ offer: Offer }>({ type: 'offers.get', id: 'offer-1' })).offer).not.toHaveProperty('replacedBy');
    expect(statusesOf(await stored('offer-1'))).toEqual([['ana@fabrikam.example', 'sent']]);
    expect(await data({ type: 'offers.armedNext' })).toMatchObject({ armed: { offerId: 'offer-1', link: 'replacement', withdraw: true } });
    await page.reload();
    await expect.poll(() => page.getByText('Waiting for the new offer', { exact: false }).count()).toBe(1);
    expect(await page.getByTestId('customer-summary').textContent()).toBe('1 customer: Sent (1)');
    expect(await facts(page).getByRole('link', { name: `Purchase offer ${captured!.summaryId}` }).count()).toBe(0);

    // The right offer, captured next, replaces it.
    const rightQuote = '77777777-aaaa-4bbb-8ccc-000000000008';
    await partner.goto(fixtures.url('partner.microsoft.com', `partner-center/wizard-spa.html?${new URLSearchParams({ lang: 'en', kind: 'purchase', quote: rightQuote })}`));
    await partner.locator('#sub-0').check();
    await partner.locator('#wizard-next').click();
    await expect.poll(() => offersWithQuote(browser, rightQuote)).toHaveLength(1);
    expect((await offersWithQuote(browser, rightQuote))[0]).toMatchObject({ replaces: 'offer-1' });
    expect(statusesOf(await stored('offer-1'))).toEqual([['ana@fabrikam.example', 'withdrawn']]);
    await Promise.all([page.close(), partner.close()]);
  });
});

describe('a trial and its purchase offer', () => {
  it('are linked afterwards from either side, both show the link, and it can be undone', async () => {
    await seed([
      makeOffer(1, { kind: 'trial', url: offerUrl(1, 'Trial'), summaryId: 'TR-1001', createdAt: at(1) }),
      makeOffer(2, { summaryId: 'PO-2002', createdAt: at(2) }),
      makeOffer(3, { summaryId: 'PO-3003', createdAt: at(3) }),
    ]);
    // From the purchase offer: only trials are listed.
    const page = await openPage('history.html?offer=offer-2');
    await page.getByRole('button', { name: 'Link the trial it follows up…' }).click();
    // Escape closes the form and gives the keyboard back to its button; Enter opens it again.
    await expect.poll(() => page.locator('.link-form').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Link the trial it follows up…');
    expect(await page.locator('.link-form').count()).toBe(0);
    await page.keyboard.press('Enter');
    const fromPurchase = page.getByRole('form', { name: 'The trial this purchase offer follows up' });
    await expect.poll(() => fromPurchase.getByRole('option').allTextContents()).toEqual([expect.stringContaining('Trial invitation TR-1001')]);
    await page.keyboard.press('Enter');
    await expect.poll(() => fromPurchase.getByText('Chosen: Trial invitation TR-1001').count()).toBe(1);
    await fromPurchase.getByRole('button', { name: 'Link', exact: true }).click();
    await expect.poll(() => outcome(page).textContent()).toContain('Linked to Trial invitation TR-1001.');
    await expect.poll(() => focusedOutcome(page)).toContain('Linked to Trial invitation TR-1001.');
    await expect.poll(() => facts(page).getByRole('link', { name: 'Trial invitation TR-1001' }).count()).toBe(1);
    expect(await facts(page).textContent()).toContain('Follows up the trial');
    expect(await page.getByRole('button', { name: 'Link the trial it follows up…' }).count()).toBe(0);
    expect((await stored('offer-2')).followUpOf).toBe('offer-1');

    // On the trial: the purchase offer shows; another one is picked from the list (the linked one is not offered again).
    await facts(page).getByRole('link', { name: 'Trial invitation TR-1001' }).click();
    await expect.poll(() => page.locator('#details-heading').textContent()).toContain('TR-1001');
    await expect.poll(() => facts(page).getByRole('link', { name: 'Purchase offer PO-2002' }).count()).toBe(1);
    expect(await facts(page).textContent()).toContain('Followed up by');
    await page.getByRole('button', { name: 'Link a purchase offer that follows it up…' }).click();
    const fromTrial = page.getByRole('form', { name: 'The purchase offer that follows up this trial' });
    await expect.poll(() => fromTrial.getByRole('option').allTextContents()).toEqual([expect.stringContaining('Purchase offer PO-3003')]);
    await fromTrial.getByRole('option', { name: /PO-3003/ }).click();
    await fromTrial.getByRole('button', { name: 'Link', exact: true }).click();
    await expect.poll(async () => (await facts(page).locator('.linked-offers a').allTextContents()).sort()).toEqual(['Purchase offer PO-2002', 'Purchase offer PO-3003']);
    expect((await stored('offer-3')).followUpOf).toBe('offer-1');

    await page.getByRole('button', { name: 'Unlink Purchase offer PO-2002' }).click();
    await expect.poll(() => facts(page).locator('.linked-offers a').allTextContents()).toEqual(['Purchase offer PO-3003']);
    expect(await outcome(page).textContent()).toContain('Link removed.');
    await expect.poll(() => focusedOutcome(page)).toContain('Link removed.');
    expect((await stored('offer-2')).followUpOf).toBeUndefined();

    // The other purchase offer still shows its trial; it can be unlinked from its side too.
    await page.goto(`chrome-extension://${browser.extensionId}/history.html?offer=offer-3`);
    await page.getByRole('button', { name: 'Unlink Trial invitation TR-1001' }).click();
    await expect.poll(() => facts(page).getByRole('link', { name: 'Trial invitation TR-1001' }).count()).toBe(0);
    expect((await stored('offer-3')).followUpOf).toBeUndefined();
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

describe('customers on the details pane', () => {
  it('are added, merged, edited (a stale edit refused with Reload), given a status and removed with Undo', async () => {
    await seed([makeOffer(1, { summaryId: 'PO-1001', createdAt: at(1), customers: [makeCustomer('c1', { name: 'Camille Martin' }, at(1), 'drafted')] })]);
    const page = await openPage('history.html?offer=offer-1');
    const card = (name: string) => page.locator('.customer-card', { has: page.getByText(name, { exact: true }) });
    await expect.poll(() => card('Camille Martin').textContent()).toContain('Known by name only: no email address yet.');

    // Added from the keyboard: the form takes the caret, Enter submits.
    await page.getByRole('button', { name: 'Add a customer' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('new-customer-company');
    await page.keyboard.type('Wingtip Toys');
    await page.getByLabel('Customer email').fill('camille@wingtip.example');
    await page.getByLabel('Customer email').press('Enter');
    await expect.poll(() => outcome(page).textContent()).toContain('Customer added.');
    expect(await page.getByTestId('customer-summary').textContent()).toBe('2 customers: Pending (1), Drafted (1)');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add a customer');

    // The two records are one person; a merge's Undo takes them apart again, each as it was.
    const merge = async () => {
      await page.getByLabel('Camille Martin is the same person as').selectOption({ label: 'Wingtip Toys · camille@wingtip.example' });
      await page.getByRole('button', { name: 'Merge into Camille Martin' }).click();
      await expect.poll(() => outcome(page).textContent()).toContain('Customers merged into Camille Martin.');
    };
    const beforeMerge = (await stored('offer-1')).customers;
    await merge();
    await expect.poll(() => page.locator('.customer-card').count()).toBe(1);
    await outcome(page).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => outcome(page).textContent()).toContain('Undone: the customers are back as they were.');
    await expect.poll(() => page.locator('.customer-card').count()).toBe(2);
    expect((await stored('offer-1')).customers).toEqual(beforeMerge);
    await merge();
    await expect.poll(() => page.locator('.customer-card').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('customers-heading');
    const [merged] = (await stored('offer-1')).customers;
    expect(merged).toMatchObject({ id: 'c1', name: 'Camille Martin', email: 'camille@wingtip.example', company: 'Wingtip Toys' });

    // Edited while another window changed the same field: refused, Reload, the typed text kept, saved.
    await page.getByRole('button', { name: 'Edit Wingtip Toys' }).click();
    await data({ type: 'offers.updateCustomer', id: 'offer-1', customerId: 'c1', patch: { name: 'Camille Martin-Roux' }, expected: { name: 'Camille Martin' } });
    await page.getByLabel('Customer name').fill('Camille Martin (CFO)');
    await page.getByRole('button', { name: 'Save customer' }).click();
    const stale = card('Wingtip Toys').getByRole('alert');
    await expect.poll(() => stale.textContent()).toContain('This customer was changed in another window.');
    expect((await stored('offer-1')).customers[0]?.name).toBe('Camille Martin-Roux');
    // Refused: the keyboard is on Reload, beside the form.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Reload');
    await page.keyboard.press('Enter');
    await expect.poll(() => card('Wingtip Toys').textContent()).toContain('Camille Martin-Roux');
    expect(await stale.count()).toBe(0);
    // Reload went with its use: the keyboard is in the form, which keeps what was typed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('form')?.className)).toBe('customer-form');
    expect(await page.getByLabel('Customer name').inputValue()).toBe('Camille Martin (CFO)');
    await page.getByRole('button', { name: 'Save customer' }).click();
    await expect.poll(() => outcome(page).textContent()).toContain('Customer saved.');
    expect((await stored('offer-1')).customers[0]?.name).toBe('Camille Martin (CFO)');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit Wingtip Toys');

    // Their own status, and its timeline.
    await page.getByLabel('Status of Wingtip Toys').selectOption('sent');
    await expect.poll(() => page.getByTestId('customer-summary').textContent()).toBe('1 customer: Sent (1)');
    await card('Wingtip Toys').locator('summary').click();
    expect((await page.getByRole('list', { name: 'Status history' }).locator('li').allTextContents()).at(-1)).toContain('Sent');

    // Removed, then back with Undo: as stored when removed, with what another window changed
    // meanwhile (accepted there, while this pane still shows Sent).
    await data({ type: 'offers.setCustomerStatus', id: 'offer-1', customerId: 'c1', status: 'accepted' });
    await page.getByRole('button', { name: 'Remove Wingtip Toys' }).click();
    await expect.poll(() => page.locator('.customer-card').count()).toBe(0);
    expect(await page.getByTestId('customer-summary').textContent()).toBe('No customer yet');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('customers-heading');
    await outcome(page).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.customer-card').count()).toBe(1);
    expect(await outcome(page).textContent()).toContain('Undone: the customers are back as they were.');
    expect((await stored('offer-1')).customers).toMatchObject([{ id: 'c1', email: 'camille@wingtip.example', status: 'accepted' }]);
    // Undo went with its use: the keyboard is on the notice saying the customer is back.
    await expect.poll(() => focusedOutcome(page)).not.toBeNull();
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

describe('the lists', () => {
  it('filter on any customer’s status, find an offer by a customer’s email, and show where its customers stand', async () => {
    await seed([
      makeOffer(1, {
        summaryId: 'PO-1001',
        createdAt: at(1),
        customers: [
          makeCustomer('a1', { email: 'ana@fabrikam.example' }, at(1), 'sent'),
          makeCustomer('a2', { email: 'ben@fabrikam.example' }, at(1), 'accepted'),
        ],
      }),
      makeOffer(2, { summaryId: 'PO-2002', createdAt: at(2), customers: [makeCustomer('b1', { name: 'Zoë Tremblay', email: 'zoe@erable.example' }, at(2), 'sent')] }),
      makeOffer(3, { summaryId: 'PO-3003', createdAt: at(3), customers: [] }),
      makeOffer(4, { summaryId: 'PO-4004', createdAt: at(4), customers: [makeCustomer('d1', { company: 'Contoso' }, at(4), 'declined')] }),
    ]);
    const page = await openPage('history.html');
    const ids = () => page.locator('tbody tr[data-offer-id] td:nth-child(3)').allTextContents();
    await expect.poll(ids).toEqual(['PO-4004', 'PO-3003', 'PO-2002', 'PO-1001']);
    const row = page.locator('tr[data-offer-id="offer-1"]');
    expect(await row.locator('.badge').textContent()).toBe('Accepted');
    expect(await row.textContent()).toContain('2 customers: Sent (1), Accepted (1)');
    expect(await page.locator('tr[data-offer-id="offer-3"]').textContent()).toContain('No customer yet');

    await page.getByLabel('Customer status').selectOption('sent');
    await expect.poll(ids).toEqual(['PO-2002', 'PO-1001']);
    await page.getByLabel('Customer status').selectOption('accepted');
    await expect.poll(ids).toEqual(['PO-1001']);
    await page.getByLabel('Customer status').selectOption('');
    await page.getByRole('searchbox', { name: 'Search' }).fill('zoe@erable.example');
    await expect.poll(ids).toEqual(['PO-2002']);
    await page.getByRole('searchbox', { name: 'Search' }).fill('tremblay');
    await expect.poll(ids).toEqual(['PO-2002']);
    await page.getByRole('searchbox', { name: 'Search' }).fill('contoso');
    await expect.poll(ids).toEqual(['PO-4004']);

    const popup = await openPage('popup.html');
    await expect.poll(() => popup.locator('.offer-card').textContent()).toContain('1 customer: Declined (1)');
    await expect.poll(() => popup.locator('.recent li').allTextContents()).toEqual([
      expect.stringMatching(/^PO-3003Pending.*No customer yet/),
      expect.stringMatching(/^PO-2002Sent.*Zoë Tremblay.*Mark accepted: Zoë Tremblay$/),
      expect.stringMatching(/^PO-1001Accepted.*ana@fabrikam\.example, \+1.*Mark accepted: ana@fabrikam\.example$/),
    ]);
    expect([...page.errors, ...popup.errors]).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });
});
