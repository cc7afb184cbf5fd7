import { useEffect, useState } from 'preact/hooks';
import { BackupControls } from '@/components/BackupControls';
import { sendMessage } from '@/lib/messaging';
import { t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';

export function OptionsApp() {
  const [summary, setSummary] = useState<string>('');

  const refresh = () =>
    sendMessage({ type: 'offers.count' })
      .then(({ count }) => setSummary(t('popup_offerCount', String(count))))
      .catch((failure) => setSummary(describeError(failure)));

  useEffect(() => {
    document.title = t('options_title');
    void refresh();
  }, []);

  return (
    <main class="page">
      <h1>{t('options_title')}</h1>
      <h2>{t('options_dataHeading')}</h2>
      <p class="muted" role="status">
        {summary}
      </p>
      <BackupControls onImported={() => void refresh()} />
    </main>
  );
}
