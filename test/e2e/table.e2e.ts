import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolationsInBothThemes } from './axe';
import { launchWithOffers, type ExtensionBrowser } from './harness';
import { offerStatus } from '../../lib/offers/customers';
import { OFFER_STATUSES, type CustomerStatus, type Offer } from '../../lib/offers/schema';
import { makeCustomer, makeOffer, offerUrl } from '../unit/offer-factory';

/** Statuses given in turn, so every status shows on every page of the newest-first list. */
const CYCLE: CustomerStatus[] = ['sent', 'accepted', 'pending', 'declined', 'drafted', 'expired', 'withdrawn'];
/**
 * 130 offers (three pages of 50): every fifth a trial invitation, every eleventh without customers,
 * every third with a second customer, still pending (the offer shows its customers' highest status).
 */
const OFFERS: Offer[] = Array.from({ length: 130 }, (_, n) => {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return makeOffer(n, {
    ...(n % 5 === 0 ? { kind: 'trial' as const, url: offerUrl(n, 'Trial') } : {}),
    summaryId: `T-${String(n).padStart(3, '0')}`,
    customers:
      n % 11 === 10
        ? []
        : [
            makeCustomer(`c${n}`, { company: `Company ${n}`, email: `first${n}@contoso.example` }, at, CYCLE[n % CYCLE.length]),
            ...(n % 3 === 0 ? [makeCustomer(`d${n}`, { email: `second${n}@contoso.example` }, at)] : []),
          ],
  });
});

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithOffers(OFFERS);
});
afterAll(async () => {
  await browser?.close();
});

const rows = (page: Page) => page.locator('tbody tr[data-offer-id]');
const rowIds = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-offer-id') ?? ''));
const ids = (offers: readonly Offer[]) => offers.map((offer) => offer.id);
const newestFirst = (a: Offer, b: Offer) => b.createdAt.localeCompare(a.createdAt);

