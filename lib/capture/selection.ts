/**
 * The text a copy event is copying, read from the page at that moment: the selected part of a
 * focused field (inside shadow roots too), else the document selection. Clipboard data is
 * empty during a copy event, so this is the only place to read it.
 */
export function copiedText(doc: Document): string {
  try {
    let active = doc.activeElement;
    for (let depth = 0; active?.shadowRoot?.activeElement && depth < 50; depth += 1) active = active.shadowRoot.activeElement;
    if (active && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA')) {
      const field = active as HTMLInputElement;
      const start = field.selectionStart;
      const end = field.selectionEnd;
      if (start !== null && end !== null && end > start) return field.value.slice(start, end);
    }
    return doc.getSelection()?.toString() ?? '';
  } catch {
    // selectionStart throws on input types without a text selection (number, email...).
    return doc.getSelection()?.toString() ?? '';
  }
}
