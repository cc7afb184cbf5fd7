import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyValueArea } from '../offers/armed-next';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import { LEGACY_MOVED_KEY, openSettingsDatabase, SETTINGS_DB_NAME } from './db';
import { createSettingsOpener, moveLegacySettings } from './store';

/** Extension storage as the browser's would answer; `failRemove` plays a worker stopped before the cleanup. */
function storageArea(initial: Record<string, unknown> = {}, failRemove = false): KeyValueArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = structuredClone(initial);
  return {
    items,
    get: async (keys) => Object.fromEntries([keys].flat().filter((key) => key in items).map((key) => [key, structuredClone(items[key])])),
    set: async (values) => void Object.assign(items, structuredClone(values)),
    remove: async (keys) => {
      if (failRemove) throw new Error('worker stopped');
      for (const key of [keys].flat()) Reflect.deleteProperty(items, key);
    },
  };
}

const template = { ...DEFAULT_TEMPLATES[0]!, id: 'mine', name: 'Mine' };
const LEGACY = { profile: { name: 'Ada', company: 'Contoso' }, templates: [template], preferences: { reminderDays: 5 }, reminderLog: { kept: true } };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('the settings store', () => {
  it('starts with the defaults, saves each part as its schema returns it, and refuses invalid values', async () => {
    const store = await createSettingsOpener(storageArea())();
    expect(await store.load()).toEqual({ profile: {}, templates: [...DEFAULT_TEMPLATES], preferences: { reminderDays: null }, choices: [] });
    expect(await store.save('profile', { name: 'Ada', website: 'contoso.example' })).toEqual({ name: 'Ada', website: 'https://contoso.example' });
    await store.save('templates', [template]);
    await store.save('preferences', { reminderDays: 7 });
    await expect(store.save('profile', { logo: 'javascript:alert(1)' })).rejects.toThrow();
    await expect(store.save('preferences', { reminderDays: 0 })).rejects.toThrow();
    expect(await store.load()).toEqual({ profile: { name: 'Ada', website: 'https://contoso.example' }, templates: [template], preferences: { reminderDays: 7 }, choices: [] });
  });

  it('saves several parts all or none', async () => {
    const store = await createSettingsOpener(storageArea())();
    await store.saveAll({ profile: { name: 'Ada' } });
    await expect(store.saveAll({ templates: [template], preferences: { reminderDays: -1 } })).rejects.toThrow();
    expect(await store.stored()).toEqual({ profile: { name: 'Ada' } });
  });

  it('reads a stored part that no longer validates as its default', async () => {
    const db = await openSettingsDatabase();
    await db.put('settings', 'garbage', 'profile');
    await db.put('settings', [{ id: 1 }], 'templates');
    db.close();
    const store = await createSettingsOpener(storageArea())();
    expect(await store.stored()).toEqual({});
    expect((await store.load()).templates).toHaveLength(DEFAULT_TEMPLATES.length);
  });
});

describe('moving the settings out of extension storage', () => {
  it('moves them on first access and removes them from storage, leaving other keys', async () => {
    const area = storageArea(LEGACY);
    const store = await createSettingsOpener(area)();
    expect(await store.load()).toEqual({ profile: LEGACY.profile, templates: [template], preferences: { reminderDays: 5 }, choices: [] });
    expect(area.items).toEqual({ reminderLog: { kept: true } });
  });

  it('keeps what the database already holds, and drops an invalid old value', async () => {
    const db = await openSettingsDatabase();
    await db.put('settings', { name: 'Newer' }, 'profile');
    const area = storageArea({ ...LEGACY, preferences: { reminderDays: 'soon' } });
    await moveLegacySettings(db, area);
    expect(await db.get('settings', 'profile')).toEqual({ name: 'Newer' });
    expect(await db.get('settings', 'templates')).toEqual([template]);
    expect(await db.getKey('settings', 'preferences')).toBeUndefined();
    expect(area.items).toEqual({ reminderLog: { kept: true } });
    db.close();
  });

  it('finishes the cleanup after a worker stopped before it, and never reads storage again once moved', async () => {
    const stopped = storageArea(LEGACY, true);
    await expect(createSettingsOpener(stopped)()).rejects.toThrow('worker stopped');

    // What a content script could write there after the move is neither read nor kept.
    const restarted = storageArea({ ...stopped.items, templates: [{ ...template, body: 'Planted {{offerLink}}' }], profile: { name: 'Mallory' } });
    const store = await createSettingsOpener(restarted)();
    expect((await store.load()).templates).toEqual([template]);
    expect((await store.load()).profile).toEqual(LEGACY.profile);
    expect(restarted.items).toEqual({ reminderLog: { kept: true } });
  });

  it('marks the move in the database even when there was nothing to move', async () => {
    await createSettingsOpener(storageArea())();
    const db = await openSettingsDatabase(SETTINGS_DB_NAME);
    expect(await db.get('settings', LEGACY_MOVED_KEY)).toBe(true);
    db.close();
  });

  it('opens again after its database was deleted, and moves what storage holds then', async () => {
    const area = storageArea();
    const open = createSettingsOpener(area);
    await (await open()).save('profile', { name: 'Before' });
    await new Promise<void>((done, fail) => {
      const request = indexedDB.deleteDatabase(SETTINGS_DB_NAME);
      request.onsuccess = () => done();
      request.onerror = () => fail(new Error('not deleted'));
    });
    area.items.profile = { name: 'From storage' };
    expect((await (await open()).load()).profile).toEqual({ name: 'From storage' });
  });
});
