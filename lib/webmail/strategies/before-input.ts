import { eventRealm, fillTransfer, type InsertionStrategy } from './strategy';

function beforeInput(inputType: 'insertReplacementText' | 'insertFromPaste'): InsertionStrategy {
  return {
    name: `beforeinput:${inputType}`,
    run(body, message) {
      const realm = eventRealm(body);
      const event = new realm.InputEvent(
        'beforeinput',
        realm.init({ inputType, dataTransfer: new realm.DataTransfer(), bubbles: true, cancelable: true, composed: true }),
      );
      fillTransfer(event.dataTransfer, message);
      return !body.dispatchEvent(event);
    },
  };
}

/**
 * Editors driven by `beforeinput` insert what the event's dataTransfer carries. Lexical inserts
 * the HTML of an insertReplacementText (it cancels an untrusted insertFromPaste without reading
 * it); Slate takes either. Each is its own strategy so that each is verified.
 */
export const replacementTextStrategy = beforeInput('insertReplacementText');
export const pasteInputStrategy = beforeInput('insertFromPaste');
