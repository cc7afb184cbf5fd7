import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyValueArea } from '../offers/armed-next';
import { createSettingsHandlers } from './handlers';
import type { Preferences } from './settings';
import { createSettingsOpener } from './store';

const noStorage: KeyValueArea = { get: async () => ({}), set: async () => undefined, remove: async () => undefined };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('the settings messages', () => {
  it('answer each save with the value as stored, and the next read with it', async () => {
    const handlers = createSettingsHandlers(createSettingsOpener(noStorage), { preferencesSaved: () => undefined });
    const { profile } = await handlers['settings.saveProfile']({ type: 'settings.saveProfile', profile: { name: ' Ada ', website: 'contoso.example' } });
    expect(profile).toEqual({ name: 'Ada', website: 'https://contoso.example' });
    expect((await handlers['settings.get']({ type: 'settings.get' })).profile).toEqual(profile);
  });

  it('remember the picker\'s choice per address, each change made from what is stored', async () => {
    const handlers = createSettingsHandlers(createSettingsOpener(noStorage), { preferencesSaved: () => undefined });
    const french = { templateId: 'default-purchase-fr', language: 'fr' };
    const english = { templateId: 'default-purchase-en', language: 'en' };
    await Promise.all([
      handlers['settings.rememberChoice']({ type: 'settings.rememberChoice', emails: ['Ann@contoso.example'], choice: french }),
      handlers['settings.rememberChoice']({ type: 'settings.rememberChoice', emails: ['bob@contoso.example'], choice: english }),
    ]);
    const { choices } = await handlers['settings.get']({ type: 'settings.get' });
    expect(choices).toHaveLength(2);
    expect(choices).toContainEqual({ email: 'ann@contoso.example', ...french });
    expect(choices).toContainEqual({ email: 'bob@contoso.example', ...english });
  });

  it('tell the reminders what the preferences were and became', async () => {
    const preferencesSaved = vi.fn<(before: Preferences, after: Preferences) => void>();
    const handlers = createSettingsHandlers(createSettingsOpener(noStorage), { preferencesSaved });
    await handlers['settings.savePreferences']({ type: 'settings.savePreferences', preferences: { reminderDays: 3 } });
    await handlers['settings.savePreferences']({ type: 'settings.savePreferences', preferences: { reminderDays: 3, messageLanguage: 'fr' } });
    expect(preferencesSaved.mock.calls).toEqual([
      [{ reminderDays: null }, { reminderDays: 3 }],
      [{ reminderDays: 3 }, { reminderDays: 3, messageLanguage: 'fr' }],
    ]);
  });
});
