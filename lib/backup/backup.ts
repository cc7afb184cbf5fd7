import type { BackupFile } from '../offers/backup-envelope';
import type { ImportReport } from '../offers/import-report';
import { checkSettingsParts, SETTINGS_PARTS, type RejectedSettingsPart, type SettingsPart, type StoredSettings } from '../settings/settings';

/**
 * A backup file whole: the offers' part (lib/offers/backup, format 2) and the settings the advisor
 * saved (profile with logo, templates, preferences), each part under its name. Files without a
 * settings part (format 1, or written by hand) still import.
 */
export type FullBackupFile = BackupFile & { settings: StoredSettings };

/** What the advisor chose to restore from a file. */
export type BackupInclude = 'offers' | 'settings' | 'both';

export interface SettingsImportReport {
  restored: SettingsPart[];
  /** Parts left as they were because the file's were invalid. */
  rejected: RejectedSettingsPart[];
}

/** null: that side was not chosen. */
export interface BackupImportReport {
  offers: ImportReport | null;
  settings: SettingsImportReport | null;
}

/** The valid parts of a parsed backup's settings, each checked on its own; none when the file has no settings part. */
export function readSettingsPart(backup: unknown): { valid: StoredSettings; rejected: RejectedSettingsPart[] } {
  if (typeof backup !== 'object' || backup === null || !('settings' in backup)) return { valid: {}, rejected: [] };
  return checkSettingsParts(backup.settings);
}

export const restoredParts = (settings: StoredSettings): SettingsPart[] => SETTINGS_PARTS.filter((part) => settings[part] !== undefined);
