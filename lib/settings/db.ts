import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The settings' own database, apart from the offers' so each keeps its own migrations. It
 * belongs to the extension's origin: content scripts cannot open it (storage.local, where the
 * settings used to be, is theirs to read and write).
 */
export const SETTINGS_DB_NAME = 'offer-courier-settings';

/** Set once the settings of extension storage were moved in (./store); it is never read from again. */
export const LEGACY_MOVED_KEY = 'legacyMoved';

export interface SettingsDB extends DBSchema {
  /** One record per part ('profile', 'templates', 'preferences'), keyed by its name, and the moved mark. */
  settings: { key: string; value: unknown };
}

export type SettingsUpgrade = (db: IDBPDatabase<SettingsDB>) => void;

/** Numbered schema migrations: entry N-1 upgrades the database from version N-1 to N. Append only. */
export const SETTINGS_MIGRATIONS: readonly SettingsUpgrade[] = [(db) => void db.createObjectStore('settings')];

/**
 * Opens (and upgrades) the settings database. A newer version or a deletion asking for it closes
 * this connection, and `onClosed` lets the opener start a new one next time.
 */
export function openSettingsDatabase(name = SETTINGS_DB_NAME, onClosed?: () => void): Promise<IDBPDatabase<SettingsDB>> {
  return openDB<SettingsDB>(name, SETTINGS_MIGRATIONS.length, {
    upgrade(db, oldVersion) {
      for (const migrate of SETTINGS_MIGRATIONS.slice(oldVersion)) migrate(db);
    },
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      onClosed?.();
    },
    terminated() {
      onClosed?.();
    },
  });
}
