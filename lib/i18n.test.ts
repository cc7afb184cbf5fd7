import { afterEach, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { formatDateTime, tCount } from './i18n';

afterEach(() => vi.restoreAllMocks());

const OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const AT = '2026-06-01T09:30:00.000Z';

it('formats dates in the UI language, and follows that language when it changes', () => {
  const language = vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-US');
  expect(formatDateTime(AT)).toBe(new Intl.DateTimeFormat('en-US', OPTIONS).format(new Date(AT)));
  expect(formatDateTime('2026-12-24T18:00:00.000Z')).toBe(new Intl.DateTimeFormat('en-US', OPTIONS).format(new Date('2026-12-24T18:00:00.000Z')));
  language.mockReturnValue('fr');
  expect(formatDateTime(AT)).toBe(new Intl.DateTimeFormat('fr', OPTIONS).format(new Date(AT)));
  expect(formatDateTime(AT)).not.toBe(new Intl.DateTimeFormat('en-US', OPTIONS).format(new Date(AT)));
});

it('picks the counted form the UI language asks for, with the count formatted for it', () => {
  const language = vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en');
  const getMessage = vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => `${key}|${String(subs)}`);
  expect(tCount('popup_offerCount', 1)).toBe('popup_offerCount_one|1');
  expect(tCount('popup_offerCount', 0)).toBe('popup_offerCount_other|0');
  expect(tCount('popup_offerCount', 12345)).toBe('popup_offerCount_other|12,345');
  language.mockReturnValue('fr');
  // French counts zero as one: "0 offre enregistrée".
  expect(tCount('popup_offerCount', 0)).toBe('popup_offerCount_one|0');
  expect(tCount('popup_offerCount', 2)).toBe('popup_offerCount_other|2');
  expect(getMessage).toHaveBeenCalledTimes(5);
});
