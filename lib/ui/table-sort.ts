import { SORT_DIRECTIONS, SORT_KEYS, type OfferSort, type SortDirection, type SortKey } from '../offers/sort';
import type { HistoryView } from '../history-link';

/** A `sort` parameter ("status-asc") read back; anything else is no sort. */
export function parseSort(value: string | null): OfferSort | undefined {
  const [key, direction, ...rest] = (value ?? '').split('-');
  if (rest.length || !SORT_KEYS.includes(key as SortKey) || !SORT_DIRECTIONS.includes(direction as SortDirection)) return undefined;
  return { key: key as SortKey, direction: direction as SortDirection };
}

/**
 * The order the table shows: the one chosen, else newest first; none in a follow-up list left
 * unsorted (longest wait first, a column of its own). A search shows its matches newest first and
 * is not sorted by the store, so its columns offer no sort.
 */
export function shownSort(view: HistoryView): OfferSort | undefined {
  if (view.q.trim()) return undefined;
  return view.sort ?? (view.followUp ? undefined : { key: 'created', direction: 'desc' });
}

export const sortableView = (view: HistoryView): boolean => !view.q.trim();

/** A column header pressed: the same column turns around; another starts with its natural order (newest first, groups in order). */
export function nextSort(shown: OfferSort | undefined, key: SortKey): OfferSort {
  if (shown?.key === key) return { key, direction: shown.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'created' ? 'desc' : 'asc' };
}

/** The header's aria-sort for a column. */
export function ariaSort(shown: OfferSort | undefined, key: SortKey): 'ascending' | 'descending' | 'none' {
  if (shown?.key !== key) return 'none';
  return shown.direction === 'asc' ? 'ascending' : 'descending';
}
