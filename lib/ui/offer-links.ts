import type { Offer, OfferKind } from '../offers/schema';

/**
 * What the advisor picks an offer from the list for: the offer that replaces this one, the trial
 * this purchase offer follows up, or a purchase offer that follows up this trial.
 */
export type LinkPurpose = 'replacement' | 'trial' | 'follow-up';

/** The kind of offer the list shows for a purpose: a replacement is of the same kind. */
export function candidateKind(current: Pick<Offer, 'kind'>, purpose: LinkPurpose): OfferKind {
  return purpose === 'replacement' ? current.kind : purpose === 'trial' ? 'trial' : 'purchase';
}

/**
 * Whether an offer from the list can take this link: never the offer itself nor one of another
 * kind; a replacement is neither the offer this one replaced nor an offer already replacing or
 * replaced; a follow-up does not already follow up this trial.
 */
export function isLinkCandidate(
  current: Pick<Offer, 'id' | 'kind' | 'replaces'>,
  purpose: LinkPurpose,
  other: Pick<Offer, 'id' | 'kind' | 'replaces' | 'replacedBy' | 'followUpOf'>,
): boolean {
  if (other.id === current.id || other.kind !== candidateKind(current, purpose)) return false;
  if (purpose === 'replacement') return other.id !== current.replaces && !other.replaces && !other.replacedBy;
  if (purpose === 'follow-up') return other.followUpOf !== current.id;
  return true;
}
