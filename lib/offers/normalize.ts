/** Lower case without accents, so that "Société" and "societe" compare equal. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Words of a folded text, split on anything that is not a letter or a digit. */
export function searchWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

// Control characters, soft hyphens, zero-width and bidi-override characters: invisible on the
// page, but they can disguise a value (a reversed summary ID or name) or break later comparisons.
// eslint-disable-next-line no-control-regex
export const INVISIBLE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** The text without invisible characters (line breaks and tabs stay). */
export const withoutInvisible = (text: string): string => text.replace(INVISIBLE_CHARACTERS, '');
