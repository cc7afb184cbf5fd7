/** Bounds on stored text and lists; shared by the zod schema and the zod-free content scripts. */
export const LIMITS = {
  shortText: 200,
  url: 2048,
  notes: 20_000,
  subscriptions: 100,
  licenses: 1_000_000,
  history: 500,
  /** Customers of one offer: beyond this it is a mailing list, not a customer list. */
  customers: 500,
} as const;
