import { t } from '@/lib/i18n';
import type { EditField, OfferEdits } from '@/lib/ui/offer-edits';
import { useFocusAfterRender } from './useFocusAfterRender';
import type { EditConflict, SaveState } from './useOfferDetails';

const FIELD_LABELS = { notes: 'history_notes' } as const satisfies Record<EditField, string>;

/** Why an edit was refused and, so nothing is lost, the text it carried, ready to copy. */
function ConflictNotice({ conflict, onReload }: { conflict: EditConflict; onReload: () => void }) {
  return (
    <div role="alert" class="conflict">
      {!conflict.reloaded && (
        <p class="error">
          {t('error_stale')}{' '}
          <button type="button" onClick={onReload}>
            {t('history_reloadOffer')}
          </button>
        </p>
      )}
      <fieldset class="plain-fieldset">
        <legend>{t('history_notSavedText')}</legend>
        {conflict.unsaved.map(({ field, text }) => (
          <div class="field" key={field}>
            <label for={`unsaved-${field}`}>{t(FIELD_LABELS[field])}</label>
            <textarea id={`unsaved-${field}`} readOnly rows={4} value={text} />
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** The advisor's notes, saved as they type, with where their saving stands. */
export function NotesEditor({
  edits,
  saveState,
  conflict,
  onReload,
  onNotesInput,
  onLeaveField,
}: {
  edits: OfferEdits;
  saveState: SaveState;
  conflict: EditConflict | null;
  onReload: () => Promise<void>;
  onNotesInput: (notes: string) => void;
  onLeaveField: () => void;
}) {
  const savedText: Record<SaveState, string> = {
    idle: '',
    pending: t('history_unsaved'),
    saving: t('history_saving'),
    saved: t('history_saved'),
    failed: t('history_saveFailed'),
    stale: '',
  };
  // Reload goes once used: the keyboard moves to the notes, now as stored.
  const [notesField, focusNotes] = useFocusAfterRender<HTMLTextAreaElement>();
  return (
    <>
      <div class="field">
        <label for="notes">{t('history_notes')}</label>
        <textarea
          id="notes"
          ref={notesField}
          rows={5}
          maxLength={20_000}
          value={edits.notes}
          onInput={(event) => onNotesInput(event.currentTarget.value)}
          onBlur={onLeaveField}
        />
      </div>
      <p class="muted save-state" aria-live="polite">
        {savedText[saveState]}
      </p>
      {conflict && <ConflictNotice conflict={conflict} onReload={() => void onReload().then(() => focusNotes())} />}
    </>
  );
}
