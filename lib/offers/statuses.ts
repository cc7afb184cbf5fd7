import type { MessageKey } from '../i18n';

/**
 * Where a customer of an offer stands. Adding a status is one entry here plus its locale strings:
 * the schema, the filters, the labels, the badges, the summaries, the reminders and the store all
 * read this table. The offer's own status is derived from its customers' (see ./customers).
 */
interface StatusRule {
  label: MessageKey;
  /** Sent and not answered: a follow-up reminder may be due. */
  awaitsCustomer: boolean;
  /** Offered in the details pane's status menu. */
  settableByHand: boolean;
  /** How the badge is coloured: open (in progress), won, or closed without a sale. */
  tone: 'open' | 'won' | 'closed';
  /** The offer shows its customers' highest: a sale, then open work, then closed without a sale. */
  rank: number;
}

export const STATUS_RULES = {
  pending: { label: 'status_pending', awaitsCustomer: false, settableByHand: true, tone: 'open', rank: 4 },
  drafted: { label: 'status_drafted', awaitsCustomer: false, settableByHand: true, tone: 'open', rank: 5 },
  sent: { label: 'status_sent', awaitsCustomer: true, settableByHand: true, tone: 'open', rank: 6 },
  accepted: { label: 'status_accepted', awaitsCustomer: false, settableByHand: true, tone: 'won', rank: 7 },
  declined: { label: 'status_declined', awaitsCustomer: false, settableByHand: true, tone: 'closed', rank: 3 },
  expired: { label: 'status_expired', awaitsCustomer: false, settableByHand: true, tone: 'closed', rank: 2 },
  withdrawn: { label: 'status_withdrawn', awaitsCustomer: false, settableByHand: true, tone: 'closed', rank: 1 },
} as const satisfies Record<string, StatusRule>;

export type CustomerStatus = keyof typeof STATUS_RULES;
/** The offer's status, derived from its customers: the same values. */
export type OfferStatus = CustomerStatus;
const statusesWhere = (test: (rule: StatusRule) => boolean) =>
  (Object.keys(STATUS_RULES) as CustomerStatus[]).filter((status) => test(STATUS_RULES[status]));

export const CUSTOMER_STATUSES: readonly CustomerStatus[] = statusesWhere(() => true);
export const OFFER_STATUSES = CUSTOMER_STATUSES;
/** Where every customer starts, and what an offer without customers shows. */
export const INITIAL_STATUS = 'pending' satisfies CustomerStatus;
export const SETTABLE_STATUSES = statusesWhere((rule) => rule.settableByHand);
export const AWAITING_STATUSES = statusesWhere((rule) => rule.awaitsCustomer);
/** A customer at one of these was closed without a sale: replacing the offer leaves it alone. */
export const CLOSED_STATUSES = statusesWhere((rule) => rule.tone === 'closed');
