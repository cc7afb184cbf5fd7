import { lastSentAt, offerStatus } from './customers';
import { OFFER_KINDS, type CustomerStatus, type Offer, type OfferCustomer, type OfferKind, type OfferStatus } from './schema';
import { CUSTOMER_STATUSES, OFFER_STATUSES, STATUS_RULES } from './statuses';

/**
 * The pipeline overview's figures as counters: each offer contributes to some, and every write
 * applies the difference between the offer before and after to the stored totals, so the
 * overview never reads the offers themselves.
 *
 * Counter names:
 * - `offers|<status>`: offers whose derived status is that (`offerStatus`);
 * - `customers|<status>`: customers standing at that status;
 * - `licenses|offered`: licenses of every offer's subscriptions;
 * - `licenses|accepted`: the same, of offers with an accepted customer. An offer is one quote, so
 *   two customers accepting it count its licenses once;
 * - `<measure>|<YYYY-MM>|<segment>`, per month in the browser's time zone when the write happened
 *   (the advisor's month): `sent` (an offer's first send), `accepted`
 *   (when the offer was accepted) and `sentAccepted` (an offer accepted now, in its first send's
 *   month: the acceptance rate's numerator); segment `all`, `kind:<kind>` or `location:<text>`;
 * - `waits|<YYYY-MM-DD>`: customers awaiting a reply whose wait began that day (UTC, the day of
 *   their `awaitingKeys`), so that counting the overdue ones reads the index for one day only;
 * - `locations|<text>`: offers used in that location, so that the location filter lists them
 *   without reading the offers or an index of them.
 */
export type Totals = Map<string, number>;

/**
 * Which counters the stored totals hold: 2 since the waits per day, 3 since the offers per
 * location. Totals counted before (or in another time zone) are counted again from the offers by
 * the next write or overview.
 */
export const TOTALS_COUNTERS = 3;

/** The day a wait's start falls in, as its counter names it: the first ten characters of its UTC time. */
export const waitDay = (since: string) => since.slice(0, 10);

export const MONTH_MEASURES = ['sent', 'accepted', 'sentAccepted'] as const;
type MonthMeasure = (typeof MONTH_MEASURES)[number];

/** A time in UTC, so that times compare as text; one that does not parse is kept as it is rather than failing an upgrade. */
const utc = (at: string) => {
  const time = Date.parse(at);
  return Number.isNaN(time) ? at : new Date(time).toISOString();
};
/** The browser's time zone (IANA name), the one the month counters are counted in. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A date's month in the browser's time zone, `YYYY-MM`. */
const localMonth = (date: Date) => `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}`;
/** The advisor's month of a time; one that does not parse keeps its leading `YYYY-MM` rather than failing an upgrade. */
const monthOf = (at: string) => {
  const time = Date.parse(at);
  return Number.isNaN(time) ? at.slice(0, 7) : localMonth(new Date(time));
};
const earliest = (times: Iterable<string | undefined>): string | undefined => {
  let first: string | undefined;
  for (const at of times) if (at !== undefined && (first === undefined || utc(at) < utc(first))) first = at;
  return first;
};

/** When the offer first went to a customer: the earliest send or change to `sent` of any customer. */
export function firstSentAt(offer: Pick<Offer, 'customers'>): string | undefined {
  return earliest(
    offer.customers.flatMap((customer) => [customer.sends[0]?.at, customer.history.find((change) => change.status === 'sent')?.at]),
  );
}

/** When the offer was accepted: the earliest change to `accepted` of a customer who stands there now. */
export function acceptedAt(offer: Pick<Offer, 'customers' | 'updatedAt'>): string | undefined {
  const accepted = offer.customers.filter((customer) => customer.status === 'accepted');
  if (accepted.length === 0) return undefined;
  return earliest(accepted.map((customer) => customer.history.findLast((change) => change.status === 'accepted')?.at)) ?? offer.updatedAt;
}

const awaits = (customer: OfferCustomer) => STATUS_RULES[customer.status].awaitsCustomer;

/**
 * Since when a customer awaiting a reply has waited: the last send (UTC, so that times compare as
 * text in an index), else their last status change (a status set by hand before sends were kept).
 */
export function awaitingSince(customer: OfferCustomer, offer: Pick<Offer, 'updatedAt'>): string | undefined {
  if (!awaits(customer)) return undefined;
  return utc(lastSentAt(customer) ?? customer.history.at(-1)?.at ?? offer.updatedAt);
}

