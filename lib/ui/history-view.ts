import { OFFER_KINDS, OFFER_STATUSES } from '../offers/schema';
import type { PageFilter } from '../messaging/protocol';
import { FOLLOW_UPS, type HistoryView } from '../history-link';
import { parseSort } from './table-sort';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;
const text = (value: string | null, max = 200) => (value ? value.slice(0, max) : undefined);
const date = (value: string | null) => (value && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined);

/** Reads a view from a query string; unknown or malformed parameters are dropped, never trusted. */
export function parseHistoryView(search: string): HistoryView {
  const params = new URLSearchParams(search);
  const view: HistoryView = { q: text(params.get('q'), 500) ?? '' };
  const status = oneOf(OFFER_STATUSES, params.get('status'));
  const offerStatus = oneOf(OFFER_STATUSES, params.get('offerStatus'));
  const followUp = oneOf(FOLLOW_UPS, params.get('followUp'));
  const kind = oneOf(OFFER_KINDS, params.get('kind'));
  const location = text(params.get('location'));
  const from = date(params.get('from'));
  const to = date(params.get('to'));
  const offer = text(params.get('offer'), 64);
  const sort = parseSort(params.get('sort'));
  if (status) view.status = status;
  if (offerStatus) view.offerStatus = offerStatus;
  if (followUp) view.followUp = followUp;
  if (kind) view.kind = kind;
  if (location) view.location = location;
  if (from) view.from = from;
  if (to) view.to = to;
  if (sort) view.sort = sort;
  if (offer) view.offer = offer;
  return view;
}

/** Local midnight of a YYYY-MM-DD date as an ISO timestamp, `days` later. */
function localMidnight(day: string, days = 0): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, dayOfMonth + days).toISOString();
}

/** The store filter for a view: date inputs are local calendar days, the store compares UTC instants. */
export function historyViewFilter(view: HistoryView): PageFilter {
  const filter: PageFilter = {};
  if (view.status) filter.status = view.status;
  if (view.offerStatus) filter.offerStatus = view.offerStatus;
  if (view.followUp) filter.followUp = view.followUp;
  if (view.kind) filter.kind = view.kind;
  if (view.location) filter.usageLocation = view.location;
  if (view.from) filter.from = localMidnight(view.from);
  if (view.to) filter.to = localMidnight(view.to, 1);
  return filter;
}

/** True when the view narrows the list (the page then says "no offer matches" rather than "no offers yet"). */
export function isFiltered(view: HistoryView): boolean {
  return Boolean(view.q.trim() || view.status || view.offerStatus || view.followUp || view.kind || view.location || view.from || view.to);
}
