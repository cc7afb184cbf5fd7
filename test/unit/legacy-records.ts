import type { StoredOffer } from '@/lib/offers/db';
import { toStored } from '@/lib/offers/index-fields';
import type { Offer } from '@/lib/offers/schema';
import { urlKey } from '@/lib/offers/words';

/** An offer's record as version 6 stored it: the quote's key beside the other index fields, for IndexedDB's unique `url` index. */
export function version6Record(offer: Offer): StoredOffer & { urlKey: string } {
  return { ...toStored(offer), urlKey: urlKey(offer) };
}

/** An offer's record as versions 4 and 5 stored it: the word index's keys, [word, createdAt], in place of its words. */
export function version5Record(offer: Offer): Omit<StoredOffer, 'words'> & { urlKey: string; wordKeys: [string, string][] } {
  const { words, ...fields } = version6Record(offer);
  return { ...fields, wordKeys: words.map((word) => [word, offer.createdAt]) };
}
