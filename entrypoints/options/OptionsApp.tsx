import { Fragment } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { DataSection } from '@/components/DataSection';
import { PreferencesSection } from '@/components/PreferencesSection';
import { ProfileMissingNotice } from '@/components/ProfileMissingNotice';
import { ProfileSection } from '@/components/ProfileSection';
import { runAtOnce, TemplatesSection, type EditorGuard } from '@/components/TemplatesSection';
import { sendMessage } from '@/lib/messaging/client';
import type { Offer } from '@/lib/offers/schema';
import { loadSettings } from '@/lib/settings/client';
import type { Settings } from '@/lib/settings/settings';
import { t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  // Counts the loads: after a backup restored settings, the forms start again from the values loaded.
  const [loads, setLoads] = useState(0);
  const [recent, setRecent] = useState<Offer[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  // How a restore of the settings gets past the template editor: it asks before unsaved changes go.
  const templateEditorRef = useRef<EditorGuard>(null);

  const reloadSettings = useCallback(
    () =>
      loadSettings().then(
        (loaded) => {
          setSettings(loaded);
          setLoads((count) => count + 1);
        },
        (error: unknown) => setLoadError(describeError(error)),
      ),
    [],
  );

  useEffect(() => {
    document.title = t('options_title');
    void reloadSettings();
    // The template preview can use one of the latest offers instead of the sample.
    sendMessage({ type: 'offers.page', limit: 10 })
      .then((page) => setRecent(page.offers))
      .catch(() => setRecent([]));
  }, [reloadSettings]);

  return (
    <main class="page options">
      <h1>{t('options_title')}</h1>
      <nav aria-label={t('options_sections')} class="toolbar section-nav">
        <a href="#profile-heading">{t('options_profileHeading')}</a>
        <a href="#templates-heading">{t('options_templatesHeading')}</a>
        <a href="#preferences-heading">{t('options_preferencesHeading')}</a>
        <a href="#data-heading">{t('options_dataHeading')}</a>
        <a href="/welcome.html">{t('options_gettingStarted')}</a>
      </nav>
      {settings ? (
        <Fragment key={loads}>
          <ProfileMissingNotice profile={settings.profile}>
            <a
              href="#profile-name"
              onClick={(event) => {
                // Following the link scrolls but leaves the keyboard where it was; the advisor came to type.
                event.preventDefault();
                document.getElementById('profile-name')?.focus();
              }}
            >
              {t('profileNotice_fillHere')}
            </a>
          </ProfileMissingNotice>
          <ProfileSection profile={settings.profile} onSaved={(profile) => setSettings({ ...settings, profile })} />
          <TemplatesSection
            settings={settings}
            recentOffers={recent}
            onSaved={(templates) => setSettings({ ...settings, templates })}
            editorGuard={templateEditorRef}
          />
          <PreferencesSection preferences={settings.preferences} onSaved={(preferences) => setSettings({ ...settings, preferences })} />
        </Fragment>
      ) : loadError ? (
        <p class="error" role="alert">
          {loadError}
        </p>
      ) : (
        <p class="muted">{t('history_loading')}</p>
      )}
      <DataSection
        beforeImport={(include, start) => (include === 'offers' ? start() : (templateEditorRef.current ?? runAtOnce)(start, 'restore'))}
        onSettingsRestored={() => void reloadSettings()}
      />
    </main>
  );
}