async function openHistory(search = ''): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/history.html${search}`);
  await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
  return page;
}

/** Every page of the list as shown, pressing "Older offers" until there is none. */
async function everyPage(page: Page): Promise<string[]> {
  const seen = await rowIds(page);
  for (let first = seen[0]; (await page.getByRole('button', { name: 'Older offers' }).count()) > 0; ) {
    await page.getByRole('button', { name: 'Older offers' }).click();
    await expect.poll(async () => (await rowIds(page))[0]).not.toBe(first);
    const shown = await rowIds(page);
    first = shown[0];
    seen.push(...shown);
  }
  return seen;
}

/** The offers as the background stores them now. */
async function stored(id: string): Promise<Offer | null> {
  const answer = await browser.send({ type: 'offers.get', id });
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.data as { offer: Offer | null }).offer;
}
async function storedCount(): Promise<number> {
  const answer = await browser.send({ type: 'offers.count' });
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.data as { count: number }).count;
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return readFileSync(await file.path(), 'utf8');
}
const backupIds = (text: string) => (JSON.parse(text) as { offers: Offer[] }).offers.map((offer) => offer.id);

async function check(page: Page, offerIds: readonly string[]) {
  for (const id of offerIds) await page.locator(`tr[data-offer-id="${id}"] input[type="checkbox"]`).check();
}

describe('history table: sorting', () => {
  it('sorts by a column from the store, across every page, and turns the order around', async () => {
    const page = await openHistory();
    const created = page.locator('thead th').filter({ hasText: 'Created' });
    expect(await created.getAttribute('aria-sort')).toBe('descending');
    expect(await everyPage(page)).toEqual(ids([...OFFERS].sort(newestFirst)));

    await created.getByRole('button').click();
    await expect.poll(() => created.getAttribute('aria-sort')).toBe('ascending');
    expect(page.url()).toContain('sort=created-asc');
    await expect.poll(async () => (await rowIds(page))[0]).toBe('offer-0');
    expect(await everyPage(page)).toEqual(ids([...OFFERS].sort((a, b) => -newestFirst(a, b))));

    const status = page.locator('thead th').filter({ hasText: 'Status' });
    const byStatus = (order: readonly string[]) => (a: Offer, b: Offer) => order.indexOf(offerStatus(a)) - order.indexOf(offerStatus(b)) || newestFirst(a, b);
    await status.getByRole('button').click();
    await expect.poll(() => status.getAttribute('aria-sort')).toBe('ascending');
    expect(await created.getAttribute('aria-sort')).toBe('none');
    await expect.poll(async () => (await rowIds(page))[0]).toBe(ids([...OFFERS].sort(byStatus(OFFER_STATUSES)))[0]);
    expect(await everyPage(page)).toEqual(ids([...OFFERS].sort(byStatus(OFFER_STATUSES))));

    await status.getByRole('button').click();
    await expect.poll(() => status.getAttribute('aria-sort')).toBe('descending');
    const reversed = ids([...OFFERS].sort(byStatus([...OFFER_STATUSES].reverse())));
    await expect.poll(async () => (await rowIds(page))[0]).toBe(reversed[0]);
    expect(await everyPage(page)).toEqual(reversed);

    // Columns no index orders offer no sort.
    expect(await page.getByRole('columnheader', { name: 'Customer' }).getByRole('button').count()).toBe(0);
    await page.close();
  });

  it('keeps the filters when sorting, and offers no sort on a search', async () => {
    const page = await openHistory('?kind=trial&sort=created-asc');
    const trials = OFFERS.filter((offer) => offer.kind === 'trial');
    expect(await everyPage(page)).toEqual(ids([...trials].sort((a, b) => -newestFirst(a, b))));
    await page.getByLabel('Search').fill('Company');
    await expect.poll(() => page.getByText('clear the search to sort by a column').count()).toBe(1);
    expect(await page.locator('thead th').filter({ hasText: 'Created' }).getByRole('button').count()).toBe(0);
    await page.close();
  });
});

describe('history table: keyboard and rows', () => {
  it('is one tab stop whose rows move with the arrow keys, Home and End, and open with Enter', async () => {
    const page = await openHistory();
    const newest = ids([...OFFERS].sort(newestFirst));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-offer-id'));
    expect(await page.getByRole('grid').count()).toBe(1);
    expect(await page.locator('tbody tr[tabindex="0"]').count()).toBe(1);
    // Tab from the last sortable header lands on the grid's one row in the tab order.
    await page.locator('thead th').filter({ hasText: 'Status' }).getByRole('button').focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(newest[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(newest[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(newest[1]);
    await page.keyboard.press('End');
    expect(await focused()).toBe(newest[49]);
    await page.keyboard.press('Home');
    expect(await focused()).toBe(newest[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`offer=${newest[1]}`);
    await expect.poll(() => page.locator('#details-heading').count()).toBe(1);
    expect(await page.locator(`tr[data-offer-id="${newest[1]}"]`).getAttribute('aria-current')).toBe('true');
    // The details' heading takes the focus; back in the grid, its tab stop is the row that was opened.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('details-heading');
    await page.locator('tbody tr[tabindex="0"]').focus();
    expect(await focused()).toBe(newest[1]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`offer=${newest[2]}`);
    await page.close();
  });

  it('opens the details from a click anywhere on a row; Space checks the focused row', async () => {
    const page = await openHistory();
    const [first, second] = await rowIds(page);
    await page.locator(`tr[data-offer-id="${second}"] td:nth-child(5)`).click();
    await expect.poll(() => page.url()).toContain(`offer=${second}`);
    // The details' heading takes the focus once they have loaded; wait for it, or it could take it from the row.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('details-heading');
    await page.locator(`tr[data-offer-id="${first}"]`).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator(`tr[data-offer-id="${first}"] input[type="checkbox"]`).isChecked()).toBe(true);
    expect(await page.locator(`tr[data-offer-id="${first}"]`).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByText('1 offer selected').count()).toBe(1);
    await page.close();
  });

  it('fits narrow windows: the table scrolls within its box, not the page, and the search hint shows whole', async () => {
    const page = await openHistory();
    /** Whether the search box's hint fits in it, as its font draws it. */
    const hintFits = () =>
      page.locator('#search').evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = style.font;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return context.measureText(input.placeholder).width <= room;
      });
    for (const width of [1280, 700]) {
      await page.setViewportSize({ width, height: 900 });
      expect([width, await hintFits()]).toEqual([width, true]);
    }
    await page.setViewportSize({ width: 400, height: 900 });
    const sideways = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      table: document.querySelector('.table-scroll')!.scrollWidth - document.querySelector('.table-scroll')!.clientWidth,
    }));
    expect(sideways.page).toBe(0);
    expect(sideways.table).toBeGreaterThan(0);
    await page.close();
  });

  it('shows each status in a colour of its own, with its name', async () => {
    const page = await openHistory();
    const colours = new Map<string, string>();
    for (const status of OFFER_STATUSES) {
      const badge = page.locator(`.badge.status-${status}`).first();
      const label = status[0]!.toUpperCase() + status.slice(1);
      expect(await badge.textContent()).toBe(label);
      colours.set(status, await badge.evaluate((element) => `${getComputedStyle(element).color} on ${getComputedStyle(element).backgroundColor}`));
    }
    expect(new Set(colours.values()).size).toBe(OFFER_STATUSES.length);
    await page.close();
  });
});

describe('history table: bulk actions', () => {
  it('checks every row shown at once', async () => {
    const page = await openHistory();
    await page.getByLabel('Select every offer shown').check();
    await expect.poll(() => page.getByText('50 offers selected').count()).toBe(1);
    expect(await page.locator('tbody input[type="checkbox"]:checked').count()).toBe(50);
    await page.getByRole('button', { name: 'Clear selection' }).click();
    expect(await page.locator('tbody input[type="checkbox"]:checked').count()).toBe(0);
    await page.close();
  });

  it('sets the status of every customer of the selected offers, and Undo puts back those not changed since', async () => {
    const page = await openHistory();
    // The newest offer has two customers (129 = 3 × 43), the one after it one.
    const [first, , third] = await rowIds(page);
    expect((await stored(first!))?.customers).toHaveLength(2);
    const before = await stored(first!);
    await check(page, [first!, third!]);
    await page.getByLabel('Status for all their customers').selectOption('declined');
    await page.getByRole('button', { name: 'Set status' }).click();
    await expect.poll(() => page.getByText('Status “Declined” set for the customers of 2 offers.').count()).toBe(1);
    for (const id of [first!, third!]) {
      const customers = (await stored(id))?.customers ?? [];
      expect(customers.length).toBeGreaterThan(0);
      expect(customers.every((customer) => customer.status === 'declined')).toBe(true);
      await expect.poll(() => page.locator(`tr[data-offer-id="${id}"] .badge`).textContent()).toBe('Declined');
    }
    // Another window moves the third offer's customer on before Undo: that move stays.
    const movedSince = (await stored(third!))!.customers[0]!;
    expect((await browser.send({ type: 'offers.setCustomerStatus', id: third!, customerId: movedSince.id, status: 'accepted' })).ok).toBe(true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByText('Status change undone: 1 offer as it was. 1 customer changed since keeps their status.').count()).toBe(1);
    expect(await stored(first!)).toMatchObject({ customers: before!.customers });
    expect((await stored(third!))?.customers[0]).toMatchObject({ status: 'accepted' });
    const statusBefore = offerStatus(before!);
    await expect.poll(() => page.locator(`tr[data-offer-id="${first}"] .badge`).textContent()).toBe(statusBefore[0]!.toUpperCase() + statusBefore.slice(1));
    await page.close();
  });

  it('exports the selection as a backup file and as CSV', async () => {
    const page = await openHistory();
    const [, second, , fourth] = await rowIds(page);
    await check(page, [second!, fourth!]);
    const json = await download(page, 'Export selection (JSON)');
    expect(backupIds(json)).toEqual([second, fourth]);
    expect((JSON.parse(json) as { format: string }).format).toBe('offer-courier-backup');
    const csv = await download(page, 'Export selection (CSV)');
    const summaries = [second, fourth].map((id) => OFFERS.find((offer) => offer.id === id)!.summaryId!);
    for (const summary of summaries) expect(csv).toContain(summary);
    expect(csv.match(/T-\d{3}/g)?.filter((summary, i, all) => all.indexOf(summary) === i)).toEqual(summaries);
    await page.close();
  });

  it('deletes the selection, and Undo puts it back as it was', async () => {
    const page = await openHistory();
    const picked = (await rowIds(page)).slice(5, 8);
    const before = await Promise.all(picked.map(stored));
    await check(page, picked);
    await page.getByRole('button', { name: 'Delete selection' }).click();
    await expect.poll(() => page.getByText('3 offers deleted.').count()).toBe(1);
    await expect.poll(async () => (await rowIds(page)).filter((id) => picked.includes(id))).toEqual([]);
    expect(await storedCount()).toBe(OFFERS.length - 3);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByText('3 offers restored.').count()).toBe(1);
    await expect.poll(async () => (await rowIds(page)).filter((id) => picked.includes(id))).toEqual(picked);
    expect(await storedCount()).toBe(OFFERS.length);
    expect(await Promise.all(picked.map(stored))).toEqual(before);
    await page.close();
  });
});

/** What has the keyboard: the tag and text of the focused element, so a failure names it. */
const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName ?? ''} ${document.activeElement?.textContent?.trim() ?? ''}`);
/** The statuses the open offer's customers show in the details pane. */
const paneStatuses = (page: Page) => page.locator('aside.details select[id$="-status"]').evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).value));
/** Offers of the first page with customers none of whom is at `status` yet, newest first. */
async function withCustomersNotAt(page: Page, status: CustomerStatus): Promise<string[]> {
  const shown = await rowIds(page);
  return shown.filter((id) => {
    const customers = OFFERS.find((offer) => offer.id === id)?.customers ?? [];
    return customers.length > 0 && customers.every((customer) => customer.status !== status);
  });
}

