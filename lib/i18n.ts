import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** A localized UI string from public/_locales; the key itself if a locale lacks it. */
export function t(key: MessageKey, substitutions?: string | (string | number)[]): string {
  const subs = Array.isArray(substitutions) ? substitutions.map(String) : substitutions;
  return browser.i18n.getMessage(key, subs) || key;
}

/** Message keys that come as a `_one` and an `_other` form, named without the suffix. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

const pluralRules = new Map<string, Intl.PluralRules>();
// A list counts on every row; building a number format costs about forty format calls.
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The form of a counted string the UI language asks for ("1 offer", "0 offre", "2 offres"):
 * Intl.PluralRules picks it, since languages disagree on what counts as one. The count, formatted
 * for the locale, is the first substitution ($1); further ones follow it.
 */
export function tCount(key: PluralKey, count: number, substitutions: (string | number)[] = []): string {
  const locale = uiLocale();
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, [numberFormat(locale).format(count), ...substitutions]);
}

/** The locale's number format in a style, built once: `Number.toLocaleString` builds one on every call. */
export function numberFormat(locale = uiLocale(), style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
  const key = `${style} ${locale}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { style })));
  return format;
}

/** The UI language Chrome picked for the extension, for Intl formatting. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage() || navigator.language || 'en';
}

// Building a formatter costs about a hundred times a format call, and a list formats two dates per row.
let dateTimeFormat: { locale: string; formatter: Intl.DateTimeFormat } | undefined;

export function formatDateTime(iso: string): string {
  const locale = uiLocale();
  if (dateTimeFormat?.locale !== locale) dateTimeFormat = { locale, formatter: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }) };
  return dateTimeFormat.formatter.format(new Date(iso));
}
