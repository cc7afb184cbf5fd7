import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_TEMPLATES } from '../../lib/message/defaults';
import { offerFromV1, type V1Offer } from '../../lib/offers/from-v1';
import type { Offer } from '../../lib/offers/schema';
import type { Settings } from '../../lib/settings/settings';
import { SCHEMA_V1_OFFERS } from '../fixtures/db/schema-v1';
import { makeCustomer, makeOffer } from '../unit/offer-factory';
import { createBackup } from '../../lib/offers/backup';
import { evaluateInContentScript, launchExtension, ROOT, sendFromContentScript, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { buildFixtureEditors } from './webmail-fixtures';
import { importOffers } from './backup-transfer';

/**
 * The advisor's settings live in the extension's own database, which only the background opens:
 * content scripts (a compromised page's renderer speaks with their voice) can neither read nor
 * plant them, while the options page shows and saves them, backups carry them to a new profile,
 * and an upgrade keeps the ones version 1 kept in extension storage.
 */
const EXTENSION_NAME = 'Offer Courier';
const TOP_FRAME = 'window === window.top';
const SETTINGS_KEYS = ['profile', 'templates', 'preferences'];

const LOGO = `data:image/png;base64,${readFileSync(join(ROOT, 'public/icon/128.png')).toString('base64')}`;
const PROFILE = { name: 'Alex Advisor', company: 'Northwind Cloud', email: 'alex@northwind.example', logo: LOGO };
const TEMPLATE = { ...DEFAULT_TEMPLATES[0]!, id: 'mine', name: 'Mine', body: 'Hello {{customer.name}}, here is {{offer.url}}' };
const PREFERENCES = { reminderDays: 6, messageLanguage: 'fr' };

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
beforeAll(async () => {
  await buildFixtureEditors();
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

async function data<T>(target: ExtensionBrowser, request: Parameters<ExtensionBrowser['send']>[0]): Promise<T> {
  const answer = await target.send(request);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.data as T;
}

async function saveAllSettings(target: ExtensionBrowser) {
  await data(target, { type: 'settings.saveProfile', profile: PROFILE });
  await data(target, { type: 'settings.saveTemplates', templates: [TEMPLATE] });
  await data(target, { type: 'settings.savePreferences', preferences: PREFERENCES });
}

const storedSettings = (target: ExtensionBrowser) => data<Settings>(target, { type: 'settings.get' });

/** What extension storage holds, read from an extension page. */
async function extensionStorage(target: ExtensionBrowser): Promise<Record<string, unknown>> {
  const page = await target.openExtensionPage('popup.html');
  try {
    return await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null));
  } finally {
    await page.close();
  }
}

async function stopWorker(target: ExtensionBrowser) {
  const page = await target.openExtensionPage('popup.html');
  const cdp = await target.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.close();
}

async function openOptions(target: ExtensionBrowser): Promise<Page> {
  const page = await target.openExtensionPage('options.html');
  await expect.poll(() => page.locator('#profile-name').count()).toBe(1);
  return page;
}

describe('settings out of content scripts’ reach', () => {
  it('cannot be read or planted from a content script, while the options page shows and saves them', async () => {
    await saveAllSettings(browser);
    const pages = await Promise.all(
      [fixtures.url('partner.microsoft.com', 'partner-center/no-offer-en.html'), fixtures.url('mail.google.com', 'webmail/gmail-compose.html')].map(async (url) => {
        const page = await browser.context.newPage();
        await page.goto(url);
        return page;
      }),
    );
    const planted = { ...TEMPLATE, body: 'Urgent: sign in at https://evil.example/{{offer.url}}' };
    // Extension storage, which content scripts share, holds none of the settings...
    for (const page of pages) {
      const seen = (await evaluateInContentScript(page, EXTENSION_NAME, TOP_FRAME, 'chrome.storage.local.get(null)')) as Record<string, unknown>;
      expect(Object.keys(seen).filter((key) => SETTINGS_KEYS.includes(key))).toEqual([]);
    }
    for (const page of pages) {
      // ...what a content script writes there is never taken for them, and the background refuses it the settings.
      await evaluateInContentScript(page, EXTENSION_NAME, TOP_FRAME, `chrome.storage.local.set(${JSON.stringify({ templates: [planted], profile: { name: 'Mallory' } })})`);
      for (const request of [
        { type: 'settings.get' },
        { type: 'settings.saveProfile', profile: { name: 'Mallory' } },
        { type: 'settings.saveTemplates', templates: [planted] },
        { type: 'settings.savePreferences', preferences: { reminderDays: 1 } },
      ]) {
        expect({ request, answer: await sendFromContentScript(page, EXTENSION_NAME, TOP_FRAME, request) }).toMatchObject({
          answer: { ok: false, error: { code: 'forbidden' } },
        });
      }
    }
    await stopWorker(browser);
    expect(await storedSettings(browser)).toEqual({ profile: PROFILE, templates: [TEMPLATE], preferences: PREFERENCES, choices: [] });

    const options = await openOptions(browser);
    expect(await options.locator('#profile-name').inputValue()).toBe(PROFILE.name);
    expect(await options.getByRole('button', { name: 'Edit “Mine”' }).count()).toBe(1);
    expect(await options.getByRole('button', { name: /Evil|Mallory/ }).count()).toBe(0);
    await options.locator('#profile-company').fill('Northwind Cloud Services');
    // An http:// logo address is refused at that address, which takes the keyboard; not at the file picker.
    await options.locator('#profile-logo-url').fill('http://northwind.example/logo.png');
    await options.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => options.locator('#profile-logo-url-error').textContent()).toBe('Use an https image link, or upload a PNG, JPEG, GIF or WebP image of 256 KB or less.');
    expect(await options.locator('#profile-logo-file-error').count()).toBe(0);
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('profile-logo-url');
    expect(await options.locator('#profile-logo-url').getAttribute('aria-invalid')).toBe('true');
    await options.locator('#profile-logo-url').fill('https://northwind.example/logo.png');
    await options.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => options.getByText('Profile saved.').count()).toBe(1);
    expect((await storedSettings(browser)).profile).toEqual({ ...PROFILE, company: 'Northwind Cloud Services', logo: 'https://northwind.example/logo.png' });
    await Promise.all([options.close(), ...pages.map((page) => page.close())]);
  });

  it('keeps, after an upgrade, the settings version 1 kept in extension storage', async () => {
    const target = await launchExtension();
    try {
      // Version 1's state: the settings in extension storage and no settings database yet (made
      // after this version's first start, so that its own move, of nothing, is done by then).
      expect(await storedSettings(target)).toMatchObject({ profile: {} });
      const page = await target.openExtensionPage('popup.html');
      await page.evaluate(
        async (legacy) => {
          await (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set(legacy);
          await new Promise((done, fail) => {
            const request = indexedDB.deleteDatabase('offer-courier-settings');
            request.onsuccess = done;
            request.onerror = fail;
          });
        },
        { profile: PROFILE, templates: [TEMPLATE], preferences: PREFERENCES, unrelated: { kept: true } },
      );
      await page.close();
      await stopWorker(target);

      const options = await openOptions(target);
      await expect.poll(() => options.locator('#profile-name').inputValue()).toBe(PROFILE.name);
      expect(await options.getByRole('button', { name: 'Edit “Mine”' }).count()).toBe(1);
      expect(await options.locator('#reminder-days').inputValue()).toBe('6');
      expect(await storedSettings(target)).toEqual({ profile: PROFILE, templates: [TEMPLATE], preferences: PREFERENCES, choices: [] });
      // Moved, not copied: extension storage keeps only what is not a setting.
      expect(Object.keys(await extensionStorage(target)).filter((key) => SETTINGS_KEYS.includes(key))).toEqual([]);
      expect(await extensionStorage(target)).toMatchObject({ unrelated: { kept: true } });
      await options.close();
    } finally {
      await target.close();
    }
  });
});

