import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { LIMITS } from '../offers/limits';
import { SCHEMA_V1_OFFERS } from '@/test/fixtures/db/schema-v1';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import type { KeyValueArea } from '../offers/armed-next';
import { createStoreOpener } from '../offers/store';
import { createSettingsOpener } from '../settings/store';
import type { Preferences } from '../settings/settings';
import { MIN_CHUNK_BYTES, ENVELOPE_BYTES } from '../messaging/chunks';
import type { SettingsImportReport } from './backup';
import { createBackupHandlers } from './handlers';
import { openPageImporter } from './page-importer';
import { exportFile, importFile, ImportStoppedError, type ExportFormat, type OfferImporter, type Send } from './transfer';
import type { Request } from '../messaging/protocol';
import { speak } from '@/test/unit/ui-language';

afterEach(() => vi.restoreAllMocks());

const NOW = '2026-06-01T12:00:00.000Z';
const template = { ...DEFAULT_TEMPLATES[0]!, id: 'mine', name: 'Mine' };
const SETTINGS = {
  profile: { name: 'Ada', logo: 'data:image/png;base64,iVBORw0KGgo=' },
  templates: [template],
  preferences: { reminderDays: 4 },
  choices: [{ email: 'ann@contoso.example', templateId: 'mine', language: 'en' }],
};

function emptyArea(): KeyValueArea {
  const items: Record<string, unknown> = {};
  return {
    get: async (keys) => Object.fromEntries([keys].flat().filter((key) => key in items).map((key) => [key, items[key]])),
    set: async (values) => void Object.assign(items, values),
    remove: async (keys) => [keys].flat().forEach((key) => Reflect.deleteProperty(items, key)),
  };
}

/** One profile's background and pages: their own databases, as a fresh browser profile has. */
function desk() {
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  const openStore = createStoreOpener();
  const openSettings = createSettingsOpener(emptyArea());
  const preferencesSaved = vi.fn<(before: Preferences, after: Preferences) => void>();
  const imported = vi.fn(async () => ({ noted: true as const }));
  const handlers = {
    ...createBackupHandlers(openStore, openSettings, { preferencesSaved }, () => NOW),
    'offers.count': async () => ({ count: await (await openStore()).count() }),
    'offers.imported': imported,
  };
  /** The page's own connection, to this profile's database (`elsewhere`: storage of its own, as a private window's). */
  const openImporter = (elsewhere = false) => {
    globalThis.indexedDB = elsewhere ? new IDBFactory() : factory;
    return openPageImporter(NOW);
  };
  return { openStore, openSettings, preferencesSaved, imported, handlers, openImporter };
}

type Desk = ReturnType<typeof desk>;
type BackupRequest = keyof Desk['handlers'];

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * The page's messages to this desk's background: each request and answer's size as it travels
 * noted in `sizes`, an export's pieces asked at `maxBytes`; `fail` may throw before a request.
 */
function sender(target: Desk, { maxBytes, sizes = [], fail }: { maxBytes?: number; sizes?: number[]; fail?: (request: Request) => void } = {}): Send {
  return (async (request: Request) => {
    fail?.(request);
    const capped = request.type === 'backup.exportChunk' && maxBytes ? { ...request, maxBytes } : request;
    sizes.push(bytes(capped));
    const answer = await (target.handlers[request.type as BackupRequest] as (r: Request) => Promise<unknown>)(capped);
    sizes.push(bytes({ ok: true, data: answer }));
    return answer;
  }) as Send;
}

/** An export as the page builds it. */
async function exportText(source: Desk, format: ExportFormat = 'json', options: Parameters<typeof sender>[1] = {}) {
  const file = await exportFile(format, sender(source, options), () => undefined);
  // Blob.text() would drop the CSV's byte-order mark.
  return { ...file, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.blob.arrayBuffer()) };
}

async function exportedFile(): Promise<string> {
  const source = desk();
  await (await source.openStore()).mergeAll([makeOffer(1), makeOffer(2, { customers: [] })]);
  await (await source.openSettings()).saveAll(SETTINGS);
  return (await exportText(source)).text;
}