describe('history table: bulk actions and the open offer', () => {
  it('shows the open offer’s new statuses after a bulk status change', async () => {
    const page = await openHistory();
    const [shown, other] = (await withCustomersNotAt(page, 'expired')).slice(10);
    await page.goto(`chrome-extension://${browser.extensionId}/history.html?offer=${shown}`);
    await expect.poll(() => paneStatuses(page)).not.toEqual([]);
    expect(await paneStatuses(page)).not.toContain('expired');
    await check(page, [shown!, other!]);
    await page.getByLabel('Status for all their customers').selectOption('expired');
    await page.getByRole('button', { name: 'Set status' }).click();
    await expect.poll(() => page.getByText('Status “Expired” set for the customers of 2 offers.').count()).toBe(1);
    await expect.poll(async () => [...new Set(await paneStatuses(page))]).toEqual(['expired']);
    // The bar stays (the rows are still checked), and so does the keyboard on the button pressed.
    expect(await focused(page)).toBe('BUTTON Set status');
    await page.close();
  });

  it('closes the open offer when a bulk deletion removes it; the keyboard goes to Undo, then to the notice, and the offer opens again', async () => {
    const page = await openHistory();
    const [shown, other] = (await rowIds(page)).slice(20, 22);
    await page.goto(`chrome-extension://${browser.extensionId}/history.html?offer=${shown}`);
    await expect.poll(() => page.locator('#details-heading').count()).toBe(1);
    await check(page, [shown!, other!]);
    await page.getByRole('button', { name: 'Delete selection' }).click();
    await expect.poll(() => page.getByText('2 offers deleted.').count()).toBe(1);
    await expect.poll(() => page.locator('aside.details').count()).toBe(0);
    expect(page.url()).not.toContain('offer=');
    await expect.poll(() => focused(page)).toBe('BUTTON Undo');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('2 offers restored.').count()).toBe(1);
    await expect.poll(() => focused(page)).toBe('P 2 offers restored.');
    await expect.poll(async () => (await rowIds(page)).includes(shown!)).toBe(true);
    await page.locator(`tr[data-offer-id="${shown}"]`).click();
    await expect.poll(() => paneStatuses(page)).toEqual((await stored(shown!))?.customers.map((customer) => customer.status));
    await page.close();
  });

  it('gives the keyboard to the list when the selection is cleared', async () => {
    const page = await openHistory();
    const [picked] = (await rowIds(page)).slice(30);
    await check(page, [picked!]);
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('tbody tr')?.getAttribute('tabindex') ?? null)).toBe('0');
    await page.close();
  });

  it('gives the keyboard to the list when the pager’s button goes, on the last page and back on the first', async () => {
    const page = await openHistory();
    const tabStopFocused = () => page.evaluate(() => document.activeElement?.closest('tbody tr')?.getAttribute('tabindex') ?? null);
    const first = (await rowIds(page))[0];
    await page.getByRole('button', { name: 'Older offers' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await rowIds(page))[0]).not.toBe(first);
    // Page 2 of 3: Older is still there, and keeps the keyboard.
    expect(await focused(page)).toBe('BUTTON Older offers');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Older offers' }).count()).toBe(0);
    await expect.poll(tabStopFocused).toBe('0');
    const last = (await rowIds(page))[0];
    await page.getByRole('button', { name: 'Newer offers' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await rowIds(page))[0]).not.toBe(last);
    expect(await focused(page)).toBe('BUTTON Newer offers');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Newer offers' }).count()).toBe(0);
    await expect.poll(tabStopFocused).toBe('0');
    expect((await rowIds(page))[0]).toBe(first);
    await page.close();
  });

  it('keeps the keyboard in the details pane through a deletion and its Undo', async () => {
    const page = await openHistory();
    const [shown] = (await rowIds(page)).slice(40);
    await page.goto(`chrome-extension://${browser.extensionId}/history.html?offer=${shown}`);
    await page.getByRole('button', { name: 'Delete offer' }).click();
    await expect.poll(() => focused(page)).toBe('BUTTON Undo');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('P Offer restored.');
    expect(await stored(shown!)).not.toBeNull();
    await page.close();
  });
});

