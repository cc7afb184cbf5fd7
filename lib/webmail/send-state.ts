import type { ComposeEvent } from '../offers/customers';

/**
 * Whether a compose window that received an offer was really sent: the advisor's own Send (the
 * button or Ctrl/Cmd+Enter) followed by the window going away (its body removed, or its page
 * hidden) before an error dialog or the grace period. A pure state machine: the controller
 * feeds it what it saw and records what it answers.
 */

/** How long after Send the compose window may take to go away; after that the send was refused. */
export const SEND_GRACE_MS = 4000;

export type SendState =
  /** No offer went into the window yet: nothing it does is watched. */
  | { phase: 'idle' }
  /** The offer went in with this picker token; the window is not sent yet. */
  | { phase: 'armed'; token: string; link: string }
  /** Send was pressed with the offer link in the body: the send as read at that moment, awaiting the window's end. */
  | { phase: 'sending'; token: string; link: string; event: ComposeEvent; deadline: number }
  /** The window is gone: sent (recorded) or closed unsent. Nothing more happens. */
  | { phase: 'over' };

export type SendInput =
  /** The offer (again) went in; the latest insertion's token records the send. */
  | { type: 'inserted'; token: string; link: string }
  /** A trusted Send; `event` is what the window showed, or null when its body no longer holds the link. */
  | { type: 'send-pressed'; now: number; event: ComposeEvent | null }
  /** The page showed an error dialog: the send was refused. */
  | { type: 'refused' }
  | { type: 'tick'; now: number }
  /** The body left the page, or the page itself is going away. */
  | { type: 'gone' };

export interface SendStep {
  state: SendState;
  /** A send to record, with the token that grants it. */
  record?: { token: string; event: ComposeEvent };
}

export function nextSendState(state: SendState, input: SendInput): SendStep {
  if (state.phase === 'over') return { state };
  if (input.type === 'inserted') return { state: { phase: 'armed', token: input.token, link: input.link } };
  if (state.phase === 'idle') return { state: input.type === 'gone' ? { phase: 'over' } : state };
  switch (input.type) {
    case 'send-pressed': {
      const armed = { phase: 'armed' as const, token: state.token, link: state.link };
      // A second Send while the first is pending is read afresh: the advisor fixed what the page refused.
      if (!input.event) return { state: armed };
      return { state: { ...armed, phase: 'sending', event: input.event, deadline: input.now + SEND_GRACE_MS } };
    }
    case 'refused':
      return { state: { phase: 'armed', token: state.token, link: state.link } };
    case 'tick':
      return state.phase === 'sending' && input.now > state.deadline ? { state: { phase: 'armed', token: state.token, link: state.link } } : { state };
    case 'gone':
      return state.phase === 'sending' ? { state: { phase: 'over' }, record: { token: state.token, event: state.event } } : { state: { phase: 'over' } };
  }
}
