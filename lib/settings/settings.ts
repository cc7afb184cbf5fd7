import { z } from 'zod/mini';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import { AdvisorProfile } from '../message/profile';
import { MessageTemplate } from '../message/template';

/**
 * The advisor's settings, as values: their schemas, defaults and checks. They are stored by the
 * background (./store, its own IndexedDB) and reached from extension pages through ./client.
 */

export const Preferences = z.object({
  /** Remind the advisor this many days after a send when the offer is not accepted; null = never. */
  reminderDays: z.nullable(z.int().check(z.minimum(1), z.maximum(365))),
  /** Language of the customer message when the advisor does not pick one; undefined = UI language. */
  messageLanguage: z.optional(z.string().check(z.maxLength(35))),
});
export type Preferences = z.infer<typeof Preferences>;

export const DEFAULT_PREFERENCES: Preferences = { reminderDays: null };

export const Templates = z.array(MessageTemplate).check(z.maxLength(200));

export interface Settings {
  profile: AdvisorProfile;
  templates: MessageTemplate[];
  preferences: Preferences;
}

export const SETTINGS_PARTS = ['profile', 'templates', 'preferences'] as const;
export type SettingsPart = (typeof SETTINGS_PARTS)[number];

/** The schema each part is checked with, on save, on import and when read back. */
export const SETTINGS_SCHEMAS = { profile: AdvisorProfile, templates: Templates, preferences: Preferences } as const;

/** The parts the advisor has saved; a missing one reads as its default. */
export type StoredSettings = Partial<Settings>;

export function withDefaults(stored: StoredSettings): Settings {
  return {
    profile: stored.profile ?? {},
    // An empty list would leave the picker with nothing to insert: the defaults stand in.
    templates: stored.templates?.length ? stored.templates : [...DEFAULT_TEMPLATES],
    preferences: stored.preferences ?? DEFAULT_PREFERENCES,
  };
}

export interface RejectedSettingsPart {
  /** 'settings' when the whole settings part is not even an object. */
  part: SettingsPart | 'settings';
  /** The first invalid field and why, as the check said it. */
  reason: string;
}

/**
 * Checks each part of an untrusted settings value on its own: a corrupt template list does not
 * cost the profile. Parts that are absent are neither kept nor rejected.
 */
export function checkSettingsParts(value: unknown): { valid: StoredSettings; rejected: RejectedSettingsPart[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { valid: {}, rejected: [{ part: 'settings', reason: 'not an object' }] };
  const valid: Record<string, unknown> = {};
  const rejected: RejectedSettingsPart[] = [];
  for (const part of SETTINGS_PARTS) {
    if (!(part in value)) continue;
    const parsed = SETTINGS_SCHEMAS[part].safeParse((value as Record<string, unknown>)[part]);
    if (parsed.success) {
      valid[part] = parsed.data;
    } else {
      const issue = parsed.error.issues[0];
      rejected.push({ part, reason: `${issue?.path.join('.') || part}: ${issue?.message ?? 'invalid'}` });
    }
  }
  return { valid: valid, rejected };
}
