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

const primaryLanguage = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * The template to use for an offer: same language (exact tag, then primary subtag, then any),
 * and within it the default for the offer's kind, the default for any kind, then any template
 * that fits the kind. Undefined when no template fits the kind.
 */
export function pickTemplate<T extends MessageTemplate>(
  templates: readonly T[],
  language: string,
  kind: Exclude<TemplateKind, 'any'>,
): T | undefined {
  const rank = (template: T) => {
    const languageRank =
      template.language.toLowerCase() === language.toLowerCase() ? 2 : primaryLanguage(template.language) === primaryLanguage(language) ? 1 : 0;
    return languageRank * 4 + (template.isDefault ? 2 : 0) + (template.kind === kind ? 1 : 0);
  };
  let best: T | undefined;
  for (const template of templates) {
    if (template.kind !== kind && template.kind !== 'any') continue;
    if (!best || rank(template) > rank(best)) best = template;
  }
  return best;
}

/** Makes one template the default for its language and kind, clearing the previous default. */
export function setDefaultTemplate<T extends MessageTemplate>(templates: readonly T[], id: string): T[] {
  const chosen = templates.find((template) => template.id === id);
  if (!chosen) return [...templates];
  return templates.map((template) =>
    template.language === chosen.language && template.kind === chosen.kind
      ? { ...template, isDefault: template.id === id }
      : template,
  );
}
