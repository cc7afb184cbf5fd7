/** What every insertion strategy receives: the rendered message, already escaped HTML and its text. */
export interface InsertableMessage {
  html: string;
  text: string;
}

/**
 * One way of putting the message at the caret. `run` reports whether the editor took the
 * attempt (it handled the event, or the command ran); the chain then checks the text landed.
 */
export interface InsertionStrategy {
  name: string;
  run(body: HTMLElement, message: InsertableMessage): boolean;
}

type EventConstructors = Pick<typeof globalThis, 'ClipboardEvent' | 'InputEvent' | 'DataTransfer'>;

/** Firefox content scripts see the page's objects through Xray wrappers; these reach past them. */
interface XrayWindow {
  wrappedJSObject?: EventConstructors;
}
type CloneInto = <T>(value: T, target: object, options?: { wrapReflectors?: boolean }) => T;

/** The event and DataTransfer constructors the page's own scripts would use, and a way to hand them options. */
export interface EventRealm extends EventConstructors {
  init<T extends object>(options: T): T;
}

/**
 * Firefox marks each DataTransfer item with the principal that set it and hides it from any
 * other: data a content script sets reaches the page's handlers empty. So in Firefox the event
 * and its data are made in the page's realm, through the Xray waiver: calls on the page's own
 * constructors and methods run as the page. No script is injected into the page. Elsewhere (or
 * outside a content script) these are the ordinary constructors.
 */
export function eventRealm(body: HTMLElement): EventRealm {
  const page = (body.ownerDocument.defaultView as XrayWindow | null)?.wrappedJSObject;
  const cloneInto = (globalThis as { cloneInto?: CloneInto }).cloneInto;
  if (!page || !cloneInto) return { ClipboardEvent, InputEvent, DataTransfer, init: (options) => options };
  return {
    ClipboardEvent: page.ClipboardEvent,
    InputEvent: page.InputEvent,
    DataTransfer: page.DataTransfer,
    init: (options) => cloneInto(options, page, { wrapReflectors: true }),
  };
}

/** Puts the message in an event's data, after the event was made (Firefox ignores the data a ClipboardEvent is constructed with). */
export function fillTransfer(data: DataTransfer | null, message: InsertableMessage): void {
  data?.setData('text/html', message.html);
  data?.setData('text/plain', message.text);
}
