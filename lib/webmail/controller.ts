import type { WebmailMessage } from '../messaging/protocol';
import type { ComposeEvent } from '../offers/customers';
import { CaretMemory } from './caret';
import { copyRich } from '../clipboard';
import { composeRoot, describeCompose, findComposeBodies, isToFieldBlank, readRecipients, type WebmailAdapter } from './compose';
import { fillRecipientField, setFieldValue } from './fields';
import { insertMessage, nextTask } from './insert';
import { planAfterInsertion, SUBJECT_MAX } from './insertion-plan';
import { bodyHoldsLink } from './offer-link';
import { findSendButton, isButtonActivation, isInDialog, isSendShortcut, isTypingTarget, isUndoShortcut, isWorkKey, owningBody, showsDialog, shownUndoControl } from './send-controls';
import { nextSendState, type SendInput, type SendState } from './send-state';
import { notRecordedNotice } from './not-recorded-notice';
import { isOnDarkPage } from './page-theme';
import { readTabMessage, type ComposeOpenAnswer, type InsertAnswer, type OpenAnswer } from './tab-messages';
import { createComposeBar, createPickerFrame, type ComposeBar, type PickerFrame } from './ui';

export type WebmailText =
  | 'webmail_insert_offer'
  | 'webmail_picker_frame_title'
  | 'webmail_notice_inserting'
  | 'webmail_notice_copied'
  | 'webmail_notice_failed'
  | 'webmail_notice_not_recorded'
  | 'webmail_notice_not_recorded_by_hand'
  | 'webmail_notice_unanswered';

export interface WebmailDeps {
  adapter: WebmailAdapter;
  doc: Document;
  /** The picker page's URL for one opening: its random token, the window's recipient addresses, whether the page is dark. */
  pickerUrl(token: string, context: { recipients: string[]; darkPage: boolean }): string;
  /**
   * Records a draft or a send of the offer delivered to the picker named by the token. Called
   * synchronously from the moment a send is known (a page going away may not run a later task).
   */
  recordCompose(token: string, event: ComposeEvent): Promise<unknown>;
  t: (key: WebmailText, substitution?: string) => string;
  /** The advisor's words for a failed request, in the UI language. */
  describeError: (error: unknown) => string;
  /** Mutation batches are coalesced into one scan per this many milliseconds. */
  scanDelayMs?: number;
}

interface ComposeEntry {
  body: HTMLElement;
  bar: ComposeBar;
  lastFocusAt: number;
  /** Whether the window, once it received an offer, was sent. */
  send: SendState;
}

/** After how long an insertion still under way says so on the control. */
const INSERTING_NOTICE_MS = 300;
/** How often a window whose Send was pressed is looked at, until it goes away or stays, and a gone window's undo offer. */
const SEND_WATCH_MS = 100;

interface OpenPicker {
  token: string;
  entry: ComposeEntry;
  frame: PickerFrame;
  onOutsidePointer: (event: Event) => void;
}

export interface WebmailController {
  /** Answers the extension's tab messages; undefined means "not for this frame". */
  handleTabMessage(message: unknown): Promise<OpenAnswer | ComposeOpenAnswer | InsertAnswer | { closed: true }> | undefined;
  scan(): void;
  stop(): void;
}

/**
 * Orchestrates one frame: finds compose windows (one debounced scan per burst of mutations),
 * gives each an "Insert offer" bar, opens the picker, and inserts what the picker hands over.
 */
