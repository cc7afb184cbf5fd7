import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { makeOffer } from '../unit/offer-factory';
import { launchFirefoxExtension, waitFor, type FirefoxExtension } from './firefox-harness';
import { sendRequest } from './offer-requests';
import { importOffers } from './backup-transfer';

/** The extension APIs that test code calls inside extension pages. */
declare const browser: {
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  runtime: { reload(): void };
};

const DAY = 86_400_000;
let firefox: FirefoxExtension;
beforeAll(async () => {
  firefox = await launchFirefoxExtension();
});
afterAll(async () => {
  await firefox?.close();
});

const reminderAlarms = (page: Page) =>
  page.evaluate(async () => (await browser.alarms.getAll()).filter((a) => a.name.startsWith('offer-reminder:')).map((a) => [a.name, a.scheduledTime]));

describe('reminders, in Firefox', () => {
  it('come back after the extension restarts, which drops every alarm', async () => {
    const options = await firefox.openExtensionPage('options.html');
    expect((await firefox.send({ type: 'settings.savePreferences', preferences: { reminderDays: 2 } })).ok).toBe(true);
    const sentAt = Date.now() - DAY;
    await importOffers(firefox, [makeOffer(1)]);
    const sent = await firefox.send(sendRequest('offer-1', 'outlook', [{ email: 'buyer1@contoso.example' }], { at: new Date(sentAt).toISOString() }));
    expect(sent.ok).toBe(true);
    const expected = [['offer-reminder:offer-1|c1', sentAt + 2 * DAY]];
    expect(await waitFor(() => reminderAlarms(options), (alarms) => alarms.length > 0)).toEqual(expected);

    // A restart of the add-on loses its alarms as a browser restart does; the pages close with it.
    void options.evaluate(() => browser.runtime.reload()).catch(() => undefined);
    const reopened = await waitFor(
      () => firefox.openExtensionPage('options.html').catch(() => null),
      (page) => page !== null,
      20_000,
    );
    expect(await waitFor(() => reminderAlarms(reopened!), (alarms) => alarms.length > 0)).toEqual(expected);
  });
});
