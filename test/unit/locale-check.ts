/**
 * Checks on the extension's message catalogs (public/_locales), as pure functions over their
 * parsed JSON so that each rule can be shown to fail on a bad string (locale-check.test.ts).
 */

export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const NARROW_NBSP = '\u202f';
const PLACEHOLDER = /\$([A-Za-z0-9_]+)\$/g;
// Web addresses and parameters in a message ("https://…", "type=Purchase") keep ASCII punctuation.
const ADDRESS = /\b(?:https?:\/\/\S*|[a-z]+=[A-Za-z]+)/g;

/** Words Microsoft's French never uses for what we mean, and what it says instead. */
export const FORBIDDEN_FRENCH: readonly { pattern: RegExp; instead: string }[] = [
  { pattern: /(?<!\p{L})d[’']essais?(?!\p{L})/iu, instead: 'd’évaluation (invitation d’évaluation)' },
  { pattern: /(?<!\p{L})demandées?(?!\p{L})/iu, instead: 'proposée (l’administration déléguée est proposée au client)' },
  { pattern: /\bPartner Center\b/u, instead: 'Espace partenaires' },
  { pattern: /(?<!\p{L})ID (?:du |de )?sommaire(?!\p{L})|(?<!\p{L})ID résumé(?!\p{L})/iu, instead: 'ID de résumé' },
  { pattern: /(?<!\p{L})emplacement d[’']utilisation(?!\p{L})/iu, instead: 'Lieu d’utilisation' },
];

export const placeholderNames = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!.toLowerCase()).sort();

/** What breaks French typography in one message: apostrophes, spaces before ; : ! ? and inside « ». */
export function frenchTypographyProblems(text: string): string[] {
  const prose = text.replace(PLACEHOLDER, 'X').replace(ADDRESS, 'X');
  const problems: string[] = [];
  if (prose.includes("'")) problems.push('a straight apostrophe (write ’)');
  for (const match of prose.matchAll(/([;:!?])(?=\s|$|[)»])/g)) {
    const before = prose[match.index - 1];
    if (before !== NARROW_NBSP) problems.push(`“${match[1]}” without a narrow no-break space before it`);
  }
  for (const match of prose.matchAll(/«/g)) if (prose[match.index + 1] !== NARROW_NBSP) problems.push('“«” without a narrow no-break space after it');
  for (const match of prose.matchAll(/»/g)) if (prose[match.index - 1] !== NARROW_NBSP) problems.push('“»” without a narrow no-break space before it');
  if (/[ \u00a0]\u202f|\u202f[ \u00a0]/.test(prose)) problems.push('a narrow no-break space next to another space');
  for (const { pattern, instead } of FORBIDDEN_FRENCH) {
    const found = pattern.exec(prose);
    if (found) problems.push(`“${found[0]}”: write ${instead}`);
  }
  return problems;
}

function placeholderProblems(lang: string, key: string, entry: Messages[string]): string[] {
  const declared = Object.keys(entry.placeholders ?? {}).sort();
  return declared.join() === placeholderNames(entry.message).join() ? [] : [`${lang}.${key}: declared placeholders (${declared.join(', ')}) differ from the message’s`];
}

/**
 * Every problem of the English and French catalogs: keys in one only, empty messages, placeholders
 * that differ, French typography and terms, and French left identical to English (unless its key
 * is in `sameInFrench`: brand names and words both languages share).
 */
export function localeProblems(en: Messages, fr: Messages, sameInFrench: readonly string[]): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(en)) if (!(key in fr)) problems.push(`fr.${key}: missing (present in en)`);
  for (const key of Object.keys(fr)) if (!(key in en)) problems.push(`en.${key}: missing (present in fr)`);
  for (const [lang, messages] of [['en', en], ['fr', fr]] as const) {
    for (const [key, entry] of Object.entries(messages)) {
      if (!entry.message.trim()) problems.push(`${lang}.${key}: empty`);
      problems.push(...placeholderProblems(lang, key, entry));
      // Only the `_one` side: "history_provider_other" names a provider, not a plural form.
      const base = /^(.*)_one$/.exec(key)?.[1];
      if (base && !(`${base}_other` in messages)) problems.push(`${lang}.${key}: a counted string needs both ${base}_one and ${base}_other`);
    }
  }
  for (const [key, entry] of Object.entries(fr)) {
    problems.push(...frenchTypographyProblems(entry.message).map((problem) => `fr.${key}: ${problem}`));
    const english = en[key];
    if (!english) continue;
    if (placeholderNames(english.message).join() !== placeholderNames(entry.message).join()) problems.push(`${key}: French and English use different placeholders`);
    if (english.message === entry.message && !sameInFrench.includes(key)) problems.push(`fr.${key}: identical to English (“${entry.message}”)`);
  }
  for (const key of sameInFrench) if (fr[key] && en[key] && fr[key].message !== en[key].message) problems.push(`${key}: listed as the same in French, but translated`);
  return problems;
}
