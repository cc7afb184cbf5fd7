import { LIMITS } from './limits';
import { foldText, withoutInvisible } from './normalize';
import type { CustomerIdentity, CustomerStatus, Offer, OfferCustomer, Send } from './schema';
import { INITIAL_STATUS, STATUS_RULES } from './statuses';

/**
 * The customers of an offer, as pure functions over the stored record: who is who, what a draft
 * or a send in a compose window does to them, and the offer's status derived from theirs.
 */

/** A compose window's event: the message went into a draft, or the advisor sent it. */
export interface ComposeEvent {
  kind: 'draft' | 'send';
  /** Stamped once by the content script, so a retried record is recognised as the same event. */
  at: string;
  provider: Send['provider'];
  subject?: string;
  /** The recipients the window showed at that moment (an address, a name, or both). */
  recipients: { email?: string; name?: string }[];
}

const emailKey = (email: string | undefined) => email?.trim().toLowerCase() || undefined;
const nameKey = (name: string | undefined) => (name?.trim() ? foldText(name.trim()) : undefined);

/**
 * The customer an identity names: the same address (case-insensitive), else, for a name, the
 * customer known by that name alone (an Outlook contact whose address was not shown). A name
 * never matches a customer who has another address.
 */
export function findCustomer(customers: readonly OfferCustomer[], who: CustomerIdentity): OfferCustomer | undefined {
  const email = emailKey(who.email);
  if (email) {
    const byEmail = customers.find((customer) => emailKey(customer.email) === email);
    if (byEmail) return byEmail;
  }
  const name = nameKey(who.name);
  if (!name) return undefined;
  return customers.find((customer) => !customer.email && nameKey(customer.name) === name);
}

export const hasIdentity = (who: CustomerIdentity): boolean => Boolean(who.email?.trim() || who.name?.trim() || who.company?.trim());

/** A new customer at `status`, with only the identity fields that hold text. */
export function newCustomer(id: string, who: CustomerIdentity, at: string, status: CustomerStatus = INITIAL_STATUS): OfferCustomer {
  return { id, ...cleanIdentity(who), status, history: [{ status, at }], sends: [] };
}

/**
 * The identity fields that hold text, trimmed and without invisible characters: a name typed by
 * hand or read from a page goes into later emails, where a bidi override would disguise it.
 */
export function cleanIdentity(who: CustomerIdentity): CustomerIdentity {
  const clean: CustomerIdentity = {};
  for (const field of ['name', 'email', 'company'] as const) {
    const value = who[field] === undefined ? undefined : withoutInvisible(who[field]).trim();
    if (value) clean[field] = value;
  }
  return clean;
}

/** The customer moved to `status` at `at`; the same customer when it already stands there. */
export function withStatus(customer: OfferCustomer, status: CustomerStatus, at: string): OfferCustomer {
  if (customer.status === status) return customer;
  return { ...customer, status, history: [...customer.history, { status, at }].slice(-LIMITS.history) };
}

/**
 * Undoes the move to `status` made at `at` (a bulk change): the customer as before it while it is
 * still their last change; 'changed-since' when a later change followed, a status or a send (which
 * adds no status to a customer sent already): they stay as they are. 'untouched' when that change
 * never moved them (they stood at `status` already).
 */
export function withStatusUndone(customer: OfferCustomer, status: CustomerStatus, at: string): OfferCustomer | 'changed-since' | 'untouched' {
  const moved = (entry: OfferCustomer['history'][number]) => entry.status === status && entry.at === at;
  if (!customer.history.some(moved)) return 'untouched';
  const last = customer.history.at(-1);
  const previous = customer.history.at(-2);
  const sentSince = customer.sends.some((send) => send.at > at);
  if (last && previous && moved(last) && customer.status === status && !sentSince) return { ...customer, status: previous.status, history: customer.history.slice(0, -1) };
  return 'changed-since';
}

/** Fills the identity fields the customer lacks (an address learnt at Send), never overwriting one. */
function withMissingIdentity(customer: OfferCustomer, who: CustomerIdentity): OfferCustomer {
  const known = cleanIdentity(who);
  const missing = (['name', 'email', 'company'] as const).filter((field) => !customer[field] && known[field]);
  if (missing.length === 0) return customer;
  return { ...customer, ...Object.fromEntries(missing.map((field) => [field, known[field]])) };
}

/** Statuses a draft moves on: a customer already further along stays where they are. */
const DRAFT_MOVES: readonly CustomerStatus[] = ['pending'];
/** Statuses a send moves to "sent": a customer who already answered keeps the answer. */
const SEND_MOVES: readonly CustomerStatus[] = ['pending', 'drafted', 'sent', 'withdrawn', 'expired'];

/**
 * What a draft or a send does to the offer's customers: each recipient is found or added, a draft
 * makes a pending customer `drafted`, a send makes each recipient `sent` and records the send on
 * them. A send already recorded (same moment and provider) is a retry and changes nothing.
 * Returns the same array when nothing changed.
 */
