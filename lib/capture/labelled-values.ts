import { LIMITS } from '../offers/limits';
import { controlValue } from './controls';
import { deepElements, deepParent, deepQuerySelectorAll, deepText, findInTreeOf, ownText, renderedChildren, type DeepRoot } from './deep-dom';
import { isLabel, isPlaceholder, matchLabel, type LabelConcept } from './labels';
import { cellBelow } from './result-summary';
import { FIELD_START_SELECTOR, NOT_A_LABEL_SELECTOR, VALUE_CONTROL_SELECTOR } from './selectors';
import { cleanText } from './text';

const VALUE_CONCEPTS: LabelConcept[] = ['summaryId', 'partnerOffice', 'usageLocation', 'subscriptions', 'licenseCount', 'delegatedAdmin'];

/**
 * A value read next to a label, or '' when it is not one: a prompt, another field's label, an
 * offer URL, or text too long to be a field value (a paragraph).
 */
export function asValue(text: string): string {
  const full = cleanText(text, 10_000);
  if (full.length === 0 || full.length > LIMITS.shortText) return '';
  if (isPlaceholder(full) || /https?:\/\//i.test(full)) return '';
  return VALUE_CONCEPTS.some((concept) => isLabel(full, concept)) ? '' : full;
}

function firstValueControlIn(element: Element): Element | undefined {
  return element.matches(VALUE_CONTROL_SELECTOR) ? element : deepQuerySelectorAll(element, VALUE_CONTROL_SELECTOR, 200)[0];
}

function startsAnotherField(element: Element): boolean {
  return element.matches(FIELD_START_SELECTOR) || deepQuerySelectorAll(element, FIELD_START_SELECTOR, 100).length > 0;
}

/** Text written right after an element, before its next element sibling: `<li><b>Usage location</b> France</li>`. */
function textAfter(element: Element): string {
  let text = '';
  for (let node = element.nextSibling; node && node.nodeType !== 1; node = node.nextSibling) if (node.nodeType === 3) text += (node as Text).data;
  return text;
}

/**
 * The value belonging to a label element: its `for` control or the control it wraps (even
 * empty: that field has no value yet), the text it wraps after the label
 * (`<p>Summary ID <b>8H3K</b></p>`), the cell below a column header, or the text or next
 * sibling with content after it (dt/dd, th/td, div/div), climbing two levels when the label is
 * alone in its wrapper.
 */
function valueAfterLabel(label: Element): string {
  const forId = label.tagName === 'LABEL' ? label.getAttribute('for') : null;
  const target = forId ? findInTreeOf(label, 'id', forId) : null;
  const ownControl = target ?? deepQuerySelectorAll(label, VALUE_CONTROL_SELECTOR, 200)[0];
  if (ownControl) return asValue(controlValue(ownControl));
  const inner = renderedChildren(label)
    .map((child) => deepText(child, 400))
    .join(' ');
  const innerValue = asValue(inner);
  if (innerValue) return innerValue;
  const below = cellBelow(label);
  if (below) return asValue(deepText(below, 400));
  let current: Element | null = label;
  for (let level = 0; current && level < 3; level += 1) {
    const trailing = asValue(textAfter(current));
    if (trailing) return trailing;
    let sibling = current.nextElementSibling;
    for (let steps = 0; sibling && steps < 3; steps += 1, sibling = sibling.nextElementSibling) {
      if (startsAnotherField(sibling)) return '';
      const control = firstValueControlIn(sibling);
      const text = control ? controlValue(control) : deepText(sibling, 400);
      if (text) return asValue(text);
    }
    current = deepParent(current);
  }
  return '';
}

/**
 * The values shown next to the first element labelled with each concept, in one walk of the
 * page; a concept with no (non-placeholder) value is absent.
 */
export function findLabelledValues<C extends LabelConcept>(root: DeepRoot, concepts: readonly C[]): Partial<Record<C, string>> {
  const values: Partial<Record<C, string>> = {};
  let missing = concepts.length;
  for (const element of deepElements(root)) {
    if (missing === 0) break;
    const own = ownText(element);
    if (own.length > 400 || own.trim().length === 0 || element.matches(NOT_A_LABEL_SELECTOR)) continue;
    for (const concept of concepts) {
      if (values[concept] !== undefined) continue;
      const match = matchLabel(own, concept);
      if (!match) continue;
      const value = match.inlineValue !== undefined ? asValue(match.inlineValue) : valueAfterLabel(element);
      if (!value) continue;
      values[concept] = value;
      missing -= 1;
    }
  }
  return values;
}
