import { useEffect, useRef } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';

/** What would lose the changes: leaving the editor (another template, Cancel), or a backup's settings replacing the templates. */
export type DiscardReason = 'leave' | 'restore';

const BODIES = { leave: 'options_discardBody', restore: 'options_discardBodyRestore' } as const satisfies Record<DiscardReason, MessageKey>;

/**
 * Asks before unsaved template changes are lost, as a modal dialog: the keyboard stays in it,
 * "Keep editing" has the focus, and Escape keeps editing too.
 */
export function ConfirmDiscard({ name, reason = 'leave', onDiscard, onKeep }: { name: string; reason?: DiscardReason; onDiscard: () => void; onKeep: () => void }) {
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
      <p id="discard-body">{t(BODIES[reason])}</p>
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
