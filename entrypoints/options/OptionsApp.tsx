import { useEffect, useState } from 'preact/hooks';
import { DataSection } from '@/components/DataSection';
import { PreferencesSection } from '@/components/PreferencesSection';
import { ProfileSection } from '@/components/ProfileSection';
import { TemplatesSection } from '@/components/TemplatesSection';
import { sendMessage } from '@/lib/messaging/client';
import type { Offer } from '@/lib/offers/schema';
import { loadSettings, type Settings } from '@/lib/settings/settings';
import { t } from '@/lib/i18n';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [recent, setRecent] = useState<Offer[]>([]);

  useEffect(() => {
    document.title = t('options_title');
    void loadSettings().then(setSettings);
    // The template preview can use one of the latest offers instead of the sample.
    sendMessage({ type: 'offers.page', limit: 10 })
      .then((page) => setRecent(page.offers))
      .catch(() => setRecent([]));
  }, []);

  return (
    <main class="page options">
      <h1>{t('options_title')}</h1>
      <nav aria-label={t('options_sections')} class="toolbar section-nav">
        <a href="#profile-heading">{t('options_profileHeading')}</a>
        <a href="#templates-heading">{t('options_templatesHeading')}</a>
        <a href="#preferences-heading">{t('options_preferencesHeading')}</a>
        <a href="#data-heading">{t('options_dataHeading')}</a>
      </nav>
      {settings ? (
        <>
          <ProfileSection profile={settings.profile} onSaved={(profile) => setSettings({ ...settings, profile })} />
          <TemplatesSection settings={settings} recentOffers={recent} onSaved={(templates) => setSettings({ ...settings, templates })} />
          <PreferencesSection preferences={settings.preferences} onSaved={(preferences) => setSettings({ ...settings, preferences })} />
        </>
      ) : (
        <p class="muted">{t('history_loading')}</p>
      )}
      <DataSection />
    </main>
  );
}
