import { browser } from 'wxt/browser';
import type { RequestOf, ResponseMap } from '../messaging';

/**
 * The content script's way to ask the background, without bundling zod (lib/messaging.ts's
 * sendMessage validates with it). The answer envelope is checked by hand.
 */
export async function askBackground<T extends 'offers.recordSend'>(request: RequestOf<T>): Promise<ResponseMap[T]> {
  const answer = (await browser.runtime.sendMessage(request)) as unknown;
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) throw new Error('The extension gave an unreadable answer.');
  if (answer.ok === true && 'data' in answer) return answer.data as ResponseMap[T];
  const error = 'error' in answer ? (answer.error as { message?: unknown }) : undefined;
  throw new Error(typeof error?.message === 'string' ? error.message : 'The extension refused the request.');
}
