import { MessagingError, type Handlers } from '../messaging/protocol';
import type { OfferBackupHandlers } from '../offers/handlers';
import type { OfferStore } from '../offers/store';
import type { SettingsHooks } from '../settings/handlers';
import type { SettingsStore } from '../settings/store';
import { readSettingsPart, restoredParts, type SettingsImportReport } from './backup';
import { exportChunk } from './export';

/** An import under way: its time (every record's clamp), the next record's index in the file, and a record's start still waiting for its end. */
interface ImportSession {
  now: string;
  next: number;
  partial: string;
}

/** Imports a page left unfinished (a tab closed) are forgotten past this many. */
const MAX_OPEN_IMPORTS = 4;

/** A line that is not JSON becomes a record that validation rejects, at its place in the file. */
function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/**
 * Backups whole: exports in pieces (./export), and imports in pieces. An import starts with the
 * settings part, then its records travel as lines of JSON (one per record; a record larger than a
 * message spans several), each piece validated and merged as it arrives.
 */
export function createBackupHandlers(
  offers: OfferBackupHandlers,
  openStore: () => Promise<OfferStore>,
  openSettings: () => Promise<SettingsStore>,
  hooks: SettingsHooks,
  clock = () => new Date().toISOString(),
): Pick<Handlers, 'backup.exportChunk' | 'backup.importStart' | 'backup.importChunk'> {
  const imports = new Map<string, ImportSession>();
  const importSettings = async (settings: unknown): Promise<SettingsImportReport> => {
    const { valid, rejected } = readSettingsPart(settings === undefined ? {} : { settings });
    const store = await openSettings();
    const before = (await store.load()).preferences;
    await store.saveAll(valid);
    if (valid.preferences) hooks.preferencesSaved(before, valid.preferences);
    return { restored: restoredParts(valid), rejected };
  };
  return {
    'backup.exportChunk': async (request) => exportChunk(await openStore(), request, async () => (await openSettings()).stored(), clock()),
    'backup.importStart': async ({ include, settings }) => {
      const settingsReport = include === 'offers' ? null : await importSettings(settings);
      const importId = crypto.randomUUID();
      if (include !== 'settings') {
        imports.set(importId, { now: clock(), next: 0, partial: '' });
        for (const id of imports.keys()) if (imports.size > MAX_OPEN_IMPORTS) imports.delete(id);
      }
      return { importId, settings: settingsReport };
    },
    'backup.importChunk': async ({ importId, text, last }) => {
      const session = imports.get(importId);
      if (!session) {
        throw new MessagingError('not-found', 'This import is no longer under way (the extension restarted). Import the file again: what was imported stays, and the rest follows.', 'import-interrupted');
      }
      const lines = (session.partial + text).split('\n');
      session.partial = lines.pop() ?? '';
      if (last) {
        imports.delete(importId);
        if (session.partial) throw new MessagingError('invalid-message', 'The import ended inside a record.');
      }
      const firstIndex = session.next;
      session.next += lines.length;
      return offers.importRecords({ records: lines.map(parseLine), firstIndex, now: session.now, last });
    },
  };
}
