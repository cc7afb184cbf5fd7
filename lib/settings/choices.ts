/**
 * The template and language the advisor last chose for each customer, by address. Kept apart
 * from the zod schema (./settings) so that the picker reads it without bundling zod.
 */
export interface TemplateChoice {
  templateId: string;
  /** The chosen template's language: it still picks a template when that one no longer fits. */
  language: string;
}

export type CustomerChoice = TemplateChoice & { email: string };

/** Customers remembered at most; the oldest choices make way for new ones. */
export const MAX_REMEMBERED_CUSTOMERS = 500;

const normalize = (email: string) => email.trim().toLowerCase();

/** The choices with this one for each address, most recent first, capped. */
export function rememberChoice(choices: readonly CustomerChoice[], emails: readonly string[], choice: TemplateChoice): CustomerChoice[] {
  const addresses = [...new Set(emails.map(normalize))];
  const chosen = new Set(addresses);
  const kept = choices.filter((entry) => !chosen.has(normalize(entry.email)));
  return [...addresses.map((email) => ({ email, templateId: choice.templateId, language: choice.language })), ...kept].slice(0, MAX_REMEMBERED_CUSTOMERS);
}

/** The most recent choice made for any of these addresses; undefined when none was. */
export function rememberedChoice(choices: readonly CustomerChoice[], emails: readonly string[]): TemplateChoice | undefined {
  const addresses = new Set(emails.map(normalize));
  const found = choices.find((entry) => addresses.has(normalize(entry.email)));
  return found && { templateId: found.templateId, language: found.language };
}
