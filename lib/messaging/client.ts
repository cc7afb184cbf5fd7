import { browser } from 'wxt/browser';
import { extensionContextLost } from '../extension-context';
import { isErrorCode, MessagingError, type ErrorCode, type ErrorProblem, type RequestOf, type RequestType, type ResponseMap } from './protocol';

/**
 * The sending side, free of zod so content scripts stay small: the background validates every
 * request with zod; its answer envelope is checked here by hand.
 */

/** Reads an answer envelope: its data, or a MessagingError. */
export function openEnvelope(raw: unknown): unknown {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    if (raw.ok === true && 'data' in raw) return raw.data;
    const error = 'error' in raw ? (raw.error as { code?: unknown; message?: unknown; problem?: unknown } | null) : null;
    if (raw.ok === false && error && isErrorCode(error.code) && typeof error.message === 'string') {
      // The background sends only the problems it knows (errorToEnvelope checks them); no list here keeps content scripts small.
      throw new MessagingError(error.code, error.message, typeof error.problem === 'string' ? (error.problem as ErrorProblem) : undefined);
    }
  }
  throw new MessagingError('internal', 'The extension gave an unreadable answer.');
}

/** Sends a request to the background and returns its data, or throws a MessagingError. */
export async function sendMessage<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (error) {
    throw new MessagingError('internal', error instanceof Error ? error.message : String(error));
  }
  // The background, inside this extension, checked the request and built this answer for it.
  return openEnvelope(raw) as ResponseMap[T];
}

/** Errors worth another try: the worker was restarting, the database was briefly unavailable, or an answer never came. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['internal', 'storage', 'blocked', 'unanswered']);

/**
 * How long one attempt waits for the background. Its answers take well under a second, or some
 * seconds behind a large import's writes; a background that does not answer at all (seen while
 * its worker was stopped again and again) must not leave a capture or an insertion waiting in
 * silence: the attempt is given up and the request sent again.
 */
const ANSWER_WITHIN_MS = 10_000;

export interface RetryOptions {
  attempts?: number;
  firstDelayMs?: number;
  answerWithinMs?: number;
  wait?: (ms: number) => Promise<void>;
  send?: typeof sendMessage;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** The answer, or an `unanswered` MessagingError once `ms` have passed without one (a late answer is then ignored). */
function answeredWithin<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MessagingError('unanswered', `The extension did not answer within ${ms / 1000} s.`)), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/**
 * Sends a request until the background acknowledges it, pausing longer after each failure (an
 * attempt unanswered for `answerWithinMs` is one), unless the script is cut off from the
 * extension. Only for requests that are safe to repeat: an upsert merges, a send carries its own
 * time, and a picker's token is taken once.
 */
export async function sendWithRetry<T extends RequestType>(request: RequestOf<T>, options: RetryOptions = {}): Promise<ResponseMap[T]> {
  const { attempts = 6, firstDelayMs = 250, answerWithinMs = ANSWER_WITHIN_MS, wait = sleep, send = sendMessage } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await answeredWithin(send(request), answerWithinMs);
    } catch (error) {
      const retryable = (!(error instanceof MessagingError) || RETRYABLE.has(error.code)) && !extensionContextLost();
      if (!retryable || attempt >= attempts) throw error;
      await wait(firstDelayMs * 2 ** (attempt - 1));
    }
  }
}
