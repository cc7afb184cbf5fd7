import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { LIMITS } from '../offers/limits';
import { SCHEMA_V1_OFFERS } from '@/test/fixtures/db/schema-v1';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import type { KeyValueArea } from '../offers/armed-next';
import { createOfferHandlers } from '../offers/handlers';
import { createStoreOpener } from '../offers/store';
import { createSettingsOpener } from '../settings/store';
import type { Preferences } from '../settings/settings';
import { MIN_CHUNK_BYTES, ENVELOPE_BYTES } from '../messaging/chunks';
import { createBackupHandlers } from './handlers';
import { exportFile, type ExportFormat } from './transfer';

const NOW = '2026-06-01T12:00:00.000Z';
const template = { ...DEFAULT_TEMPLATES[0]!, id: 'mine', name: 'Mine' };
const SETTINGS = { profile: { name: 'Ada', logo: 'data:image/png;base64,iVBORw0KGgo=' }, templates: [template], preferences: { reminderDays: 4 } };

function emptyArea(): KeyValueArea {
  const items: Record<string, unknown> = {};
  return {
    get: async (keys) => Object.fromEntries([keys].flat().filter((key) => key in items).map((key) => [key, items[key]])),
    set: async (values) => void Object.assign(items, values),
    remove: async (keys) => [keys].flat().forEach((key) => Reflect.deleteProperty(items, key)),
  };
}

/** One profile's background: its own databases, as a fresh browser profile has. */
function desk() {
  globalThis.indexedDB = new IDBFactory();
  const area = emptyArea();
  const openStore = createStoreOpener();
  const openSettings = createSettingsOpener(area);
  const preferencesSaved = vi.fn<(before: Preferences, after: Preferences) => void>();
  const offers = createOfferHandlers(openStore, area, () => NOW);
  return { openStore, openSettings, preferencesSaved, handlers: createBackupHandlers(offers, openStore, openSettings, { preferencesSaved }, () => NOW) };
}

type Desk = ReturnType<typeof desk>;

/** An export as the page builds it, each answer's size as it travels noted in `sizes`. */
async function exportText(source: Desk, format: ExportFormat = 'json', maxBytes?: number, sizes: number[] = []) {
  const file = await exportFile(
    format,
    async (request) => {
      const answer = await source.handlers['backup.exportChunk']({ ...request, ...(maxBytes ? { maxBytes } : {}) });
      sizes.push(new TextEncoder().encode(JSON.stringify({ ok: true, data: answer })).length);
      return answer;
    },
    () => undefined,
  );
  // Blob.text() would drop the CSV's byte-order mark.
  return { ...file, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.blob.arrayBuffer()) };
}