export function startWebmail(deps: WebmailDeps): WebmailController {
  const { adapter, doc, t } = deps;
  const entries = new Map<HTMLElement, ComposeEntry>();
  const caret = new CaretMemory();
  let picker: OpenPicker | null = null;
  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  let sendWatch: ReturnType<typeof setInterval> | undefined;
  /** The sends of windows already gone that the page may still undo, or that were undone (oldest first). */
  let goneSends: SendState[] = [];

  const onSelectionChange = () => {
    if (entries.size === 0) return;
    const body = caret.remember(doc.getSelection(), entries.keys());
    const entry = body && entries.get(body);
    if (entry) entry.lastFocusAt = performance.now();
  };

  function scan(): void {
    scanTimer = undefined;
    const bodies = findComposeBodies(doc, adapter);
    if (bodies.length === 0 && entries.size === 0) return;
    // A document.open() (a pop-out compose written into its frame) erases the document's
    // listeners; adding the same listener again is a no-op otherwise.
    doc.addEventListener('selectionchange', onSelectionChange);
    listenForSends();
    const present = new Set(bodies);
    for (const [body, entry] of entries) {
      if (present.has(body) && body.isConnected) {
        entry.bar.place();
        continue;
      }
      windowGone(entry);
      if (picker?.entry === entry) closePicker(false);
      entry.bar.remove();
      caret.forget(body);
      entries.delete(body);
    }
    for (const body of bodies) {
      if (entries.has(body)) continue;
      const entry: ComposeEntry = { body, lastFocusAt: 0, send: { phase: 'idle' }, bar: createComposeBar(body, t('webmail_insert_offer'), () => openPicker(entry)) };
      entry.bar.setDark(isComposeDark(body));
      entries.set(body, entry);
      if (body.contains(doc.activeElement)) entry.lastFocusAt = performance.now();
    }
    takeBackUndone();
  }

  // A busy inbox mutates constantly. The first mutation schedules a scan and disconnects the
  // observer, so the browser records nothing more until the scan has run and reconnected it:
  // one scan per burst, whatever its size, and no mutation records in between.
  const observer = new MutationObserver(() => {
    observer.disconnect();
    scanTimer ??= setTimeout(() => {
      scan();
      observe();
    }, deps.scanDelayMs ?? 250);
  });
  // The document itself, not its element: a document.open() replaces the element, and the
  // observer must still see the compose form written after it.
  const observe = () => observer.observe(doc, { childList: true, subtree: true });
  observe();
  scan();

  /**
   * Whether the compose window stands on a dark background. The editor's own background is left
   * out: webmails may keep the message white in their dark mode, as the customer will read it.
   */
  function isComposeDark(body: HTMLElement): boolean {
    return isOnDarkPage(composeRoot(body, adapter) ?? body.parentElement ?? body);
  }

  function openPicker(entry: ComposeEntry): void {
    closePicker(false);
    const token = crypto.randomUUID();
    const recipients = readRecipients(describeCompose(entry.body, adapter), adapter).flatMap((recipient) => (recipient.email ? [recipient.email] : []));
    const darkPage = isComposeDark(entry.body);
    entry.bar.setDark(darkPage);
    const frame = createPickerFrame(doc, deps.pickerUrl(token, { recipients, darkPage }), t('webmail_picker_frame_title'), entry.bar.button.getBoundingClientRect(), darkPage);
    // Clicks inside the frame never reach this document, so any pointer press here is outside it.
    const onOutsidePointer = () => closePicker(false);
    doc.addEventListener('pointerdown', onOutsidePointer, { capture: true });
    picker = { token, entry, frame, onOutsidePointer };
  }

  function closePicker(restoreCaret: boolean): void {
    if (!picker) return;
    const { entry, frame, onOutsidePointer } = picker;
    picker = null;
    doc.removeEventListener('pointerdown', onOutsidePointer, { capture: true });
    frame.remove();
    if (restoreCaret && entry.body.isConnected) caret.restore(entry.body);
  }

  /**
   * Whether a node is part of this compose window: its body, or the fields and controls around
   * it (its subject and recipients' container). Where those are not found, the one window the
   * node's ancestors hold.
   */
  function isInWindow(entry: ComposeEntry, node: EventTarget | null): boolean {
    if (!(node instanceof Element)) return false;
    if (entry.body.contains(node)) return true;
    const root = composeRoot(entry.body, adapter);
    return root ? root.contains(node) : owningBody(node, entries.keys()) === entry.body;
  }

  /** The compose window a shortcut or the popup means: the focused one (body or fields), else the last used, else the newest. */
  function targetEntry(): ComposeEntry | undefined {
    const all = [...entries.values()];
    return (
      all.find((entry) => isInWindow(entry, doc.activeElement)) ??
      all.reduce<ComposeEntry | undefined>((best, entry) => (entry.lastFocusAt > (best?.lastFocusAt ?? 0) ? entry : best), undefined) ??
      all[all.length - 1]
    );
  }

  /** Only one frame of the tab answers: the one holding focus, or the top frame when none has it. */
  function isFrameInCharge(): boolean {
    const view = doc.defaultView;
    // Old-style frames still exist in some mail layouts.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    if (doc.hasFocus()) return !(doc.activeElement instanceof HTMLIFrameElement || doc.activeElement instanceof HTMLFrameElement);
    return view !== null && view === view.top;
  }

  async function insert(entry: ComposeEntry, token: string, message: WebmailMessage): Promise<InsertAnswer> {
    const { body, bar } = entry;
    if (!body.isConnected) return fallBackToClipboard(bar, message);
    caret.restore(body);
    // Let editors that track the selection asynchronously (Lexical) see the restored caret.
    await nextTask();
    // An editor slow to show the text holds the chain up to a second per strategy: say it is under way.
    const slow = setTimeout(() => bar.showNotice(t('webmail_notice_inserting'), 'info'), INSERTING_NOTICE_MS);
    const result = await insertMessage(body, message);
    clearTimeout(slow);
    if (!result.inserted) return fallBackToClipboard(bar, message);
    bar.clearNotice();
    const selection = doc.getSelection();
    const afterInsertion = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
    const compose = describeCompose(body, adapter);
    const plan = planAfterInsertion(
      {
        subject: compose.subject ? compose.subject.value : null,
        to: !compose.to ? 'absent' : isToFieldBlank(compose, adapter) ? 'blank' : 'filled',
        recipients: readRecipients(compose, adapter),
      },
      message,
    );
    if (compose.subject && plan.fillSubject) setFieldValue(compose.subject, plan.fillSubject);
    if (compose.to && plan.fillTo) fillRecipientField(compose.to, plan.fillTo);
    if (doc.activeElement !== body && !body.contains(doc.activeElement)) {
      body.focus({ preventScroll: true });
      if (afterInsertion && selection) {
        selection.removeAllRanges();
        selection.addRange(afterInsertion);
      }
    }
    advance(entry, { type: 'inserted', token, link: message.link });
    try {
      await deps.recordCompose(token, { kind: 'draft', at: new Date().toISOString(), provider: adapter.provider, ...plan.record });
    } catch (error) {
      bar.showNotice(notRecordedNotice(error, deps), 'error');
    }
    return { outcome: 'inserted' };
  }

  /**
   * Feeds the window's send state; records the send it answers with, synchronously (on pagehide
   * this is the last moment the frame runs).
   */
  function advance(entry: ComposeEntry, input: SendInput): void {
    entry.send = feed(entry.send, input);
    watchSends();
  }

  function feed(state: SendState, input: SendInput): SendState {
    const step = nextSendState(state, input);
    // The window is gone, and with it any place to show a failure: the advisor can still mark the customer sent by hand.
    for (const { token, event } of step.records ?? []) deps.recordCompose(token, event).catch(() => undefined);
    return step.state;
  }

  /** Feeds the sends of gone windows; keeps those still undoable or undone. */
  function feedGone(input: SendInput, which: (state: SendState) => boolean = () => true): void {
    goneSends = goneSends.map((state) => (which(state) ? feed(state, input) : state)).filter(({ phase }) => phase === 'undoable' || phase === 'undone');
    watchSends();
  }

  /** The window's body left the page: its send may wait for the page's undo offer to go. */
  function windowGone(entry: ComposeEntry): void {
    const state = feed(entry.send, { type: 'gone', now: performance.now(), undoOffered: adapter.undoSendSelector !== undefined });
    entry.send = { phase: 'over' };
    if (state.phase !== 'over') goneSends.push(state);
    watchSends();
  }

  /** A window the page reopened after an undo (now, or once its body is filled) takes over the undone send's offers. */
  function takeBackUndone(): void {
    for (const entry of entries.values()) {
      const undone = goneSends.find((state) => state.phase === 'undone');
      if (!undone) return;
      if (entry.send.phase !== 'idle') continue;
      const heldLinks = undone.offers.filter(({ link }) => bodyHoldsLink(entry.body, link)).map(({ link }) => link);
      const step = nextSendState(undone, { type: 'reopened', heldLinks });
      if (step.state.phase !== 'armed') continue;
      entry.send = step.state;
      goneSends = goneSends.filter((state) => state !== undone);
    }
  }

  /** What the window shows at the moment of its Send. */
  function readSend(entry: ComposeEntry): ComposeEvent {
    const compose = describeCompose(entry.body, adapter);
    const subject = compose.subject?.value.trim().slice(0, SUBJECT_MAX);
    return {
      kind: 'send',
      at: new Date().toISOString(),
      provider: adapter.provider,
      ...(subject ? { subject } : {}),
      recipients: readRecipients(compose, adapter),
    };
  }

  function pressSend(entry: ComposeEntry): void {
    const state = entry.send;
    if (state.phase !== 'armed' && state.phase !== 'sending') return;
    const heldLinks = state.offers.filter(({ link }) => bodyHoldsLink(entry.body, link)).map(({ link }) => link);
    advance(entry, { type: 'send-pressed', now: performance.now(), event: readSend(entry), heldLinks });
  }

  /** Whether some window holds an inserted offer, or a gone window's send may be undone: until then a press or key needs no look at all. */
  const awaitingSend = () => [...entries.values()].some((entry) => entry.send.phase === 'armed' || entry.send.phase === 'sending') || undoable() !== undefined;

  /** The send the page's undo offer is for: the latest gone window's (a toast shows the last send). */
  const undoable = () => goneSends.findLast((state) => state.phase === 'undoable');

  /** The page's undo control, pressed or its shortcut used (capture phase: before the page acts on it and takes the toast away). */
  function onUndo(target: EventTarget | null, key?: KeyboardEvent): boolean {
    noticeGoneWindows();
    const send = undoable();
    const control = send && shownUndoControl(doc, adapter);
    if (!control || !(target instanceof Element)) return false;
    const pressed = key ? (isButtonActivation(key) && control.contains(target)) || (isUndoShortcut(key) && !isTypingTarget(target)) : control.contains(target);
    if (pressed) feedGone({ type: 'undo-pressed', now: performance.now() }, (state) => state === send);
    return pressed;
  }

  /** Windows whose Send is pending and whose body left the page: the watch looks every SEND_WATCH_MS, an undo may come sooner. */
  function noticeGoneWindows(): void {
    for (const entry of entries.values()) if (entry.send.phase === 'sending' && !entry.body.isConnected) windowGone(entry);
  }

  /**
   * Where a press or key is work in the window: anywhere in the page's dialog that holds it and no
   * other window (Gmail's title bar, with Save & close, sits outside the ancestor that holds its
   * fields), else the window as its fields place it.
   */
  function isInWindowContainer(entry: ComposeEntry, target: Element): boolean {
    const container = entry.body.parentElement?.closest('[role="dialog"]');
    if (container && [...entries.keys()].every((body) => body === entry.body || !container.contains(body))) return container.contains(target);
    return isInWindow(entry, target);
  }

  /** A press or key in a window whose send is pending, outside any dialog and not on its Send: the advisor works on, and the send is dropped. */
  function onWork(entry: ComposeEntry, target: EventTarget | null): void {
    if (entry.send.phase === 'sending' && target instanceof Element && isInWindowContainer(entry, target) && !isInDialog(target, [...entries.keys()])) advance(entry, { type: 'resumed' });
  }

  /** The tracked window a page element belongs to. */
  function entryAt(target: EventTarget | null): ComposeEntry | undefined {
    if (!(target instanceof Element)) return undefined;
    const body = owningBody(target, entries.keys());
    return body && entries.get(body);
  }

  function isSendButton(target: EventTarget | null, entry: ComposeEntry): boolean {
    // Most presses are not on a button at all: those need no look for the Send button.
    if (!(target instanceof Element) || !target.closest('button, [role="button"]')) return false;
    return findSendButton(entry.body, adapter)?.contains(target) === true;
  }

  /** The Send button or undo control a mouse button went down on: its release there is a press (some pages act on it before any click). */
  let pressUnderMouse: EventTarget | null = null;

  // Captured on the document, before the page's own handlers act on the press and take the window away.
  function onPointerSend(event: MouseEvent): void {
    if (!event.isTrusted || event.button !== 0 || !awaitingSend()) return;
    const pressed = event.type === 'click' || pressUnderMouse === event.target;
    if (event.type === 'mousedown') pressUnderMouse = null;
    if (event.type !== 'mousedown' && pressed && onUndo(event.target)) return;
    const entry = entryAt(event.target);
    const onSend = entry !== undefined && isSendButton(event.target, entry);
    if (event.type === 'mousedown') {
      pressUnderMouse = onSend || (event.target instanceof Element && shownUndoControl(doc, adapter)?.contains(event.target)) ? event.target : null;
      if (entry && !onSend) onWork(entry, event.target);
    } else if (onSend && pressed) pressSend(entry);
  }

  function onKeySend(event: KeyboardEvent): void {
    if (!event.isTrusted || !awaitingSend() || onUndo(event.target, event)) return;
    const shortcut = isSendShortcut(event);
    const sendPending = [...entries.values()].some((entry) => entry.send.phase === 'sending');
    if (!shortcut && !isButtonActivation(event) && !sendPending) return;
    const entry = entryAt(event.target);
    if (!entry) return;
    // The shortcut sends the window it is pressed in, not one that merely shares the page with a search box.
    if ((shortcut || isButtonActivation(event)) && (isSendButton(event.target, entry) || (shortcut && isInWindow(entry, event.target)))) pressSend(entry);
    else if (isWorkKey(event)) onWork(entry, event.target);
  }

  /** A pop-out compose's page (or frame) goes away right after its Send. */
  function onPageHide(): void {
    const gone: SendInput = { type: 'gone', now: performance.now(), undoOffered: false };
    for (const entry of entries.values()) advance(entry, gone);
    feedGone(gone);
  }

  /** Listens again after a document.open(), which erases the document's and the window's listeners. */
  function listenForSends(): void {
    doc.addEventListener('mousedown', onPointerSend, true);
    doc.addEventListener('mouseup', onPointerSend, true);
    doc.addEventListener('click', onPointerSend, true);
    doc.addEventListener('keydown', onKeySend, true);
    doc.defaultView?.addEventListener('pagehide', onPageHide);
  }

  /**
   * While a window's Send is pending, looks often whether it went away, the page shows a dialog, or
   * its time ran out; while a gone window's send may be undone, whether the page still offers to.
   */
  function watchSends(): void {
    const pending = () => [...entries.values()].filter((entry) => entry.send.phase === 'sending');
    // An undone send is watched too: a window reopened by its deadline takes it, else it stands.
    if (pending().length === 0 && goneSends.length === 0) {
      clearInterval(sendWatch);
      sendWatch = undefined;
      return;
    }
    sendWatch ??= setInterval(() => {
      const tick: SendInput = { type: 'tick', now: performance.now(), dialogShown: showsDialog(doc, [...entries.keys()]), undoShown: shownUndoControl(doc, adapter) !== null };
      noticeGoneWindows();
      for (const entry of pending()) advance(entry, tick);
      feedGone(tick);
      takeBackUndone();
    }, SEND_WATCH_MS);
  }

  async function fallBackToClipboard(bar: ComposeBar, message: WebmailMessage): Promise<InsertAnswer> {
    const copied = await copyRich(message, doc);
    bar.showNotice(t(copied ? 'webmail_notice_copied' : 'webmail_notice_failed'), 'error');
    return { outcome: copied ? 'copied' : 'failed' };
  }

  return {
    scan,
    handleTabMessage(raw) {
      const message = readTabMessage(raw);
      if (!message) return undefined;
      // Any frame holding a compose window answers, focused or not: the popup, not the page, has the focus.
      if (message.type === 'webmail.composeOpen') {
        return [...entries.keys()].some((body) => body.isConnected) ? Promise.resolve({ composeOpen: true }) : undefined;
      }
      if (message.type === 'webmail.open') {
        if (entries.size === 0 || !isFrameInCharge()) return undefined;
        const entry = targetEntry();
        if (!entry) return undefined;
        openPicker(entry);
        return Promise.resolve({ opened: true });
      }
      if (!picker || picker.token !== message.token) return undefined;
      if (message.type === 'webmail.close') {
        closePicker(true);
        return Promise.resolve({ closed: true });
      }
      // A page that hid or covered the picker may be collecting a keypress meant for itself.
      if (!picker.frame.isShown()) return Promise.resolve({ outcome: 'hidden' });
      const { entry, token } = picker;
      closePicker(false);
      return insert(entry, token, message.message);
    },
    stop() {
      observer.disconnect();
      clearTimeout(scanTimer);
      doc.removeEventListener('selectionchange', onSelectionChange);
      doc.removeEventListener('mousedown', onPointerSend, true);
      doc.removeEventListener('mouseup', onPointerSend, true);
      doc.removeEventListener('click', onPointerSend, true);
      doc.removeEventListener('keydown', onKeySend, true);
      doc.defaultView?.removeEventListener('pagehide', onPageHide);
      clearInterval(sendWatch);
      goneSends = [];
      closePicker(false);
      for (const entry of entries.values()) entry.bar.remove();
      entries.clear();
    },
  };
}
