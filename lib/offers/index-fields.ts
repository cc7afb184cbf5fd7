import { customerStatuses } from './customers';
import type { StoredOffer } from './db';
import { stripUndefined } from './merge';
import type { Offer } from './schema';
import { offerWords, urlKey } from './words';

/** A record as the database keeps it: the offer plus the fields its indexes read. */
export function toStored(offer: Offer): StoredOffer {
  const clean = stripUndefined(offer);
  return {
    ...clean,
    urlKey: urlKey(clean),
    words: offerWords(clean),
    statusKeys: customerStatuses(clean).map((status) => [status, clean.createdAt, clean.id]),
  };
}

export function fromStored(stored: StoredOffer): Offer {
  const { urlKey: _u, words: _w, statusKeys: _s, ...offer } = stored;
  return offer;
}
