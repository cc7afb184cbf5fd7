import { CONTROL_SELECTOR, GROUP_SELECTOR, LABEL_LIKE_SELECTOR, NATIVE_FIELD_SELECTOR } from './selectors';
import { cleanText } from './text';

/**
 * Partner Center is built from custom elements with open shadow roots, which
 * `document.querySelectorAll` does not enter. These helpers walk them, with a cap on the
 * number of elements visited so that a huge page never stalls the tab.
 */
export const MAX_VISITED = 20_000;

export type DeepRoot = Document | ShadowRoot | Element;

// Never rendered as text; (template) its content is not even in the tree.
export const NOT_WALKED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT, spelled out for environments without NodeFilter

function ownerDocumentOf(root: DeepRoot): Document {
  return root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
}

/**
 * Elements under `root` in document order, entering open shadow roots (a host's shadow
 * content comes before its light children, which it usually renders through slots).
 * Stops after `budget` elements. Native TreeWalkers, one per tree, walk lazily: a small
 * budget costs little even inside a huge subtree.
 */
export function* deepElements(root: DeepRoot, budget: number = MAX_VISITED): Generator<Element> {
  const doc = ownerDocumentOf(root);
  const walkers: TreeWalker[] = [doc.createTreeWalker(root, SHOW_ELEMENT)];
  // A host's own shadow content is under it too, and comes first.
  const ownShadow = (root as Partial<Element>).shadowRoot;
  if (ownShadow) walkers.push(doc.createTreeWalker(ownShadow, SHOW_ELEMENT));
  let visited = 0;
  while (walkers.length > 0 && visited < budget) {
    const element = (walkers[walkers.length - 1] as TreeWalker).nextNode() as Element | null;
    if (!element) {
      walkers.pop();
      continue;
    }
    if (NOT_WALKED.has(element.tagName)) continue;
    visited += 1;
    yield element;
    const shadow = element.shadowRoot;
    if (shadow) walkers.push(doc.createTreeWalker(shadow, SHOW_ELEMENT));
  }
}

/**
 * `root` and every open shadow root under it, looking at no more than `budget` elements.
 * A plain loop over native lists: the capture watcher runs this on every look at a Partner Center page.
 */
export function deepTreeRoots(root: DeepRoot, budget: number = MAX_VISITED): DeepRoot[] {
  const roots: DeepRoot[] = [root];
  let left = budget;
  for (let index = 0; index < roots.length && left > 0; index += 1) {
    const all = (roots[index] as DeepRoot).querySelectorAll('*');
    const count = Math.min(all.length, left);
    left -= count;
    for (let i = 0; i < count; i += 1) {
      const shadow = (all[i] as Element).shadowRoot;
      if (shadow) roots.push(shadow);
    }
  }
  return roots;
}

function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

/** `querySelectorAll` that also searches open shadow roots, within the visit budget. */
export function deepQuerySelectorAll(root: DeepRoot, selector: string, budget: number = MAX_VISITED): Element[] {
  const found: Element[] = [];
  for (const element of deepElements(root, budget)) if (element.matches(selector)) found.push(element);
  return found;
}

/** The parent node, or the shadow host when `node` sits at the top of a shadow root. */
export function deepParent(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (isElement(parent)) return parent;
  const host = (parent as Partial<ShadowRoot>).host;
  return host ?? null;
}

/** Ancestors of `node`, nearest first, crossing shadow boundaries, at most `max` of them. */
export function deepAncestors(node: Node, max: number): Element[] {
  const ancestors: Element[] = [];
  for (let current = deepParent(node); current && ancestors.length < max; current = deepParent(current)) ancestors.push(current);
  return ancestors;
}

// Inline elements do not separate words; everything else does ("Summary ID" then "8H3K").
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CODE', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR']);
// Never rendered text, or (option lists, fields, buttons) not what the page says next to a label.
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'OPTION', 'DATALIST', 'TEXTAREA', 'INPUT', 'BUTTON']);

/** Text as read inside `node`, with `blockBreak` wherever a block element or a line break separates words. */
function renderedText(node: Node, max: number, blockBreak: string): string {
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  const visit = (current: Node): void => {
    if (length > max * 2 || visited >= MAX_VISITED) return;
    visited += 1;
    if (current.nodeType === 3) {
      const data = (current as Text).data;
      parts.push(data);
      length += data.length;
      return;
    }
    if (!isElement(current) && current.nodeType !== 11) return;
    const tag = isElement(current) ? current.tagName.toUpperCase() : '';
    if (current !== node && NOT_TEXT.has(tag)) return;
    const separate = isElement(current) && !INLINE.has(tag);
    if (separate) parts.push(blockBreak);
    if (tag === 'SLOT') {
      const assigned = (current as Partial<HTMLSlotElement>).assignedNodes?.({ flatten: true }) ?? [];
      for (const child of assigned.length > 0 ? assigned : Array.from(current.childNodes)) visit(child);
    } else {
      const shadow = isElement(current) ? current.shadowRoot : null;
      for (const child of Array.from((shadow ?? current).childNodes)) visit(child);
    }
    if (separate) parts.push(blockBreak);
  };
  visit(node);
  return parts.join('');
}

