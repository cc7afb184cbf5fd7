import type { Handlers } from '../messaging/protocol';
import type { OfferStore } from '../offers/store';
import type { SettingsHooks } from '../settings/handlers';
import type { SettingsStore } from '../settings/store';
import { readSettingsPart, restoredParts, type SettingsImportReport } from './backup';
import { exportChunk } from './export';

/**
 * Backups whole: exports in pieces (./export), and the start of an import: its settings part. The
 * page that reads the file writes its offers itself (./page-importer), then sends `offers.imported`.
 */
export function createBackupHandlers(
  openStore: () => Promise<OfferStore>,
  openSettings: () => Promise<SettingsStore>,
  hooks: SettingsHooks,
  clock = () => new Date().toISOString(),
): Pick<Handlers, 'backup.exportChunk' | 'backup.importStart'> {
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
    'backup.importStart': async ({ include, settings }) => ({ settings: include === 'offers' ? null : await importSettings(settings) }),
  };
}
