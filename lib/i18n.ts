import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** A localized UI string from public/_locales; the key itself if a locale lacks it. */
export function t(key: MessageKey, substitutions?: string | (string | number)[]): string {
  const subs = Array.isArray(substitutions) ? substitutions.map(String) : substitutions;
  return browser.i18n.getMessage(key, subs) || key;
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
