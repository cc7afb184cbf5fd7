import { useState } from 'preact/hooks';
import type { BackupImportReport, BackupInclude, SettingsImportReport } from '@/lib/backup/backup';
import { sendMessage } from '@/lib/messaging/client';
import { SUMMARY_ID_CONFLICT, type ImportReport } from '@/lib/offers/import-report';
import { t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { datedFileName, downloadText } from '@/lib/ui/download';

type Outcome = { kind: 'report'; report: BackupImportReport } | { kind: 'message'; text: string } | { kind: 'error'; text: string };

const INCLUDE_CHOICES: readonly BackupInclude[] = ['both', 'offers', 'settings'];

/**
 * Export (JSON with the settings, CSV) and import. With `chooseParts` (the options page) the
 * advisor chooses to restore the offers, the settings or both; elsewhere (the history page, which
 * shows no settings) an import restores the offers only. `onImported` lets the page reload what it shows.
 */
export function BackupControls({ onImported, chooseParts = false }: { onImported?: (report: BackupImportReport) => void; chooseParts?: boolean }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [include, setInclude] = useState<BackupInclude>(chooseParts ? 'both' : 'offers');

  const run = async (task: () => Promise<Outcome>) => {
    setBusy(true);
    try {
      setOutcome(await task());
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  const exportJson = () =>
    run(async () => {
      const { backup } = await sendMessage({ type: 'backup.export' });
      downloadText(datedFileName('json'), JSON.stringify(backup, null, 2), 'application/json');
      return { kind: 'message', text: t('backup_exportedWithSettings', String(backup.offers.length)) };
    });

  const exportCsv = () =>
    run(async () => {
      const { csv, count, rows } = await sendMessage({ type: 'backup.exportCsv' });
      downloadText(datedFileName('csv'), csv, 'text/csv;charset=utf-8');
      return { kind: 'message', text: t('backup_exportedCsv', [String(count), String(rows)]) };
    });

  const importJson = (file: File) =>
    run(async () => {
      const report = await sendMessage({ type: 'backup.import', backup: await file.text(), include });
      onImported?.(report);
      return { kind: 'report', report };
    });

  return (
    <section class="backup" aria-busy={busy}>
      <div class="toolbar">
        <button type="button" onClick={() => void exportJson()} disabled={busy}>
          {t('backup_exportJson')}
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={busy}>
          {t('backup_exportCsv')}
        </button>
        <label class="button">
          {t('backup_importJson')}
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) void importJson(file);
            }}
          />
        </label>
      </div>
      {chooseParts && (
        <fieldset class="backup-include">
          <legend>{t('backup_importChoice')}</legend>
          {INCLUDE_CHOICES.map((choice) => (
            <div class="inline-field" key={choice}>
              <input
                id={`backup-include-${choice}`}
                type="radio"
                name="backup-include"
                value={choice}
                checked={include === choice}
                disabled={busy}
                onChange={() => setInclude(choice)}
              />
              <label for={`backup-include-${choice}`}>{t(`backup_include_${choice}`)}</label>
            </div>
          ))}
        </fieldset>
      )}
      <div role="status" aria-live="polite" class="backup-outcome">
        {outcome?.kind === 'message' && <p>{outcome.text}</p>}
        {outcome?.kind === 'error' && <p class="error">{outcome.text}</p>}
        {outcome?.kind === 'report' && (
          <>
            {outcome.report.offers && <ImportSummary report={outcome.report.offers} />}
            {outcome.report.settings && <SettingsSummary report={outcome.report.settings} />}
          </>
        )}
      </div>
    </section>
  );
}

function SettingsSummary({ report }: { report: SettingsImportReport }) {
  const partName = (part: SettingsImportReport['rejected'][number]['part']) => t(`backup_settingsPart_${part}`);
  return (
    <div class="settings-report">
      {report.restored.length > 0 && <p>{t('backup_settingsRestored', report.restored.map(partName).join(', '))}</p>}
      {report.restored.length === 0 && report.rejected.length === 0 && <p>{t('backup_settingsNone')}</p>}
      {report.rejected.length > 0 && (
        <ul>
          {report.rejected.map((r) => (
            <li key={r.part} class="error">
              {t('backup_settingsRejected', [partName(r.part), r.reason])}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ImportSummary({ report }: { report: ImportReport }) {
  return (
    <div class="import-report">
      <p>
        {t('backup_importDone', [report.added, report.updated, report.unchanged, report.rejected.length].map(String))}
      </p>
      {report.rejected.length > 0 && (
        <ul>
          {report.rejected.slice(0, 100).map((r) => (
            <li key={r.index}>{t('backup_rejectedItem', [String(r.index + 1), r.id ?? '—', rejectionReason(r.reason)])}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A clash is explained in the advisor's language; a schema problem names the field as the check said it. */
const rejectionReason = (reason: string) => (reason === SUMMARY_ID_CONFLICT ? t('backup_rejected_summaryIdConflict') : reason);
