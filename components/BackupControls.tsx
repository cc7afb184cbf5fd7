import { useState } from 'preact/hooks';
import type { BackupImportReport, BackupInclude, SettingsImportReport } from '@/lib/backup/backup';
import { sendMessage } from '@/lib/messaging/client';
import type { ImportReport, RejectedRecord } from '@/lib/offers/import-report';
import { t, tCount, type MessageKey } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { datedFileName, downloadBlob } from '@/lib/ui/download';
import { formatNumber, formatPercent } from '@/lib/ui/format';
import { progressMilestone } from '@/lib/ui/progress-milestone';
import { exportFile, importFile, ImportStoppedError } from '@/lib/backup/transfer';
import { useFocusBackAfterBusy } from './useFocusBackAfterBusy';

/** stopped: why an import stopped half-way, what it did so far in `report`. */
type Outcome = { kind: 'report'; report: BackupImportReport; stopped?: string } | { kind: 'message'; text: string } | { kind: 'error'; text: string };

/** An export or import under way (or just ended): offers done of the total. */
interface Progress {
  task: 'export' | 'import';
  done: number;
  total: number;
}

const INCLUDE_CHOICES: readonly BackupInclude[] = ['both', 'offers', 'settings'];

export interface BackupControlsProps {
  /** Lets the page reload what it shows once an import ended (or stopped half-way). */
  onImported?: (report: BackupImportReport) => void;
  /** The options page: the advisor chooses to restore the offers, the settings or both. */
  chooseParts?: boolean;
  /** Runs `start` at once, or once the page agreed to what restoring `include` replaces (an unsaved edit). */
  beforeImport?: (include: BackupInclude, start: () => void) => void;
  /** The settings part is restored, before the offers: the page shows it at once, so nothing edits the settings it replaced. */
  onSettingsRestored?: (report: SettingsImportReport) => void;
}

/**
 * Export (JSON with the settings, CSV) and import. With `chooseParts` (the options page) the
 * advisor chooses to restore the offers, the settings or both; elsewhere (the history page, which
 * shows no settings) an import restores the offers only.
 */
export function BackupControls({ onImported, chooseParts = false, beforeImport = (_include, start) => start(), onSettingsRestored }: BackupControlsProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [include, setInclude] = useState<BackupInclude>(chooseParts ? 'both' : 'offers');

  // Disabled while a task runs, the control pressed gets the keyboard back at the end.
  const controls = useFocusBackAfterBusy<HTMLDivElement>(busy);

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

  const exportAs = async (format: 'json' | 'csv') => {
    setProgress({ task: 'export', done: 0, total: 0 });
    const file = await exportFile(format, sendMessage, (done, total) => setProgress({ task: 'export', done, total }));
    downloadBlob(datedFileName(format), file.blob);
    return file;
  };

  const exportJson = () =>
    run(async () => {
      const { offers } = await exportAs('json');
      return { kind: 'message', text: tCount('backup_exportedWithSettings', offers) };
    });

  const exportCsv = () =>
    run(async () => {
      const { offers, rows } = await exportAs('csv');
      return { kind: 'message', text: tCount('backup_exportedCsv', offers, [tCount('backup_rows', rows)]) };
    });

  const importJson = (file: File) =>
    run(async () => {
      setProgress({ task: 'import', done: 0, total: 0 });
      try {
        const report = await importFile(file, include, sendMessage, {
          progress: (done, total) => setProgress({ task: 'import', done, total }),
          settingsRestored: onSettingsRestored,
          // The store's code is loaded only when an import starts, not with the page.
          openImporter: async () => (await import('@/lib/backup/page-importer')).openPageImporter(),
        });
        onImported?.(report);
        return { kind: 'report', report };
      } catch (error) {
        if (!(error instanceof ImportStoppedError)) throw error;
        onImported?.(error.report);
        const stopped = tCount('backup_importStopped', error.total, [formatNumber(error.done), describeError(error.cause)]);
        return { kind: 'report', report: error.report, stopped };
      }
    });

  return (
    <section class="backup">
      {/* Busy marks the controls only: a screen reader may hold back a busy element's live regions until it is done. */}
      <div ref={controls} class="toolbar" aria-busy={busy}>
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
              if (file) beforeImport(include, () => void importJson(file));
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
      {progress && (
        <div class="backup-progress">
          <label for="backup-progress">{t(progress.task === 'export' ? 'backup_progressExport' : 'backup_progressImport')}</label>
          <progress id="backup-progress" max={Math.max(progress.total, 1)} value={progress.done} />
          <span>{tCount('backup_progressCount', progress.total, [formatNumber(progress.done)])}</span>
        </div>
      )}
      <ProgressAnnouncement progress={progress} />
      <div role="status" aria-live="polite" class="backup-outcome">
        {outcome?.kind === 'message' && <p>{outcome.text}</p>}
        {outcome?.kind === 'error' && <p class="error">{outcome.text}</p>}
        {outcome?.kind === 'report' && (
          <>
            {outcome.stopped && <p class="error">{outcome.stopped}</p>}
            {outcome.report.offers && <ImportSummary report={outcome.report.offers} />}
            {outcome.report.settings && <SettingsSummary report={outcome.report.settings} />}
          </>
        )}
      </div>
    </section>
  );
}

/**
 * The progress a screen reader hears: every tenth of the task, not each of the count's updates (one
 * every 500 offers written), which would queue hundreds of announcements in a large import. The
 * region is there before any task, empty: some screen readers miss the first change of a region
 * added with it.
 */
function ProgressAnnouncement({ progress }: { progress: Progress | null }) {
  const milestone = progress ? progressMilestone(progress.done, progress.total) : 0;
  const key = progress?.task === 'export' ? 'backup_progressAnnounceExport' : 'backup_progressAnnounceImport';
  return (
    <span class="visually-hidden backup-progress-announcement" aria-live="polite">
      {milestone > 0 ? t(key, formatPercent(milestone)) : ''}
    </span>
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
              {t('backup_settingsRejected', [partName(r.part), settingsReason(r.reason)])}
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
        {t('backup_importDone', [
          tCount('backup_importAdded', report.added),
          tCount('backup_importUpdated', report.updated),
          tCount('backup_importUnchanged', report.unchanged),
          tCount('backup_importRejected', report.rejected.length),
        ])}
      </p>
      {report.rejected.length > 0 && (
        <ul>
          {report.rejected.slice(0, 100).map((r) => (
            <li key={r.index}>{t('backup_rejectedItem', [formatNumber(r.index + 1), r.summaryId ?? r.id ?? '—', rejectionReason(r)])}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "website: template_profile_invalid_website" in the advisor's words: the settings' schemas speak in locale keys. */
const settingsReason = (reason: string) => reason.replace(/[a-z]+_[A-Za-z0-9_]+$/, (key) => t(key as MessageKey));
/** Why a record was left out, in the advisor's language; a field keeps its name in the file, which is what they can look for. */
const rejectionReason = (record: RejectedRecord): string =>
  record.problem === 'invalid-field' ? t('backup_rejected_field', record.field) : t(REJECTION_TEXTS[record.problem]);
const REJECTION_TEXTS = {
  'not-an-offer': 'backup_rejected_notAnOffer',
  'not-an-offer-link': 'backup_rejected_notOfferLink',
  'summary-id-conflict': 'backup_rejected_summaryIdConflict',
} as const satisfies Record<Exclude<RejectedRecord['problem'], 'invalid-field'>, MessageKey>;
