import type { IDBPDatabase } from 'idb';
import type { KeyValueArea } from '../offers/armed-next';
import { LEGACY_MOVED_KEY, openSettingsDatabase, SETTINGS_DB_NAME, type SettingsDB } from './db';
import { SETTINGS_PARTS, SETTINGS_SCHEMAS, withDefaults, type Settings, type SettingsPart, type StoredSettings } from './settings';

/** The background's settings: each part checked on the way in and again on the way out. */
export class SettingsStore {
  constructor(private readonly db: IDBPDatabase<SettingsDB>) {}

  /** The parts saved; one that no longer validates (a later hand edit, an older format) is left out, so it reads as its default. */
  async stored(): Promise<StoredSettings> {
    const tx = this.db.transaction('settings');
    const values = await Promise.all(SETTINGS_PARTS.map((part) => tx.store.get(part)));
    await tx.done;
    const stored: Record<string, unknown> = {};
    SETTINGS_PARTS.forEach((part, index) => {
      const parsed = SETTINGS_SCHEMAS[part].safeParse(values[index]);
      if (values[index] !== undefined && parsed.success) stored[part] = parsed.data;
    });
    return stored;
  }

  async load(): Promise<Settings> {
    return withDefaults(await this.stored());
  }

  /** Saves one part, as its schema returns it (trimmed, links given their scheme); throws when it is invalid. */
  async save<P extends SettingsPart>(part: P, value: Settings[P]): Promise<Settings[P]> {
    const valid = SETTINGS_SCHEMAS[part].parse(value) as Settings[P];
    await this.db.put('settings', valid, part);
    return valid;
  }

  /** Changes one part from what it holds (undefined: nothing valid), in one transaction: two pickers never lose each other's change. */
  async update<P extends SettingsPart>(part: P, change: (current: Settings[P] | undefined) => Settings[P]): Promise<Settings[P]> {
    const schema = SETTINGS_SCHEMAS[part];
    const tx = this.db.transaction('settings', 'readwrite');
    const current = schema.safeParse(await tx.store.get(part));
    const next = schema.parse(change(current.success ? (current.data as Settings[P]) : undefined)) as Settings[P];
    await Promise.all([tx.store.put(next, part), tx.done]);
    return next;
  }

  /** Saves several parts at once (a restored backup): all of them or none. */
  async saveAll(parts: StoredSettings): Promise<void> {
    const valid = SETTINGS_PARTS.flatMap((part) => (parts[part] === undefined ? [] : [[part, SETTINGS_SCHEMAS[part].parse(parts[part])] as const]));
    const tx = this.db.transaction('settings', 'readwrite');
    await Promise.all([...valid.map(([part, value]) => tx.store.put(value, part)), tx.done]);
  }
}

/** The parts version 1 kept in extension storage; later parts were never there. */
const LEGACY_PARTS = ['profile', 'templates', 'preferences'] as const satisfies readonly SettingsPart[];

/**
 * Moves the settings version 1 kept in extension storage into the database, once: a part already
 * in the database wins, an invalid one is dropped (it read as its default anyway). The database
 * write and its "moved" mark are one transaction, and storage is cleared only after it: a worker
 * stopped anywhere in between leaves either nothing done or a cleanup for the next time. After the
 * mark, extension storage is never read again, so a content script writing settings there later
 * (it can) changes nothing.
 */
export async function moveLegacySettings(db: IDBPDatabase<SettingsDB>, legacy: KeyValueArea): Promise<void> {
  if ((await db.get('settings', LEGACY_MOVED_KEY)) === undefined) {
    // Read before the transaction: waiting on extension storage inside it would let it commit.
    const old = await legacy.get([...LEGACY_PARTS]);
    const tx = db.transaction('settings', 'readwrite');
    if ((await tx.store.get(LEGACY_MOVED_KEY)) === undefined) {
      for (const part of LEGACY_PARTS) {
        const parsed = SETTINGS_SCHEMAS[part].safeParse(old[part]);
        if (old[part] !== undefined && parsed.success && (await tx.store.getKey(part)) === undefined) await tx.store.put(parsed.data, part);
      }
      await tx.store.put(true, LEGACY_MOVED_KEY);
    }
    await tx.done;
  }
  await legacy.remove([...LEGACY_PARTS]);
}

/**
 * The background's way to the settings: one connection, opened on first use and again after it
 * closed (a deletion, a newer version), each time after the move out of extension storage.
 */
export function createSettingsOpener(legacy: KeyValueArea, name = SETTINGS_DB_NAME): () => Promise<SettingsStore> {
  let ready: Promise<SettingsStore> | undefined;
  const connect = async () => {
    const db = await openSettingsDatabase(name, () => (ready = undefined));
    await moveLegacySettings(db, legacy);
    return new SettingsStore(db);
  };
  return async () => {
    ready ??= connect();
    try {
      return await ready;
    } catch (error) {
      ready = undefined;
      throw error;
    }
  };
}
