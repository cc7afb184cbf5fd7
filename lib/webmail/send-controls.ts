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
