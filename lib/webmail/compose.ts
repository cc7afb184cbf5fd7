import { isTextField } from './fields';

/**
 * Compose-window discovery shared by the provider adapters: pure reads over a Document or
 * ShadowRoot, no writes. Hooks are structural (roles, contenteditable, form field names), never
 * translated labels or generated class names.
 */

export type Provider = 'gmail' | 'outlook';

export interface ComposeWindow {
  provider: Provider;
  body: HTMLElement;
  subject: HTMLInputElement | null;
  to: HTMLElement | null;
}

export interface WebmailAdapter {
  provider: Provider;
  /** Matches compose bodies; cheap enough to run on every debounced scan. */
  bodySelector: string;
  subjectSelector: string;
  recipientSelector: string;
  /** Recipients already resolved into chips, carrying their address in an attribute. */
  chipSelector: string;
}

/** How far up from the body the compose window's fields may sit. */
const MAX_DEPTH = 30;

/**
 * The smallest ancestor of the body holding the subject field (or, in replies without one, a
 * recipient field), without reaching into another compose window: several can be open.
 */
export function composeRoot(body: HTMLElement, adapter: WebmailAdapter): Element | null {
  return ancestorWith(body, adapter, adapter.subjectSelector) ?? ancestorWith(body, adapter, adapter.recipientSelector);
}

function ancestorWith(body: HTMLElement, adapter: WebmailAdapter, selector: string): Element | null {
  let node: Element | null = body.parentElement;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++, node = node.parentElement) {
    if (node.querySelectorAll(adapter.bodySelector).length > 1) return null;
    if ([...node.querySelectorAll(selector)].some((field) => !body.contains(field))) return node;
  }
  return null;
}

export function describeCompose(body: HTMLElement, adapter: WebmailAdapter): ComposeWindow {
  const root = composeRoot(body, adapter);
  const first = <T extends Element>(selector: string) =>
    root ? ([...root.querySelectorAll<T>(selector)].find((field) => !body.contains(field)) ?? null) : null;
  const subject = first<HTMLElement>(adapter.subjectSelector);
  return {
    provider: adapter.provider,
    body,
    subject: subject instanceof HTMLInputElement ? subject : null,
    to: first<HTMLElement>(adapter.recipientSelector),
  };
}

/** Every editable compose body in the tree, in document order. */
export function findComposeBodies(root: Document | ShadowRoot | Element, adapter: WebmailAdapter): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(adapter.bodySelector)].filter((body) => body.isContentEditable !== false);
}

const ADDRESS = /[^\s<>(),;:"']+@[^\s<>(),;:"']+\.[^\s<>(),;:"']+/g;

/**
 * The addresses (or, failing those, the text) already in the To field: typed text, chips with
 * an address attribute, or a recipient "well" with resolved names.
 */
export function readRecipients(compose: ComposeWindow, adapter: WebmailAdapter): string[] {
  const field = compose.to;
  if (!field) return [];
  const row = field.closest('[name="to"]') ?? field.parentElement ?? field;
  const chips = [...row.querySelectorAll(adapter.chipSelector)]
    .map((chip) => chip.getAttribute('email') ?? chip.getAttribute('data-hovercard-id') ?? chip.getAttribute('title') ?? '')
    .flatMap((value) => value.match(ADDRESS) ?? []);
  const typed = isTextField(field) ? field.value : (field.textContent ?? '');
  const typedAddresses = typed.match(ADDRESS) ?? [];
  // A well holding resolved names only still has recipients, even if no address is readable.
  const names = chips.length === 0 && typedAddresses.length === 0 && typed.trim() ? [typed.trim()] : [];
  return [...new Set([...chips, ...typedAddresses, ...names])];
}
