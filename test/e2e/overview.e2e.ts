import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Offer, OfferCustomer } from '../../lib/offers/schema';
import { makeOffer, offerUrl } from '../unit/offer-factory';
import { launchWithOffers, ROOT, type ExtensionBrowser } from './harness';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
// `npm run screenshots` refreshes the README's pictures; ordinary runs take them without touching the repository.
const SCREENSHOTS = join(ROOT, process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');

const NOW = Date.now();
/** The 10th of the month `back` months before this one, 09:00, in the zone this runner shares with the browser it launches. */
const monthsAgo = (back: number) => {
  const now = new Date(NOW);
  return new Date(now.getFullYear(), now.getMonth() - back, 10, 9).toISOString();
};
const yesterday = new Date(NOW - 24 * 3_600_000).toISOString();
const monthLabel = (at: string) => new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' }).format(new Date(at));

/** A customer who went through these statuses, sent the offer at each `sent`. */
function customer(id: string, email: string, path: [OfferCustomer['status'], string][]): OfferCustomer {
  const history = [{ status: 'pending' as const, at: path[0]?.[1] ?? monthsAgo(6) }, ...path.map(([status, at]) => ({ status, at }))];
  const sends = path.filter(([status]) => status === 'sent').map(([, at]) => ({ at, provider: 'gmail' as const }));
  return { id, email, status: path.at(-1)?.[0] ?? 'pending', history, sends };
}

const licenses = (count: number) => [{ name: 'Microsoft 365 Business Standard', licenses: count }];

/**
 * The known data set. Offers: sent A and C, accepted B and F, pending D, drafted E. Customers:
 * sent a1 c1 f2, accepted b1 f1, declined b2, drafted e1; a1 and f2 wait for a reply for more than
 * a week (overdue), c1 since yesterday. Licenses 53 offered, 28 accepted (B and F).
 */
const OFFERS: Offer[] = [
  makeOffer(1, { summaryId: 'OV-A', usageLocation: 'France', subscriptions: licenses(10), customers: [customer('a1', 'a1@contoso.example', [['sent', monthsAgo(2)]])] }),
  makeOffer(2, {
    summaryId: 'OV-B',
    usageLocation: 'Canada',
    subscriptions: licenses(20),
    customers: [
      customer('b1', 'b1@fabrikam.example', [
        ['sent', monthsAgo(3)],
        ['accepted', monthsAgo(1)],
      ]),
      customer('b2', 'b2@fabrikam.example', [['declined', monthsAgo(3)]]),
    ],
  }),
  makeOffer(3, { kind: 'trial', url: offerUrl(3, 'Trial'), summaryId: 'OV-C', usageLocation: 'France', subscriptions: licenses(5), customers: [customer('c1', 'c1@tailspin.example', [['sent', yesterday]])] }),
  makeOffer(4, { summaryId: 'OV-D', usageLocation: undefined, subscriptions: licenses(7), customers: [] }),
  makeOffer(5, { kind: 'trial', url: offerUrl(5, 'Trial'), summaryId: 'OV-E', usageLocation: 'Canada', subscriptions: licenses(3), customers: [customer('e1', 'e1@wingtip.example', [['drafted', monthsAgo(1)]])] }),
  makeOffer(6, {
    summaryId: 'OV-F',
    usageLocation: 'France',
    subscriptions: licenses(8),
    customers: [
      customer('f1', 'f1@adatum.example', [
        ['sent', monthsAgo(1)],
        ['accepted', monthsAgo(1)],
      ]),
      customer('f2', 'f2@adatum.example', [['sent', monthsAgo(1)]]),
    ],
  }),
];

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithOffers(OFFERS);
});
afterAll(async () => {
  await browser?.close();
});

