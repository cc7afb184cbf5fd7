import { sendMessage } from '../messaging/client';
import type { HistoryView } from '../history-link';
import { historyViewFilter } from './history-view';
import type { OfferPage } from './offers-file';

/** Pages as large as the store serves, so an export asks few times. */
export const EXPORT_PAGE = 500;

/**
 * The pages of exactly the list a view shows, its filters, search and order included, for an
 * export: the store's pages or a search's, `cursor` the previous one's.
 */
export function shownOffersReader(view: HistoryView): (cursor: string | undefined) => Promise<OfferPage> {
  const filter = historyViewFilter(view);
  return async (cursor) => {
    if (!view.q.trim()) return sendMessage({ type: 'offers.page', cursor, limit: EXPORT_PAGE, filter, ...(view.sort ? { sort: view.sort } : {}) });
    return sendMessage({ type: 'offers.search', query: view.q, cursor, limit: EXPORT_PAGE, filter });
  };
}
