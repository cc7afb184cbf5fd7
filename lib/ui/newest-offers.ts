import { sendMessage } from '../messaging/client';
import type { Offer } from '../offers/schema';
import { POPUP_OFFER_COUNT, takeEarlyRead } from './early-read';

export interface NewestOffersSources {
  /** The direct read of the offer database (null when it cannot answer). */
  read?: () => Promise<Offer[] | null>;
  /** The background's answer. */
  ask?: (limit: number) => Promise<Offer[]>;
  /** How long the direct read may take before the background is asked instead (an upgrade holding the database). */
  patienceMs?: number;
}

const askBackground = async (limit: number) => (await sendMessage({ type: 'offers.page', limit })).offers;

/**
 * The popup's newest offers (POPUP_OFFER_COUNT): read from the database at once when it can answer, so a stopped
 * worker is not started first; otherwise, or when the database keeps the read waiting, asked of
 * the background, which opens (and upgrades) it and reports why it cannot.
 */
export function newestOffers({ read = takeEarlyRead, ask = askBackground, patienceMs = 500 }: NewestOffersSources = {}): Promise<Offer[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fallBack = () => {
      if (settled) return;
      settled = true;
      ask(POPUP_OFFER_COUNT).then(resolve, reject);
    };
    const timer = setTimeout(fallBack, patienceMs);
    read().then(
      (offers) => {
        clearTimeout(timer);
        if (settled) return;
        if (!offers) fallBack();
        else {
          settled = true;
          resolve(offers);
        }
      },
      () => {
        clearTimeout(timer);
        fallBack();
      },
    );
  });
}
