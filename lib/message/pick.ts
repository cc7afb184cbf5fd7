import type { MessageTemplate, TemplateKind } from './template';

// Kept apart from the zod schema so that the webmail content script can pick a template
// without bundling zod.

export const primaryLanguage = (tag: string) => tag.replace(/-.*/s, '').toLowerCase();

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
