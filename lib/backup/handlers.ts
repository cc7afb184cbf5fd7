import type { Handlers } from '../messaging/protocol';
import { parseBackupText, readBackupEnvelope } from '../offers/backup';
import type { OfferBackupHandlers } from '../offers/handlers';
import type { OfferStore } from '../offers/store';
import type { SettingsHooks } from '../settings/handlers';
import type { SettingsStore } from '../settings/store';
import { readSettingsPart, restoredParts, type SettingsImportReport } from './backup';
import { exportChunk } from './export';

/** Backups whole: the offers' side (lib/offers/handlers) with the settings' side around it. */
export function createBackupHandlers(
  offers: OfferBackupHandlers,
  openStore: () => Promise<OfferStore>,
  openSettings: () => Promise<SettingsStore>,
  hooks: SettingsHooks,
  clock = () => new Date().toISOString(),
): Pick<Handlers, 'backup.exportChunk' | 'backup.import'> {
  const importSettings = async (backup: unknown): Promise<SettingsImportReport> => {
    const { valid, rejected } = readSettingsPart(backup);
    const store = await openSettings();
    const before = (await store.load()).preferences;
    await store.saveAll(valid);
    if (valid.preferences) hooks.preferencesSaved(before, valid.preferences);
    return { restored: restoredParts(valid), rejected };
  };
  return {
    'backup.exportChunk': async (request) => exportChunk(await openStore(), request, async () => (await openSettings()).stored(), clock()),
    'backup.import': async ({ backup, include }) => {
      const value = parseBackupText(backup);
      // Refuses a file that is no backup, or too new, before anything of it is written.
      if (include === 'settings') readBackupEnvelope(value);
      const offersReport = include === 'settings' ? null : await offers['backup.import']({ type: 'backup.import', backup: value });
      const settingsReport = include === 'offers' ? null : await importSettings(value);
      return { offers: offersReport, settings: settingsReport };
    },
  };
}
