import type { ComposeEvent } from '../offers/customers';

/**
 * Whether a compose window that received offers was really sent: the advisor's own Send (the
 * button or Ctrl/Cmd+Enter) followed by the window going away (its body removed, or its page
 * hidden) before an error dialog or the grace period. A pure state machine: the controller
 * feeds it what it saw and records what it answers. A window may carry several offers (a trial
 * and a purchase offer in one email): each whose link is still in the body at Send is recorded.
 */

/** How long after Send the compose window may take to go away; after that the send was refused. */
export const SEND_GRACE_MS = 4000;

/** An offer that went into the window: its link, and the picker token that grants its records (the latest insertion's). */
export interface InsertedOffer {
  token: string;
  link: string;
}

export type SendState =
  /** No offer went into the window yet: nothing it does is watched. */
  | { phase: 'idle' }
  /** Offers went in, one entry per link; the window is not sent yet. */
  | { phase: 'armed'; offers: InsertedOffer[] }
  /** Send was pressed with `held` (of the offers) in the body: the send as read at that moment, awaiting the window's end. */
  | { phase: 'sending'; offers: InsertedOffer[]; held: InsertedOffer[]; event: ComposeEvent; deadline: number }
  /** The window is gone: sent (recorded) or closed unsent. Nothing more happens. */
  | { phase: 'over' };

export type SendInput =
  /** An offer (again) went in; the latest insertion's token records its send. */
  | { type: 'inserted'; token: string; link: string }
  /** A trusted Send; `event` is what the window showed, `heldLinks` the offers' links its body still holds. */
  | { type: 'send-pressed'; now: number; event: ComposeEvent; heldLinks: readonly string[] }
  /** The page showed an error dialog: the send was refused. */
  | { type: 'refused' }
  | { type: 'tick'; now: number }
  /** The body left the page, or the page itself is going away. */
  | { type: 'gone' };

export interface SendStep {
  state: SendState;
  /** The sends to record, each with the token that grants it. */
  records?: { token: string; event: ComposeEvent }[];
}

export function nextSendState(state: SendState, input: SendInput): SendStep {
  if (state.phase === 'over') return { state };
  if (input.type === 'inserted') {
    const others = state.phase === 'idle' ? [] : state.offers.filter((offer) => offer.link !== input.link);
    return { state: { phase: 'armed', offers: [...others, { token: input.token, link: input.link }] } };
  }
  if (state.phase === 'idle') return { state: input.type === 'gone' ? { phase: 'over' } : state };
  const armed = { phase: 'armed' as const, offers: state.offers };
  switch (input.type) {
    case 'send-pressed': {
      // A second Send while the first is pending is read afresh: the advisor fixed what the page refused.
      const held = state.offers.filter((offer) => input.heldLinks.includes(offer.link));
      if (held.length === 0) return { state: armed };
      return { state: { ...armed, phase: 'sending', held, event: input.event, deadline: input.now + SEND_GRACE_MS } };
    }
    case 'refused':
      return { state: armed };
    case 'tick':
      return state.phase === 'sending' && input.now > state.deadline ? { state: armed } : { state };
    case 'gone':
      return state.phase === 'sending' ? { state: { phase: 'over' }, records: state.held.map(({ token }) => ({ token, event: state.event })) } : { state: { phase: 'over' } };
  }
}
