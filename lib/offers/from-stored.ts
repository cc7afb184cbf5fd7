import type { StoredOffer } from './db';
import type { Offer } from './schema';

/**
 * The offer of a stored record, without the fields kept only for the indexes. Apart from
 * index-fields.ts (which computes them) so the popup's early reader loads nothing else.
 */
export function fromStored(stored: StoredOffer & { urlKey?: string }): Offer {
  // `urlKey` was an index field until version 7; a record keeps it until it is next written.
  const { urlKey: _u, words: _w, statusKeys: _s, offerStatusKey: _o, awaitingKeys: _a, awaitingSince: _since, ...offer } = stored;
  return offer;
}
