import { AdvisorProfile } from '../message/profile';
import { LOGO_MAX_BYTES } from '../message/safe-url';

export const PROFILE_FIELDS = ['name', 'company', 'email', 'phone', 'website', 'logo', 'gdapLink'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export type ProfileResult = { ok: true; profile: AdvisorProfile } | { ok: false; errors: Partial<Record<ProfileField, string>> };

/** Checks the profile form; errors are i18n keys per field (the schema's own messages). */
export function checkProfile(values: Partial<Record<ProfileField, string>>): ProfileResult {
  const result = AdvisorProfile.safeParse(values);
  if (result.success) return { ok: true, profile: result.data };
  const errors: Partial<Record<ProfileField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as ProfileField;
    errors[field] ??= issue.message.startsWith('template_') ? issue.message : 'options_errorTooLong';
  }
  return { ok: false, errors };
}

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** Why an uploaded logo file is refused (an i18n key), or null when it is fine. */
export function logoFileProblem(file: { type: string; size: number }): 'options_logoTooBig' | 'options_logoWrongType' | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return 'options_logoWrongType';
  if (file.size > LOGO_MAX_BYTES) return 'options_logoTooBig';
  return null;
}