/** The awaiting customers' waits, one [since, customer id] each: overdue follow-ups are counted on these. */
export function awaitingKeys(offer: Pick<Offer, 'customers' | 'updatedAt'>): [string, string][] {
  return offer.customers.flatMap((customer) => {
    const since = awaitingSince(customer, offer);
    return since ? [[since, customer.id] as [string, string]] : [];
  });
}

/** When the longest wait of the offer's customers for a reply began, if any awaits one. */
export function oldestWait(offer: Pick<Offer, 'customers' | 'updatedAt'>): string | undefined {
  let oldest: string | undefined;
  for (const [since] of awaitingKeys(offer)) if (oldest === undefined || since < oldest) oldest = since;
  return oldest;
}

/** What one offer adds to the totals. */
export function contribution(offer: Offer): Totals {
  const totals: Totals = new Map();
  const add = (key: string, amount: number) => {
    if (amount) totals.set(key, (totals.get(key) ?? 0) + amount);
  };
  const status = offerStatus(offer);
  add(`offers|${status}`, 1);
  for (const customer of offer.customers) add(`customers|${customer.status}`, 1);
  const licenses = offer.subscriptions.reduce((sum, subscription) => sum + (subscription.licenses ?? 0), 0);
  add('licenses|offered', licenses);
  if (status === 'accepted') add('licenses|accepted', licenses);
  const segments = ['all', `kind:${offer.kind}`, ...(offer.usageLocation ? [`location:${offer.usageLocation}`] : [])];
  const inMonth = (measure: MonthMeasure, at: string | undefined) => {
    if (at !== undefined) for (const segment of segments) add(`${measure}|${monthOf(at)}|${segment}`, 1);
  };
  const sent = firstSentAt(offer);
  const accepted = acceptedAt(offer);
  inMonth('sent', sent);
  inMonth('accepted', accepted);
  if (accepted !== undefined) inMonth('sentAccepted', sent);
  for (const [since] of awaitingKeys(offer)) add(`waits|${waitDay(since)}`, 1);
  if (offer.usageLocation) add(`${LOCATION_COUNTER}${offer.usageLocation}`, 1);
  return totals;
}

const LOCATION_COUNTER = 'locations|';

/** The usage locations some offer has, sorted for the filter's list. */
export function usageLocationsIn(totals: Totals): string[] {
  const locations: string[] = [];
  for (const key of totals.keys()) if (key.startsWith(LOCATION_COUNTER)) locations.push(key.slice(LOCATION_COUNTER.length));
  return locations.sort((a, b) => a.localeCompare(b));
}

/** Adds `sign` times `change` to `totals` in place (for sums over many offers), dropping counters that fall to zero. */
export function addInto(totals: Totals, change: Totals, sign: 1 | -1 = 1): Totals {
  for (const [key, amount] of change) {
    const value = (totals.get(key) ?? 0) + sign * amount;
    if (value === 0) totals.delete(key);
    else totals.set(key, value);
  }
  return totals;
}

/** The totals after one offer went from `before` to `after` (undefined: not stored). */
export function applyDifference(totals: Totals, before: Offer | undefined, after: Offer | undefined): Totals {
  const next = new Map(totals);
  if (before) addInto(next, contribution(before), -1);
  if (after) addInto(next, contribution(after));
  return next;
}

/** How far the advisor got with the stored offers (the welcome page's checklist). */
export interface ProgressFacts {
  /** Offers saved, captured or entered by hand. */
  offers: number;
  /** Whether some customer of some offer was ever sent an offer. */
  sent: boolean;
}

/** Whether any offer ever went to a customer: some month counts an offer's first send. */
export const anySent = (totals: Totals): boolean => [...totals].some(([key, count]) => key.startsWith('sent|') && key.endsWith('|all') && count > 0);

/** The totals of a set of offers, from scratch. */
export function totalsOf(offers: Iterable<Offer>): Totals {
  const totals: Totals = new Map();
  for (const offer of offers) addInto(totals, contribution(offer));
  return totals;
}

/** One line of the chart: offers sent, accepted and sent-then-accepted per month, oldest month first. */
export interface MonthSeries {
  sent: number[];
  accepted: number[];
  sentAccepted: number[];
}

