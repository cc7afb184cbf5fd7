/** Puts plain text on the clipboard. */
export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/**
 * Puts a message on the clipboard as HTML and plain text, so a mail editor pastes the
 * formatting and a plain field pastes clean text.
 */
export async function copyRich(html: string, text: string): Promise<void> {
  if (typeof ClipboardItem === 'undefined') return copyText(text);
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([text], { type: 'text/plain' }),
    }),
  ]);
}
