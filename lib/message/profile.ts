import { z } from 'zod/mini';
import { isGdapLink, isSafeLogoUrl, LOGO_MAX_DATA_URL, safeLinkHref, URL_MAX } from './safe-url';

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));

/** '' means "not set", so that clearing a form field saves cleanly. Messages are i18n keys. */
const checkedText = (max: number, valid: (value: string) => boolean, message: string) =>
  z.string().check(z.trim(), z.maxLength(max), z.refine<string>((value) => value === '' || valid(value), message));

export const AdvisorProfile = z.object({
  name: z.optional(text(200)),
  company: z.optional(text(200)),
  email: z.optional(checkedText(254, (value) => z.regexes.email.test(value), 'template_profile_invalid_email')),
  phone: z.optional(text(50)),
  website: z.optional(
    z.string().check(
      z.trim(),
      z.maxLength(URL_MAX),
      // Advisors type "www.contoso.com"; links need a scheme.
      z.overwrite((value) => (value && !HAS_SCHEME.test(value) ? `https://${value}` : value)),
      z.refine((value) => value === '' || (/^https?:/i.test(value) && safeLinkHref(value) !== null), 'template_profile_invalid_website'),
    ),
  ),
  logo: z.optional(checkedText(LOGO_MAX_DATA_URL, isSafeLogoUrl, 'template_profile_invalid_logo')),
  gdapLink: z.optional(checkedText(URL_MAX, isGdapLink, 'template_profile_invalid_gdap_link')),
  /**
   * Sign messages with the contact block (name, company, phone, email, website). Absent means off:
   * webmails add their own signature, and a second one under it looks careless.
   */
  contactBlock: z.optional(z.boolean()),
});
export type AdvisorProfile = z.infer<typeof AdvisorProfile>;
