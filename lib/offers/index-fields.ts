import type { StoredOffer } from './db';
import { stripUndefined } from './merge';
import type { Offer } from './schema';
import { offerWords } from './words';

export { fromStored } from './from-stored';

/** A record as the database keeps it: the offer plus its search words, which a search checks on each record it reads. */
export function toStored(offer: Offer): StoredOffer {
  const clean = stripUndefined(offer);
  return { ...clean, words: offerWords(clean) };
}
