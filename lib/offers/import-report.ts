/** What an import did, kept free of zod for the pages that show it. */

/**
 * A record of the file left out, and why: no offer at all (not an object), a field the schema
 * refuses, a link that is no Partner Center offer link, or a summary ID another offer holds (the
 * offer's identity is its quote).
 */
export type RejectedRecord = {
  index: number;
  id?: string;
  /** The summary ID the record holds: the name the advisor knows the offer by. */
  summaryId?: string;
} & (
  | { problem: 'not-an-offer' | 'not-an-offer-link' | 'summary-id-conflict' }
  /** `field`: the first the schema refuses (`customers.0.status`). */
  | { problem: 'invalid-field'; field: string }
);

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRecord[];
}
