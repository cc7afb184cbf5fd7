import { useLayoutEffect, useState } from 'preact/hooks';
import type { Offer, OfferCustomer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { offerName } from '@/lib/ui/offer-labels';
import { customerName, customersToAccept } from '@/lib/ui/popup-offers';
import type { Report } from './OfferActions';
import { useFocusBackAfterBusy } from './useFocusBackAfterBusy';

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
  const [refocus, setRefocus] = useState(false);
  // A failed click's button is still there to take the keyboard back; a recorded one's went.
  const group = useFocusBackAfterBusy<HTMLDivElement>(busy);
  useLayoutEffect(() => {
    if (!refocus) return;
    setRefocus(false);
    const next = group.current?.querySelector('button');
    if (next) next.focus();
    else fallbackFocus();
  }, [refocus, fallbackFocus, group]);

  const customers = customersToAccept(offer);
  if (customers.length === 0) return null;
  const onClick = async (customer: OfferCustomer) => {
    setBusy(true);
    try {
      await accept(offer, customer);
      setRefocus(true);
    } catch (caught) {
      report({ ok: false, text: describeError(caught) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div ref={group} class="accept-buttons">
      {customers.map((customer) => (
        <button
          key={customer.id}
          type="button"
          class="accept"
          disabled={busy}
          // The popup lists several offers: the name says which one, after the text it shows.
          aria-label={t('popup_markAcceptedOfOffer', [customerName(customer), offerName(offer)])}
          onClick={() => void onClick(customer)}
        >
          {t('popup_markAcceptedOf', customerName(customer))}
        </button>
      ))}
    </div>
  );
}
