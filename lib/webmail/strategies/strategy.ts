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

export function messageTransfer(message: InsertableMessage): DataTransfer {
  const data = new DataTransfer();
  data.setData('text/html', message.html);
  data.setData('text/plain', message.text);
  return data;
}
