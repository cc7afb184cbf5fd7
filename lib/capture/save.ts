import { MessagingError, sendMessage } from '../messaging-client';
import type { OfferDraft } from '../offers/schema';
import type { ResponseMap } from '../messaging';

export type SaveResult = ResponseMap['offers.upsert'];

/** Errors worth another try: the worker was restarting, or the database was briefly unavailable. */
const RETRYABLE = new Set(['internal', 'storage', 'blocked']);

export interface RetryOptions {
  attempts?: number;
  firstDelayMs?: number;
  wait?: (ms: number) => Promise<void>;
  send?: (draft: OfferDraft) => Promise<SaveResult>;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const upsert = (draft: OfferDraft) => sendMessage({ type: 'offers.upsert', draft });

/**
 * Saves a draft through the background, trying again with growing pauses until the background
 * acknowledges it. Upserts merge, so a retry after a lost answer never makes a second record.
 */
export async function saveDraft(draft: OfferDraft, options: RetryOptions = {}): Promise<SaveResult> {
  const { attempts = 6, firstDelayMs = 250, wait = sleep, send = upsert } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(draft);
    } catch (error) {
      const retryable = !(error instanceof MessagingError) || RETRYABLE.has(error.code);
      if (!retryable || attempt >= attempts) throw error;
      await wait(firstDelayMs * 2 ** (attempt - 1));
    }
  }
}
