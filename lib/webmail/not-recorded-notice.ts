import { MessagingError } from '../messaging/protocol';
import type { WebmailDeps } from './controller';

/**
 * Why an inserted message was not noted on its offer, never with "try again" (the advice of most
 * errors): inserting again would put a second copy in the message. An unanswered request may still
 * be noted once the background answers, unless its worker was stopped meanwhile.
 */
export function notRecordedNotice(error: unknown, { t, describeError }: Pick<WebmailDeps, 't' | 'describeError'>): string {
  const code = error instanceof MessagingError ? error.code : undefined;
  if (code === 'unanswered') return t('webmail_notice_unanswered');
  if (code === 'not-found') return t('webmail_notice_not_recorded', describeError(error));
  return t('webmail_notice_not_recorded_by_hand');
}