describe('the reminder delay', () => {
  const reminderAlarms = (page: Page) =>
    page.evaluate(async () =>
      (await (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> } } }).chrome.alarms.getAll())
        .filter((alarm) => alarm.name.startsWith('offer-reminder:'))
        .map((alarm) => [alarm.name, alarm.scheduledTime]),
    );

  it('moves the reminders when the options page saves it', async () => {
    const DAY = 86_400_000;
    const sentAt = Date.now() - DAY;
    await data(browser, { type: 'settings.savePreferences', preferences: { reminderDays: null } });
    await data(browser, { type: 'offers.deleteAll' });
    const sent = makeOffer(1, { customers: [makeCustomer('c1', { email: 'one@contoso.example' }, new Date(sentAt).toISOString(), 'sent')] });
    await importOffers(browser, [sent]);
    const options = await openOptions(browser);
    expect(await reminderAlarms(options)).toEqual([]);
    await options.locator('#reminder-enabled').check();
    await options.locator('#reminder-days').fill('3');
    await options.locator('#reminder-days').press('Enter');
    await expect.poll(() => reminderAlarms(options)).toEqual([['offer-reminder:offer-1|c1', sentAt + 3 * DAY]]);
    await options.locator('#reminder-days').fill('5');
    await options.locator('#reminder-days').press('Enter');
    await expect.poll(() => reminderAlarms(options)).toEqual([['offer-reminder:offer-1|c1', sentAt + 5 * DAY]]);
    await options.close();
  });
});

