import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { AdvisorProfile } from '@/lib/message/profile';
import { isProfileFilled } from '@/lib/onboarding/checklist';
import { loadSettings } from '@/lib/settings/client';

/**
 * Warns that messages will name no company and carry no signature, and offers the way to fix it
 * (`children`). Nothing shows while the profile is unknown or filled.
 */
export function ProfileMissingNotice({ profile, children, class: className = '' }: { profile: AdvisorProfile | undefined; children: ComponentChildren; class?: string }) {
  if (!profile || isProfileFilled(profile)) return null;
  return (
    <div class={`profile-notice ${className}`.trim()} role="note" aria-labelledby="profile-notice-text">
      <p id="profile-notice-text">{t('profileNotice_text')}</p>
      {children}
    </div>
  );
}

/**
 * The picker's notice: it reads the profile itself, and again when the advisor comes back to the
 * webmail after filling it in another tab.
 */
export function PickerProfileNotice() {
  const [profile, setProfile] = useState<AdvisorProfile>();
  useEffect(() => {
    const read = () =>
      void loadSettings().then(
        (settings) => setProfile(settings.profile),
        // The insertion reports a settings problem itself; the notice just stays away.
        () => setProfile(undefined),
      );
    read();
    addEventListener('focus', read);
    return () => removeEventListener('focus', read);
  }, []);
  return (
    <ProfileMissingNotice profile={profile} class="problem">
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('profileNotice_fill')}
      </button>
    </ProfileMissingNotice>
  );
}
