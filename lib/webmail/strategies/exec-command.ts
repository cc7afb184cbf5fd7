import type { InsertionStrategy } from './strategy';

/**
 * `execCommand('insertHTML')`: the browser edits the DOM at the caret and keeps its own undo
 * stack, which is what plain contenteditable editors (Gmail's) rely on. Deprecated but still the
 * only way to give a plain contenteditable an undoable HTML insertion.
 */
export const execCommandStrategy: InsertionStrategy = {
  name: 'execCommand',
  run(body, message) {
    // The one editing command editors without paste handling still honour (and undo).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    return body.ownerDocument.execCommand('insertHTML', false, message.html);
  },
};
