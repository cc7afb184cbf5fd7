import { afterEach, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { formatDateTime } from './i18n';

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
