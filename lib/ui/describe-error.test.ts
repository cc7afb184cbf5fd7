import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openEnvelope } from '../messaging/client';
import { MessagingError } from '../messaging/protocol';
import { errorToEnvelope } from '../messaging/server';
import { InvalidOfferError } from '../offers/store';
import { describeError } from './describe-error';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join('|'));
});
afterEach(() => vi.restoreAllMocks());

const across = (error: unknown) => {
  try {
    openEnvelope(errorToEnvelope(error));
  } catch (received) {
    return received;
  }
  throw new Error('the envelope carried no error');
};

it('names a refused offer in the UI language, from the problem the background sends along', () => {
  const received = across(new InvalidOfferError('replaces-itself', 'An offer cannot replace itself.'));
  expect(received).toMatchObject({ code: 'invalid-offer', problem: 'replaces-itself' });
  expect(describeError(received)).toBe('error_problem_replaces_itself|An offer cannot replace itself.');
});

it('keeps a field problem’s English as a technical detail only', () => {
  expect(describeError(new MessagingError('invalid-offer', 'notes: Too big', 'invalid-field'))).toBe('error_problem_invalid_field|notes: Too big');
});

it('says why a backup file is refused inside the refusal', () => {
  expect(describeError(new MessagingError('backup-refused', 'The file is not valid JSON.', 'not-json'))).toBe('error_backupRefused|error_problem_not_json|The file is not valid JSON.');
});

it('sends no problem the pages do not know, so they fall back on the code', () => {
  const received = across(Object.assign(new Error('gone'), { code: 'not-found', problem: 'made-up' }));
  expect(received).toBeInstanceOf(MessagingError);
  expect(received).toMatchObject({ code: 'not-found', problem: undefined });
  expect(describeError(received)).toBe('error_notFound');
  expect(describeError(new Error('boom'))).toBe('error_internal|boom');
});
