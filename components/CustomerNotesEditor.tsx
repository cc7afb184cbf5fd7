import { t } from '@/lib/i18n';
import type { CustomerField, OfferEdits } from '@/lib/ui/offer-edits';
import type { SaveState } from './useOfferDetails';

const CUSTOMER_FIELDS = [
  { field: 'company', label: 'desk_customerCompany', type: 'text' },
  { field: 'name', label: 'desk_customerName', type: 'text' },
  { field: 'email', label: 'desk_customerEmail', type: 'email' },
] as const satisfies readonly { field: CustomerField; label: string; type: string }[];

/** The customer's fields and the advisor's notes, with where their saving stands. */
export function CustomerNotesEditor({
  edits,
  saveState,
  onCustomerInput,
  onNotesInput,
  onLeaveField,
}: {
  edits: OfferEdits;
  saveState: SaveState;
  onCustomerInput: (field: CustomerField, value: string) => void;
  onNotesInput: (notes: string) => void;
  onLeaveField: () => void;
}) {
  const savedText: Record<SaveState, string> = {
    idle: '',
    pending: t('history_unsaved'),
    saving: t('history_saving'),
    saved: t('history_saved'),
    failed: t('history_saveFailed'),
  };
  return (
    <>
      <h3>{t('history_customerAndNotes')}</h3>
      <div class="grid-2">
        {CUSTOMER_FIELDS.map(({ field, label, type }) => (
          <div class="field" key={field}>
            <label for={`customer-${field}`}>{t(label)}</label>
            <input
              id={`customer-${field}`}
              type={type}
              value={edits.customer[field] ?? ''}
              maxLength={200}
              onInput={(event) => onCustomerInput(field, event.currentTarget.value)}
              onBlur={onLeaveField}
            />
          </div>
        ))}
      </div>
      <div class="field">
        <label for="notes">{t('history_notes')}</label>
        <textarea
          id="notes"
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
    </>
  );
}
