import { z } from 'zod/mini';
import { parseTemplate, TEMPLATE_MAX_LENGTH } from './parse';

export const TEMPLATE_KINDS = ['purchase', 'trial', 'any'] as const;
export const SUBJECT_MAX_LENGTH = 500;

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** Template text is kept verbatim (not trimmed) so that error offsets match the editor's text. */
const templateText = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    z.refine((value) => parseTemplate(value).ok, 'template_invalid_syntax'),
  );

export const MessageTemplate = z.object({
  id: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  /** BCP 47 tag such as "en", "fr" or "fr-CA". */
  language: z.string().check(z.trim(), z.maxLength(35), z.refine(isLanguageTag, 'template_invalid_language')),
  kind: z.enum(TEMPLATE_KINDS),
  subject: templateText(SUBJECT_MAX_LENGTH),
  body: templateText(TEMPLATE_MAX_LENGTH),
  /** The template used for its language and kind unless the advisor picks another. */
  isDefault: z.boolean(),
});
export type MessageTemplate = z.infer<typeof MessageTemplate>;
export type TemplateKind = MessageTemplate['kind'];
