import type { Handlers } from '../messaging/protocol';
import { parseBackupText, readBackupEnvelope } from '../offers/backup';
import type { OfferBackupHandlers } from '../offers/handlers';
import type { SettingsHooks } from '../settings/handlers';
import type { SettingsStore } from '../settings/store';
import { readSettingsPart, restoredParts, withSettings, type SettingsImportReport } from './backup';

/** Backups whole: the offers' side (lib/offers/handlers) with the settings' side around it. */
export function createBackupHandlers(
  offers: OfferBackupHandlers,
  openSettings: () => Promise<SettingsStore>,
  hooks: SettingsHooks,
): Pick<Handlers, 'backup.export' | 'backup.import'> {
  const importSettings = async (backup: unknown): Promise<SettingsImportReport> => {
    const { valid, rejected } = readSettingsPart(backup);
    const store = await openSettings();
    const before = (await store.load()).preferences;
    await store.saveAll(valid);
    if (valid.preferences) hooks.preferencesSaved(before, valid.preferences);
    return { restored: restoredParts(valid), rejected };
  };
  return {
    'backup.export': async () => {
      const [{ backup }, settings] = await Promise.all([offers['backup.export'](), openSettings().then((store) => store.stored())]);
      return { backup: withSettings(backup, settings) };
    },
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
