import { numberFormat, uiLocale } from '../i18n';

export const formatNumber = (value: number, locale = uiLocale()) => numberFormat(locale).format(value);

/** "30%" / "30 %": a whole percentage as the locale writes it. */
export const formatPercent = (percent: number, locale = uiLocale()) => numberFormat(locale, 'percent').format(percent / 100);

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** "1.5 MB" / "1,5 Mo": bytes in the largest unit that keeps the number at or above 1. */
export function formatBytes(bytes: number, locale = uiLocale()): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** Languages the default templates and the extension's own strings exist in. */
export const MESSAGE_LANGUAGES = ['en', 'fr'] as const;

/** A language's name in that language ("English", "français"), capitalized for a list. */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}
