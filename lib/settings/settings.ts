import { z } from 'zod/mini';
import { browser } from 'wxt/browser';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import { AdvisorProfile } from '../message/profile';
import { MessageTemplate } from '../message/template';

export const Preferences = z.object({
  /** Remind the advisor this many days after a send when the offer is not accepted; null = never. */
  reminderDays: z.nullable(z.int().check(z.minimum(1), z.maximum(365))),
  /** Language of the customer message when the advisor does not pick one; undefined = UI language. */
  messageLanguage: z.optional(z.string().check(z.maxLength(35))),
});
export type Preferences = z.infer<typeof Preferences>;

export const DEFAULT_PREFERENCES: Preferences = { reminderDays: null };

const Templates = z.array(MessageTemplate).check(z.maxLength(200));

export interface Settings {
  profile: AdvisorProfile;
  templates: MessageTemplate[];
  preferences: Preferences;
}

const KEYS = ['profile', 'templates', 'preferences'] as const;

/**
 * Reads the settings from the extension's storage. A value that no longer validates (an older
 * format, a hand edit) falls back to its default instead of breaking every page.
 */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get([...KEYS]);
  const profile = AdvisorProfile.safeParse(stored.profile ?? {});
  const templates = Templates.safeParse(stored.templates);
  return {
    profile: profile.success ? profile.data : {},
    templates: templates.success && templates.data.length > 0 ? templates.data : [...DEFAULT_TEMPLATES],
    preferences: validPreferences(stored.preferences),
  };
}

/** The preferences alone, for the background's reminders (no profile or templates to check). */
export async function loadPreferences(): Promise<Preferences> {
  return validPreferences((await browser.storage.local.get('preferences')).preferences);
}

function validPreferences(stored: unknown): Preferences {
  const preferences = Preferences.safeParse(stored ?? DEFAULT_PREFERENCES);
  return preferences.success ? preferences.data : DEFAULT_PREFERENCES;
}

export async function saveProfile(profile: AdvisorProfile): Promise<AdvisorProfile> {
  const valid = AdvisorProfile.parse(profile);
  await browser.storage.local.set({ profile: valid });
  return valid;
}

export async function saveTemplates(templates: readonly MessageTemplate[]): Promise<MessageTemplate[]> {
  const valid = Templates.parse(templates);
  await browser.storage.local.set({ templates: valid });
  return valid;
}

export async function savePreferences(preferences: Preferences): Promise<Preferences> {
  const valid = Preferences.parse(preferences);
  await browser.storage.local.set({ preferences: valid });
  return valid;
}