async function exportedFile(): Promise<string> {
  const source = desk();
  await (await source.openStore()).mergeAll([makeOffer(1), makeOffer(2, { customers: [] })]);
  await (await source.openSettings()).saveAll(SETTINGS);
  return (await exportText(source)).text;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('backups with the settings', () => {
  it('exports the saved settings beside the offers', async () => {
    const file = JSON.parse(await exportedFile());
    expect(file).toMatchObject({ format: 'offer-courier-backup', version: 2, settings: SETTINGS });
    expect(file.offers).toHaveLength(2);
  });

  it('sends a large export in pieces under the cap, a record larger than a piece cut across several, and the file reads back whole', async () => {
    const source = desk();
    const quotes = '"😀 Société\\'.repeat(LIMITS.notes / 12);
    const huge = makeOffer(0, {
      notes: quotes,
      customers: Array.from({ length: LIMITS.customers }, (_, c) =>
        makeCustomer(`c${c}`, { name: `Client ${c} ${'ü'.repeat(150)}` }, '2026-01-01T00:00:00.000Z', 'sent', Array.from({ length: 2 }, () => ({ at: '2026-01-01T00:00:00.000Z', provider: 'gmail' as const, subject: '"'.repeat(500) }))),
      ),
    });
    const offers = [huge, ...Array.from({ length: 60 }, (_, n) => makeOffer(n + 1, { notes: `${n} ${'x'.repeat(2_000)}` }))];
    await (await source.openStore()).mergeAll(offers);
    await (await source.openSettings()).saveAll(SETTINGS);
    const sizes: number[] = [];
    const progress: number[] = [];
    const file = await exportFile(
      'json',
      async (request) => {
        const answer = await source.handlers['backup.exportChunk']({ ...request, maxBytes: MIN_CHUNK_BYTES });
        sizes.push(new TextEncoder().encode(JSON.stringify({ ok: true, data: answer })).length);
        return answer;
      },
      (done) => progress.push(done),
    );
    expect(JSON.stringify(huge).length).toBeGreaterThan(10 * MIN_CHUNK_BYTES);
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MIN_CHUNK_BYTES + ENVELOPE_BYTES);
    expect(progress.at(-1)).toBe(61);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const read = JSON.parse(await file.blob.text());
    expect(read).toMatchObject({ format: 'offer-courier-backup', version: 2, exportedAt: NOW, settings: SETTINGS });
    expect(read.offers).toEqual(offers);
    expect(file.offers).toBe(61);
  }, 30_000);

  it('exports the CSV on the same path: a header once, one row per offer and customer', async () => {
    const source = desk();
    await (await source.openStore()).mergeAll(Array.from({ length: 40 }, (_, n) => makeOffer(n + 1, { notes: 'y'.repeat(3_000) })).concat(makeOffer(50, { customers: [] })));
    const sizes: number[] = [];
    const { text, offers, rows } = await exportText(source, 'csv', MIN_CHUNK_BYTES, sizes);
    expect(sizes.length).toBeGreaterThan(1);
    expect([offers, rows]).toEqual([41, 41]);
    expect(text.startsWith('\uFEFFid,')).toBe(true);
    expect(text.match(/\r\n/g)).toHaveLength(42);
    expect(text.match(/^\uFEFFid,|\r\nid,/g)).toHaveLength(1);
  });

  it('refuses a cursor it did not give', async () => {
    const source = desk();
    await expect(source.handlers['backup.exportChunk']({ type: 'backup.exportChunk', format: 'json', cursor: '{"after":1}' })).rejects.toMatchObject({ code: 'invalid-message' });
  });

  it.each([
    ['both', 2, SETTINGS],
    ['offers', 2, { profile: {}, templates: [...DEFAULT_TEMPLATES], preferences: { reminderDays: null } }],
    ['settings', 0, SETTINGS],
  ] as const)('restores %s in a fresh profile', async (include, offerCount, settings) => {
    const file = await exportedFile();
    const target = desk();
    const report = await target.handlers['backup.import']({ type: 'backup.import', backup: file, include });
    expect(report.offers?.added ?? 0).toBe(offerCount);
    expect(report.offers === null).toBe(include === 'settings');
    expect(report.settings).toEqual(include === 'offers' ? null : { restored: ['profile', 'templates', 'preferences'], rejected: [] });
    expect(await (await target.openStore()).count()).toBe(offerCount);
    expect(await (await target.openSettings()).load()).toEqual(settings);
    expect(target.preferencesSaved).toHaveBeenCalledTimes(include === 'offers' ? 0 : 1);
    if (include !== 'offers') expect(target.preferencesSaved).toHaveBeenCalledWith({ reminderDays: null }, { reminderDays: 4 });
  });

  it('reports a corrupt settings part and still imports the offers and the valid parts', async () => {
    const file = JSON.parse(await exportedFile());
    file.settings.templates[0].body = 42;
    const target = desk();
    await (await target.openSettings()).save('templates', [{ ...template, name: 'Kept' }]);
    const report = await target.handlers['backup.import']({ type: 'backup.import', backup: file, include: 'both' });
    expect(report.offers?.added).toBe(2);
    expect(report.settings?.restored).toEqual(['profile', 'preferences']);
    expect(report.settings?.rejected).toEqual([{ part: 'templates', reason: expect.stringMatching(/^0\.body:/) }]);
    expect((await (await target.openSettings()).load()).templates.map((t) => t.name)).toEqual(['Kept']);
  });

  it('imports a version 1 file, which holds no settings, with its customers and statuses mapped', async () => {
    const offers = SCHEMA_V1_OFFERS.map(({ urlKey: _urlKey, words: _words, ...record }) => record);
    const file = { format: 'offer-courier-backup', version: 1, exportedAt: '2026-02-01T00:00:00.000Z', offers };
    const target = desk();
    const report = await target.handlers['backup.import']({ type: 'backup.import', backup: file, include: 'both' });
    expect(report).toMatchObject({ offers: { added: 2, rejected: [] }, settings: { restored: [], rejected: [] } });
    const sent = await (await target.openStore()).get('v1-offer-1');
    expect(sent?.customers).toMatchObject([{ email: 'elodie@fabrikam.example', name: 'Élodie Martin', status: 'sent' }]);
    expect(sent?.notes).toBe('Relancer en février');
  });

  it('refuses a file that is not a backup before restoring its settings', async () => {
    const target = desk();
    const forged = { format: 'something-else', version: 2, offers: [], settings: SETTINGS };
    await expect(target.handlers['backup.import']({ type: 'backup.import', backup: forged, include: 'settings' })).rejects.toMatchObject({ code: 'backup-refused' });
    expect(await (await target.openSettings()).stored()).toEqual({});
  });
});
