import type { AdvisorProfile } from '../message/profile';
import type { MessageTemplate } from '../message/template';
import { sendMessage, sendWithRetry } from '../messaging/client';
import type { TemplateChoice } from './choices';
import type { Preferences, Settings } from './settings';

/**
 * The settings as extension pages reach them: through the background, which owns their database.
 * Each answer is the value as saved (trimmed, links given their scheme).
 */

/** A read, so it is simply asked again when the worker stopped under it (the picker reads at Enter). */
export const loadSettings = (): Promise<Settings> => sendWithRetry({ type: 'settings.get' });

export const saveProfile = async (profile: AdvisorProfile): Promise<AdvisorProfile> => (await sendMessage({ type: 'settings.saveProfile', profile })).profile;

export const saveTemplates = async (templates: MessageTemplate[]): Promise<MessageTemplate[]> =>
  (await sendMessage({ type: 'settings.saveTemplates', templates })).templates;

/** Remembers the template used for these recipients; the picker sends it as it inserts, without waiting. */
export const rememberTemplateChoice = (emails: string[], choice: TemplateChoice): Promise<unknown> => sendMessage({ type: 'settings.rememberChoice', emails, choice });

export const savePreferences = async (preferences: Preferences): Promise<Preferences> =>
  (await sendMessage({ type: 'settings.savePreferences', preferences })).preferences;
