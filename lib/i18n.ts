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

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
