import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extensionContextLost } from './extension-context';

/**
 * WXT stops a content script when another copy of it announces, with an event on the document,
 * that it started: the copy an extension update or reload leaves behind steps aside. A page can
 * dispatch that event too (the name holds only the public extension id) and would stop capture or
 * the compose control. A real newer copy exists only once this one is cut off from the extension
 * (its runtime has no id any more), so until then the announcement is forged: it is stopped on
 * the window, in the capturing phase, before it reaches WXT's listener on the document.
 */
export function ignoreForgedScriptStarts(ctx: ContentScriptContext, view: Window = window): void {
  // WXT's own name for the event (extension id, script name); public at runtime, private in its types.
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  const screen = (event: Event) => {
    if (!extensionContextLost()) event.stopImmediatePropagation();
  };
  view.addEventListener(type, screen, { capture: true });
  ctx.onInvalidated(() => view.removeEventListener(type, screen, { capture: true }));
}
