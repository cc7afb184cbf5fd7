import { compact } from './probes';

/**
 * Remembers where the caret was in each compose body. The extension's own button and picker
 * take focus, so the last Range seen inside a body is restored before inserting.
 */
export class CaretMemory {
  private readonly ranges = new WeakMap<HTMLElement, Range>();

  /** Call on selectionchange: keeps the selection's range when it lies inside a known body. */
  remember(selection: Selection | null, bodies: Iterable<HTMLElement>): HTMLElement | null {
    if (!selection || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    for (const body of bodies) {
      if (body.contains(range.startContainer) && body.contains(range.endContainer)) {
        this.ranges.set(body, range.cloneRange());
        return body;
      }
    }
    return null;
  }

  /** Focuses the body and puts back the remembered caret, or the top of the body when none. */
  restore(body: HTMLElement): void {
    const doc = body.ownerDocument;
    const selection = doc.getSelection();
    const saved = this.ranges.get(body);
    const usable = saved && body.contains(saved.startContainer) && body.contains(saved.endContainer) ? saved : null;
    body.focus({ preventScroll: true });
    if (!selection) return;
    const range = usable?.cloneRange() ?? topOf(body);
    selection.removeAllRanges();
    selection.addRange(range);
  }

  forget(body: HTMLElement): void {
    this.ranges.delete(body);
  }
}

/** A caret at the start of the body's first text position. */
export function topOf(body: HTMLElement): Range {
  const range = body.ownerDocument.createRange();
  let node: Node = body;
  while (node.firstChild && node.firstChild.nodeType === Node.ELEMENT_NODE && !isVoid(node.firstChild as Element)) node = node.firstChild;
  range.setStart(node.firstChild?.nodeType === Node.TEXT_NODE ? node.firstChild : node, 0);
  range.collapse(true);
  return range;
}

function isVoid(element: Element): boolean {
  return /^(BR|IMG|HR|INPUT)$/.test(element.tagName);
}

/** The body's text from its start up to the caret (empty when the caret is elsewhere). */
export function textBeforeCaret(body: HTMLElement): string {
  const selection = body.ownerDocument.getSelection();
  const focusNode = selection?.focusNode;
  if (!selection || selection.rangeCount === 0 || !focusNode || !body.contains(focusNode)) return '';
  const range = body.ownerDocument.createRange();
  range.setStart(body, 0);
  range.setEnd(focusNode, selection.focusOffset);
  return range.toString();
}

/**
 * Collapses the caret right after the last occurrence of `probe` (compact text) in the body, for
 * editors that leave the pasted text selected or the caret before it.
 */
export function placeCaretAfter(body: HTMLElement, probe: string): boolean {
  const doc = body.ownerDocument;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const positions: { node: Text; offset: number }[] = [];
  let text = '';
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const char = data.charAt(i);
      if (compact(char) === '') continue;
      text += char;
      positions.push({ node, offset: i + 1 });
    }
  }
  const at = text.lastIndexOf(probe);
  if (at === -1 || !probe) return false;
  const end = positions[at + probe.length - 1];
  if (!end) return false;
  const range = doc.createRange();
  range.setStart(end.node, end.offset);
  range.collapse(true);
  const selection = doc.getSelection();
  if (!selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}