/**
 * `restored` notes each settingsRestored report, with how many progress reports came before it;
 * `failPiece` makes the page's write of that piece (1 for the first) fail.
 */
type ImportTextOptions = Parameters<typeof sender>[1] & {
  progress?: number[];
  /** The page's storage is not the background's (a private window). */
  elsewhere?: boolean;
  restored?: { report: SettingsImportReport; progressBefore: number }[];
  pieceRecords?: number;
  failPiece?: number;
};

const importText = (target: Desk, text: string, include: 'offers' | 'settings' | 'both', options: ImportTextOptions = {}) => {
  let pieces = 0;
  const openImporter = async (): Promise<OfferImporter> => {
    const importer = await target.openImporter(options.elsewhere);
    return {
      importPiece: async (records, firstIndex, progress) => {
        if (++pieces === options.failPiece) throw new Error('the page was closed');
        return importer.importPiece(records, firstIndex, progress);
      },
      close: () => importer.close(),
    };
  };
  return importFile(new Blob([text]), include, sender(target, options), {
    progress: (done) => options.progress?.push(done),
    settingsRestored: (report) => options.restored?.push({ report, progressBefore: options.progress?.length ?? 0 }),
    openImporter,
    ...(options.pieceRecords === undefined ? {} : { pieceRecords: options.pieceRecords }),
  });
};

/** An offer far larger than a message at MIN_CHUNK_BYTES: notes and customers near the schema's bounds, text that escapes to twice its size. */
const hugeOffer = (n: number) =>
  makeOffer(n, {
    notes: '"😀 Société\\'.repeat(LIMITS.notes / 12),
    customers: Array.from({ length: LIMITS.customers }, (_, c) =>
      makeCustomer(`c${c}`, { name: `Client ${c} ${'ü'.repeat(150)}` }, '2026-01-01T00:00:00.000Z', 'sent', [
        { at: '2026-01-01T00:00:00.000Z', provider: 'gmail', subject: '"'.repeat(500) },
        { at: '2026-01-02T00:00:00.000Z', provider: 'outlook', subject: '\\'.repeat(500) },
      ]),
    ),
  });

