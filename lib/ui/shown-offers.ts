import { sendMessage } from '../messaging/client';
import type { HistoryView } from '../history-link';
import { historyViewFilter } from './history-view';
import type { OfferPage } from './offers-file';

/** Pages as large as the store serves, so an export asks few times. */
export const EXPORT_PAGE = 500;

/** A search finding more offers than one answer holds: its export could not be exact, so none is made. */
export class SearchTooLargeError extends Error {
  override name = 'SearchTooLargeError';
  constructor(readonly limit: number) {
    super(`The search finds ${limit} offers or more.`);
  }
}

/**
 * The pages of exactly the list a view shows, its filters, search and order included, for an
 * export: the store's pages (`cursor` the previous one's), or a search's matches in one answer.
 */
export function shownOffersReader(view: HistoryView): (cursor: string | undefined) => Promise<OfferPage> {
  const filter = historyViewFilter(view);
  return async (cursor) => {
    if (!view.q.trim()) return sendMessage({ type: 'offers.page', cursor, limit: EXPORT_PAGE, filter, ...(view.sort ? { sort: view.sort } : {}) });
    // A full answer may have left matches out.
    const { offers } = await sendMessage({ type: 'offers.search', query: view.q, limit: EXPORT_PAGE, filter });
    if (offers.length >= EXPORT_PAGE) throw new SearchTooLargeError(EXPORT_PAGE);
    return { offers, nextCursor: null };
  };
}
