import { readNewestOffers } from '../offers/read-newest';
import type { Offer } from '../offers/schema';

/** How many offers the popup shows: the latest and the recent ones under it. */
export const POPUP_OFFER_COUNT = 6;

interface EarlyRead {
  offers: Promise<Offer[] | null>;
}
const scope = globalThis as { offerCourierEarlyRead?: EarlyRead };

/**
 * Starts reading the popup's offers from its first script, a classic one that runs while the
 * page's modules still load (entrypoints/popup-read.ts). The read is handed over once, through
 * the page's global scope, the only thing the two scripts share.
 */
export function startEarlyRead(): void {
  scope.offerCourierEarlyRead = { offers: readNewestOffers(POPUP_OFFER_COUNT) };
}

/** The popup's offers: the read started early, taken once, or a read started now (so nothing older is shown). */
export function takeEarlyRead(): Promise<Offer[] | null> {
  const early = scope.offerCourierEarlyRead;
  scope.offerCourierEarlyRead = undefined;
  return early?.offers ?? readNewestOffers(POPUP_OFFER_COUNT);
}
