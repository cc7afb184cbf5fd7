import { MessagingError } from '../messaging/protocol';

type NoticeText = 'webmail_notice_not_recorded' | 'webmail_notice_not_recorded_by_hand' | 'webmail_notice_unanswered';

/**
 * Why an inserted message was not noted on its offer, never with "try again" (the advice of most
 * errors): inserting again would put a second copy in the message. An unanswered request may still
 * be noted once the background answers, unless its worker was stopped meanwhile.
 */
export function notRecordedNotice(error: unknown, t: (key: NoticeText, substitution?: string) => string, describeError: (error: unknown) => string): string {
  if (!(error instanceof MessagingError)) return t('webmail_notice_not_recorded_by_hand');
  if (error.code === 'unanswered') return t('webmail_notice_unanswered');
  if (error.code === 'not-found') return t('webmail_notice_not_recorded', describeError(error));
  return t('webmail_notice_not_recorded_by_hand');
}
