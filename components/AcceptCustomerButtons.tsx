import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Offer, OfferCustomer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { customerName, customersToAccept } from '@/lib/ui/popup-offers';
import type { Report } from './OfferActions';

/** After a click: the keyboard goes to the next button (the one clicked went), or back to the one that failed. */
type Refocus = { to: 'next' } | { to: 'again'; customerId: string };

/**
 * One "Mark accepted" button per customer of the offer still awaiting an answer. Once a click is
 * recorded its button goes: the keyboard moves to the next one, or to `fallbackFocus`. A click
 * that failed gives the keyboard back to its button, which Chromium took away while it was disabled.
 */
export function AcceptCustomerButtons({
  offer,
  accept,
  report,
  fallbackFocus,
}: {
  offer: Offer;
  accept: (offer: Offer, customer: OfferCustomer) => Promise<void>;
  report: Report;
  fallbackFocus: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [refocus, setRefocus] = useState<Refocus | null>(null);
  const group = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!refocus) return;
    setRefocus(null);
    if (refocus.to === 'again') {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost) group.current?.querySelector<HTMLButtonElement>(`button[data-customer="${CSS.escape(refocus.customerId)}"]`)?.focus();
      return;
    }
    const next = group.current?.querySelector('button');
    if (next) next.focus();
    else fallbackFocus();
  }, [refocus, fallbackFocus]);

  const customers = customersToAccept(offer);
  if (customers.length === 0) return null;
  const onClick = async (customer: OfferCustomer) => {
    setBusy(true);
    try {
      await accept(offer, customer);
      setRefocus({ to: 'next' });
    } catch (caught) {
      report({ ok: false, text: describeError(caught) });
      setRefocus({ to: 'again', customerId: customer.id });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div ref={group} class="accept-buttons">
      {customers.map((customer) => (
        <button key={customer.id} type="button" class="accept" data-customer={customer.id} disabled={busy} onClick={() => void onClick(customer)}>
          {t('popup_markAcceptedOf', customerName(customer))}
        </button>
      ))}
    </div>
  );
}