describe('history table: accessibility', () => {
  it('passes axe-core with rows checked, a column sorted and an offer open, in both themes', async () => {
    const page = await openHistory(`?sort=status-desc&offer=${OFFERS.at(-1)!.id}`);
    await page.locator('#details-heading').waitFor();
    await check(page, (await rowIds(page)).slice(0, 2));
    expect(await axeViolationsInBothThemes(page)).toEqual([]);
    await page.close();
  });
});

describe('history table: export of what is shown', () => {
  it('exports every page of the filtered list, and only it, in the order shown', async () => {
    const page = await openHistory('?kind=trial&location=France&sort=created-asc');
    const expected = OFFERS.filter((offer) => offer.kind === 'trial' && offer.usageLocation === 'France').sort((a, b) => -newestFirst(a, b));
    // What a screen reader hears: the start and the end, not the count of offers read so far.
    await page.evaluate(() => {
      const heard = { texts: [] as string[], liveRegions: 0 };
      (window as unknown as { heard: typeof heard }).heard = heard;
      new MutationObserver(() => {
        const live = [...document.querySelectorAll('.export-shown [aria-live], .export-shown [role="status"]')];
        heard.liveRegions = Math.max(heard.liveRegions, live.length);
        const text = live[0]?.textContent;
        if (text && heard.texts.at(-1) !== text) heard.texts.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    expect(backupIds(await download(page, 'Export what is shown (JSON)'))).toEqual(ids(expected));
    await expect.poll(() => page.getByText(`Exported ${expected.length} offers.`).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { heard: unknown }).heard)).toEqual({
      texts: ['Exporting the offers shown…', `Exported ${expected.length} offers.`],
      liveRegions: 1,
    });
    await page.close();

    // More than one page of the plain list: 130 offers, all of them.
    const all = await openHistory('?location=Canada');
    const canada = OFFERS.filter((offer) => offer.usageLocation === 'Canada');
    const csv = await download(all, 'Export what is shown (CSV)');
    const summaries = new Set(csv.match(/T-\d{3}/g));
    expect([...summaries].sort()).toEqual(canada.map((offer) => offer.summaryId).sort());
    // Disabled while it read the pages, the button pressed has the keyboard again.
    await expect.poll(() => focused(all)).toBe('BUTTON Export what is shown (CSV)');
    await all.close();
  });

  it('exports a search’s matches exactly', async () => {
    const page = await openHistory('?q=second12');
    // A word's start: second12@…, and second120@… to second129@… of the offers with customers.
    const expected = OFFERS.filter((offer) => offer.customers.some((customer) => /^second12\d?@/.test(customer.email ?? '')));
    await expect.poll(async () => (await rowIds(page)).sort()).toEqual(ids(expected).sort());
    expect(backupIds(await download(page, 'Export what is shown (JSON)')).sort()).toEqual(ids(expected).sort());
    await page.close();
  });
});

describe('history table: printing', () => {
  it('prints the table and the open offer without the controls', async () => {
    const newest = OFFERS.at(-1)!.id;
    const page = await openHistory(`?offer=${newest}`);
    await page.locator('#details-heading').waitFor();
    await check(page, [newest]);
    await page.emulateMedia({ media: 'print' });
    for (const control of ['.filters', '.pager', '.bulk-actions', '.export-shown', '.backup']) expect(await page.locator(control).first().isVisible()).toBe(false);
    expect(await page.locator('button:not(.sort-button):visible, select:visible, input[type="checkbox"]:visible').count()).toBe(0);
    expect(await page.locator('thead th').filter({ hasText: 'Created' }).isVisible()).toBe(true);
    expect(await page.locator('.history-list table').isVisible()).toBe(true);
    expect(await rows(page).first().isVisible()).toBe(true);
    expect(await page.locator('#details-heading').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.filters').isVisible()).toBe(true);
    await page.close();
  });
});
