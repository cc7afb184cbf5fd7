import { SubmitOrCancel } from './FormActions';
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/client';
import type { ResponseMap } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { EMPTY_MANUAL_FORM, validateManualOffer, type ManualFieldErrors, type ManualOfferForm as FormValues } from '@/lib/ui/manual-offer';
import { Field } from './Field';

/** The saved offer, whether it is new, and a summary ID it could not take (another offer holds it). */
type SaveAnswer = ResponseMap['offers.upsert'];
type TextField = 'url' | 'summaryId' | 'usageLocation' | 'customerName' | 'customerEmail' | 'customerCompany';

/** "Add offer manually": URL, summary ID, subscriptions and license counts, location, delegated admin, customer. */
export function ManualOfferForm({ onSaved, onCancel }: { onSaved: (answer: SaveAnswer) => void; onCancel: () => void }) {
  const [values, setValues] = useState<FormValues>(EMPTY_MANUAL_FORM);
  const [errors, setErrors] = useState<ManualFieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  useEffect(() => form.current?.querySelector<HTMLInputElement>('#manual-url')?.focus(), []);

  const set = (field: TextField) => (event: Event) =>
    setValues((v) => ({ ...v, [field]: (event.currentTarget as HTMLInputElement).value }));
  const setRow = (index: number, part: 'name' | 'licenses') => (event: Event) =>
    setValues((v) => ({
      ...v,
      subscriptions: v.subscriptions.map((row, i) => (i === index ? { ...row, [part]: (event.currentTarget as HTMLInputElement).value } : row)),
    }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = validateManualOffer(values);
    if (!result.ok) {
      setErrors(result.errors);
      // Focus the first field in error so keyboard and screen reader users land on it.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const answer = await sendMessage({ type: 'offers.upsert', draft: result.draft });
      setFailure(null);
      onSaved(answer);
    } catch (caught) {
      setFailure(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: TextField, label: string, type = 'text', extra: Record<string, string> = {}) => (
    <Field id={`manual-${field}`} label={label} error={error(field)}>
      {(props) => <input {...props} {...extra} type={type} value={values[field]} onInput={set(field)} />}
    </Field>
  );

  return (
    <form
      ref={form}
      class="manual-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      noValidate
      aria-labelledby="manual-heading"
    >
      <h2 id="manual-heading">{t('popup_addManually')}</h2>
      {text('url', t('popup_fieldUrl'), 'url', { placeholder: 'https://portal.office.com/partner/partnersignup.aspx?…' })}
      {text('summaryId', t('column_summaryId'))}
      <fieldset>
        <legend>{t('column_subscriptions')}</legend>
        {values.subscriptions.map((row, i) => (
          <div class="subscription-row" key={i}>
            <Field id={`manual-sub-${i}-name`} label={t('popup_fieldSubscriptionName', String(i + 1))} error={error(`subscriptions.${i}.name`)}>
              {(props) => <input {...props} type="text" value={row.name} onInput={setRow(i, 'name')} />}
            </Field>
            <Field id={`manual-sub-${i}-licenses`} label={t('popup_fieldLicenses', String(i + 1))} error={error(`subscriptions.${i}.licenses`)}>
              {(props) => <input {...props} type="text" inputMode="numeric" value={row.licenses} onInput={setRow(i, 'licenses')} />}
            </Field>
          </div>
        ))}
        <button type="button" onClick={() => setValues((v) => ({ ...v, subscriptions: [...v.subscriptions, { name: '', licenses: '' }] }))}>
          {t('popup_addSubscription')}
        </button>
      </fieldset>
      {text('usageLocation', t('desk_usageLocation'))}
      <Field id="manual-delegated" label={t('desk_delegatedAdmin')}>
        {(props) => (
          <select {...props} value={values.delegatedAdmin} onChange={(e) => setValues((v) => ({ ...v, delegatedAdmin: e.currentTarget.value as FormValues['delegatedAdmin'] }))}>
            <option value="">{t('desk_delegatedUnknown')}</option>
            <option value="yes">{t('desk_delegatedYes')}</option>
            <option value="no">{t('desk_delegatedNo')}</option>
          </select>
        )}
      </Field>
      {text('customerCompany', t('desk_customerCompany'))}
      {text('customerName', t('desk_customerName'))}
      {text('customerEmail', t('desk_customerEmail'), 'email')}
      {failure && (
        <p role="alert" class="error">
          {failure}
        </p>
      )}
      <SubmitOrCancel label={t('popup_saveOffer')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
