import type { Handlers, MessageSender, Request, RequestType } from '../messaging/protocol';

/**
 * How the welcome page's checklist follows what happens in other tabs: after a request that may
 * change the advisor's profile, offers or sends, the background posts on this channel, which every
 * extension page of the same origin hears (nothing is sent when none listens).
 */
export const PROGRESS_CHANNEL = 'offer-courier-progress';

/** The requests after which the checklist may read differently: profile, offers saved or removed, sends. */
export const PROGRESS_REQUESTS = [
  'settings.saveProfile',
  'backup.importStart',
  'offers.imported',
  'offers.upsert',
  'capture.save',
  'capture.undo',
  'offers.recordCompose',
  'webmail.recordCompose',
  'offers.setCustomerStatus',
  'offers.setStatusForAll',
  'offers.undoStatusForAll',
  'offers.removeCustomer',
  'offers.mergeCustomers',
  'offers.replace',
  'offers.delete',
  'offers.restore',
  'offers.restoreCustomers',
  'offers.deleteMany',
  'offers.restoreMany',
  'offers.deleteAll',
] as const satisfies readonly RequestType[];

type AnyHandler = (request: Request, sender?: MessageSender) => Promise<unknown>;

/** The handlers, calling `signal` after each of PROGRESS_REQUESTS succeeded. */
export function withProgressSignal(handlers: Handlers, signal: () => void): Handlers {
  const wrapped: Record<string, AnyHandler> = { ...(handlers as unknown as Record<RequestType, AnyHandler>) };
  for (const type of PROGRESS_REQUESTS) {
    const handler = handlers[type] as AnyHandler;
    wrapped[type] = async (request, sender) => {
      const answer = await handler(request, sender);
      signal();
      return answer;
    };
  }
  return wrapped as unknown as Handlers;
}

/** Tells the listening pages that the checklist may have changed. */
export function postProgressChanged(): void {
  const channel = new BroadcastChannel(PROGRESS_CHANNEL);
  // A message posted is delivered even once its sender closed.
  channel.postMessage('changed');
  channel.close();
}

/** Calls `changed` whenever the background posted; returns how to stop. */
export function onProgressChanged(changed: () => void): () => void {
  const channel = new BroadcastChannel(PROGRESS_CHANNEL);
  channel.onmessage = changed;
  return () => channel.close();
}
