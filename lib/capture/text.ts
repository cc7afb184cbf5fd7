import { LIMITS } from '../offers/limits';
import { INVISIBLE_CHARACTERS as INVISIBLE } from '../offers/normalize';
const TAG = /<[a-zA-Z/!?][^<>]*>/g;
const ANGLE = /[<>]/g;

/** Cuts to at most `max` UTF-16 units without leaving half of a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Collapses runs of whitespace (including no-break spaces) into one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Page text is untrusted: no markup survives (a value such as `<img onerror=...>` is dropped,
 * stray angle brackets too), invisible characters go, whitespace collapses, length is capped.
 */
export function cleanText(text: string, max: number = LIMITS.shortText): string {
  const plain = text.replace(INVISIBLE, '').replace(TAG, ' ').replace(ANGLE, ' ');
  return capText(collapseWhitespace(plain), max).trim();
}

const GROUPED_DIGITS = /^\d{1,3}(?:[ \u00A0\u202F.,']\d{3})+$/;

/**
 * A license count as typed or shown ("25", "1 000", "1,000"); null for anything that is not a
 * whole number in the schema's range, so that "10.5" is never read as 105.
 */
export function parseLicenseCount(raw: string): number | null {
  const text = collapseWhitespace(raw.replace(INVISIBLE, ''));
  let digits: string;
  if (/^\d{1,7}$/.test(text)) digits = text;
  else if (GROUPED_DIGITS.test(text)) digits = text.replace(/\D/g, '');
  else return null;
  const count = Number(digits);
  return Number.isSafeInteger(count) && count <= LIMITS.licenses ? count : null;
}
