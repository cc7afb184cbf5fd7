import { z } from 'zod/mini';
import { isErrorCode, type Envelope, type ErrorCode, type Handlers, type MessageSender } from './protocol';
import { Request } from './schemas';

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
  if (isErrorCode(ownCode)) return { ok: false, error: { code: ownCode, message } };
  const storageCode = error instanceof DOMException || error instanceof Error ? CODE_BY_STORAGE_EXCEPTION[error.name] : undefined;
  return { ok: false, error: { code: storageCode ?? 'internal', message } };
}

/**
 * Validates and dispatches one message. Messages from anywhere but this extension are ignored
 * (undefined), so a page or another extension never gets an answer.
 */
export async function handleMessage(
  message: unknown,
  sender: MessageSender,
  ownId: string,
  handlers: Handlers,
): Promise<Envelope<unknown> | undefined> {
  if (sender.id !== ownId) return undefined;
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