export function applyComposeEvent(customers: readonly OfferCustomer[], event: ComposeEvent, newId: () => string): OfferCustomer[] {
  let next = [...customers];
  let changed = false;
  for (const recipient of event.recipients) {
    const who = cleanIdentity(recipient);
    if (!who.email && !who.name) continue;
    const found = findCustomer(next, who);
    if (!found && next.length >= LIMITS.customers) continue;
    const before = found ?? newCustomer(newId(), who, event.at);
    let after = withMissingIdentity(before, who);
    if (event.kind === 'draft') {
      if (DRAFT_MOVES.includes(after.status)) after = withStatus(after, 'drafted', event.at);
    } else if (!after.sends.some((send) => send.at === event.at && send.provider === event.provider)) {
      const send: Send = { at: event.at, provider: event.provider, ...(event.subject ? { subject: event.subject } : {}) };
      after = { ...after, sends: [...after.sends, send].sort((a, b) => a.at.localeCompare(b.at)).slice(-LIMITS.history) };
      if (SEND_MOVES.includes(after.status)) after = withStatus(after, 'sent', event.at);
    }
    if (!found) {
      next = [...next, after];
      changed = true;
    } else if (after !== found) {
      next = next.map((customer) => (customer === found ? after : customer));
      changed = true;
    }
  }
  return changed ? next : [...customers];
}

/** The offer's status: its customers' highest by rank (a sale, then open work); `pending` without customers. */
export function offerStatus(offer: Pick<Offer, 'customers'>): CustomerStatus {
  let best: CustomerStatus | undefined;
  for (const { status } of offer.customers) if (!best || STATUS_RULES[status].rank > STATUS_RULES[best].rank) best = status;
  return best ?? INITIAL_STATUS;
}

/**
 * Every status some customer of the offer stands at; none for an offer without customers, which
 * the customer-status filter leaves out as the overview's customer figures do (until version 8 it
 * stood at `pending`, and the overview's "0 Pending customers" opened it).
 */
export function customerStatuses(offer: Pick<Offer, 'customers'>): CustomerStatus[] {
  return [...new Set(offer.customers.map((customer) => customer.status))];
}

/** How many customers stand at each status, in the registry's order, leaving out zeros. */
export function statusCounts(offer: Pick<Offer, 'customers'>): { status: CustomerStatus; count: number }[] {
  const counts = new Map<CustomerStatus, number>();
  for (const { status } of offer.customers) counts.set(status, (counts.get(status) ?? 0) + 1);
  return (Object.keys(STATUS_RULES) as CustomerStatus[]).flatMap((status) => {
    const count = counts.get(status);
    return count ? [{ status, count }] : [];
  });
}

/**
 * The customer a message's greeting names: the only customer, else the newest one not reached
 * yet; none when the offer goes to several people at once (the greeting then stays general).
 */
export function greetedCustomer(offer: Pick<Offer, 'customers'>): OfferCustomer | undefined {
  if (offer.customers.length === 1) return offer.customers[0];
  return offer.customers.findLast((customer) => customer.status === 'pending');
}

/** How a customer is named in lists and notices: company, name, address, in that order of preference. */
export const customerLabel = (customer: CustomerIdentity): string => customer.company || customer.name || customer.email || '';

/**
 * Unites two customer lists of one offer (a capture, an import): the same person (by address or
 * name) is one customer whose histories and sends are united and whose status is the latest
 * change's. Returns the first list itself when the second adds nothing.
 */
export function unitedCustomers(existing: readonly OfferCustomer[], incoming: readonly OfferCustomer[] | undefined): OfferCustomer[] {
  if (!incoming?.length) return existing as OfferCustomer[];
  let next = [...existing];
  let changed = false;
  for (const customer of incoming) {
    const found = next.find((known) => known.id === customer.id) ?? findCustomer(next, customer);
    if (!found) {
      if (next.length >= LIMITS.customers) continue;
      const { name: _n, email: _e, company: _c, ...rest } = customer;
      next = [...next, { ...rest, ...cleanIdentity(customer) }];
      changed = true;
      continue;
    }
    const united = uniteCustomer(found, customer);
    if (united !== found) {
      next = next.map((known) => (known === found ? united : known));
      changed = true;
    }
  }
  return changed ? next : (existing as OfferCustomer[]);
}

/** One customer from two records of them: identity gaps filled, histories and sends united. */
export function uniteCustomer(kept: OfferCustomer, other: OfferCustomer): OfferCustomer {
  const history = unionByTime(kept.history, other.history, (change) => `${change.status}|${change.at}`);
  const sends = unionByTime(kept.sends, other.sends, (send) => `${send.at}|${send.provider}`);
  const status = history.at(-1)?.status ?? kept.status;
  const united = { ...withMissingIdentity(kept, other), status, history, sends };
  return JSON.stringify(united) === JSON.stringify(kept) ? kept : united;
}

function unionByTime<T extends { at: string }>(a: readonly T[], b: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of [...a, ...b]) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()].sort((x, y) => x.at.localeCompare(y.at)).slice(-LIMITS.history);
}

/** When the customer was last sent the offer: the latest send, else the latest change to `sent` (marked by hand). */
export function lastSentAt(customer: OfferCustomer): string | undefined {
  const send = customer.sends.at(-1)?.at;
  const marked = customer.history.findLast((change) => change.status === 'sent')?.at;
  if (!send) return marked;
  if (!marked) return send;
  return send > marked ? send : marked;
}
