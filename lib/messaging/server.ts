import { z } from 'zod/mini';
import { isErrorCode, isErrorProblem, type Envelope, type ErrorCode, type Handlers, type MessageSender } from './protocol';
import { Request } from './schemas';
import { classifySender, isRequestType, mayAsk } from './senders';

/** IndexedDB reports its failures as DOMExceptions, told apart by name. */
const CODE_BY_STORAGE_EXCEPTION: Record<string, ErrorCode> = {
  QuotaExceededError: 'quota',
  AbortError: 'storage',
  ConstraintError: 'storage',
  InvalidStateError: 'storage',
  TransactionInactiveError: 'storage',
  UnknownError: 'storage',
};

/** Maps a thrown error to the code a caller can act on (retry, show "disk full", ...). */
export function errorToEnvelope(error: unknown): Envelope<never> {
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  const ownCode: unknown = error instanceof Error && 'code' in error ? error.code : undefined;
  if (isErrorCode(ownCode)) {
    const problem: unknown = error instanceof Error && 'problem' in error ? error.problem : undefined;
    return { ok: false, error: { code: ownCode, message, ...(isErrorProblem(problem) ? { problem } : {}) } };
  }
  const storageCode = error instanceof DOMException || error instanceof Error ? CODE_BY_STORAGE_EXCEPTION[error.name] : undefined;
  return { ok: false, error: { code: storageCode ?? 'internal', message } };
}

/** The extension as the browser names it: its id and its root URL (`runtime.getURL('/')`). */
export interface OwnExtension {
  id: string;
  baseUrl: string;
}

/**
 * Checks who sent a message, validates it and dispatches it. Messages from anywhere but this
 * extension are ignored (undefined), so a page or another extension never gets an answer. A
 * context of this extension asking for what its role may not ask gets `forbidden`, before its
 * message is even read.
 */
export async function handleMessage(message: unknown, sender: MessageSender, own: OwnExtension, handlers: Handlers): Promise<Envelope<unknown> | undefined> {
  if (sender.id !== own.id) return undefined;
  const role = classifySender(sender, own.id, own.baseUrl);
  const type: unknown = typeof message === 'object' && message !== null && 'type' in message ? message.type : undefined;
  if (role === 'unknown' || (isRequestType(type) && !mayAsk(role, type))) {
    const what = isRequestType(type) ? type : 'anything';
    return { ok: false, error: { code: 'forbidden', message: `This part of the extension may not ask for ${what}.` } };
  }
  const parsed = Request.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-message', message: `Malformed or unknown message: ${z.prettifyError(parsed.error).slice(0, 500)}` } };
  }
  const request = parsed.data;
  try {
    const handler = handlers[request.type] as (r: Request, s: MessageSender) => Promise<unknown>;
    return { ok: true, data: await handler(request, sender) };
  } catch (error) {
    return errorToEnvelope(error);
  }
}
