import { validateBackupRecords } from './backup';
import type { ImportReport, RejectedRecord } from './import-report';
import type { Offer } from './schema';
import type { OfferStore } from './store';

/** Records validated at once: the page importing paints between batches. */
const VALIDATE_BATCH = 1_000;

/**
 * Resolves in a task of its own. A message, not a timer: browsers hold a background tab's timers
 * to one wake-up a second or a minute, which would stretch an import the advisor left to run.
 */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });

/**
 * Validates one piece of a backup's records and merges the valid ones, in one transaction. The
 * report's indexes are the records' places in the file (`firstIndex` is the piece's first); `now`
 * is the import's time, every record's dates brought back to it. `progress` hears how many of the
 * piece's records are written, in proportion, as the writes go.
 */
export async function importRecords(
  store: OfferStore,
  records: readonly unknown[],
  firstIndex: number,
  now: string,
  progress: (done: number) => void = () => undefined,
): Promise<ImportReport> {
  const valid: { index: number; offer: Offer }[] = [];
  const rejected: RejectedRecord[] = [];
  for (let from = 0; from < records.length; from += VALIDATE_BATCH) {
    const batch = validateBackupRecords(records.slice(from, from + VALIDATE_BATCH), now);
    for (const record of batch.valid) valid.push({ ...record, index: from + record.index });
    for (const record of batch.rejected) rejected.push({ ...record, index: from + record.index });
    await nextTask();
  }
  const written = (done: number, of: number) => progress(Math.round((records.length * done) / of));
  const { summaryIdConflicts, ...merged } = await store.mergeAll(valid.map(({ offer }) => offer), written);
  const clashing = summaryIdConflicts.flatMap((position) => {
    const record = valid.at(position);
    if (!record) return [];
    const { id, summaryId } = record.offer;
    return [{ index: record.index, id, ...(summaryId ? { summaryId } : {}), problem: 'summary-id-conflict' as const }];
  });
  const inFile = [...rejected, ...clashing].map((record) => ({ ...record, index: firstIndex + record.index }));
  return { ...merged, rejected: inFile.sort((a, b) => a.index - b.index) };
}
