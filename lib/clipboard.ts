/** Puts plain text on the clipboard. */
export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/**
 * Puts a message on the clipboard as HTML and plain text, so a mail editor pastes the formatting
 * and a plain field pastes clean text. Uses the async Clipboard API, then a copy event where a
 * page blocks that API; either needs a user activation (a click, the picker's Enter).
 */
export async function copyRich(content: { html: string; text: string }, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([content.html], { type: 'text/html' }),
        'text/plain': new Blob([content.text], { type: 'text/plain' }),
      }),
    ]);
    return true;
  } catch {
    return copyWithCopyEvent(content, doc);
  }
}

function copyWithCopyEvent(content: { html: string; text: string }, doc: Document): boolean {
  let copied = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', content.html);
    event.clipboardData.setData('text/plain', content.text);
    event.preventDefault();
    event.stopImmediatePropagation();
    copied = true;
  };
  doc.addEventListener('copy', onCopy, { capture: true });
  try {
    // The deprecated command is the only copy that works where the page blocks the async API.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    return doc.execCommand('copy') && copied;
  } finally {
    doc.removeEventListener('copy', onCopy, { capture: true });
  }
}
