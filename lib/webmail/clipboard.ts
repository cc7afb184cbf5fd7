import type { InsertableMessage } from './strategies/strategy';

/**
 * The last resort when no strategy kept the text: put the message on the clipboard (HTML and
 * plain text) so the advisor can paste it. Uses the async Clipboard API, then a copy event
 * for pages where that API is blocked. Needs the user activation of the picker's Enter or click.
 */
export async function copyMessage(message: InsertableMessage, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([message.html], { type: 'text/html' }),
        'text/plain': new Blob([message.text], { type: 'text/plain' }),
      }),
    ]);
    return true;
  } catch {
    return copyWithCopyEvent(message, doc);
  }
}

function copyWithCopyEvent(message: InsertableMessage, doc: Document): boolean {
  let copied = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', message.html);
    event.clipboardData.setData('text/plain', message.text);
    event.preventDefault();
    event.stopImmediatePropagation();
    copied = true;
  };
  doc.addEventListener('copy', onCopy, { capture: true });
  try {
    return doc.execCommand('copy') && copied;
  } finally {
    doc.removeEventListener('copy', onCopy, { capture: true });
  }
}
