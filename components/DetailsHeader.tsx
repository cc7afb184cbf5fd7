import { useEffect, useRef } from 'preact/hooks';
import type { Offer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { kindLabel } from '@/lib/ui/offer-labels';

/** The offer's kind and summary ID as the pane's heading, which takes focus when the offer appears. */
export function DetailsHeader({ offer, onClose }: { offer: Offer; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="details-head">
      <h2 id="details-heading" tabIndex={-1} ref={heading}>
        {kindLabel(offer)} {offer.summaryId ? <span class="mono">{offer.summaryId}</span> : null}
      </h2>
      <button type="button" onClick={onClose}>
        {t('desk_close')}
      </button>
    </div>
  );
}
