import { z } from 'zod/mini';
import { DEFAULT_TEMPLATES } from '../message/defaults';
import { AdvisorProfile } from '../message/profile';
import { MessageTemplate } from '../message/template';
import { isEmailAddress } from '../email-address';
import { MAX_REMEMBERED_CUSTOMERS } from './choices';

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

const emailAddress = z.string().check(z.maxLength(254), z.refine(isEmailAddress, 'invalid email address'));

/** What the picker chose for a message, as it asks the background to remember it. */
export const TemplateChoice = z.object({ templateId: MessageTemplate.shape.id, language: MessageTemplate.shape.language });

/** The last template choice per customer address, most recent first (./choices). */
export const CustomerChoices = z.array(z.object({ email: emailAddress, ...TemplateChoice.shape })).check(z.maxLength(MAX_REMEMBERED_CUSTOMERS));

/** The addresses a choice is remembered for: a compose window's recipients. */
export const ChoiceAddresses = z.array(emailAddress).check(z.minLength(1), z.maxLength(50));

export interface Settings {
  profile: AdvisorProfile;
  templates: MessageTemplate[];
  preferences: Preferences;
  choices: z.infer<typeof CustomerChoices>;
}

export const SETTINGS_PARTS = ['profile', 'templates', 'preferences', 'choices'] as const;
export type SettingsPart = (typeof SETTINGS_PARTS)[number];

/** The schema each part is checked with, on save, on import and when read back. */
export const SETTINGS_SCHEMAS = { profile: AdvisorProfile, templates: Templates, preferences: Preferences, choices: CustomerChoices } as const;

/** The parts the advisor has saved; a missing one reads as its default. */
export type StoredSettings = Partial<Settings>;

export function withDefaults(stored: StoredSettings): Settings {
  return {
    profile: stored.profile ?? {},
    // An empty list would leave the picker with nothing to insert: the defaults stand in.
    templates: stored.templates?.length ? stored.templates : [...DEFAULT_TEMPLATES],
    preferences: stored.preferences ?? DEFAULT_PREFERENCES,
    choices: stored.choices ?? [],
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
