import type { ComposeEvent } from '../offers/customers';

/**
 * Whether a compose window that received offers was really sent: the advisor's own Send (the
 * button or Ctrl/Cmd+Enter) followed by the window going away (its body removed, or its page
 * hidden) within the grace period. A dialog the page shows after Send (a confirmation, an error)
 * holds the send until it closes (for at most DIALOG_HOLD_MS); the window must then go away at
 * once, as a confirmed send takes it, and the advisor going back to work in the window drops the
 * send. Where the page offers to undo a send once the window is gone (Gmail's toast), the record
 * waits until that offer is gone; a send undone arms the window the page reopens again. A pure state machine: the controller feeds it what it saw and records
 * what it answers. A window may carry several offers (a trial and a purchase offer in one email):
 * each whose link is still in the body at Send is recorded.
 */

/** How long after Send the compose window may take to go away; after that the send was refused. */
export const SEND_GRACE_MS = 4000;
/**
 * How long after a dialog that held the send closed the window may take to go away: a confirmed
 * send takes it at once, while an error's OK or "Don't send" leaves it, and a close soon after is no send.
 */
export const AFTER_DIALOG_MS = 1000;
/** The longest a dialog holds a send: one left open (perhaps not the send's at all) does not keep it pending for ever. */
export const DIALOG_HOLD_MS = 120_000;
/** How long after the window went away the page may take to offer to undo its send (Gmail may show "Sending…" first); without that offer the send is recorded. */
export const UNDO_APPEAR_MS = 5000;
/** How long after the window went away the page may offer to undo its send (Gmail's longest Undo is 30 s); an offer still shown later is another's. */
export const UNDO_LONGEST_MS = 35_000;
/**
 * How long after an undo the page may take to reopen the window with the offers; after that the
 * undo was another's (Gmail's next toast, "Conversation archived", has the same Undo) and the send stands.
 */
export const REOPEN_MS = 10_000;
/**
 * How long after an undo press the page's undo control may still show (Gmail's "Undoing…") before
 * the press is taken as ignored (the shortcut off, a press that missed).
 */
export const UNDO_TAKES_MS = 1000;

/** An offer that went into the window: its link, and the picker token that grants its records (the latest insertion's). */
export interface InsertedOffer {
  token: string;
  link: string;
}

interface PendingSend {
  offers: InsertedOffer[];
  /** The offers whose link the body held at Send: those are recorded. */
  held: InsertedOffer[];
  /** The send as read at Send. */
  event: ComposeEvent;
}

export type SendState =
  /** No offer went into the window yet: nothing it does is watched. */
  | { phase: 'idle' }
  /** Offers went in, one entry per link; the window is not sent yet. */
  | { phase: 'armed'; offers: InsertedOffer[] }
  /**
   * Send was pressed, awaiting the window's end by the deadline. `dialogShown`: a dialog holds the
   * send (its deadline is then DIALOG_HOLD_MS from when it showed; once it closes, AFTER_DIALOG_MS).
   */
  | ({ phase: 'sending'; deadline: number; dialogShown: boolean } & PendingSend)
  /**
   * The window is gone and the page may offer to undo its send: by the deadline, or, once it does
   * (no deadline), until the offer is gone. `undoPressedAt`: when the advisor pressed Undo (or its
   * shortcut), undone once the offer is gone; an offer still shown UNDO_TAKES_MS later means the
   * press did nothing (Gmail's keyboard shortcuts are off by default). `until`: UNDO_LONGEST_MS
   * after the window went, when the send is recorded whatever the page shows.
   */
  | ({ phase: 'undoable'; deadline: number | null; until: number; undoPressedAt: number | null } & PendingSend)
  /**
   * The advisor undid the send: the window the page reopens with these offers' links by the
   * deadline takes them over. Without one by then, or by the page going away, the undo was another
   * toast's and the send stands.
   */
  | ({ phase: 'undone'; deadline: number } & PendingSend)
  /** The window is gone: sent (recorded) or closed unsent. Nothing more happens. */
  | { phase: 'over' };

