/** What an import did, kept free of zod for the pages that show it. */

export interface RejectedRecord {
  index: number;
  id?: string;
  /** The first invalid field and why, or SUMMARY_ID_CONFLICT. */
  reason: string;
}

/** The reason for a record whose summary ID another offer holds (the offer's identity is its quote). */
export const SUMMARY_ID_CONFLICT = 'summary-id-conflict';

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRecord[];
}
