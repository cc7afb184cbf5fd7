import { cleanIdentity, findCustomer, hasIdentity } from './customers';
import type { CustomerIdentity, CustomerStatus, Offer, OfferCustomer, Send } from './schema';

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
/** The v1 fields that v2 replaced, and the index fields of the v1 database. */
const DROPPED = ['customer', 'status', 'statusHistory', 'sends', 'customerKey'] as const;

/** "Name <a@b>, c@d" as v1 recorded a send's recipients, split into identities. */
function recipientsOf(to: string | undefined): CustomerIdentity[] {
  if (!to) return [];
  return to
    .split(/[,;]/)
    .map((entry) => {
      const bracketed = /^(.*)<([^<>]+)>\s*$/.exec(entry.trim());
      if (bracketed) return cleanIdentity({ name: bracketed[1]?.replace(/"/g, ''), email: bracketed[2] });
      const text = entry.trim();
      return text.includes('@') ? { email: text } : cleanIdentity({ name: text });
    })
    .filter(hasIdentity);
}

export function offerFromV1(record: V1Offer): Offer {
  const rest = Object.fromEntries(Object.entries(record).filter(([field]) => !(DROPPED as readonly string[]).includes(field)));
  const sends = [...(record.sends ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  const status = V1_STATUSES[record.status ?? 'created'] ?? 'pending';
  const history = (record.statusHistory ?? [])
    .filter((change) => change.status !== 'created')
    .map((change) => ({ status: V1_STATUSES[change.status] ?? 'pending', at: change.at }));
  const identity = cleanIdentity(record.customer ?? {});
  const customers: OfferCustomer[] = [];
  let next = 0;
  const add = (who: CustomerIdentity, customerStatus: CustomerStatus, since: string) => {
    const customer: OfferCustomer = { id: `${record.id}:c${next++}`, ...who, status: customerStatus, history: [], sends: [] };
    customer.history.push({ status: 'pending', at: record.createdAt });
    if (customerStatus !== 'pending') customer.history.push({ status: customerStatus, at: since });
    customers.push(customer);
    return customer;
  };
  // The offer's one customer: named, or only known by what happened to the offer.
  const main =
    hasIdentity(identity) || status !== 'pending' || sends.length > 0
      ? { ...add(identity, 'pending', record.createdAt), history: [{ status: 'pending' as const, at: record.createdAt }, ...history] }
      : undefined;
  if (main) {
    main.status = history.at(-1)?.status ?? (sends.length > 0 ? 'sent' : 'pending');
    customers[0] = main;
  }
  for (const send of sends) {
    const recorded: Send = { at: send.at, provider: send.provider, ...(send.subject ? { subject: send.subject } : {}) };
    const recipients = recipientsOf(send.to);
    const targets = recipients.length > 0 ? recipients : [identity];
    for (const who of targets) {
      // The unnamed main customer is who the send went to when v1 knew no one else.
      let customer = findCustomer(customers, who) ?? (main && !hasIdentity(main) ? Object.assign(main, cleanIdentity(who)) : undefined);
      customer ??= add(who, 'sent', send.at);
      customer.sends.push(recorded);
      if (customer.status === 'pending') {
        customer.status = 'sent';
        customer.history.push({ status: 'sent', at: send.at });
      }
    }
  }
  return { ...rest, customers } as unknown as Offer;
}
