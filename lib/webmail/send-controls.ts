import type { WebmailAdapter } from './compose';

/**
 * The advisor's ways of sending a compose window, read from the page's structure (roles,
 * attributes, the place of a button in a split button), never from translated labels. Pure reads.
 */

const BUTTON = 'button, [role="button"]';
const MENU_BUTTON = 'button[aria-haspopup], [role="button"][aria-haspopup]';

/** A button whose next button sibling opens a menu: the primary half of a split button. */
function isSplitPrimary(button: Element): boolean {
  if (button.matches(MENU_BUTTON)) return false;
  for (let next = button.nextElementSibling; next; next = next.nextElementSibling) {
    // A divider may sit between the two halves.
    if (next.matches(BUTTON)) return next.matches(MENU_BUTTON);
  }
  return false;
}

/** How far up from the body the compose window's Send may sit. */
const MAX_DEPTH = 30;

/** The ancestors of the body up to the compose window's edge (the last one holding no other compose body). */
function windowAncestors(body: Element, adapter: WebmailAdapter): Element[] {
  const ancestors: Element[] = [];
  let node = body.parentElement;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++, node = node.parentElement) {
    if (node.querySelectorAll(adapter.bodySelector).length > 1) break;
    ancestors.push(node);
  }
  return ancestors;
}

/**
 * The compose window's Send button: the nearest to the body of the buttons the adapter's markup
 * names (of several there, the split button's primary half, Send beside its menu of send options,
 * else the last: a "send and archive" button comes first); without any, the primary half of the
 * split button nearest to the body (the window's own, not one elsewhere on the page).
 */
export function findSendButton(body: Element, adapter: WebmailAdapter): Element | null {
  const ancestors = windowAncestors(body, adapter);
  for (const node of ancestors) {
    const named = [...node.querySelectorAll(adapter.sendButtonSelector)].filter((button) => !button.matches(MENU_BUTTON));
    if (named.length > 0) return named.find(isSplitPrimary) ?? named.at(-1) ?? null;
  }
  for (const node of ancestors) {
    const primary = [...node.querySelectorAll(BUTTON)].find(isSplitPrimary);
    if (primary) return primary;
  }
  return null;
}

/**
 * The compose body a page element belongs to: the one inside its nearest ancestor that holds any
 * of `bodies`; none when that ancestor holds several (the element is outside every window).
 */
export function owningBody<T extends Element>(target: Element, bodies: Iterable<T>): T | undefined {
  const all = [...bodies];
  for (let node: Element | null = target; node; node = node.parentElement) {
    const [body, ...others] = all.filter((candidate) => node.contains(candidate));
    if (body) return others.length === 0 ? body : undefined;
  }
  return undefined;
}

export interface KeyPress {
  key: string;
  /** The physical key, whatever the layout types with it. */
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing: boolean;
}

/** Ctrl+Enter, or Cmd+Enter on a Mac: both webmails send the window holding focus. */
export const isSendShortcut = (key: KeyPress): boolean =>
  key.key === 'Enter' && (key.ctrlKey || key.metaKey) && !key.altKey && !key.shiftKey && !key.isComposing;

/** Enter or Space on a focused button activates it. */
export const isButtonActivation = (key: KeyPress): boolean =>
  (key.key === 'Enter' || key.key === ' ') && !key.ctrlKey && !key.metaKey && !key.altKey && !key.isComposing;

/** A dialog that holds the page until answered: an alert dialog (confirmation, error) or a modal one. */
const MODAL_DIALOG = '[role="alertdialog"], [role="dialog"][aria-modal="true"]';

/** Rendered and not hidden: pages keep closed dialogs and spent controls in the DOM, hidden. */
const isShown = (element: Element): boolean => element.checkVisibility({ visibilityProperty: true });

/** A dialog of the page that is not a compose window itself (a full-screen compose may be a modal dialog). */
const isPageDialog = (dialog: Element, bodies: readonly Element[]): boolean => !bodies.some((body) => dialog.contains(body));

/** Whether the page shows a dialog (a confirmation or an error it raised on Send) outside the compose windows. */
export function showsDialog(doc: Document, bodies: readonly Element[]): boolean {
  return [...doc.querySelectorAll(MODAL_DIALOG)].some((dialog) => isPageDialog(dialog, bodies) && isShown(dialog));
}

/** Whether a page element is inside such a dialog. */
export function isInDialog(target: Element, bodies: readonly Element[]): boolean {
  for (let dialog = target.closest(MODAL_DIALOG); dialog; dialog = dialog.parentElement?.closest(MODAL_DIALOG) ?? null) {
    if (isPageDialog(dialog, bodies)) return true;
  }
  return false;
}

/** Whether a control is there for the advisor to press: rendered, not see-through, with a box on the screen (a toast leaving may fade or slide away). */
function isOnScreen(control: Element, doc: Document): boolean {
  if (!control.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
  const box = control.getBoundingClientRect();
  const view = doc.defaultView;
  return box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < (view?.innerWidth ?? Infinity) && box.top < (view?.innerHeight ?? Infinity);
}

/** The page's offer to undo the send just made (Gmail's toast), where the adapter names it and it is shown. */
export function shownUndoControl(doc: Document, adapter: WebmailAdapter): Element | null {
  const control = adapter.undoSendSelector ? doc.querySelector(adapter.undoSendSelector) : null;
  return control && isOnScreen(control, doc) ? control : null;
}

/** Where a key types text: a key pressed there is not a page shortcut. */
export const isTypingTarget = (target: Element): boolean =>
  target.matches('input, textarea, select') || (target instanceof HTMLElement && target.isContentEditable);

/** Gmail's keyboard shortcut for undoing the last action (the send, while its toast shows): z, with Caps Lock on too, or the key in z's place on another layout. */
export const isUndoShortcut = (key: KeyPress): boolean => (key.code === 'KeyZ' || key.key.toLowerCase() === 'z') && !key.ctrlKey && !key.metaKey && !key.altKey && !key.shiftKey && !key.isComposing;

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

/** A key the advisor presses to work in a window: not a modifier alone, nor a held key's repeats (Ctrl still down after Ctrl+Enter). */
export const isWorkKey = (key: KeyPress & { repeat: boolean }): boolean => !key.repeat && !MODIFIER_KEYS.has(key.key);