export type SendInput =
  /** An offer (again) went in; the latest insertion's token records its send. */
  | { type: 'inserted'; token: string; link: string }
  /** A trusted Send; `event` is what the window showed, `heldLinks` the offers' links its body still holds. */
  | { type: 'send-pressed'; now: number; event: ComposeEvent; heldLinks: readonly string[] }
  /** A trusted press or key in the window, outside any dialog, that is not its Send: the advisor works on. */
  | { type: 'resumed' }
  /** What the page shows now: a dialog (modal, or an alert dialog), an offer to undo a send. */
  | { type: 'tick'; now: number; dialogShown: boolean; undoShown: boolean }
  /** The body left the page (`undoOffered`: a page that may offer to undo the send), or the page itself is going away. */
  | { type: 'gone'; now: number; undoOffered: boolean }
  /** A trusted activation of the page's undo control (or its shortcut) while the send was undoable. */
  | { type: 'undo-pressed'; now: number }
  /** A compose window appeared after an undo; `heldLinks` are the undone offers' links its body holds. */
  | { type: 'reopened'; heldLinks: readonly string[] };

export interface SendStep {
  state: SendState;
  /** The sends to record, each with the token that grants it. */
  records?: { token: string; event: ComposeEvent }[];
}

const recordAll = ({ held, event }: PendingSend): SendStep => ({ state: { phase: 'over' }, records: held.map(({ token }) => ({ token, event })) });

export function nextSendState(state: SendState, input: SendInput): SendStep {
  switch (state.phase) {
    case 'over':
      return { state };
    case 'undoable':
      return nextUndoable(state, input);
    case 'undone':
      return nextUndone(state, input);
    case 'idle':
      if (input.type === 'inserted') return { state: { phase: 'armed', offers: [{ token: input.token, link: input.link }] } };
      return { state: input.type === 'gone' ? { phase: 'over' } : state };
    case 'armed':
    case 'sending':
      return nextInWindow(state, input);
  }
}

function nextInWindow(state: Extract<SendState, { phase: 'armed' | 'sending' }>, input: SendInput): SendStep {
  const armed = { phase: 'armed' as const, offers: state.offers };
  switch (input.type) {
    case 'inserted': {
      const others = state.offers.filter((offer) => offer.link !== input.link);
      return { state: { phase: 'armed', offers: [...others, { token: input.token, link: input.link }] } };
    }
    case 'send-pressed': {
      // A second Send while the first is pending is read afresh: the advisor fixed what the page refused.
      const held = state.offers.filter((offer) => input.heldLinks.includes(offer.link));
      if (held.length === 0) return { state: armed };
      return { state: { ...armed, phase: 'sending', held, event: input.event, deadline: input.now + SEND_GRACE_MS, dialogShown: false } };
    }
    case 'resumed':
      return { state: armed };
    case 'tick':
      if (state.phase !== 'sending') return { state };
      if (input.dialogShown !== state.dialogShown) {
        const deadline = input.now + (input.dialogShown ? DIALOG_HOLD_MS : AFTER_DIALOG_MS);
        return { state: { ...state, dialogShown: input.dialogShown, deadline } };
      }
      return input.now > state.deadline ? { state: armed } : { state };
    case 'gone':
      if (state.phase !== 'sending') return { state: { phase: 'over' } };
      if (!input.undoOffered) return recordAll(state);
      return { state: { ...state, phase: 'undoable', deadline: input.now + UNDO_APPEAR_MS, until: input.now + UNDO_LONGEST_MS, undoPressedAt: null } };
    case 'undo-pressed':
    case 'reopened':
      return { state };
  }
}

function nextUndoable(state: Extract<SendState, { phase: 'undoable' }>, input: SendInput): SendStep {
  switch (input.type) {
    case 'tick':
      if (input.now > state.until) return recordAll(state);
      if (input.undoShown) {
        const ignored = state.undoPressedAt !== null && input.now - state.undoPressedAt > UNDO_TAKES_MS;
        return { state: { ...state, deadline: null, undoPressedAt: ignored ? null : state.undoPressedAt } };
      }
      if (state.undoPressedAt !== null) return { state: { phase: 'undone', offers: state.held, held: state.held, event: state.event, deadline: input.now + REOPEN_MS } };
      // The offer to undo is gone (or never came): the send stands.
      return state.deadline === null || input.now > state.deadline ? recordAll(state) : { state };
    case 'undo-pressed':
      return { state: { ...state, undoPressedAt: input.now } };
    // Only the page itself going away reaches a window already gone: the send stands.
    case 'gone':
      return recordAll(state);
    default:
      return { state };
  }
}

function nextUndone(state: Extract<SendState, { phase: 'undone' }>, input: SendInput): SendStep {
  if (input.type === 'gone') return recordAll(state);
  if (input.type === 'tick') return input.now > state.deadline ? recordAll(state) : { state };
  if (input.type !== 'reopened') return { state };
  const offers = state.offers.filter((offer) => input.heldLinks.includes(offer.link));
  return { state: offers.length > 0 ? { phase: 'armed', offers } : state };
}
