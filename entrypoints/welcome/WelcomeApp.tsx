import { useCallback, useEffect, useState } from 'preact/hooks';
import { OnboardingChecklist } from '@/components/OnboardingChecklist';
import { PreferencesSection } from '@/components/PreferencesSection';
import { ProfileSection } from '@/components/ProfileSection';
import { HISTORY_PAGE } from '@/lib/history-link';
import { t, type MessageKey } from '@/lib/i18n';
import type { AdvisorProfile } from '@/lib/message/profile';
import { sendMessage } from '@/lib/messaging/client';
import type { ProgressFacts } from '@/lib/offers/stats';
import { checklist } from '@/lib/onboarding/checklist';
import { onProgressChanged } from '@/lib/onboarding/progress-signal';
import { loadSettings } from '@/lib/settings/client';
import type { Settings } from '@/lib/settings/settings';
import { describeError } from '@/lib/ui/describe-error';

const HOW_IT_WORKS: { title: MessageKey; text: MessageKey }[] = [
  { title: 'welcome_how_capture', text: 'welcome_how_capture_text' },
  { title: 'welcome_how_insert', text: 'welcome_how_insert_text' },
  { title: 'welcome_how_track', text: 'welcome_how_track_text' },
];

/**
 * The page opened on install: the checklist, how the extension works, and the settings a first
 * message needs. The checklist reads the stored profile and offers again whenever the background
 * says they changed, so a capture or a send in another tab ticks it.
 */
export function WelcomeApp() {
  /** The settings the forms start from, read once. */
  const [settings, setSettings] = useState<Settings | null>(null);
  const [profile, setProfile] = useState<AdvisorProfile | null>(null);
  const [facts, setFacts] = useState<ProgressFacts | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(
    () =>
      Promise.all([loadSettings(), sendMessage({ type: 'offers.progress' })]).then(
        ([loaded, progress]) => {
          setSettings((shown) => shown ?? loaded);
          setProfile(loaded.profile);
          setFacts(progress);
          setLoadError(null);
        },
        (error: unknown) => setLoadError(describeError(error)),
      ),
    [],
  );

  useEffect(() => {
    document.title = t('welcome_title');
    void refresh();
    return onProgressChanged(() => void refresh());
  }, [refresh]);

  const items = profile && facts ? checklist(profile, facts) : null;
  return (
    <main class="page welcome">
      <header class="page-header">
        <h1>{t('welcome_title')}</h1>
        <nav class="toolbar" aria-label={t('welcome_links')}>
          <a href={HISTORY_PAGE}>{t('welcome_historyLink')}</a>
          <a href="/options.html">{t('welcome_settingsLink')}</a>
        </nav>
      </header>
      <p>{t('welcome_intro')}</p>
      <section aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">{t('welcome_checklistHeading')}</h2>
        {items ? (
          <>
            <OnboardingChecklist items={items} />
            {items.every((item) => item.done) && (
              <p class="ok">
                {t('welcome_allDone')} <a href={HISTORY_PAGE}>{t('welcome_historyLink')}</a>
              </p>
            )}
          </>
        ) : loadError ? (
          <p class="error" role="alert">
            {loadError}
          </p>
        ) : (
          <p class="muted">{t('history_loading')}</p>
        )}
      </section>
      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t('welcome_howHeading')}</h2>
        <ol class="how-steps">
          {HOW_IT_WORKS.map(({ title, text }) => (
            <li key={title}>
              <h3>{t(title)}</h3>
              <p>{t(text)}</p>
            </li>
          ))}
        </ol>
      </section>
      {settings && (
        <>
          <ProfileSection profile={settings.profile} onSaved={setProfile} />
          <PreferencesSection preferences={settings.preferences} onSaved={() => undefined} />
        </>
      )}
    </main>
  );
}
