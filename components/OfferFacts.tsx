import type { Offer } from '@/lib/offers/schema';
import { formatDateTime, t } from '@/lib/i18n';
import { delegatedAdminLabel } from '@/lib/ui/offer-labels';
import { SubscriptionList } from './SubscriptionList';

export interface OfferLinks {
  open: (offerId: string) => void;
  href: (offerId: string) => string;
}

/** Everything captured about the offer, with a link to the trial it follows up. */
export function OfferFacts({ offer, links }: { offer: Offer; links: OfferLinks }) {
  const trialId = offer.followUpOf;
  return (
    <dl class="facts">
      <dt>{t('desk_url')}</dt>
      <dd class="mono break">{offer.url}</dd>
      <dt>{t('column_summaryId')}</dt>
      <dd class="mono">{offer.summaryId ?? '—'}</dd>
      <dt>{t('desk_quoteId')}</dt>
      <dd class="mono">{offer.quoteId}</dd>
      <dt>{t('desk_partnerId')}</dt>
      <dd class="mono">{offer.partnerId}</dd>
      <dt>{t('desk_partnerOffice')}</dt>
      <dd>{offer.partnerOffice ?? '—'}</dd>
      <dt>{t('desk_usageLocation')}</dt>
      <dd>{offer.usageLocation ?? '—'}</dd>
      <dt>{t('column_subscriptions')}</dt>
      <dd>
        <SubscriptionList subscriptions={offer.subscriptions} />
      </dd>
      <dt>{t('desk_delegatedAdmin')}</dt>
      <dd>{delegatedAdminLabel(offer)}</dd>
      <dt>{t('desk_source')}</dt>
      <dd>{t(`desk_source_${offer.source}`)}</dd>
      <dt>{t('column_created')}</dt>
      <dd>{formatDateTime(offer.createdAt)}</dd>
      <dt>{t('desk_updated')}</dt>
      <dd>{formatDateTime(offer.updatedAt)}</dd>
      {trialId && (
        <>
          <dt>{t('desk_followUpOf')}</dt>
          <dd>
            <a
              href={links.href(trialId)}
              onClick={(e) => {
                // Modified clicks keep the browser's own handling (new tab, new window).
                if (e.ctrlKey || e.metaKey || e.shiftKey) return;
                e.preventDefault();
                links.open(trialId);
              }}
            >
              {t('desk_openTrial')}
            </a>
          </dd>
        </>
      )}
    </dl>
  );
}
