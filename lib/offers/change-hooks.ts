import type { Handlers } from '../messaging/protocol';
import type { Offer } from './schema';

type HookedHandlers = Pick<Handlers, 'offers.upsert' | 'offers.recordSend' | 'offers.setStatus' | 'offers.update'>;

export interface ChangeHooks {
  /** After a send or a status change (the follow-up reminder moves). A failure here is logged, never returned. */
  sentOrStatusChanged(offer: Offer): Promise<unknown>;
  /** After an upsert: the trial a new purchase offer should follow up, if one is waiting. */
  followUpFor(answer: { offer: Offer; created: boolean }): Promise<string | null>;
}

/**
 * Wraps the offer handlers with what the desk adds after a change, so that every path (a capture,
 * a webmail send, the popup, the history page) gets it: reminders are rescheduled and a new
 * purchase offer is linked to the trial the advisor marked.
 */
export function withChangeHooks<H extends HookedHandlers>(handlers: H, hooks: ChangeHooks, warn: (...args: unknown[]) => void = console.warn): H {
  const { 'offers.upsert': upsert, 'offers.recordSend': recordSend, 'offers.setStatus': setStatus, 'offers.update': update } = handlers;
  const settled = async <A extends { offer: Offer }>(answer: A): Promise<A> => {
    await hooks.sentOrStatusChanged(answer.offer).catch((error: unknown) => warn('Reminder not scheduled', error));
    return answer;
  };
  return {
    ...handlers,
    'offers.recordSend': async (request) => settled(await recordSend(request)),
    'offers.setStatus': async (request) => settled(await setStatus(request)),
    'offers.upsert': async (request) => {
      const answer = await upsert(request);
      const trialId = await hooks.followUpFor(answer);
      if (!trialId) return answer;
      const { offer } = await update({ type: 'offers.update', id: answer.offer.id, patch: { followUpOf: trialId } });
      return { ...answer, offer };
    },
  };
}
