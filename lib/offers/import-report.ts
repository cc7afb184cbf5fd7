/** What an import did, kept free of zod for the pages that show it. */

/**
 * Why a record of the file was left out: no offer at all (not an object), a field the schema refuses, a link that is no Partner
 * Center offer link, or a summary ID another offer holds (the offer's identity is its quote).
 */
export type RejectionProblem = 'not-an-offer' | 'invalid-field' | 'not-an-offer-link' | 'summary-id-conflict';

export interface RejectedRecord {
  index: number;
  id?: string;
  /** The summary ID the record holds: the name the advisor knows the offer by. */
  summaryId?: string;
  problem: RejectionProblem;
  /** For an invalid field, which one (`customers.0.status`). */
  field?: string;
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRecord[];
}
