import type { Handlers } from '../messaging/protocol';
import { offerDetailsPath } from '../history-link';

/** "View" in a page's notice: opens the offer's details on the history page in a new tab. */
export function createOpenOfferHandler(openTab: (path: string) => Promise<unknown>): Pick<Handlers, 'ui.openOffer'> {
  return {
    'ui.openOffer': async ({ id }) => {
      await openTab(offerDetailsPath(id));
      return { opened: true };
    },
  };
}
