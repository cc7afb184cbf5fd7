import { t } from '@/lib/i18n';
import { useFocusBackAfterBusy } from './useFocusBackAfterBusy';

export type FormStatus = { ok: boolean; text: string } | null;

/** A form's submit button with the line that reports how the submission went. */
export function FormActions({ label, status, variant = 'primary' }: { label: string; status: FormStatus; variant?: 'primary' | 'danger' }) {
  return (
    <div class="toolbar">
      <button type="submit" class={variant}>
        {label}
      </button>
      <span role="status" class={status?.ok === false ? 'error' : 'ok'}>
        {status?.text}
      </span>
    </div>
  );
}

/** A dialog-like form's submit button beside its Cancel; pressed, it keeps the keyboard through a save that fails. */
export function SubmitOrCancel({ label, busy = false, onCancel }: { label: string; busy?: boolean; onCancel: () => void }) {
  const toolbar = useFocusBackAfterBusy<HTMLDivElement>(busy);
  return (
    <div ref={toolbar} class="toolbar">
      <button type="submit" class="primary" disabled={busy}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        {t('desk_cancel')}
      </button>
    </div>
  );
}
