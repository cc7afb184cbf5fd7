import { useState } from 'preact/hooks';
import { t, tCount } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { datedFileName, downloadBlob } from '@/lib/ui/download';
import { OfferFileBuilder, readEveryPage, type OfferFileFormat, type OfferPage } from '@/lib/ui/offers-file';
import { useFocusBackAfterBusy } from './useFocusBackAfterBusy';

type Progress = { state: 'running'; offers: number } | { state: 'done'; offers: number } | { state: 'failed'; text: string };

/**
 * Exports exactly the list the page shows (every page of it, not only the rows loaded), as JSON
 * that imports as a backup or as CSV. `readPage` reads that list's pages; the file keeps their
 * text only, one page of offers at a time.
 */
export function ExportShown({ readPage }: { readPage: (cursor: string | undefined) => Promise<OfferPage> }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const running = progress?.state === 'running';
  // Disabled while the pages are read, the button pressed gets the keyboard back at the end.
  const toolbar = useFocusBackAfterBusy<HTMLDivElement>(running);

  const exportShown = async (format: OfferFileFormat) => {
    const file = new OfferFileBuilder(format, new Date().toISOString());
    setProgress({ state: 'running', offers: 0 });
    try {
      await readEveryPage(readPage, (offers) => {
        file.add(offers);
        setProgress({ state: 'running', offers: file.offers });
      });
      downloadBlob(datedFileName(format), file.blob());
      setProgress({ state: 'done', offers: file.offers });
    } catch (error) {
      setProgress({ state: 'failed', text: describeError(error) });
    }
  };

  return (
    <div ref={toolbar} class="toolbar export-shown">
      <button type="button" disabled={running} onClick={() => void exportShown('csv')}>
        {t('history_exportShownCsv')}
      </button>
      <button type="button" disabled={running} onClick={() => void exportShown('json')}>
        {t('history_exportShownJson')}
      </button>
      {/* Announced at the start and the end only: the count beside it changes with every page of 500 offers. */}
      <span role="status" aria-live="polite" class={progress?.state === 'failed' ? 'error' : 'muted'}>
        {progress?.state === 'running' && t('history_exportingShown')}
        {progress?.state === 'done' && tCount('history_exportedOffers', progress.offers)}
        {progress?.state === 'failed' && progress.text}
      </span>
      {progress?.state === 'running' && <span class="muted">{tCount('history_exporting', progress.offers)}</span>}
    </div>
  );
}
