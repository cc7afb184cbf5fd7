import type { MessageKey } from '../i18n';

/**
 * Where an offer stands. Adding a status is one entry here plus its locale strings: the schema,
 * the filters, the labels, the badges, the reminders and the store all read this table.
 */
interface StatusRule {
  label: MessageKey;
  /** Still waiting on the customer: a follow-up reminder may be due. */
  awaitsCustomer: boolean;
  /** Offered in the details pane's status menu; the others are reached by what happens. */
  settableByHand: boolean;
  /** How the badge is coloured: open (in progress), won, or closed without a sale. */
  tone: 'open' | 'won' | 'closed';
}

export const STATUS_RULES = {
  created: { label: 'status_created', awaitsCustomer: true, settableByHand: false, tone: 'open' },
  sent: { label: 'status_sent', awaitsCustomer: true, settableByHand: true, tone: 'open' },
  accepted: { label: 'status_accepted', awaitsCustomer: false, settableByHand: true, tone: 'won' },
  declined: { label: 'status_declined', awaitsCustomer: false, settableByHand: true, tone: 'closed' },
  expired: { label: 'status_expired', awaitsCustomer: false, settableByHand: true, tone: 'closed' },
  withdrawn: { label: 'status_withdrawn', awaitsCustomer: false, settableByHand: true, tone: 'closed' },
} as const satisfies Record<string, StatusRule>;

export type OfferStatus = keyof typeof STATUS_RULES;
const statusesWhere = (test: (rule: StatusRule) => boolean) =>
  (Object.keys(STATUS_RULES) as OfferStatus[]).filter((status) => test(STATUS_RULES[status]));

export const OFFER_STATUSES: readonly OfferStatus[] = statusesWhere(() => true);
/** Where every offer starts; the first recorded send moves it on to "sent". */
export const INITIAL_STATUS = 'created' satisfies OfferStatus;
export const SETTABLE_STATUSES = statusesWhere((rule) => rule.settableByHand);
export const AWAITING_STATUSES = statusesWhere((rule) => rule.awaitsCustomer);