describe('settings in backups', () => {
  const offers = (): Offer[] => [
    makeOffer(1, { customers: [makeCustomer('c1', { email: 'one@contoso.example' }, '2026-01-01T00:00:00.000Z', 'sent')] }),
    makeOffer(2, { customers: [] }),
  ];

  async function importFile(page: Page, file: string, choice: 'Offers and settings' | 'Offers only' | 'Settings only') {
    await page.getByLabel(choice).check();
    await page.locator('input[type=file][accept*=json]').setInputFiles(file);
  }

  it('restores the settings in a fresh browser profile, alone or with the offers', async () => {
    await data(browser, { type: 'offers.deleteAll' });
    await importOffers(browser, offers());
    await saveAllSettings(browser);
    const source = await openOptions(browser);
    const [download] = await Promise.all([source.waitForEvent('download'), source.getByRole('button', { name: 'Export backup (JSON)' }).click()]);
    const file = await download.path();
    await expect.poll(() => source.getByText('Exported 2 offers and your settings.').count()).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 2, settings: { profile: PROFILE, templates: [TEMPLATE], preferences: PREFERENCES } });
    await source.close();

    const fresh = await launchExtension();
    try {
      const options = await openOptions(fresh);
      expect(await options.locator('#profile-name').inputValue()).toBe('');
      await importFile(options, file, 'Settings only');
      await expect.poll(() => options.locator('.backup-outcome').textContent()).toContain('Settings restored: profile, templates, preferences.');
      // The forms show the restored values without a reload.
      await expect.poll(() => options.locator('#profile-name').inputValue()).toBe(PROFILE.name);
      expect(await options.getByRole('button', { name: 'Edit “Mine”' }).count()).toBe(1);
      expect(await data(fresh, { type: 'offers.count' })).toEqual({ count: 0 });
      expect(await storedSettings(fresh)).toEqual({ profile: PROFILE, templates: [TEMPLATE], preferences: PREFERENCES, choices: [] });

      await data(fresh, { type: 'settings.saveProfile', profile: { name: 'Changed since' } });
      await importFile(options, file, 'Offers only');
      await expect.poll(() => options.locator('.backup-outcome').textContent()).toContain('2 added, 0 updated, 0 unchanged, 0 rejected');
      expect(await options.locator('.backup-outcome').textContent()).not.toContain('Settings restored');
      expect((await storedSettings(fresh)).profile).toEqual({ name: 'Changed since' });

      await importFile(options, file, 'Offers and settings');
      await expect.poll(() => options.locator('.backup-outcome').textContent()).toContain('0 added, 0 updated, 2 unchanged, 0 rejected');
      expect(await options.locator('.backup-outcome').textContent()).toContain('Settings restored: profile, templates, preferences.');
      expect(await storedSettings(fresh)).toEqual({ profile: PROFILE, templates: [TEMPLATE], preferences: PREFERENCES, choices: [] });
      const restored = await data<{ offer: Offer }>(fresh, { type: 'offers.get', id: 'offer-1' });
      expect(restored.offer).toEqual(offers()[0]);
      await options.close();
    } finally {
      await fresh.close();
    }
  });

  it('reports a corrupt settings part and still imports the offers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offer-courier-backup-'));
    const file = join(dir, 'corrupt.json');
    const backup = { ...createBackup(offers(), new Date().toISOString()), settings: { profile: { name: 'Ada', website: 'javascript:alert(1)' }, templates: [TEMPLATE] } };
    writeFileSync(file, JSON.stringify(backup));
    await data(browser, { type: 'offers.deleteAll' });
    await saveAllSettings(browser);
    const options = await openOptions(browser);
    await importFile(options, file, 'Offers and settings');
    await expect.poll(() => options.locator('.backup-outcome').textContent()).toContain('2 added, 0 updated, 0 unchanged, 0 rejected');
    expect(await options.locator('.backup-outcome').textContent()).toContain('Settings restored: templates.');
    expect(await options.locator('.backup-outcome').textContent()).toContain('Not restored, invalid in the file: profile (website: Enter a web address starting with https:// or http://.)');
    expect((await storedSettings(browser)).profile).toEqual(PROFILE);
    await options.close();
  });

  it('imports a version 1 backup with nothing lost: each customer and status as the v1 mapping gives them', async () => {
    const records = SCHEMA_V1_OFFERS.map(({ urlKey: _urlKey, words: _words, ...record }) => {
      const { customerKey: _customerKey, ...rest } = record as typeof record & { customerKey?: string };
      return rest;
    });
    const dir = mkdtempSync(join(tmpdir(), 'offer-courier-backup-'));
    const file = join(dir, 'v1.json');
    writeFileSync(file, JSON.stringify({ format: 'offer-courier-backup', version: 1, exportedAt: '2026-02-01T08:00:00.000Z', offers: records }));
    await data(browser, { type: 'offers.deleteAll' });
    await saveAllSettings(browser);
    const options = await openOptions(browser);
    await importFile(options, file, 'Offers and settings');
    await expect.poll(() => options.locator('.backup-outcome').textContent()).toContain('2 added, 0 updated, 0 unchanged, 0 rejected');
    expect(await options.locator('.backup-outcome').textContent()).toContain('This backup holds no settings; yours are unchanged.');
    for (const record of records) {
      const { offer } = await data<{ offer: Offer }>(browser, { type: 'offers.get', id: record.id });
      expect(offer).toEqual(offerFromV1(structuredClone(record) as unknown as V1Offer));
    }
    const { offer: sent } = await data<{ offer: Offer }>(browser, { type: 'offers.get', id: 'v1-offer-1' });
    expect(sent.customers).toMatchObject([{ email: 'elodie@fabrikam.example', name: 'Élodie Martin', company: 'Fabrikam', status: 'sent' }]);
    expect(await storedSettings(browser)).toEqual({ profile: PROFILE, templates: [TEMPLATE], preferences: PREFERENCES, choices: [] });
    await options.close();
  });
});
