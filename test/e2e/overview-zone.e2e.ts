import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OfferCustomer } from '../../lib/offers/schema';
import { makeOffer } from '../unit/offer-factory';
import { launchWithOffers, type ExtensionBrowser } from './harness';

// The advisor is in New York: the chart counts their months, not UTC's.
const ZONE = 'America/New_York';
const now = new Date();
/** 01:00 UTC on the first of last UTC month: 20:00 or 21:00 the evening before in New York (as 2026-12-01T01:00Z is 30 November). */
const EVENING = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1, 1)).toISOString();
const monthIn = (zone: string, at: Date | string) => new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: zone }).format(new Date(at));

const sent: OfferCustomer = { id: 'ny1', email: 'ny1@contoso.example', status: 'sent', history: [{ status: 'sent', at: EVENING }], sends: [{ at: EVENING, provider: 'outlook' }] };

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithOffers([makeOffer(1, { summaryId: 'NY-1', customers: [sent] })], { timeZone: ZONE });
});
afterAll(async () => {
  await browser?.close();
});

it('counts an offer sent on the evening of a month’s last day in New York in that month, up to the current month there', async () => {
  const page = await browser.openExtensionPage('history.html');
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(ZONE);
  await page.getByText('The chart’s figures as a table').click();
  const rows = page.locator('.chart-table tbody tr');
  const row = (month: string) => rows.filter({ has: page.locator('th', { hasText: month }) }).locator('td').allTextContents();
  const local = monthIn(ZONE, EVENING);
  const utc = monthIn('UTC', EVENING);
  expect(local).not.toBe(utc);
  await expect.poll(() => row(local)).toEqual(['1', '0', '0']);
  expect(await row(utc)).toEqual(['0', '0', '0']);
  expect(await rows.last().locator('th').textContent()).toBe(monthIn(ZONE, new Date()));
  await page.close();
});
