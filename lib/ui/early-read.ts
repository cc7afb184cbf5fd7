import { readNewestOffers } from '../offers/read-newest';
import type { Offer } from '../offers/schema';

/** How many offers the popup shows: the latest and the recent ones under it. */
export const POPUP_OFFER_COUNT = 6;

let earlyRead: Promise<Offer[] | null> | undefined;

/** Starts reading the popup's offers before its first render (entrypoints/popup-app.tsx). */
export function startEarlyRead(): void {
  earlyRead = readNewestOffers(POPUP_OFFER_COUNT);
}

/** The popup's offers: the read started early, taken once, or a read started now (so nothing older is shown). */
export function takeEarlyRead(): Promise<Offer[] | null> {
  const early = earlyRead;
  earlyRead = undefined;
  return early ?? readNewestOffers(POPUP_OFFER_COUNT);
}
