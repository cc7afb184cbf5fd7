import type { Handlers } from '../messaging/protocol';
import type { CaptureHandlers } from './handlers';
import type { Offer } from './schema';

type HookedHandlers = Pick<CaptureHandlers, 'undoCapture'> &
  Pick<
  Handlers,
  | 'offers.recordCompose'
  | 'offers.setCustomerStatus'
  | 'offers.removeCustomer'
  | 'offers.mergeCustomers'
  | 'offers.replace'
  | 'offers.delete'
  | 'offers.restore'
  | 'offers.restoreCustomers'
  | 'offers.setStatusForAll'
  | 'offers.undoStatusForAll'
  | 'offers.deleteMany'
  | 'offers.restoreMany'
  | 'offers.deleteAll'
  | 'offers.imported'
  >;

/** What follows a change. A failure here is logged, never returned: the change itself is saved. */
export interface ChangeHooks {
  /** After a send, a status change, a customer removed or merged (or that undone): the offer's reminders are set again. */
  sentOrStatusChanged(offer: Offer): Promise<unknown>;
  /** After an Undo of a deletion: the offer's reminders still to come are set again. */
  restored(offer: Offer): Promise<unknown>;
  /** After a deletion: the offer's reminder goes. */
  deleted(offerId: string): Promise<unknown>;
  /** After "Delete all" or an import: every reminder is rebuilt from the store. */
  manyChanged(): Promise<unknown>;
}

/**
 * Wraps the offer handlers with what the desk adds after a change, so that every path (a capture,
 * a webmail send, the popup, the history page) gets it: reminders follow the offers.
 */
export function withChangeHooks<H extends HookedHandlers>(handlers: H, hooks: ChangeHooks, warn: (...args: unknown[]) => void = console.warn): H {
  const after = async <A>(answer: A, hook: () => Promise<unknown>): Promise<A> => {
    await hook().catch((error: unknown) => warn('Reminder not updated', error));
    return answer;
  };
  const onOffer = async <A extends { offer: Offer }>(answer: A) => after(answer, () => hooks.sentOrStatusChanged(answer.offer));
  return {
    ...handlers,
    'offers.recordCompose': async (request) => onOffer(await handlers['offers.recordCompose'](request)),
    'offers.setCustomerStatus': async (request) => onOffer(await handlers['offers.setCustomerStatus'](request)),
    'offers.removeCustomer': async (request) => onOffer(await handlers['offers.removeCustomer'](request)),
    'offers.mergeCustomers': async (request) => onOffer(await handlers['offers.mergeCustomers'](request)),
    'offers.restoreCustomers': async (request) => onOffer(await handlers['offers.restoreCustomers'](request)),
    'offers.replace': async (request) => {
      const answer = await handlers['offers.replace'](request);
      await after(answer, () => hooks.sentOrStatusChanged(answer.replaced));
      return after(answer, () => hooks.sentOrStatusChanged(answer.by));
    },
    'offers.restore': async (request) => {
      const answer = await handlers['offers.restore'](request);
      return after(answer, () => hooks.restored(answer.offer));
    },
    'offers.delete': async (request) => {
      const answer = await handlers['offers.delete'](request);
      return answer.offer ? after(answer, () => hooks.deleted(request.id)) : answer;
    },
    undoCapture: async (id, takenMark) => {
      const answer = await handlers.undoCapture(id, takenMark);
      if (answer.offer) await after(answer, () => hooks.deleted(id));
      const { reopened } = answer;
      return reopened ? after(answer, () => hooks.sentOrStatusChanged(reopened)) : answer;
    },
    // A bulk action: each offer's reminders follow, as after the same change to one offer.
    'offers.setStatusForAll': async (request) => {
      const answer = await handlers['offers.setStatusForAll'](request);
      return after(answer, () => Promise.all(answer.changed.map((offer) => hooks.sentOrStatusChanged(offer))));
    },
    'offers.undoStatusForAll': async (request) => {
      const answer = await handlers['offers.undoStatusForAll'](request);
      return after(answer, () => Promise.all(answer.changed.map((offer) => hooks.sentOrStatusChanged(offer))));
    },
    'offers.deleteMany': async (request) => {
      const answer = await handlers['offers.deleteMany'](request);
      return after(answer, () => Promise.all(answer.offers.map((offer) => hooks.deleted(offer.id))));
    },
    'offers.restoreMany': async (request) => {
      const answer = await handlers['offers.restoreMany'](request);
      return after(answer, () => Promise.all(answer.offers.map((offer) => hooks.restored(offer))));
    },
    'offers.deleteAll': async (request) => after(await handlers['offers.deleteAll'](request), () => hooks.manyChanged()),
    // Once per import, when the page has written it (or stopped half-way): a rebuild reads every offer sent.
    'offers.imported': async (request) => after(await handlers['offers.imported'](request), () => hooks.manyChanged()),
  };
}
