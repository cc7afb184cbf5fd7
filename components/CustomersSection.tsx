import { useRef, useState } from 'preact/hooks';
import { useFocusAfterRender } from './useFocusAfterRender';
import { sendMessage } from '@/lib/messaging/client';
import { MessagingError } from '@/lib/messaging/protocol';
import { cleanIdentity, customerLabel } from '@/lib/offers/customers';
import type { CustomerIdentity, CustomerStatus, Offer, OfferCustomer } from '@/lib/offers/schema';
import { SETTABLE_STATUSES } from '@/lib/offers/statuses';
import { t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { customerSummary, statusBadgeClass, statusLabel } from '@/lib/ui/offer-labels';
import { CustomerForm } from './CustomerForm';
import { CustomerTimeline } from './CustomerTimeline';
import { KeyboardSafeSelect } from './KeyboardSafeSelect';
import type { OfferDetailsOutcome } from './useOfferDetails';

interface CustomerActions {
  /**
   * Runs a change; its answer becomes the offer shown. An answer with the customers as they stood
   * just before (a removal, a merge) makes the change undoable. Reports a failure and answers how it went.
   */
  change: (run: () => Promise<{ offer: Offer; previousCustomers?: OfferCustomer[] }>, done?: string) => Promise<'done' | 'stale' | 'failed'>;
  /** Shows the offer as stored now (after a stale edit) and answers it; null when it could not be read. */
  reload: () => Promise<Offer | null>;
}

const IDENTITY_FIELDS = ['name', 'email', 'company'] as const;

/** Every field of a customer the advisor may have changed, blank for none: what an edit is checked against. */
const identityOf = (customer: OfferCustomer): Required<CustomerIdentity> => ({
  name: customer.name ?? '',
  email: customer.email ?? '',
  company: customer.company ?? '',
});

/** Only the fields the form changed, with what they held when the edit began; null when nothing changed. */
function identityChanges(typed: CustomerIdentity, from: Required<CustomerIdentity>): { patch: CustomerIdentity; expected: CustomerIdentity } | null {
  const fields = IDENTITY_FIELDS.filter((field) => (typed[field] ?? '').trim() !== from[field].trim());
  if (fields.length === 0) return null;
  return {
    patch: Object.fromEntries(fields.map((field) => [field, (typed[field] ?? '').trim()])),
    expected: Object.fromEntries(fields.map((field) => [field, from[field]])),
  };
}

function CustomerCard({ offer, customer, actions, onRemoved }: { offer: Offer; customer: OfferCustomer; actions: CustomerActions; onRemoved: () => void }) {
  // The customer as it was when the edit began: a field changed since by another window is refused, never overwritten.
  const [editFrom, setEditFrom] = useState<Required<CustomerIdentity> | null>(null);
  const [stale, setStale] = useState(false);
  const [mergeId, setMergeId] = useState('');
  const others = offer.customers.filter((other) => other.id !== customer.id);
  const label = customerLabel(customer) || t('customers_unnamed');
  const idPrefix = `customer-${customer.id}`;
  const nameOnly = Boolean(customer.name && !customer.email);
  const setStatus = (status: CustomerStatus) =>
    actions.change(
      () => sendMessage({ type: 'offers.setCustomerStatus', id: offer.id, customerId: customer.id, status }),
      t('customers_statusSet', [label, statusLabel(status)]),
    );
  const [editButton, focusEditButton] = useFocusAfterRender<HTMLButtonElement>();
  // A stale refusal takes the keyboard from Save (disabled while it ran) to Reload beside the form;
  // Reload goes once used, the form staying: the keyboard moves to its first field.
  const [reloadButton, focusReload] = useFocusAfterRender<HTMLButtonElement>();
  const [formStart, focusFormStart] = useFocusAfterRender<HTMLInputElement>();
  const stopEditing = () => {
    setEditFrom(null);
    setStale(false);
    // Saved or cancelled, the keyboard goes back to the Edit button.
    focusEditButton();
  };
  return (
    <li class="customer-card" aria-labelledby={`${idPrefix}-label`}>
      <div class="customer-head">
        <strong id={`${idPrefix}-label`}>{label}</strong>
        {customer.name && customer.name !== label && <span> · {customer.name}</span>}
        {customer.email && customer.email !== label && <span class="mono"> · {customer.email}</span>}{' '}
        <span class={statusBadgeClass(customer.status)}>{statusLabel(customer.status)}</span>
      </div>
      {nameOnly && <p class="muted">{t('customers_nameOnly')}</p>}
      <div class="toolbar">
        <label for={`${idPrefix}-status`}>
          <span aria-hidden="true">{t('column_status')}</span>
          <span class="visually-hidden">{t('customers_statusOf', label)}</span>
        </label>
        <KeyboardSafeSelect id={`${idPrefix}-status`} value={customer.status} onChoose={setStatus}>
          {SETTABLE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </KeyboardSafeSelect>
        <button
          type="button"
          ref={editButton}
          aria-expanded={editFrom !== null}
          aria-label={t('customers_editOf', label)}
          onClick={() => (editFrom ? stopEditing() : setEditFrom(identityOf(customer)))}
        >
          {t('customers_edit')}
        </button>
        <button
          type="button"
          class="danger"
          aria-label={t('customers_removeOf', label)}
          onClick={() =>
            void actions
              .change(() => sendMessage({ type: 'offers.removeCustomer', id: offer.id, customerId: customer.id }), t('customers_removed', label))
              .then((outcome) => outcome === 'done' && onRemoved())
          }
        >
          {t('customers_remove')}
        </button>
      </div>
      {editFrom && (
        <>
          <CustomerForm
            idPrefix={idPrefix}
            initial={editFrom}
            submitLabel={t('customers_save')}
            autoFocus
            firstFieldRef={formStart}
            onCancel={stopEditing}
            onSubmit={async (identity) => {
              const changes = identityChanges(identity, editFrom);
              if (!changes) {
                stopEditing();
                return true;
              }
              const outcome = await actions.change(
                () => sendMessage({ type: 'offers.updateCustomer', id: offer.id, customerId: customer.id, ...changes }),
                t('customers_saved'),
              );
              if (outcome === 'done') stopEditing();
              setStale(outcome === 'stale');
              if (outcome === 'stale') focusReload();
              return outcome === 'done';
            }}
          />
          {stale && (
            <p role="alert" class="error">
              {t('customers_stale')}{' '}
              <button
                type="button"
                ref={reloadButton}
                onClick={() =>
                  void actions.reload().then((fresh) => {
                    if (!fresh) return;
                    // The edit now starts from the customer as stored; the text typed stays in the form.
                    const stored = fresh.customers.find((one) => one.id === customer.id);
                    if (stored) {
                      setEditFrom(identityOf(stored));
                      focusFormStart();
                    } else stopEditing();
                    setStale(false);
                  })
                }
              >
                {t('history_reloadOffer')}
              </button>
            </p>
          )}
        </>
      )}
      {others.length > 0 && (
        <form
          class="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            if (!mergeId) return;
            void actions
              .change(() => sendMessage({ type: 'offers.mergeCustomers', id: offer.id, keepId: customer.id, mergeId }), t('customers_merged', label))
              .then((outcome) => {
                setMergeId('');
                // Merge goes disabled with the choice emptied, and its form goes with the last other customer.
                if (outcome === 'done') onRemoved();
              });
          }}
        >
          <label for={`${idPrefix}-merge`}>
            <span aria-hidden="true">{t('customers_mergeWith')}</span>
            <span class="visually-hidden">{t('customers_sameAs', label)}</span>
          </label>
          <select id={`${idPrefix}-merge`} value={mergeId} onChange={(event) => setMergeId(event.currentTarget.value)}>
            <option value="">—</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {[customerLabel(other) || t('customers_unnamed'), other.email].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!mergeId} aria-label={t('customers_mergeInto', label)}>
            {t('customers_merge')}
          </button>
        </form>
      )}
      <details>
        <summary>
          <span aria-hidden="true">{t('history_timeline')}</span>
          <span class="visually-hidden">{t('customers_timelineOf', label)}</span>
        </summary>
        <CustomerTimeline customer={customer} />
      </details>
    </li>
  );
}

