import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CustomerIdentity } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { SubmitOrCancel } from './FormActions';

const IDENTITY_FIELDS = [
  { field: 'company', label: 'desk_customerCompany', type: 'text' },
  { field: 'name', label: 'desk_customerName', type: 'text' },
  { field: 'email', label: 'desk_customerEmail', type: 'email' },
] as const satisfies readonly { field: keyof CustomerIdentity; label: string; type: string }[];

/** A customer's company, name and address, submitted together (adding one, or editing one). */
export function CustomerForm({
  idPrefix,
  initial,
  submitLabel,
  autoFocus = false,
  firstFieldRef,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: CustomerIdentity;
  submitLabel: string;
  /** Puts the caret in the first field as the form opens (adding a customer). */
  autoFocus?: boolean;
  /** The first field, for the owner to give the keyboard to (after a control beside the form went). */
  firstFieldRef?: RefObject<HTMLInputElement>;
  onSubmit: (identity: CustomerIdentity) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<CustomerIdentity>(initial);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // As soon as the form is in the DOM, so what is typed right after opening it lands in the form.
  useLayoutEffect(() => {
    if (autoFocus) form.current?.querySelector('input')?.focus();
  }, [autoFocus]);
  return (
    <form
      ref={form}
      class="customer-form"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onSubmit(values).finally(() => setBusy(false));
      }}
    >
      <div class="grid-3">
        {IDENTITY_FIELDS.map(({ field, label, type }, index) => (
          <div class="field" key={field}>
            <label for={`${idPrefix}-${field}`}>{t(label)}</label>
            <input
              id={`${idPrefix}-${field}`}
              ref={index === 0 ? firstFieldRef : undefined}
              type={type}
              maxLength={200}
              value={values[field] ?? ''}
              onInput={(event) => {
                const value = event.currentTarget.value;
                setValues((current) => ({ ...current, [field]: value }));
              }}
            />
          </div>
        ))}
      </div>
      <SubmitOrCancel label={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
