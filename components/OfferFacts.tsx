import type { ComponentChildren } from 'preact';
import type { LinkedOffers } from '@/lib/messaging/protocol';
import type { Offer } from '@/lib/offers/schema';
import { formatDateTime, t, type MessageKey } from '@/lib/i18n';
import { delegatedAdminLabel, offerName } from '@/lib/ui/offer-labels';
import { SubscriptionList } from './SubscriptionList';

export interface OfferLinks {
  open: (offerId: string) => void;
  href: (offerId: string) => string;
}

/** A link that opens another offer in the pane (a modified click keeps the browser's own handling: new tab, new window). */
function OfferLink({ offer, links }: { offer: Offer; links: OfferLinks }) {
  return (
    <a
      href={links.href(offer.id)}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        links.open(offer.id);
      }}
    >
      {offerName(offer)}
    </a>
  );
}

/** One kind of link, with each offer it names; an id whose offer was deleted since says so. */
function LinkedFact({ label, offers, storedId, children }: { label: MessageKey; offers: Offer[]; storedId?: string | undefined; children: (offer: Offer) => ComponentChildren }) {
  if (offers.length === 0 && !storedId) return null;
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>
        {offers.length === 0 ? (
          <span class="muted">{t('desk_linkGone')}</span>
        ) : (
          <ul class="plain linked-offers">
            {offers.map((offer) => (
              <li key={offer.id}>{children(offer)}</li>
            ))}
          </ul>
        )}
      </dd>
    </>
  );
}

/**
 * Everything captured about the offer, and the offers linked to it (the trial it follows up or
 * the purchase offers that follow it up, what it replaces and what replaced it), each a link that
 * opens that offer; a follow-up link can be undone here.
 */
export function OfferFacts({
  offer,
  links,
  linked,
  onUnlink,
}: {
  offer: Offer;
  links: OfferLinks;
  linked: LinkedOffers | undefined;
  /** Undoes the follow-up link between a purchase offer and a trial. */
  onUnlink: (purchase: Offer) => void;
}) {
  const unlinkButton = (purchase: Offer, other: Offer) => (
    <>
      {' '}
      <button type="button" class="link" aria-label={t('desk_unlinkOffer', offerName(other))} onClick={() => onUnlink(purchase)}>
        {t('desk_unlink')}
      </button>
    </>
  );
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
      {linked && (
        <>
          <LinkedFact label="desk_followUpOf" offers={linked.followUpOf ? [linked.followUpOf] : []} storedId={offer.followUpOf}>
            {(trial) => (
              <>
                <OfferLink offer={trial} links={links} />
                {unlinkButton(offer, trial)}
              </>
            )}
          </LinkedFact>
          <LinkedFact label="desk_followedUpBy" offers={linked.followedUpBy}>
            {(purchase) => (
              <>
                <OfferLink offer={purchase} links={links} />
                {unlinkButton(purchase, purchase)}
              </>
            )}
          </LinkedFact>
          <LinkedFact label="desk_replaces" offers={linked.replaces ? [linked.replaces] : []} storedId={offer.replaces}>
            {(older) => <OfferLink offer={older} links={links} />}
          </LinkedFact>
          <LinkedFact label="desk_replacedBy" offers={linked.replacedBy ? [linked.replacedBy] : []} storedId={offer.replacedBy}>
            {(newer) => <OfferLink offer={newer} links={links} />}
          </LinkedFact>
        </>
      )}
    </dl>
  );
}