/**
 * The customers an offer reached or is meant for, each with their own status, timeline and sends:
 * added, edited, merged or removed by hand (a merge or a removal can be undone), and the summary of where
 * they all stand.
 */
export function CustomersSection({
  offer,
  onChanged,
  report,
  onReload,
}: {
  offer: Offer;
  onChanged: (offer: Offer) => void;
  report: (outcome: OfferDetailsOutcome) => void;
  /** Shows the offer as stored now and answers it (null when it could not be read): after an edit refused because another window changed the customer. */
  onReload: () => Promise<Offer | null>;
}) {
  const [adding, setAdding] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const [addButton, focusAddButton] = useFocusAfterRender<HTMLButtonElement>();
  const actions: CustomerActions = {
    async change(run, done) {
      try {
        const { offer: changed, previousCustomers } = await run();
        onChanged(changed);
        const restore = previousCustomers && { offerId: changed.id, before: previousCustomers, after: changed.customers };
        if (done) report({ ok: true, text: done, ...(restore ? { restore } : {}) });
        return 'done';
      } catch (error) {
        // A stale edit is explained beside the customer's form, with its Reload.
        if (error instanceof MessagingError && error.code === 'stale') return 'stale';
        report({ ok: false, text: describeError(error) });
        return 'failed';
      }
    },
    reload: onReload,
  };
  const stopAdding = () => {
    setAdding(false);
    // The form's Cancel or Save leaves the keyboard where it started.
    focusAddButton();
  };
  return (
    <section aria-labelledby="customers-heading">
      <h3 id="customers-heading" tabIndex={-1} ref={heading}>
        {t('customers_heading')}
      </h3>
      <p class="muted" data-testid="customer-summary">
        {customerSummary(offer)}
      </p>
      {offer.customers.length > 0 && (
        <ul class="plain customers">
          {offer.customers.map((customer) => (
            // A customer removed, or merged into another, takes its card away: the keyboard goes back to the section's heading.
            <CustomerCard key={customer.id} offer={offer} customer={customer} actions={actions} onRemoved={() => heading.current?.focus()} />
          ))}
        </ul>
      )}
      {adding ? (
        <CustomerForm
          idPrefix="new-customer"
          initial={{}}
          submitLabel={t('customers_add')}
          autoFocus
          onCancel={stopAdding}
          onSubmit={async (identity) => {
            const outcome = await actions.change(
              () => sendMessage({ type: 'offers.addCustomer', id: offer.id, customer: cleanIdentity(identity) }),
              t('customers_added'),
            );
            if (outcome === 'done') stopAdding();
            return outcome === 'done';
          }}
        />
      ) : (
        <button type="button" ref={addButton} onClick={() => setAdding(true)}>
          {t('customers_addCustomer')}
        </button>
      )}
    </section>
  );
}
