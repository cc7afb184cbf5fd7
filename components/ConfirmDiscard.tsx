import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';

/**
 * Asks before unsaved template changes are lost, as a modal dialog: the keyboard stays in it,
 * "Keep editing" has the focus, and Escape keeps editing too.
 */
export function ConfirmDiscard({ name, onDiscard, onKeep }: { name: string; onDiscard: () => void; onKeep: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby="discard-title"
      aria-describedby="discard-body"
      onCancel={(event) => {
        event.preventDefault();
        onKeep();
      }}
    >
      <h3 id="discard-title">{t('options_discardTitle', name)}</h3>
      <p id="discard-body">{t('options_discardBody')}</p>
      <div class="toolbar">
        <button type="button" class="primary" autoFocus onClick={onKeep}>
          {t('options_keepEditing')}
        </button>
        <button type="button" class="danger" onClick={onDiscard}>
          {t('options_discardChanges')}
        </button>
      </div>
    </dialog>
  );
}
