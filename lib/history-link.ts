import type { OfferKind, OfferStatus } from './offers/schema';
import type { OfferSort } from './offers/sort';

/**
 * Links into the history page, for every context that makes one (pages, reminders, the
 * background's "View" handler): one builder, so a link keeps the whole view, filters included.
 */

export const HISTORY_PAGE = '/history.html';

/** The follow-up lists: offers with customers awaiting a reply, and those whose follow-up is overdue. */
export const FOLLOW_UPS = ['awaiting', 'overdue'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

/** What the history page shows: kept in its URL so that a view can be bookmarked and shared. */
export interface HistoryView {
  q: string;
  /** Some customer stands at this status. */
  status?: OfferStatus;
  /** The offer's own status (derived from its customers'). */
  offerStatus?: OfferStatus;
  followUp?: FollowUp;
  kind?: OfferKind;
  location?: string;
  /** Calendar dates (YYYY-MM-DD) in the advisor's time zone, both inclusive. */
  from?: string;
  to?: string;
  /** The table's order, when the advisor chose one; none: newest first (longest wait first in a follow-up list). */
  sort?: OfferSort;
  /** The offer open in the details pane. */
  offer?: string;
}

/** The query string for a view ("" for the plain list), parameters in a stable order. */
export function historyViewSearch(view: HistoryView): string {
  const params = new URLSearchParams();
  if (view.q.trim()) params.set('q', view.q);
  for (const key of ['status', 'offerStatus', 'followUp', 'kind', 'location', 'from', 'to'] as const) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  if (view.sort) params.set('sort', `${view.sort.key}-${view.sort.direction}`);
  if (view.offer) params.set('offer', view.offer);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The history page with one offer's details open. */
export const offerDetailsPath = (offerId: string, view: HistoryView = { q: '' }) => `${HISTORY_PAGE}${historyViewSearch({ ...view, offer: offerId })}`;
