import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FullBackupFile } from '../../lib/backup/backup';
import { DEFAULT_CHUNK_BYTES } from '../../lib/messaging/chunks';
import { createBackup } from '../../lib/offers/backup';
import { makeCustomer, makeOffer } from '../unit/offer-factory';
import { exportedBackup, importOffers } from './backup-transfer';
import { launchExtension, type ExtensionBrowser } from './harness';

/** Enough offers with long notes that a backup takes several pieces each way. */
const OFFERS = Array.from({ length: 3_000 }, (_, n) => makeOffer(n + 1, { notes: `${n} ${'Société « Générale » '.repeat(120).trim()}` }));

let source: ExtensionBrowser;
beforeAll(async () => {
  source = await launchExtension();
  await importOffers(source, OFFERS);
});
afterAll(async () => {
  await source?.close();
});

interface ProgressSeen {
  values: number[];
  max: number;
  text: string;
  /** The announcements' region's texts, in order, once each. */
  announced: string[];
  /** Whether that region was there, empty, before the task, and stayed the same element. */
  regionKept: boolean;
  /** Whether it ever had a busy ancestor, where a screen reader may hold it back. */
  everBusy: boolean;
  /** Live regions beside the bar: none, the count changes too often. */
  liveBesideBar: number;
}

/** Notes every value the progress bar takes, and what a screen reader hears of it, from now on. */
async function watchProgress(page: Page): Promise<() => Promise<ProgressSeen>> {
  await page.evaluate(() => {
    const region = document.querySelector('.backup-progress-announcement');
    const seen = { values: [] as number[], announced: [] as string[], region, emptyAtFirst: region?.textContent === '', everBusy: false };
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (bar && seen.values.at(-1) !== bar.value) seen.values.push(bar.value);
      const live = seen.region?.textContent;
      if (live && seen.announced.at(-1) !== live) seen.announced.push(live);
      if (seen.region?.closest('[aria-busy="true"]')) seen.everBusy = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return () =>
    page.evaluate(() => {
      const bar = document.querySelector('progress')!;
      const seen = (window as unknown as { progressSeen: { values: number[]; announced: string[]; region: Element | null; emptyAtFirst: boolean; everBusy: boolean } }).progressSeen;
      return {
        values: seen.values,
        announced: seen.announced,
        max: bar.max,
        text: bar.parentElement!.textContent ?? '',
        regionKept: seen.region !== null && seen.emptyAtFirst && document.querySelector('.backup-progress-announcement') === seen.region,
        everBusy: seen.everBusy,
        liveBesideBar: bar.parentElement!.querySelectorAll('[aria-live]').length,
      };
    });
}

/** A screen reader hears a task's progress at each tenth it passes, up to its end, from a region there from the start. */
function expectAnnouncedByTenths(seen: ProgressSeen, task: 'Export' | 'Import') {
  const percents = seen.announced.map((text) => Number(new RegExp(`^${task} (\\d+)% done$`).exec(text)?.[1]));
  expect(percents.every((percent) => percent % 10 === 0 && percent > 0)).toBe(true);
  expect(percents).toEqual([...new Set(percents)].sort((a, b) => a - b));
  expect(percents.at(-1)).toBe(100);
  expect(seen.regionKept).toBe(true);
  expect(seen.everBusy).toBe(false);
  expect(seen.liveBesideBar).toBe(0);
}

describe('a backup bigger than one message', () => {
  it('exports in pieces with a progress bar, and imports into a fresh profile with nothing lost', async () => {
    const history = await source.openExtensionPage('history.html');
    const progress = await watchProgress(history);
    const [download] = await Promise.all([history.waitForEvent('download'), history.getByRole('button', { name: 'Export backup (JSON)' }).click()]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(Buffer.byteLength(text)).toBeGreaterThan(DEFAULT_CHUNK_BYTES);
    const exported = JSON.parse(text) as FullBackupFile;
    expect(exported.offers).toEqual(OFFERS);
    const exportBar = await progress();
    expect(exportBar.values.length).toBeGreaterThan(2);
    expect(exportBar.values).toEqual([...exportBar.values].sort((a, b) => a - b));
    expect([exportBar.values.at(-1), exportBar.max]).toEqual([3000, 3000]);
    expect(exportBar.text).toContain('3,000 of 3,000 offers');
    expectAnnouncedByTenths(exportBar, 'Export');
    expect(await history.getByRole('progressbar', { name: 'Exporting' }).count()).toBe(1);
    // Disabled while it ran, the button pressed has the keyboard again.
    await expect.poll(() => history.evaluate(() => document.activeElement?.textContent)).toBe('Export backup (JSON)');

    const target = await launchExtension();
    try {
      const restore = await target.openExtensionPage('history.html');
      const importProgress = await watchProgress(restore);
      await restore.locator('input[type=file]').setInputFiles(path);
      await expect.poll(() => restore.locator('.backup-outcome').textContent(), { timeout: 60_000 }).toContain('3,000 added, 0 updated, 0 unchanged, 0 rejected');
      const importBar = await importProgress();
      expect(importBar.values.length).toBeGreaterThan(2);
      expect([importBar.values.at(-1), importBar.max]).toEqual([3000, 3000]);
      expect(importBar.text).toContain('3,000 of 3,000 offers');
      expectAnnouncedByTenths(importBar, 'Import');
      expect(await restore.getByRole('progressbar', { name: 'Importing' }).count()).toBe(1);
      expect((await exportedBackup((request) => target.send(request))).offers).toEqual(OFFERS);
    } finally {
      await target.close();
    }
  }, 180_000);

  it('imports a hostile file’s names without their invisible and direction-changing characters', async () => {
    const target = await launchExtension();
    try {
      const hostile = makeOffer(9001, { customers: [makeCustomer('c1', { name: 'Dana \u202eeeS', company: '\u200bFabrikam', email: 'dana@fabrikam.example' })] });
      const file = JSON.stringify(createBackup([hostile], new Date().toISOString()));
      const history = await target.openExtensionPage('history.html');
      await history.locator('input[type=file]').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await expect.poll(() => history.locator('.backup-outcome').textContent(), { timeout: 30_000 }).toContain('1 added');
      const answer = await target.send({ type: 'offers.get', id: hostile.id });
      expect(answer).toMatchObject({ ok: true, data: { offer: { customers: [{ name: 'Dana eeS', company: 'Fabrikam' }] } } });
    } finally {
      await target.close();
    }
  });

  it('refuses a file corrupt half-way whole, writing nothing', async () => {
    const target = await launchExtension();
    try {
      const history = await source.openExtensionPage('history.html');
      const [download] = await Promise.all([history.waitForEvent('download'), history.getByRole('button', { name: 'Export backup (JSON)' }).click()]);
      const text = readFileSync(await download.path(), 'utf8');
      const corrupt = `${text.slice(0, text.length / 2)}#${text.slice(text.length / 2 + 1)}`;
      const restore = await target.openExtensionPage('history.html');
      await restore.locator('input[type=file]').setInputFiles({ name: 'corrupt.json', mimeType: 'application/json', buffer: Buffer.from(corrupt) });
      await expect.poll(() => restore.locator('.backup-outcome').textContent(), { timeout: 30_000 }).toContain('This file cannot be imported');
      const count = await target.send({ type: 'offers.count' });
      expect(count).toEqual({ ok: true, data: { count: 0 } });
    } finally {
      await target.close();
    }
  }, 120_000);
});
