import { browser } from 'wxt/browser';
import type { MessageSender } from './protocol';

/**
 * Answers runtime messages: a promise's value goes back to the sender (the polyfill's
 * contract), undefined leaves the message to other listeners. Returns the function that stops.
 */
export function answerRuntimeMessages(answer: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined): () => void {
  // The listener returns a promise on purpose: that is how the polyfill sends an answer.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener(answer);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  return () => browser.runtime.onMessage.removeListener(answer);
}
