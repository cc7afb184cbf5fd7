import { useState } from 'preact/hooks';
import { savePreferences } from '@/lib/settings/client';
import type { Preferences } from '@/lib/settings/settings';
import { t } from '@/lib/i18n';
import { languageName, MESSAGE_LANGUAGES } from '@/lib/ui/format';
import { FormActions, type FormStatus } from './FormActions';

/** Follow-up reminders and the language of customer messages. */
export function PreferencesSection({ preferences, onSaved }: { preferences: Preferences; onSaved: (p: Preferences) => void }) {
  const [enabled, setEnabled] = useState(preferences.reminderDays !== null);
  const [days, setDays] = useState(String(preferences.reminderDays ?? 7));
  const [language, setLanguage] = useState(preferences.messageLanguage ?? '');
  const [status, setStatus] = useState<FormStatus>(null);
  const daysValid = /^\d+$/.test(days) && Number(days) >= 1 && Number(days) <= 365;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (enabled && !daysValid) {
      setStatus({ ok: false, text: t('options_reminderDaysInvalid') });
      return;
    }
    const next: Preferences = { reminderDays: enabled ? Number(days) : null };
    if (language) next.messageLanguage = language;
    try {
      onSaved(await savePreferences(next));
      setStatus({ ok: true, text: t('options_preferencesSaved') });
    } catch {
      setStatus({ ok: false, text: t('options_saveFailed') });
    }
  };

  return (
    <section aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">{t('options_preferencesHeading')}</h2>
      <form class="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div class="inline-field">
          <input id="reminder-enabled" type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          <label for="reminder-enabled">{t('options_reminderEnabled')}</label>
        </div>
        <div class={`field narrow${enabled && !daysValid ? ' has-error' : ''}`}>
          <label for="reminder-days">{t('options_reminderDays')}</label>
          <input
            id="reminder-days"
            type="number"
            min={1}
            max={365}
            disabled={!enabled}
            value={days}
            aria-invalid={enabled && !daysValid}
            onInput={(e) => setDays(e.currentTarget.value)}
          />
        </div>
        <div class="field narrow">
          <label for="message-language">{t('options_messageLanguage')}</label>
          <select id="message-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            <option value="">{t('options_languageBrowser')}</option>
            {MESSAGE_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </div>
        <FormActions label={t('options_savePreferences')} status={status} />
      </form>
    </section>
  );
}
