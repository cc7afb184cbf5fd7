import type { Handlers } from '../messaging/protocol';
import { rememberChoice } from './choices';
import type { Preferences } from './settings';
import type { SettingsStore } from './store';

export interface SettingsHooks {
  /** After the preferences were saved, with what they were before (reminders follow the delay). */
  preferencesSaved(before: Preferences, after: Preferences): void;
}

/** The background's answers to the settings messages: extension pages read and save, the picker reads and remembers its choice. */
export function createSettingsHandlers(openSettings: () => Promise<SettingsStore>, hooks: SettingsHooks): Pick<Handlers, Extract<keyof Handlers, `settings.${string}`>> {
  return {
    'settings.get': async () => (await openSettings()).load(),
    'settings.saveProfile': async ({ profile }) => ({ profile: await (await openSettings()).save('profile', profile) }),
    'settings.saveTemplates': async ({ templates }) => ({ templates: await (await openSettings()).save('templates', templates) }),
    'settings.savePreferences': async ({ preferences }) => {
      const store = await openSettings();
      const before = (await store.load()).preferences;
      const saved = await store.save('preferences', preferences);
      hooks.preferencesSaved(before, saved);
      return { preferences: saved };
    },
    'settings.rememberChoice': async ({ emails, choice }) => {
      await (await openSettings()).update('choices', (choices) => rememberChoice(choices ?? [], emails, choice));
      return { remembered: true };
    },
  };
}
