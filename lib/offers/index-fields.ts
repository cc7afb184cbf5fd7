import type { StoredOffer } from './db';
import { stripUndefined } from './merge';
import type { Offer } from './schema';
import { awaitingKeys } from './stats';
import { offerWords } from './words';

export { fromStored } from './from-stored';

/** A record as the database keeps it: the offer plus the fields its indexes read. */
export function toStored(offer: Offer): StoredOffer {
  const clean = stripUndefined(offer);
  const waits = awaitingKeys(clean);
  const oldestWait = waits.map(([since]) => since).sort()[0];
  return {
    ...clean,
    words: offerWords(clean),
    awaitingKeys: waits,
    ...(oldestWait ? { awaitingSince: [oldestWait, clean.createdAt, clean.id] as [string, string, string] } : {}),
  };
}
