import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { speak } from '@/test/unit/ui-language';
import { t } from '../i18n';
import { MessagingError, type ErrorCode } from '../messaging/protocol';
import { describeError } from '../ui/describe-error';
import { notRecordedNotice } from './not-recorded-notice';

const notice = (error: unknown) => notRecordedNotice(error, { t, describeError });
afterEach(() => vi.restoreAllMocks());

describe('the notice for an inserted message that was not noted on its offer', () => {
  const FAILED_WRITES: ErrorCode[] = ['quota', 'storage', 'blocked', 'internal', 'forbidden', 'stale'];

  it.each(['en', 'fr'] as const)('never asks to try again (%s): a second insertion would be a second copy', (language) => {
    speak(language);
    for (const error of [...FAILED_WRITES.map((code) => new MessagingError(code, 'detail')), new MessagingError('unanswered', 'no answer'), new Error('boom')]) {
      expect(notice(error)).not.toMatch(/try again|réessayez/i);
    }
  });

  it('says where to set the status by hand after a failed write, and that an unanswered note may still land', () => {
    speak('en');
    for (const code of FAILED_WRITES) expect(notice(new MessagingError(code, 'detail'))).toContain('set this customer’s status in the history instead');
    expect(notice(new Error('boom'))).toContain('Inserting it again would add a second copy');
    expect(notice(new MessagingError('unanswered', 'no answer'))).toContain('usually noted once Offer Courier answers');
  });

  it('names a deleted offer as the reason', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join('|'));
    expect(notice(new MessagingError('not-found', 'gone'))).toBe('webmail_notice_not_recorded|error_notFound');
  });
});
