import { useCallback, useRef } from 'preact/hooks';
import { offerStatus } from '@/lib/offers/customers';
import type { Offer, OfferCustomer } from '@/lib/offers/schema';
import { formatDateTime, t } from '@/lib/i18n';
import { offerDetailsPath } from '@/lib/history-link';
import { kindLabel, statusBadgeClass, statusLabel } from '@/lib/ui/offer-labels';
import { compactCustomers } from '@/lib/ui/popup-offers';
import { AcceptCustomerButtons } from './AcceptCustomerButtons';
import type { Report } from './OfferActions';

/** A recent offer in the popup: its summary ID, status (text and colour) and customers, opening its details; then "Mark accepted". */
export function RecentOfferRow({
  offer,
  open,
  accept,
  report,
}: {
  offer: Offer;
  open: (path: string) => void;
  accept: (offer: Offer, customer: OfferCustomer) => Promise<void>;
  report: Report;
}) {
  const link = useRef<HTMLAnchorElement>(null);
  const focusLink = useCallback(() => link.current?.focus(), []);
  const status = offerStatus(offer);
  const path = offerDetailsPath(offer.id);
  return (
    <li>
      <a
        ref={link}
        href={path}
        onClick={(event) => {
          event.preventDefault();
          open(path);
        }}
      >
        <span class="recent-main">
          <span class={offer.summaryId ? 'mono' : undefined}>{offer.summaryId ?? kindLabel(offer)}</span>
          <span class={statusBadgeClass(status)}>{statusLabel(status)}</span>
        </span>
        <span class="recent-meta muted">
          {[offer.summaryId ? kindLabel(offer) : null, compactCustomers(offer) || t('customers_none'), formatDateTime(offer.createdAt)].filter(Boolean).join(' · ')}
        </span>
      </a>
      <AcceptCustomerButtons offer={offer} accept={accept} report={report} fallbackFocus={focusLink} />
    </li>
  );
}
