import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import { loadSettings, savePreferences, saveProfile, saveTemplates } from './settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('starts with an empty profile, the default templates and no reminders', async () => {
    expect(await loadSettings()).toEqual({ profile: {}, templates: [...DEFAULT_TEMPLATES], preferences: { reminderDays: null } });
  });

  it('saves and reloads each part', async () => {
    await saveProfile({ name: 'Ada', company: 'Contoso', website: 'contoso.example' });
    await saveTemplates([{ ...DEFAULT_TEMPLATES[0]!, name: 'Mine' }]);
    await savePreferences({ reminderDays: 7 });
    const settings = await loadSettings();
    expect(settings.profile).toMatchObject({ name: 'Ada', website: 'https://contoso.example' });
    expect(settings.templates.map((t) => t.name)).toEqual(['Mine']);
    expect(settings.preferences.reminderDays).toBe(7);
  });

  it('refuses invalid values and keeps what was stored', async () => {
    await saveProfile({ name: 'Ada' });
    await expect(saveProfile({ logo: 'javascript:alert(1)' })).rejects.toThrow();
    await expect(savePreferences({ reminderDays: 0 })).rejects.toThrow();
    expect((await loadSettings()).profile).toEqual({ name: 'Ada' });
  });

  it('falls back to defaults when stored values are corrupt', async () => {
    await fakeBrowser.storage.local.set({ profile: 'garbage', templates: [{ id: 1 }], preferences: { reminderDays: 'soon' } });
    const settings = await loadSettings();
    expect(settings.profile).toEqual({});
    expect(settings.templates).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(settings.preferences).toEqual({ reminderDays: null });
  });
});
