import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/client';
import { t, tCount } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { formatBytes } from '@/lib/ui/format';
import { BackupControls, type BackupControlsProps } from './BackupControls';
import { FormActions, type FormStatus } from './FormActions';

/** Backups, storage used, and deleting every offer behind a typed confirmation; the page sees to the settings an import restores. */
export function DataSection({ beforeImport, onSettingsRestored }: Pick<BackupControlsProps, 'beforeImport' | 'onSettingsRestored'>) {
  const [count, setCount] = useState<number | null>(null);
  const [usage, setUsage] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState('');
  const [status, setStatus] = useState<FormStatus>(null);
  const word = t('options_deleteAllWord');

  const refresh = async () => {
    try {
      setCount((await sendMessage({ type: 'offers.count' })).count);
    } catch (error) {
      setStatus({ ok: false, text: describeError(error) });
    }
    const estimate = await navigator.storage.estimate().catch(() => undefined);
    setUsage(estimate?.usage !== undefined ? formatBytes(estimate.usage) : null);
  };

  useEffect(() => {
    void refresh();
  }, []);

  const deleteAll = async (event: Event) => {
    event.preventDefault();
    if (confirmation.trim().toLocaleUpperCase() !== word.toLocaleUpperCase()) {
      setStatus({ ok: false, text: t('options_deleteAllMismatch', word) });
      return;
    }
    try {
      const { deleted } = await sendMessage({ type: 'offers.deleteAll' });
      setConfirmation('');
      setStatus({ ok: true, text: tCount('options_deletedAll', deleted) });
      await refresh();
    } catch (error) {
      setStatus({ ok: false, text: describeError(error) });
    }
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('options_dataHeading')}</h2>
      <p class="muted">
        {count !== null && tCount('popup_offerCount', count)}
        {usage && <> · {t('options_storageUsed', usage)}</>}
      </p>
      <BackupControls
        chooseParts
        onImported={() => void refresh()}
        beforeImport={beforeImport}
        onSettingsRestored={onSettingsRestored}
      />
      <form class="danger-box stack" onSubmit={(e) => void deleteAll(e)} noValidate>
        <h3>{t('options_deleteAllHeading')}</h3>
        <p>{t('options_deleteAllExplain')}</p>
        <div class="field narrow">
          <label for="delete-all-confirm">{t('options_deleteAllConfirm', word)}</label>
          <input id="delete-all-confirm" type="text" autoComplete="off" value={confirmation} onInput={(e) => setConfirmation(e.currentTarget.value)} />
        </div>
        <FormActions label={t('options_deleteAll')} status={status} variant="danger" />
      </form>
    </section>
  );
}
