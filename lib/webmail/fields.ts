/**
 * Writes to the compose window's subject and To fields. Values are set as text (never markup)
 * through the native setter, then announced with input/change events so that framework-managed
 * inputs (React in Outlook) update their own state.
 */

export function setFieldValue(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = Object.getPrototypeOf(input) as object;
  // The prototype's own setter, so a page framework that wraps the field's setter sees the change.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function isTextField(element: Element): element is HTMLInputElement | HTMLTextAreaElement {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
}

/**
 * Types an address into a recipient field: an input (Gmail's unnamed combobox) takes the value,
 * a contenteditable "well" (Outlook) takes it as typed text so its own recipient logic resolves
 * it. Either way the field has focus first, and the caller puts focus back into the body
 * afterwards: the page turns typed text into a recipient chip when its field loses focus.
 */
export function fillRecipientField(field: HTMLElement, address: string): void {
  field.focus({ preventScroll: true });
  if (isTextField(field)) {
    setFieldValue(field, address);
    return;
  }
  const selection = field.ownerDocument.getSelection();
  if (selection) {
    const range = field.ownerDocument.createRange();
    range.selectNodeContents(field);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  // Typing through the editing command is what the page's own input handling sees.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  if (!field.ownerDocument.execCommand('insertText', false, address)) field.append(address);
}
