import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';

const MESSAGES: Record<'en' | 'fr', Record<string, { message: string }>> = { en, fr };

/**
 * Makes the browser speak `language` as Chrome would with that UI language: its UI language and
 * its locale strings (without substitutions). Undo with vi.restoreAllMocks().
 */
export function speak(language: 'en' | 'fr', uiLanguage: string = language): void {
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(uiLanguage);
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string) => MESSAGES[language][key]?.message ?? '');
}