/**
 * The text a reader sees inside `node`: shadow content instead of light children for hosts,
 * slotted nodes in place of slots. Cleaned (no markup, collapsed whitespace) and capped.
 */
export function deepText(node: Node, max = 2000): string {
  return cleanText(renderedText(node, max, ' '), max);
}

/** The lines a reader sees inside `node` (blocks and line breaks end a line), each cleaned and capped; empty ones left out. */
export function deepLines(node: Node, max = 2000): string[] {
  // A character page text never shows (cleanText drops it), so the text's own newlines stay spaces.
  return renderedText(node, max, '\u0000')
    .split('\u0000')
    .map((line) => cleanText(line, max))
    .filter(Boolean);
}

/** The text of the node's own text children only, so that a label is found on its innermost element. */
export function ownText(element: Element): string {
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) text += (child as Text).data;
  return text;
}

/** Children as rendered: a host's shadow children, a slot's assigned elements, else the light children. */
export function renderedChildren(element: Element): Element[] {
  if (element.tagName === 'SLOT') {
    const assigned = (element as Partial<HTMLSlotElement>).assignedElements?.({ flatten: true }) ?? [];
    if (assigned.length > 0) return assigned;
  }
  return Array.from((element.shadowRoot ?? element).children);
}

/**
 * The first element whose `attribute` equals `value` in the tree (document or shadow root)
 * holding `element`. Compared as strings, never built into a selector: ids come from the page.
 */
export function findInTreeOf(element: Element, attribute: 'id' | 'for', value: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot | Element;
  if (attribute === 'id' && 'getElementById' in root) return root.getElementById(value);
  for (const candidate of Array.from(root.querySelectorAll(`[${attribute}]`))) if (candidate.getAttribute(attribute) === value) return candidate;
  return null;
}

/** The accessible name given by aria-labelledby or aria-label, or ''. */
export function ariaLabelOf(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 5)
      .map((id) => findInTreeOf(element, 'id', id))
      .map((labelElement) => (labelElement ? deepText(labelElement, 300) : ''))
      .join(' ');
    const cleaned = cleanText(text);
    if (cleaned) return cleaned;
  }
  return cleanText(element.getAttribute('aria-label') ?? '');
}

/**
 * The label of a form control, as a screen reader would find it (aria-labelledby, aria-label,
 * `<label for>`, a wrapping label, the control's own text for custom controls, a `label`
 * attribute on the control or its shadow host), falling back to a label-like element just
 * before it. Empty when nothing names it.
 */
export function labelOf(control: Element): string {
  const aria = ariaLabelOf(control);
  if (aria) return aria;
  if (control.id) {
    const forLabel = findInTreeOf(control, 'for', control.id);
    const text = forLabel ? deepText(forLabel) : '';
    if (text) return text;
  }
  const wrapping = control.parentElement?.closest('label');
  if (wrapping) {
    const text = deepText(wrapping);
    if (text) return text;
  }
  if (!control.matches(NATIVE_FIELD_SELECTOR)) {
    const text = deepText(control);
    if (text) return text;
  }
  for (const element of [control, ...deepAncestors(control, 3)]) {
    const attribute = cleanText(element.getAttribute('label') ?? '');
    if (attribute) return attribute;
  }
  return nearbyLabel(control) || cleanText(control.getAttribute('title') ?? control.getAttribute('placeholder') ?? '');
}

/** The name a fieldset (its legend) or an ARIA group gives its controls, or ''. */
export function groupNameOf(element: Element): string {
  if (element.tagName === 'FIELDSET') {
    const legend = Array.from(element.children).find((child) => child.tagName === 'LEGEND');
    if (legend) return deepText(legend, 300);
  }
  return element.matches(GROUP_SELECTOR) ? ariaLabelOf(element) : '';
}

/**
 * The label-like element closest before `element` (or its fieldset's legend, or its group's
 * aria-label), climbing at most `maxLevels` ancestors. A sibling holding another control ends
 * the search: that label belongs to a different field.
 */
export function nearbyLabel(element: Element, maxLevels = 3): string {
  let current: Element = element;
  for (let level = 0; level <= maxLevels; level += 1) {
    const groupName = current === element ? '' : groupNameOf(current);
    if (groupName) return groupName;
    let sibling = current.previousElementSibling;
    for (let steps = 0; sibling && steps < 3; steps += 1, sibling = sibling.previousElementSibling) {
      const holdsControl = sibling.matches(CONTROL_SELECTOR) || deepQuerySelectorAll(sibling, CONTROL_SELECTOR, 200).length > 0;
      if (holdsControl) return '';
      if (sibling.matches(LABEL_LIKE_SELECTOR) || deepQuerySelectorAll(sibling, LABEL_LIKE_SELECTOR, 50).length > 0) {
        const text = deepText(sibling, 300);
        if (text) return text;
      }
    }
    const parent = deepParent(current);
    if (!parent) return '';
    current = parent;
  }
  return '';
}
