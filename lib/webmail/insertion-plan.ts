import type { Recipient } from './recipients';

/** What the compose window showed right after the message went in (read, never written, here). */
export interface ComposeReading {
  /** The subject field's text, or null when the window has none (an inline reply). */
  subject: string | null;
  /** Whether there is a To field, and whether it holds nothing at all (no chip, no text). */
  to: 'absent' | 'blank' | 'filled';
  recipients: Recipient[];
}

export interface InsertionPlan {
  /** Text to put in the empty subject field. */
  fillSubject?: string;
  /** Address to put in the empty To field. */
  fillTo?: string;
  /** What the draft records: the subject and the recipients as they will be once filled. */
  record: { subject?: string; recipients: Recipient[] };
}

/** The longest subject a draft or a send records. */
export const SUBJECT_MAX = 500;

/**
 * Decides what to fill in and what to record once the message is in the body: the template's
 * subject and the customer's address go only into empty fields, never over what the advisor typed.
 */
export function planAfterInsertion(reading: ComposeReading, message: { subject: string; to?: string | undefined }): InsertionPlan {
  const templateSubject = message.subject.trim();
  const fillSubject = reading.subject !== null && !reading.subject.trim() && templateSubject ? templateSubject : undefined;
  const fillTo = reading.to === 'blank' && message.to ? message.to : undefined;
  const subject = (reading.subject?.trim() || templateSubject).slice(0, SUBJECT_MAX);
  const recipients = fillTo ? [{ email: fillTo }] : reading.recipients;
  return {
    ...(fillSubject ? { fillSubject } : {}),
    ...(fillTo ? { fillTo } : {}),
    record: { ...(subject ? { subject } : {}), recipients },
  };
}
