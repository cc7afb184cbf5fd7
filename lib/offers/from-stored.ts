import type { StoredOffer } from './db';
import type { Offer } from './schema';

/**
 * Index fields of earlier versions: a record keeps them until it is next written. `urlKey` until
 * version 7; `statusKeys` and `offerStatusKey` until version 9; `awaitingKeys` and `awaitingSince`
 * until version 10.
 */
interface RetiredIndexFields {
  urlKey?: string;
  statusKeys?: unknown;
  offerStatusKey?: unknown;
  awaitingKeys?: unknown;
  awaitingSince?: unknown;
}

/**
 * The offer of a stored record, without the fields kept only for the indexes. Apart from
 * index-fields.ts (which computes them) so the popup's early reader loads nothing else.
 */
export function fromStored(stored: StoredOffer & RetiredIndexFields): Offer {
  const { urlKey: _u, words: _w, statusKeys: _s, offerStatusKey: _o, awaitingKeys: _a, awaitingSince: _since, ...offer } = stored;
  return offer;
}