async function openHistory(search = '', size = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/history.html${search}`);
  await page.locator('.overview-figures').waitFor();
  return page;
}

/** The figure of a link in one of the overview's groups, by its label. */
const figure = (page: Page, group: string, label: string) =>
  page.locator(`section[aria-labelledby="overview-${group}"] a`).filter({ hasText: label }).locator('.figure').textContent();
const listedSummaryIds = (page: Page) => page.locator('.history-list tbody tr td:nth-child(3)').allTextContents();

describe('pipeline overview', () => {
  it('shows the figures of the known data set, each linked to the list it counts', async () => {
    const page = await openHistory();
    const expected: [string, string, string][] = [
      ['offers', 'Sent', '2'],
      ['offers', 'Accepted', '2'],
      ['offers', 'Pending', '1'],
      ['offers', 'Drafted', '1'],
      ['offers', 'Declined', '0'],
      ['customers', 'Sent', '3'],
      ['customers', 'Accepted', '2'],
      ['customers', 'Declined', '1'],
      ['customers', 'Drafted', '1'],
      ['customers', 'Pending', '0'],
      ['follow-ups', 'awaiting a reply', '3'],
      ['follow-ups', 'overdue for a follow-up', '2'],
      ['licenses', 'Offered', '53'],
      ['licenses', 'Accepted', '28'],
    ];
    for (const [group, label, value] of expected) expect([group, label, await figure(page, group, label)]).toEqual([group, label, value]);
    await expect.poll(() => page.locator('.overview').textContent()).toContain('reminders are off, so a week is used');

    await page.locator('section[aria-labelledby="overview-follow-ups"] a').filter({ hasText: 'overdue' }).click();
    expect(new URL(page.url()).search).toBe('?followUp=overdue');
    // Longest wait first: A was sent two months ago, F last month.
    await expect.poll(() => listedSummaryIds(page)).toEqual(['OV-A', 'OV-F']);
    await expect.poll(() => page.locator('#filter-follow-up').inputValue()).toBe('overdue');

    await page.locator('section[aria-labelledby="overview-follow-ups"] a').filter({ hasText: 'awaiting' }).click();
    await expect.poll(() => listedSummaryIds(page)).toEqual(['OV-A', 'OV-F', 'OV-C']);

    await page.locator('section[aria-labelledby="overview-offers"] a').filter({ hasText: 'Accepted' }).click();
    expect(new URL(page.url()).search).toBe('?offerStatus=accepted');
    await expect.poll(() => listedSummaryIds(page)).toEqual(['OV-F', 'OV-B']);

    // A customers' figure says it opens their offers, a list of offers that counts each once.
    const customers = page.locator('section[aria-labelledby="overview-customers"]');
    expect(await customers.getByRole('link', { name: 'Show the offers of these customers: 3, Sent' }).count()).toBe(1);
    expect(await customers.textContent()).toContain('Each figure opens the offers of these customers: an offer with several of them is listed once.');
    expect(await page.getByRole('link', { name: 'Show the offers of these customers: 3, customers awaiting a reply' }).count()).toBe(1);
    await customers.locator('a').filter({ hasText: 'Declined' }).click();
    expect(new URL(page.url()).search).toBe('?status=declined');
    await expect.poll(() => listedSummaryIds(page)).toEqual(['OV-B']);
    // OV-D has no customer, so no customer status: Pending's 0 opens no offer.
    await customers.locator('a').filter({ hasText: 'Pending' }).click();
    expect(new URL(page.url()).search).toBe('?status=pending');
    await expect.poll(() => page.getByText('No offer matches this search and these filters.', { exact: false }).count()).toBe(1);
    expect(await listedSummaryIds(page)).toEqual([]);

    // A link is a real address too: opened directly, it shows the same list.
    const direct = await openHistory('?offerStatus=sent');
    await expect.poll(() => listedSummaryIds(direct)).toEqual(['OV-C', 'OV-A']);
    await Promise.all([page.close(), direct.close()]);
  });

  it('gives the chart\'s figures as a table, the acceptance rate, and the same per kind', async () => {
    const page = await openHistory();
    await expect.poll(() => page.locator('.rate').textContent()).toBe('Acceptance rate: 50% of the offers first sent in the last 12 months have been accepted.');
    await page.getByText('The chart’s figures as a table').click();
    const row = (month: string) =>
      page
        .locator('.chart-table tbody tr')
        .filter({ has: page.locator('th', { hasText: month }) })
        .locator('td')
        .allTextContents();
    expect(await page.locator('.chart-table tbody tr').count()).toBe(12);
    // Sent, accepted, and accepted of those sent, by the browser's month, as the data set has them.
    const expectRows = async (figures: [string, number, number, number][]) => {
      const months = new Map<string, number[]>();
      for (const [at, ...counts] of figures) {
        const month = monthLabel(at);
        months.set(month, (months.get(month) ?? [0, 0, 0]).map((value, i) => value + counts[i]!));
      }
      for (const [month, counts] of months) await expect.poll(async () => [month, await row(month)]).toEqual([month, counts.map(String)]);
    };
    await expectRows([
      [monthsAgo(3), 1, 0, 1],
      [monthsAgo(2), 1, 0, 0],
      [monthsAgo(1), 1, 2, 1],
      [yesterday, 1, 0, 0],
    ]);

    await page.locator('#overview-segment').selectOption({ label: 'Trial invitation' });
    await expectRows([
      [monthsAgo(3), 0, 0, 0],
      [yesterday, 1, 0, 0],
    ]);
    await expect.poll(() => page.locator('.rate').textContent()).toContain('0%');
    await page.locator('#overview-segment').selectOption({ label: 'Usage location: Canada' });
    await expectRows([
      [monthsAgo(3), 1, 0, 1],
      [monthsAgo(1), 0, 1, 0],
    ]);

    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(context: string, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run('.overview', { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('reaches the chart with the keyboard and reads one month at a time with the arrow keys', async () => {
    const page = await openHistory();
    await page.locator('#overview-segment').focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    // The current month first, then back one month with the left arrow.
    await expect.poll(focused).toMatch(new RegExp(`^${monthLabel(new Date(NOW).toISOString())}: `));
    await page.keyboard.press('ArrowLeft');
    const lastMonth = monthLabel(yesterday) === monthLabel(monthsAgo(1)) ? '2 sent' : '1 sent';
    await expect.poll(focused).toBe(`${monthLabel(monthsAgo(1))}: ${lastMonth}, 2 accepted`);
    await expect.poll(() => page.locator('.chart-readout').textContent()).toBe(`${monthLabel(monthsAgo(1))}: ${lastMonth}, 2 accepted`);
    await page.keyboard.press('Home');
    await expect.poll(focused).toMatch(/: 0 sent, 0 accepted$/);
    // One stop in the tab order: Tab leaves the chart for the table's disclosure.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.close();
  });
});

describe('README screenshots', () => {
  it('takes the overview in light and dark', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openHistory('', { width: 1280, height: 760 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('.overview').screenshot({ path: join(SCREENSHOTS, `overview${scheme === 'dark' ? '-dark' : ''}.png`) });
      await page.close();
    }
  });
});
