import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/client';
import type { Offer } from '@/lib/offers/schema';
import { SETTABLE_STATUSES, type CustomerStatus } from '@/lib/offers/statuses';
import { t, tCount } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { datedFileName, downloadBlob } from '@/lib/ui/download';
import { OfferFileBuilder, type OfferFileFormat } from '@/lib/ui/offers-file';
import { statusLabel } from '@/lib/ui/offer-labels';
import { useFocusAfterRender } from './useFocusAfterRender';

/** A bulk status change, as its Undo names it. */
interface StatusChange {
  ids: string[];
  status: CustomerStatus;
  at: string;
}

interface Outcome {
  ok: boolean;
  text: string;
  /** The offers a bulk deletion removed, or the status change made, for Undo. */
  undo?: { deleted: Offer[] } | { statusSet: StatusChange };
}

/**
 * What the advisor can do with the rows checked in the table: set the status of every customer of
 * each offer, export them (JSON that imports as a backup, or CSV), or delete them; a status change
 * and a deletion each have Undo. Each
 * change is one request handled in one transaction; `onChanged` (`onDeleted` for a deletion, with
 * the offers' ids) then reloads what the page shows. `onClear` unchecks the rows from Clear
 * selection, whose bar then goes: the page gives the keyboard to the list.
 */
export function BulkActions({
  selected,
  onChanged,
  onDeleted,
  onClear,
}: {
  selected: readonly Offer[];
  onChanged: () => void;
  onDeleted: (ids: readonly string[]) => void;
  onClear: () => void;
}) {
  const [status, setStatus] = useState<CustomerStatus>('accepted');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const ids = selected.map((offer) => offer.id);
  // The buttons are disabled while a change runs, which takes the keyboard from the one pressed; a
  // deletion takes the bar and the rows away, and Undo goes once used. The keyboard comes back to
  // Set status, or moves to Undo, then to the notice, as it does after an error.
  const [setStatusButton, focusSetStatusButton] = useFocusAfterRender<HTMLButtonElement>();
  const [undoButton, focusUndo] = useFocusAfterRender<HTMLButtonElement>();
  const [notice, focusNotice] = useFocusAfterRender<HTMLParagraphElement>();

  /** Runs a change and says how it went; `focusAfter` gives the keyboard to what replaces the control pressed. */
  const run = async (action: () => Promise<Outcome>, focusAfter: () => void) => {
    setBusy(true);
    try {
      setOutcome(await action());
      focusAfter();
    } catch (error) {
      setOutcome({ ok: false, text: describeError(error) });
      focusNotice();
    } finally {
      setBusy(false);
    }
  };

  const setStatusForAll = () =>
    run(async () => {
      const answer = await sendMessage({ type: 'offers.setStatusForAll', ids, status });
      onChanged();
      const set = tCount('history_bulkStatusSet', answer.changed.length, [statusLabel(status)]);
      const text = answer.withoutCustomers ? `${set} ${tCount('history_bulkWithoutCustomers', answer.withoutCustomers)}` : set;
      const changedIds = answer.changed.map((offer) => offer.id);
      return { ok: true, text, ...(changedIds.length > 0 ? { undo: { statusSet: { ids: changedIds, status, at: answer.at } } } : {}) };
    }, focusSetStatusButton);

  /** Built from the rows as the page holds them: a selection is never more than one page. */
  const exportSelection = (format: OfferFileFormat) => {
    const file = new OfferFileBuilder(format, new Date().toISOString());
    file.add(selected);
    downloadBlob(datedFileName(format), file.blob());
    setOutcome({ ok: true, text: tCount('history_exportedOffers', file.offers) });
  };

  const deleteSelection = () =>
    run(async () => {
      const { offers } = await sendMessage({ type: 'offers.deleteMany', ids });
      onDeleted(ids);
      return { ok: true, text: tCount('history_bulkDeleted', offers.length), undo: { deleted: offers } };
    }, focusUndo);

  const undo = (what: NonNullable<Outcome['undo']>) =>
    run(async () => {
      if ('deleted' in what) {
        const { offers } = await sendMessage({ type: 'offers.restoreMany', offers: what.deleted });
        onChanged();
        return { ok: true, text: tCount('history_bulkRestored', offers.length) };
      }
      const answer = await sendMessage({ type: 'offers.undoStatusForAll', ...what.statusSet });
      onChanged();
      const undone = tCount('history_bulkStatusUndone', answer.changed.length);
      return { ok: true, text: answer.changedSince ? `${undone} ${tCount('history_bulkStatusKept', answer.changedSince)}` : undone };
    }, focusNotice);

  const undoable = outcome?.undo;
  return (
    // Framed only while it holds something: the live region itself stays, so announcements are heard.
    <section class={selected.length > 0 || outcome ? 'bulk-actions active' : 'bulk-actions'} aria-label={t('history_bulkHeading')} aria-busy={busy}>
      {selected.length > 0 && (
        <div class="toolbar bulk-toolbar">
          <strong>{tCount('history_selected', selected.length)}</strong>
          <label for="bulk-status">{t('history_bulkStatus')}</label>
          <select id="bulk-status" value={status} onChange={(event) => setStatus(event.currentTarget.value as CustomerStatus)}>
            {SETTABLE_STATUSES.map((choice) => (
              <option key={choice} value={choice}>
                {statusLabel(choice)}
              </option>
            ))}
          </select>
          <button type="button" ref={setStatusButton} disabled={busy} onClick={() => void setStatusForAll()}>
            {t('history_bulkSetStatus')}
          </button>
          <button type="button" disabled={busy} onClick={() => exportSelection('json')}>
            {t('history_bulkExportJson')}
          </button>
          <button type="button" disabled={busy} onClick={() => exportSelection('csv')}>
            {t('history_bulkExportCsv')}
          </button>
          <button type="button" class="danger" disabled={busy} onClick={() => void deleteSelection()}>
            {t('history_bulkDelete')}
          </button>
          <button type="button" onClick={onClear}>
            {t('history_bulkClear')}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite" class="outcome">
        {outcome && (
          <p class={outcome.ok ? 'ok' : 'error'} tabIndex={-1} ref={notice}>
            {outcome.text}{' '}
            {undoable && (
              <button type="button" ref={undoButton} disabled={busy} onClick={() => void undo(undoable)}>
                {t('history_undo')}
              </button>
            )}
          </p>
        )}
      </div>
    </section>
  );
}
