import { useState } from 'preact/hooks';
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
import type { OfferDetailsOutcome } from './useOfferDetails';

interface CustomerActions {
  /**
   * Runs a change; its answer becomes the offer shown. `before` (the offer as it was) makes the
   * change undoable. Reports a failure and answers false.
   */
  change: (run: () => Promise<{ offer: Offer }>, done?: string, before?: Offer) => Promise<boolean>;
}

/** Every field of a customer the advisor may have changed, blank for none: what an edit is checked against. */
const identityOf = (customer: OfferCustomer): Required<CustomerIdentity> => ({
  name: customer.name ?? '',
  email: customer.email ?? '',
  company: customer.company ?? '',
});

function CustomerCard({ offer, customer, actions }: { offer: Offer; customer: OfferCustomer; actions: CustomerActions }) {
  const [editing, setEditing] = useState(false);
  const [mergeId, setMergeId] = useState('');
  const others = offer.customers.filter((other) => other.id !== customer.id);
  const label = customerLabel(customer) || t('customers_unnamed');
  const idPrefix = `customer-${customer.id}`;
  const setStatus = (status: CustomerStatus) =>
    void actions.change(
      () => sendMessage({ type: 'offers.setCustomerStatus', id: offer.id, customerId: customer.id, status }),
      t('customers_statusSet', [label, statusLabel(status)]),
    );
  return (
    <li class="customer-card" aria-label={label}>
      <div class="customer-head">
        <strong>{label}</strong>
        {customer.name && customer.name !== label && <span> · {customer.name}</span>}
        {customer.email && customer.email !== label && <span class="mono"> · {customer.email}</span>}{' '}
        <span class={statusBadgeClass(customer.status)}>{statusLabel(customer.status)}</span>
      </div>
      <div class="toolbar">
        <label for={`${idPrefix}-status`}>{t('history_setStatus')}</label>
        <select id={`${idPrefix}-status`} value={customer.status} onChange={(event) => setStatus(event.currentTarget.value as CustomerStatus)}>
          {SETTABLE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t('customers_edit')}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() =>
            void actions.change(
              () => sendMessage({ type: 'offers.removeCustomer', id: offer.id, customerId: customer.id }),
              t('customers_removed', label),
              offer,
            )
          }
        >
          {t('customers_remove')}
        </button>
      </div>
      {editing && (
        <CustomerForm
          idPrefix={idPrefix}
          initial={identityOf(customer)}
          submitLabel={t('customers_save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (identity) => {
            const saved = await actions.change(
              () =>
                sendMessage({
                  type: 'offers.updateCustomer',
                  id: offer.id,
                  customerId: customer.id,
                  patch: { name: identity.name ?? '', email: identity.email ?? '', company: identity.company ?? '' },
                  expected: identityOf(customer),
                }),
              t('customers_saved'),
            );
            if (saved) setEditing(false);
            return saved;
          }}
        />
      )}
      {others.length > 0 && (
        <form
          class="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            if (!mergeId) return;
            void actions.change(
              () => sendMessage({ type: 'offers.mergeCustomers', id: offer.id, keepId: customer.id, mergeId }),
              t('customers_merged'),
            );
          }}
        >
          <label for={`${idPrefix}-merge`}>{t('customers_mergeWith')}</label>
          <select id={`${idPrefix}-merge`} value={mergeId} onChange={(event) => setMergeId(event.currentTarget.value)}>
            <option value="">—</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {[customerLabel(other) || t('customers_unnamed'), other.email].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!mergeId}>
            {t('customers_merge')}
          </button>
        </form>
      )}
      <details>
        <summary>{t('history_timeline')}</summary>
        <CustomerTimeline customer={customer} />
      </details>
    </li>
  );
}

/**
 * The customers an offer reached or is meant for, each with their own status, timeline and sends:
 * added, edited, merged or removed by hand (a removal can be undone), and the summary of where
 * they all stand.
 */
export function CustomersSection({
  offer,
  onChanged,
  report,
  onStale,
}: {
  offer: Offer;
  onChanged: (offer: Offer) => void;
  report: (outcome: OfferDetailsOutcome) => void;
  /** An edit refused because another window changed the customer: the pane offers a reload. */
  onStale: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const actions: CustomerActions = {
    async change(run, done, before) {
      try {
        const { offer: changed } = await run();
        onChanged(changed);
        if (done) report({ ok: true, text: done, ...(before ? { restore: before } : {}) });
        return true;
      } catch (error) {
        if (error instanceof MessagingError && error.code === 'stale') onStale();
        report({ ok: false, text: describeError(error) });
        return false;
      }
    },
  };
  return (
    <section aria-labelledby="customers-heading">
      <h3 id="customers-heading">{t('customers_heading')}</h3>
      <p class="muted" data-testid="customer-summary">
        {customerSummary(offer)}
      </p>
      {offer.customers.length > 0 && (
        <ul class="plain customers">
          {offer.customers.map((customer) => (
            <CustomerCard key={customer.id} offer={offer} customer={customer} actions={actions} />
          ))}
        </ul>
      )}
      {adding ? (
        <CustomerForm
          idPrefix="new-customer"
          initial={{}}
          submitLabel={t('customers_add')}
          onCancel={() => setAdding(false)}
          onSubmit={async (identity) => {
            const added = await actions.change(
              () => sendMessage({ type: 'offers.addCustomer', id: offer.id, customer: cleanIdentity(identity) }),
              t('customers_added'),
            );
            if (added) setAdding(false);
            return added;
          }}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('customers_addCustomer')}
        </button>
      )}
    </section>
  );
}
