import { eventRealm, fillTransfer, type InsertionStrategy } from './strategy';

/**
 * A synthetic paste carrying text/html and text/plain. Editors with their own model (RoosterJS,
 * ProseMirror, Lexical, Draft.js, CKEditor 5, Quill) read the clipboard data, insert through
 * their model and record one undo step. A page that ignores the event leaves it unhandled,
 * since the browser never performs an untrusted paste itself.
 */
export const pasteStrategy: InsertionStrategy = {
  name: 'paste',
  run(body, message) {
    const realm = eventRealm(body);
    const event = new realm.ClipboardEvent(
      'paste',
      realm.init({ clipboardData: new realm.DataTransfer(), bubbles: true, cancelable: true, composed: true }),
    );
    fillTransfer(event.clipboardData, message);
    return !body.dispatchEvent(event);
  },
};
