import type { WebmailProvider } from '../hosts';
import { isTextField } from './fields';
import { MAX_RECIPIENTS, mergeRecipients, parseChip, parseTyped, type Recipient } from './recipients';

/**
 * Compose-window discovery shared by the provider adapters: pure reads over a Document or
 * ShadowRoot, no writes. Hooks are structural (roles, contenteditable, form field names), never
 * translated labels or generated class names.
 */

export type Provider = WebmailProvider;

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
  /** The To field an address is typed into (Gmail's combobox input, Outlook's To well). */
  recipientSelector: string;
  /** The To row around that field, holding its chips too; without one, the field holds them. */
  recipientRowSelector?: string;
  /** Recipients already resolved into chips. */
  chipSelector: string;
  /** Chip attributes that carry the address or the name, on pages that put them there. */
  chipAddressAttribute?: string;
  chipNameAttribute?: string;
  /**
   * Where the page's own markup names the compose window's Send button (an attribute, a known
   * structure); without a match, Send is the primary button of the window's first split button.
   */
  sendButtonSelector: string;
  /** Where the page offers to undo a send once its window is gone (a toast's control): the send is recorded once that offer is gone. */
  undoSendSelector?: string;
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
  const first = (selector: string) => (root ? ([...root.querySelectorAll(selector)].find((field) => !body.contains(field)) ?? null) : null);
  const subject = first(adapter.subjectSelector);
  const to = first(adapter.recipientSelector);
  return {
    provider: adapter.provider,
    body,
    subject: subject instanceof HTMLInputElement ? subject : null,
    to: to instanceof HTMLElement ? to : null,
  };
}

/** Every editable compose body in the tree, in document order. */
export function findComposeBodies(root: Document | ShadowRoot | Element, adapter: WebmailAdapter): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(adapter.bodySelector)].filter((body) => (body as Partial<HTMLElement>).isContentEditable !== false);
}

/** Where the To field's chips are: its row, or the field itself (a well), or an input's container. */
function recipientRow(field: HTMLElement, adapter: WebmailAdapter): Element {
  const row = adapter.recipientRowSelector ? field.closest(adapter.recipientRowSelector) : null;
  return row ?? (isTextField(field) ? (field.parentElement ?? field) : field);
}

/** The outermost chips of the row (a chip's own parts may match the selector too), capped. */
function chipsOf(row: Element, adapter: WebmailAdapter): Element[] {
  const chips: Element[] = [];
  for (const chip of row.querySelectorAll(adapter.chipSelector)) {
    const outer = chip.parentElement?.closest(adapter.chipSelector);
    if (outer && row.contains(outer)) continue;
    chips.push(chip);
    if (chips.length === MAX_RECIPIENTS) break;
  }
  return chips;
}

/** Text typed into the field: an input's value, or a well's text outside its chips. */
function typedText(field: HTMLElement, adapter: WebmailAdapter): string {
  if (isTextField(field)) return field.value;
  const walker = field.ownerDocument.createTreeWalker(field, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chip = node.parentElement?.closest(adapter.chipSelector);
    if (!chip || !field.contains(chip)) text += node.nodeValue ?? '';
  }
  return text;
}

/**
 * Everyone in the To field, as the page shows them: resolved chips (address and name from the
 * chip's attributes where the page puts them there, else from its text: "Name <address>", an
 * address, or a name alone), then addresses typed and not yet resolved. One entry per address.
 */
export function readRecipients(compose: ComposeWindow, adapter: WebmailAdapter): Recipient[] {
  const field = compose.to;
  if (!field) return [];
  const chips = chipsOf(recipientRow(field, adapter), adapter).map((chip) =>
    parseChip(
      chip.textContent,
      adapter.chipAddressAttribute ? chip.getAttribute(adapter.chipAddressAttribute) : null,
      adapter.chipNameAttribute ? chip.getAttribute(adapter.chipNameAttribute) : null,
    ),
  );
  const resolved = chips.filter((one): one is Recipient => one !== null);
  return mergeRecipients([...resolved, ...parseTyped(typedText(field, adapter))]);
}

/** True when the To field holds neither a chip nor typed text, so filling it overwrites nothing. */
export function isToFieldBlank(compose: ComposeWindow, adapter: WebmailAdapter): boolean {
  const field = compose.to;
  if (!field) return false;
  return chipsOf(recipientRow(field, adapter), adapter).length === 0 && !typedText(field, adapter).trim();
}
