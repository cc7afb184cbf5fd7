import { OFFER_KINDS, OFFER_STATUSES, type OfferKind, type OfferStatus } from './schema';

/**
 * The orders the store serves from its indexes, so a sorted list pages at any size: by creation
 * date (the `newest` index, and every filter's index or keyed terms, list offers by [createdAt,
 * id]), and by kind or by the offer's status (the holders of each value's keyed term, newest
 * first within each). Columns no index orders (customers, subscriptions, summary ID, which offers
 * without one are absent from) are not sortable.
 */
export const SORT_KEYS = ['created', 'kind', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export interface OfferSort {
  key: SortKey;
  direction: SortDirection;
}

/** Each grouped order's values, ascending: kinds as declared, statuses in the pipeline's order (pending to withdrawn). */
const GROUPS = { kind: OFFER_KINDS, status: OFFER_STATUSES } as const satisfies Record<Exclude<SortKey, 'created'>, readonly string[]>;
export type GroupedSortKey = keyof typeof GROUPS;

/** A grouped order's values in the order the list shows them. */
export function sortGroups(key: GroupedSortKey, direction: SortDirection): readonly (OfferKind | OfferStatus)[] {
  const groups: readonly (OfferKind | OfferStatus)[] = GROUPS[key];
  return direction === 'asc' ? groups : [...groups].reverse();
}