export interface PipelineOverview {
  offers: Record<OfferStatus, number>;
  customers: Record<CustomerStatus, number>;
  licenses: { offered: number; accepted: number };
  awaitingCustomers: number;
  overdue: {
    customers: number;
    /** The delay after a send that makes a follow-up overdue: the reminder delay, or the default when reminders are off. */
    days: number;
    remindersOn: boolean;
  };
  /** The last 12 months in the browser's time zone, `YYYY-MM`, oldest first; the current month last. */
  months: string[];
  all: MonthSeries;
  byKind: Record<OfferKind, MonthSeries>;
  /** Usage locations that had offers sent or accepted in those months, by name. */
  byLocation: { location: string; series: MonthSeries }[];
}

export const OVERVIEW_MONTHS = 12;
/** When reminders are off, a follow-up counts as overdue a week after the last send. */
export const DEFAULT_OVERDUE_DAYS = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The `count` months ending with `now`'s, in the browser's time zone, oldest first. */
export function lastMonths(now: Date, count = OVERVIEW_MONTHS): string[] {
  return Array.from({ length: count }, (_, i) => localMonth(new Date(now.getFullYear(), now.getMonth() - (count - 1 - i), 1)));
}

/** Customers at a status that awaits their reply. */
export const awaitingCustomers = (totals: Totals): number =>
  CUSTOMER_STATUSES.filter((status) => STATUS_RULES[status].awaitsCustomer).reduce((sum, status) => sum + (totals.get(`customers|${status}`) ?? 0), 0);

/**
 * Waits that began after `cutoff` are counted in two parts: the totals count the days after the
 * cutoff's (`waitsOfLaterDays`), and the index of waits (`[since, customer id]`) the cutoff's own
 * day (`cutoffDayRange`). Keys compare as text, so the range ends before the first text that does
 * not start with the cutoff's day.
 */
export function waitsOfLaterDays(totals: Totals, cutoff: string): number {
  const day = waitDay(cutoff);
  let count = 0;
  for (const [key, waits] of totals) if (key.startsWith('waits|') && key.slice('waits|'.length) > day) count += waits;
  return count;
}

/** Of the waits listed for `cutoff`'s day (see waitsOfLaterDays), how many began after it. */
export function laterWaitsOfCutoffDay(sinces: readonly string[], cutoff: string): number {
  const day = waitDay(cutoff);
  return sinces.filter((since) => waitDay(since) === day && since > cutoff).length;
}

/** How many offers the totals count (none when there are no totals yet). */
export const offerCount = (totals: Totals | undefined): number =>
  OFFER_STATUSES.reduce((sum, status) => sum + (totals?.get(`offers|${status}`) ?? 0), 0);

/** The overview from the totals and the overdue count (which depends on the time: see waitsOfLaterDays). */
export function readOverview(totals: Totals, now: Date, overdue: PipelineOverview['overdue']): PipelineOverview {
  const count = (key: string) => totals.get(key) ?? 0;
  const months = lastMonths(now);
  const series = (segment: string): MonthSeries => ({
    sent: months.map((month) => count(`sent|${month}|${segment}`)),
    accepted: months.map((month) => count(`accepted|${month}|${segment}`)),
    sentAccepted: months.map((month) => count(`sentAccepted|${month}|${segment}`)),
  });
  const shown = new Set(months);
  const locations = new Set<string>();
  for (const key of totals.keys()) {
    const [measure, month] = key.split('|', 2);
    const segment = key.slice(`${measure}|${month}|`.length);
    if (month && shown.has(month) && segment.startsWith('location:')) locations.add(segment.slice('location:'.length));
  }
  const customers = Object.fromEntries(CUSTOMER_STATUSES.map((status) => [status, count(`customers|${status}`)])) as Record<CustomerStatus, number>;
  return {
    offers: Object.fromEntries(OFFER_STATUSES.map((status) => [status, count(`offers|${status}`)])) as Record<OfferStatus, number>,
    customers,
    licenses: { offered: count('licenses|offered'), accepted: count('licenses|accepted') },
    awaitingCustomers: awaitingCustomers(totals),
    overdue,
    months,
    all: series('all'),
    byKind: Object.fromEntries(OFFER_KINDS.map((kind) => [kind, series(`kind:${kind}`)])) as Record<OfferKind, MonthSeries>,
    byLocation: [...locations].sort((a, b) => a.localeCompare(b)).map((location) => ({ location, series: series(`location:${location}`) })),
  };
}

/** Offers accepted among those sent, as a whole percentage; null when none was sent. */
export function acceptanceRate(series: MonthSeries): number | null {
  const sent = series.sent.reduce((a, b) => a + b, 0);
  const accepted = series.sentAccepted.reduce((a, b) => a + b, 0);
  return sent ? Math.round((accepted / sent) * 100) : null;
}
