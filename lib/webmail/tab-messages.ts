import type { WebmailMessage } from '../messaging/protocol';

/**
 * What the background sends to the webmail content scripts of a tab. Kept free of zod so the
 * content script stays small; readTabMessage checks the shape by hand.
 */
export type TabMessage =
  | { type: 'webmail.open' }
  | { type: 'webmail.composeOpen' }
  | { type: 'webmail.insert'; token: string; message: WebmailMessage }
  | { type: 'webmail.close'; token: string };

export type OpenAnswer = { opened: true };
/** Sent only by a frame holding a compose window: no answer at all means the tab has none. */
export type ComposeOpenAnswer = { composeOpen: true };
export type InsertAnswer = { outcome: 'inserted' | 'copied' | 'failed' | 'hidden' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string';

function readMessage(value: unknown): WebmailMessage | null {
  if (!isRecord(value) || !isString(value.html) || !isString(value.text) || !isString(value.subject) || !isString(value.link)) return null;
  if (value.to !== undefined && !isString(value.to)) return null;
  return { html: value.html, text: value.text, subject: value.subject, link: value.link, ...(isString(value.to) ? { to: value.to } : {}) };
}

export function readTabMessage(value: unknown): TabMessage | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'webmail.open':
      return { type: 'webmail.open' };
    case 'webmail.composeOpen':
      return { type: 'webmail.composeOpen' };
    case 'webmail.close':
      return isString(value.token) ? { type: 'webmail.close', token: value.token } : null;
    case 'webmail.insert': {
      const message = readMessage(value.message);
      return message && isString(value.token) ? { type: 'webmail.insert', token: value.token, message } : null;
    }
    default:
      return null;
  }
}
