import type { StoredOffer } from '@/lib/offers/db';
import { toStored } from '@/lib/offers/index-fields';
import type { Offer } from '@/lib/offers/schema';

/** An offer's record as versions 4 and 5 stored it: the word index's keys, [word, createdAt], in place of its words. */
export function version5Record(offer: Offer): Omit<StoredOffer, 'words'> & { wordKeys: [string, string][] } {
  const { words, ...fields } = toStored(offer);
  return { ...fields, wordKeys: words.map((word) => [word, offer.createdAt]) };
}
