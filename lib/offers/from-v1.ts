import { isEmailAddress } from '../email-address';
import { cleanIdentity, findCustomer, hasIdentity } from './customers';
import { LIMITS } from './limits';
import type { CustomerIdentity, CustomerStatus, Offer, OfferCustomer, Send, StatusChange } from './schema';

/**
 * Schema version 1 kept one customer and one status per offer, and counted an insertion as a send.
 * This maps such a record (from the v1 database or a v1 backup) to today's shape, losing nothing:
 * the one customer keeps the offer's status and history; each address a send went to is a
 * customer who was sent the offer. Customer ids are derived from the offer's, so mapping the same
 * record twice (a v1 backup imported again) gives the same customers.
 */

interface V1Send {
  at: string;
  provider: Send['provider'];
  to?: string;
  subject?: string;
}
export interface V1Offer {
  id: string;
  customer?: CustomerIdentity;
  status?: string;
  statusHistory?: { status: string; at: string }[];
  sends?: V1Send[];
  createdAt: string;
  updatedAt?: string;
  [field: string]: unknown;
}

const V1_STATUSES: Readonly<Record<string, CustomerStatus>> = {
  created: 'pending',
  sent: 'sent',
  accepted: 'accepted',
  declined: 'declined',
  expired: 'expired',
  withdrawn: 'withdrawn',
};
/** The v1 fields that v2 replaced, and the index fields of the v1 database (recomputed on write). */
const DROPPED: ReadonlySet<string> = new Set(['customer', 'status', 'statusHistory', 'sends', 'customerKey', 'urlKey', 'words']);

/** Splits at commas and semicolons outside double quotes: v1 quoted a name holding one ("Dubois, Claire"). */
function entriesOf(to: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of to) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === ',' || char === ';')) {
      entries.push(current);
      current = '';
    } else current += char;
  }
  return [...entries, current];
}

const unquoted = (name: string) => name.replace(/"/g, '');

/** "Name <a@b>, c@d, Name" as v1 recorded a send's recipients, split into identities; a name is never taken for an address. */
function recipientsOf(to: string | undefined): CustomerIdentity[] {
  if (!to) return [];
  return entriesOf(to)
    .map((entry) => {
      const text = entry.trim();
      const bracketed = /^([^<>]*)<([^<>]+)>$/.exec(text);
      const address = bracketed?.[2]?.trim();
      if (bracketed && address && isEmailAddress(address)) return cleanIdentity({ name: unquoted(bracketed[1] ?? ''), email: address });
      return isEmailAddress(text) ? { email: text } : cleanIdentity({ name: unquoted(text) });
    })
    .filter(hasIdentity);
}

/** The offer's status changes after creation, with v1's current status last even when its history lost it. */
function historyOf(record: V1Offer): StatusChange[] {
  const history = (record.statusHistory ?? []).flatMap(({ status, at }) => {
    const mapped = V1_STATUSES[status];
    return mapped && mapped !== 'pending' ? [{ status: mapped, at }] : [];
  });
  const status = V1_STATUSES[record.status ?? 'created'];
  if (status && status !== 'pending' && history.at(-1)?.status !== status) history.push({ status, at: record.updatedAt ?? record.createdAt });
  return history;
}

/** Fills the identity fields the customer lacks from what a send showed, never overwriting one. */
function learn(customer: OfferCustomer, who: CustomerIdentity): void {
  for (const field of ['name', 'email', 'company'] as const) if (!customer[field] && who[field]) customer[field] = who[field];
}

export function offerFromV1(record: V1Offer): Offer {
  const rest = Object.fromEntries(Object.entries(record).filter(([field]) => !DROPPED.has(field)));
  const customers: OfferCustomer[] = [];
  // Derived from the offer's id (within the schema's 64 characters), so a second mapping gives the same ids.
  const add = (who: CustomerIdentity): OfferCustomer => {
    const suffix = `:c${customers.length}`;
    const customer: OfferCustomer = {
      id: `${record.id.slice(0, 64 - suffix.length)}${suffix}`,
      ...who,
      status: 'pending',
      history: [{ status: 'pending', at: record.createdAt }],
      sends: [],
    };
    customers.push(customer);
    return customer;
  };

  const identity = cleanIdentity(record.customer ?? {});
  const history = historyOf(record);
  const sends = [...(record.sends ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  // The offer's one customer: named, or known only by what happened to the offer.
  const main = hasIdentity(identity) || history.length > 0 || sends.length > 0 ? add(identity) : undefined;
  if (main) {
    main.history.push(...history);
    main.status = main.history.at(-1)?.status ?? 'pending';
  }

  /** Who a send's recipient is: a known customer, else v1's one customer while it has no name or address, else a new customer. */
  const customerFor = (who: CustomerIdentity): OfferCustomer | undefined => {
    const known = findCustomer(customers, who) ?? (main && !main.email && !main.name ? main : undefined);
    if (known) {
      learn(known, who);
      return known;
    }
    return customers.length < LIMITS.customers ? add(who) : undefined;
  };

  for (const send of sends) {
    const recorded: Send = { at: send.at, provider: send.provider, ...(send.subject ? { subject: send.subject } : {}) };
    const recipients = recipientsOf(send.to);
    // A send that named no one went to the offer's one customer.
    const reached = recipients.length > 0 ? recipients.map(customerFor) : [main];
    for (const customer of new Set(reached)) {
      if (!customer) continue;
      customer.sends.push(recorded);
      if (customer.status === 'pending') {
        customer.status = 'sent';
        customer.history.push({ status: 'sent', at: send.at });
      }
    }
  }
  for (const customer of customers) {
    customer.history = customer.history.slice(-LIMITS.history);
    customer.sends = customer.sends.slice(-LIMITS.history);
  }
  return { ...rest, customers } as unknown as Offer;
}
