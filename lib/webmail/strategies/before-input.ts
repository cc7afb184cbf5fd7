import { messageTransfer, type InsertionStrategy } from './strategy';

/**
 * Editors driven by `beforeinput` (Lexical, Slate) insert what a paste or a replacement-text
 * input carries in its dataTransfer. Tried as a paste first, then as replacement text.
 */
export const beforeInputStrategy: InsertionStrategy = {
  name: 'beforeinput',
  run(body, message) {
    for (const inputType of ['insertFromPaste', 'insertReplacementText']) {
      const event = new InputEvent('beforeinput', {
        inputType,
        dataTransfer: messageTransfer(message),
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      if (!body.dispatchEvent(event)) return true;
    }
    return false;
  },
};