const longNotes = (count: number, from = 1) => Array.from({ length: count }, (_, n) => makeOffer(from + n, { notes: `${n} ${'x'.repeat(2_000)}` }));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('backups in pieces', () => {
  it('exports the saved settings beside the offers', async () => {
    const file = JSON.parse(await exportedFile());
    expect(file).toMatchObject({ format: 'offer-courier-backup', version: 2, exportedAt: NOW, settings: SETTINGS });
    expect(file.offers).toHaveLength(2);
  });

  it('exports a large backup in pieces under the cap, a record larger than a piece cut across several, and the file reads back whole', async () => {
    const source = desk();
    const offers = [hugeOffer(0), ...longNotes(60)];
    await (await source.openStore()).mergeAll(offers);
    await (await source.openSettings()).saveAll(SETTINGS);
    const sizes: number[] = [];
    const progress: number[] = [];
    const file = await exportFile('json', sender(source, { maxBytes: MIN_CHUNK_BYTES, sizes }), (done) => progress.push(done));
    expect(bytes(offers[0])).toBeGreaterThan(10 * MIN_CHUNK_BYTES);
    expect(sizes.length / 2).toBeGreaterThan(10);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MIN_CHUNK_BYTES + ENVELOPE_BYTES);
    expect(progress.at(-1)).toBe(61);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const read = JSON.parse(await file.blob.text());
    expect(read).toMatchObject({ format: 'offer-courier-backup', version: 2, exportedAt: NOW, settings: SETTINGS });
    expect(read.offers).toEqual(offers);
    expect(file.offers).toBe(61);
  }, 30_000);

  it('exports the CSV on the same path: a header once, one row per offer and customer', async () => {
    speak('en', 'en-US');
    const source = desk();
    await (await source.openStore()).mergeAll([...longNotes(40), makeOffer(50, { customers: [] })]);
    const sizes: number[] = [];
    const { text, offers, rows } = await exportText(source, 'csv', { maxBytes: MIN_CHUNK_BYTES, sizes });
    expect(sizes.length / 2).toBeGreaterThan(1);
    expect([offers, rows]).toEqual([41, 41]);
    expect(text.startsWith('\uFEFFid,')).toBe(true);
    expect(text.match(/\r\n/g)).toHaveLength(42);
    expect(text.match(/^\uFEFFid,|\r\nid,/g)).toHaveLength(1);
  });

  it('exports the CSV for the spreadsheets of the UI language: French headers and `;`', async () => {
    speak('fr');
    const source = desk();
    await (await source.openStore()).mergeAll([makeOffer(1), makeOffer(2)]);
    const { text } = await exportText(source, 'csv', { maxBytes: MIN_CHUNK_BYTES, sizes: [] });
    expect(text.startsWith('\uFEFFID de l’offre;Type;ID de résumé;')).toBe(true);
    expect(text.split('\r\n')[1]).toMatch(/^offer-1;purchase;/);
  });

  it('refuses an export cursor it did not give', async () => {
    await expect(desk().handlers['backup.exportChunk']({ type: 'backup.exportChunk', format: 'json', cursor: '{"after":1}' })).rejects.toMatchObject({ code: 'invalid-message' });
  });

  it('imports a large file in pieces written by the page, with an exact report: records rejected by their index in the file', async () => {
    const source = desk();
    const offers = [...longNotes(30), hugeOffer(40), ...longNotes(30, 41)];
    await (await source.openStore()).mergeAll(offers);
    const file = JSON.parse((await exportText(source)).text);
    file.offers.splice(45, 0, { id: 'junk-in-the-middle' });
    file.offers.push('junk at the end');
    const target = desk();
    await (await target.openStore()).mergeAll([makeOffer(1), makeOffer(2, { notes: 'an older note' })]);
    const sizes: number[] = [];
    const progress: number[] = [];
    const report = await importText(target, JSON.stringify(file), 'offers', { sizes, progress, pieceRecords: 10 });
    // No record travels to the background: it is asked to open the database, and hears of the start and of the end.
    expect(sizes.length / 2).toBe(3);
    expect(Math.max(...sizes)).toBeLessThan(1_000);
    expect(target.imported).toHaveBeenCalledTimes(1);
    // Each piece reported as its writes go and once done: the same count twice, in order.
    expect([...new Set(progress)]).toEqual([0, 10, 20, 30, 40, 50, 60, 63]);
    expect(report.offers).toMatchObject({ added: 59, updated: 1, unchanged: 1 });
    expect(report.offers?.rejected).toEqual([
      { index: 45, id: 'junk-in-the-middle', problem: 'invalid-field', field: expect.any(String) },
      { index: 62, problem: 'not-an-offer' },
    ]);
    expect(progress.at(-1)).toBe(63);
    expect(await (await target.openStore()).get('offer-40')).toEqual(offers[30]);
    expect(await (await target.openStore()).count()).toBe(61);
  }, 30_000);

  it('keeps what was merged when an import fails half-way, says how far it got, and the same file again completes it', async () => {
    const source = desk();
    await (await source.openStore()).mergeAll(longNotes(100));
    const text = (await exportText(source)).text;
    const target = desk();
    const stopped = await importText(target, text, 'offers', { pieceRecords: 30, failPiece: 3 }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(ImportStoppedError);
    const { done, total, report } = stopped as ImportStoppedError;
    expect([done, total]).toEqual([60, 100]);
    expect(report.offers?.added).toBe(60);
    expect(await (await target.openStore()).count()).toBe(60);
    // The offers written still get their reminders.
    expect(target.imported).toHaveBeenCalledTimes(1);
    const again = await importText(target, text, 'offers', { pieceRecords: 30 });
    expect(again.offers).toMatchObject({ added: 40, unchanged: 60, rejected: [] });
  }, 30_000);

  it('refuses a file corrupt half-way whole, before anything is written', async () => {
    const text = await exportedFile();
    const target = desk();
    const sizes: number[] = [];
    await expect(importText(target, text.slice(0, text.length / 2), 'both', { sizes })).rejects.toMatchObject({ code: 'backup-refused' });
    expect(sizes).toEqual([]);
    expect(await (await target.openStore()).count()).toBe(0);
    expect(await (await target.openSettings()).stored()).toEqual({});
  });

  it('never creates the database from the page: a page that finds none (a private window\'s storage) says so, and restores nothing', async () => {
    const file = await exportedFile();
    const target = desk();
    await expect(importText(target, file, 'both', { elsewhere: true })).rejects.toMatchObject({ code: 'storage', problem: 'offers-unreachable' });
    expect(await indexedDB.databases()).toEqual([]);
    expect(await (await target.openSettings()).stored()).toEqual({});
    expect(target.preferencesSaved).not.toHaveBeenCalled();
  });

  it.each([
    ['both', 2, SETTINGS],
    ['offers', 2, { profile: {}, templates: [...DEFAULT_TEMPLATES], preferences: { reminderDays: null }, choices: [] }],
    ['settings', 0, SETTINGS],
  ] as const)('restores %s in a fresh profile', async (include, offerCount, settings) => {
    const file = await exportedFile();
    const target = desk();
    const progress: number[] = [];
    const restored: { report: SettingsImportReport; progressBefore: number }[] = [];
    const report = await importText(target, file, include, { progress, restored });
    // The page hears of restored settings once, before any offer travels.
    expect(restored).toEqual(include === 'offers' ? [] : [{ report: report.settings, progressBefore: 0 }]);
    expect(report.offers?.added ?? 0).toBe(offerCount);
    expect(report.offers === null).toBe(include === 'settings');
    expect(report.settings).toEqual(include === 'offers' ? null : { restored: ['profile', 'templates', 'preferences', 'choices'], rejected: [] });
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
    const report = await importText(target, JSON.stringify(file), 'both');
    expect(report.offers?.added).toBe(2);
    expect(report.settings?.restored).toEqual(['profile', 'preferences', 'choices']);
    expect(report.settings?.rejected).toEqual([{ part: 'templates', reason: expect.stringMatching(/^0\.body:/) }]);
    expect((await (await target.openSettings()).load()).templates.map((t) => t.name)).toEqual(['Kept']);
  });

  it('imports settings saved before template choices were remembered, keeping the choices the profile holds', async () => {
    const file = JSON.parse(await exportedFile());
    delete file.settings.choices;
    const target = desk();
    const kept = [{ email: 'bob@contoso.example', templateId: 'default-purchase-fr', language: 'fr' }];
    await (await target.openSettings()).save('choices', kept);
    const report = await importText(target, JSON.stringify(file), 'settings');
    expect(report.settings).toEqual({ restored: ['profile', 'templates', 'preferences'], rejected: [] });
    expect(await (await target.openSettings()).load()).toEqual({ ...SETTINGS, choices: kept });
  });

  it('imports a version 1 file, which holds no settings, with its customers and statuses mapped', async () => {
    const offers = SCHEMA_V1_OFFERS.map(({ urlKey: _urlKey, words: _words, ...record }) => record);
    const file = { format: 'offer-courier-backup', version: 1, exportedAt: '2026-02-01T00:00:00.000Z', offers };
    const target = desk();
    const restored: NonNullable<ImportTextOptions['restored']> = [];
    const report = await importText(target, JSON.stringify(file), 'both', { restored });
    expect(report).toMatchObject({ offers: { added: 2, rejected: [] }, settings: { restored: [], rejected: [] } });
    // Nothing restored: the page has nothing new to show before the offers.
    expect(restored).toEqual([]);
    const sent = await (await target.openStore()).get('v1-offer-1');
    expect(sent?.customers).toMatchObject([{ email: 'elodie@fabrikam.example', name: 'Élodie Martin', status: 'sent' }]);
    expect(sent?.notes).toBe('Relancer en février');
  });

  it('refuses a file that is not a backup before restoring its settings', async () => {
    const target = desk();
    const forged = { format: 'something-else', version: 2, offers: [], settings: SETTINGS };
    await expect(importText(target, JSON.stringify(forged), 'settings')).rejects.toMatchObject({ code: 'backup-refused' });
    expect(await (await target.openSettings()).stored()).toEqual({});
  });
});
