import { foldText } from '../offers/normalize';
import { LIMITS } from '../offers/limits';
import type { OfferDraft, OfferKind, OfferSource, Subscription } from '../offers/schema';
import {
  CHOICE_SELECTOR,
  NUMBER_SELECTOR,
  SELECT_SELECTOR,
  VALUE_CONTROL_SELECTOR,
  controlValue,
  groupLabelOf,
  isChecked,
  isRadio,
  numberText,
  selectedText,
} from './controls';
import {
  CONTROL_SELECTOR,
  deepAncestors,
  deepElements,
  deepParent,
  deepQuerySelectorAll,
  deepText,
  deepTreeRoots,
  findInTreeOf,
  labelOf,
  ownText,
  type DeepRoot,
} from './deep-dom';
import { findOfferUrlIn, wizardHeading } from './detect';
import { isLabel, isPlaceholder, matchLabel, yesNo, type LabelConcept } from './labels';
import { findOfferUrls, type ParsedOfferUrl } from './offer-url';
import { cellBelow, extractSubscriptionSummary, mergeSubscriptions } from './result-summary';
import { cleanText, parseLicenseCount } from './text';

/** What the options step of the wizard shows; remembered until the result page appears. */
export interface OptionsSnapshot {
  kind: OfferKind | null;
  partnerOffice?: string;
  usageLocation?: string;
  /** Checked subscriptions only, in page order. */
  subscriptions: Subscription[];
  /** null when the page does not show the choice (or shows no answer yet). */
  delegatedAdmin: boolean | null;
}

/** Details a result page may show next to the offer URL. */
export interface ShownDetails {
  summaryId?: string;
  partnerOffice?: string;
  usageLocation?: string;
  subscriptions?: Subscription[];
  delegatedAdmin?: boolean;
}

export interface ResultSnapshot extends ShownDetails, ParsedOfferUrl {}

export const CAPTURE_REASONS = ['no-offer-url', 'invalid-draft', 'extraction-failed'] as const;
/** Why a capture produced no draft. */
export type CaptureReason = (typeof CAPTURE_REASONS)[number];

export type CaptureResult = { draft: OfferDraft; reason?: undefined } | { draft: null; reason: CaptureReason };

const VALUE_CONCEPTS: LabelConcept[] = ['summaryId', 'partnerOffice', 'usageLocation', 'subscriptions', 'licenseCount', 'delegatedAdmin'];
// Buttons and links say what they do ("Copy summary ID"), they never label a value.
const NOT_A_LABEL = `${CONTROL_SELECTOR}, a, [role="button"], [role="link"], [role="option"]`;
// Bounds on a pathological page (thousands of checkboxes); the wizard has a few dozen controls.
const MAX_CONTROLS = 300;
const MAX_SUBSCRIPTION_CANDIDATES = LIMITS.subscriptions + 20;
const FIELD_SELECTOR = `${SELECT_SELECTOR}, input:not([type]), input[type="text"]`;
const SUBSCRIPTION_GROUPS: LabelConcept[] = ['subscriptions', 'trialSubscriptions'];

/**
 * A value read next to a label, or '' when it is not one: a prompt, another field's label, an
 * offer URL, or text too long to be a field value (a paragraph).
 */
function asValue(text: string): string {
  const full = cleanText(text, 10_000);
  if (full.length === 0 || full.length > LIMITS.shortText) return '';
  if (isPlaceholder(full) || /https?:\/\//i.test(full)) return '';
  return VALUE_CONCEPTS.some((concept) => isLabel(full, concept)) ? '' : full;
}

/** Children as rendered: a host's shadow root children, else its light children. */
function renderedChildren(element: Element): Element[] {
  return Array.from((element.shadowRoot ?? element).children);
}

function firstValueControlIn(element: Element): Element | undefined {
  return element.matches(VALUE_CONTROL_SELECTOR) ? element : deepQuerySelectorAll(element, VALUE_CONTROL_SELECTOR, 200)[0];
}

// A sibling that carries its own label is the next field, not this label's value.
const FIELD_START = 'label, legend, dt, th, h1, h2, h3, h4, h5, h6, [role="heading"], [role="columnheader"]';

function startsAnotherField(element: Element): boolean {
  return element.matches(FIELD_START) || deepQuerySelectorAll(element, FIELD_START, 100).length > 0;
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
    if (own.length > 400 || own.trim().length === 0 || element.matches(NOT_A_LABEL)) continue;
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

/**
 * The row a subscription checkbox sits in (the largest ancestor holding no other choice) and
 * the license field in that row, if exactly one.
 */
function rowOf(choice: Element): { row: Element; licenses: Element | null } {
  let row = choice;
  for (const ancestor of deepAncestors(choice, 6)) {
    if (deepQuerySelectorAll(ancestor, CHOICE_SELECTOR, 500).length > 1) break;
    row = ancestor;
    const numbers = deepQuerySelectorAll(ancestor, NUMBER_SELECTOR, 500);
    if (numbers.length === 1) return { row, licenses: numbers[0] ?? null };
    if (numbers.length > 1) break;
  }
  return { row, licenses: null };
}

/** The name a row shows: its first cell with words in it (not a price, not a count). */
function rowName(row: Element): string {
  for (const cell of renderedChildren(row)) {
    if (cell.matches(CONTROL_SELECTOR)) continue;
    const text = cleanText(deepText(cell, 400));
    if (/\p{L}/u.test(text) && !isPlaceholder(text)) return text;
  }
  return '';
}

function insideHeader(element: Element): boolean {
  return deepAncestors(element, 8).some((ancestor) => ancestor.matches('thead, [role="columnheader"]'));
}

type LabelFor = (control: Element) => string;

/** Checked subscriptions with their license counts; unchecked rows cost nothing to skip. */
function subscriptionsFrom(checkedChoices: Element[], labelFor: LabelFor): Subscription[] {
  const candidates = checkedChoices
    .slice(0, MAX_SUBSCRIPTION_CANDIDATES)
    .filter((choice) => !insideHeader(choice))
    .map((choice) => ({ choice, label: labelFor(choice) }))
    .filter(({ label }) => !matchLabel(label, 'delegatedAdmin') && yesNo(label) === null)
    .map((candidate) => ({ ...candidate, ...rowOf(candidate.choice) }));
  // On the purchase form every subscription has a license field; other checkboxes do not.
  // Without one (trials), only a group labelled as subscriptions counts, so that a customer
  // list's checkboxes never do.
  const withLicenses = candidates.some((candidate) => candidate.licenses !== null);
  const isSubscription = (choice: Element, licenses: Element | null): boolean =>
    withLicenses ? licenses !== null : SUBSCRIPTION_GROUPS.some((concept) => matchLabel(groupLabelOf(choice), concept));
  const subscriptions: Subscription[] = [];
  const seen = new Set<string>();
  for (const { choice, label, row, licenses } of candidates) {
    if (!isSubscription(choice, licenses)) continue;
    const name = cleanText(!label || isPlaceholder(label) ? rowName(row) : label);
    if (!name || seen.has(foldText(name))) continue;
    seen.add(foldText(name));
    subscriptions.push({ name, licenses: licenses ? parseLicenseCount(numberText(licenses)) : null });
    if (subscriptions.length >= LIMITS.subscriptions) break;
  }
  return subscriptions;
}

/** A checkbox or switch named for delegated administration, a Yes/No radio group, or a select. */
function delegatedAdminFrom(controls: Element[], labelFor: LabelFor): boolean | null {
  const named = controls.find(
    (control) => (control.matches(SELECT_SELECTOR) || (control.matches(CHOICE_SELECTOR) && !isRadio(control))) && matchLabel(labelFor(control), 'delegatedAdmin'),
  );
  if (named) return named.matches(SELECT_SELECTOR) ? yesNo(selectedText(named)) : isChecked(named);
  const groupRadios = controls.filter(
    (control) => isRadio(control) && yesNo(labelFor(control)) !== null && matchLabel(groupLabelOf(control), 'delegatedAdmin'),
  );
  const checked = groupRadios.find(isChecked);
  return checked ? yesNo(labelFor(checked)) : null;
}

/** What the options step shows: office, location, checked subscriptions with licenses, delegated admin. */
export function extractOptions(root: DeepRoot): OptionsSnapshot {
  try {
    const controls = deepQuerySelectorAll(root, CONTROL_SELECTOR).slice(0, MAX_CONTROLS);
    // Labels are looked up lazily: finding one can mean searching around the control.
    const labels = new Map<Element, string>();
    const labelFor: LabelFor = (control) => {
      let label = labels.get(control);
      if (label === undefined) labels.set(control, (label = labelOf(control)));
      return label;
    };
    const fromControl = (concept: LabelConcept): string => {
      for (const control of controls) {
        if (!control.matches(FIELD_SELECTOR) || !matchLabel(labelFor(control), concept)) continue;
        const value = asValue(controlValue(control));
        if (value) return value;
      }
      return '';
    };
    let partnerOffice = fromControl('partnerOffice');
    let usageLocation = fromControl('usageLocation');
    if (!partnerOffice || !usageLocation) {
      // A single office, or a location fixed earlier, may be shown as text beside its label.
      const shown = findLabelledValues(root, ['partnerOffice', 'usageLocation']);
      partnerOffice ||= shown.partnerOffice ?? '';
      usageLocation ||= shown.usageLocation ?? '';
    }
    const checkedChoices = controls.filter((control) => control.matches(CHOICE_SELECTOR) && isChecked(control));
    return {
      kind: wizardHeading(deepTreeRoots(root))?.kind ?? null,
      ...(partnerOffice ? { partnerOffice } : {}),
      ...(usageLocation ? { usageLocation } : {}),
      subscriptions: subscriptionsFrom(checkedChoices, labelFor),
      delegatedAdmin: delegatedAdminFrom(controls, labelFor),
    };
  } catch {
    return { kind: null, subscriptions: [], delegatedAdmin: null };
  }
}

/** Summary ID, office, location and delegated admin as the page shows them beside labels, and its summary's subscriptions. */
export function extractShownDetails(root: DeepRoot): ShownDetails {
  try {
    const shown = findLabelledValues(root, ['summaryId', 'partnerOffice', 'usageLocation', 'delegatedAdmin']);
    const delegatedAdmin = yesNo(shown.delegatedAdmin ?? '');
    const subscriptions = extractSubscriptionSummary(root);
    return {
      ...(shown.summaryId ? { summaryId: shown.summaryId } : {}),
      ...(shown.partnerOffice ? { partnerOffice: shown.partnerOffice } : {}),
      ...(shown.usageLocation ? { usageLocation: shown.usageLocation } : {}),
      ...(subscriptions.length > 0 ? { subscriptions } : {}),
      ...(delegatedAdmin !== null ? { delegatedAdmin } : {}),
    };
  } catch {
    return {};
  }
}

/** The result page: offer URL (kind, quote and partner ids parsed from it) and shown details. */
export function extractResult(root: DeepRoot): ResultSnapshot | null {
  try {
    const offer = findOfferUrlIn(root);
    return offer ? { ...offer, ...extractShownDetails(root) } : null;
  } catch {
    return null;
  }
}

/**
 * Details written in copied text: "Summary ID: 8H3K" on one line, or a label line (or cell)
 * followed by its value, as copying a table or a definition list gives.
 */
export function detailsFromText(text: string): ShownDetails {
  const pieces = text
    .slice(0, 20_000)
    .split(/\r?\n|\t/)
    .map((piece) => piece.trim())
    .filter(Boolean)
    .slice(0, 500);
  const details: ShownDetails = {};
  const concepts = ['summaryId', 'partnerOffice', 'usageLocation', 'delegatedAdmin'] as const;
  pieces.forEach((piece, index) => {
    for (const concept of concepts) {
      if (details[concept] !== undefined) continue;
      const match = matchLabel(piece, concept);
      if (!match) continue;
      const value = asValue(match.inlineValue ?? pieces[index + 1] ?? '');
      if (!value) continue;
      if (concept === 'delegatedAdmin') {
        const answer = yesNo(value);
        if (answer !== null) details.delegatedAdmin = answer;
      } else details[concept] = value;
    }
  });
  return details;
}

type DraftFields = Partial<Pick<OfferDraft, 'summaryId' | 'partnerOffice' | 'usageLocation' | 'subscriptions' | 'delegatedAdmin'>>;

const shortText = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return cleanText(String(value)) || undefined;
};

const licenseCount = (value: unknown): number | null | undefined =>
  value === null ? null : Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= LIMITS.licenses ? (value as number) : undefined;

function subscriptionList(value: unknown): Subscription[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.subscriptions) return undefined;
  const list = value.map((item: { name?: unknown; licenses?: unknown } | null) => ({
    name: shortText(item?.name),
    licenses: licenseCount(item?.licenses ?? null),
  }));
  return list.every((item): item is Subscription => item.name !== undefined && item.licenses !== undefined) ? list : undefined;
}

/**
 * Builds the draft from cleaned, bounded values; a field that is not valid on its own is dropped
 * rather than losing the whole offer, since the URL alone is still worth saving. The rules are
 * the OfferDraft schema's: the background checks every draft with it before storing, and the
 * fuzz test holds the two in step. zod itself stays out of the content script for its size.
 */
function toDraft(url: string, source: OfferSource, fields: DraftFields): CaptureResult {
  if (!url || url.length > LIMITS.url || url !== url.trim()) return { draft: null, reason: 'invalid-draft' };
  const draft: OfferDraft = { url, source };
  const summaryId = shortText(fields.summaryId);
  const partnerOffice = shortText(fields.partnerOffice);
  const usageLocation = shortText(fields.usageLocation);
  const subscriptions = subscriptionList(fields.subscriptions);
  if (summaryId) draft.summaryId = summaryId;
  if (partnerOffice) draft.partnerOffice = partnerOffice;
  if (usageLocation) draft.usageLocation = usageLocation;
  if (subscriptions) draft.subscriptions = subscriptions;
  if (typeof fields.delegatedAdmin === 'boolean') draft.delegatedAdmin = fields.delegatedAdmin;
  return { draft };
}

/**
 * Merges, field by field: what the page shows now (a result page shows what Microsoft created,
 * so it wins), then the options form if still on the page, then the options remembered from the
 * wizard's first step (ignored when they were for the other kind of offer). Unknown fields are
 * left out so that an update never erases them.
 */
function mergeFields(shown: ShownDetails, onPage: OptionsSnapshot, remembered: OptionsSnapshot | undefined, kind: OfferKind): DraftFields {
  const earlier = remembered && (remembered.kind === null || remembered.kind === kind) ? remembered : undefined;
  const subscriptions = mergeSubscriptions(shown.subscriptions, onPage.subscriptions.length > 0 ? onPage.subscriptions : earlier?.subscriptions);
  const delegatedAdmin = shown.delegatedAdmin ?? onPage.delegatedAdmin ?? earlier?.delegatedAdmin;
  return {
    summaryId: shown.summaryId,
    partnerOffice: shown.partnerOffice ?? onPage.partnerOffice ?? earlier?.partnerOffice,
    usageLocation: shown.usageLocation ?? onPage.usageLocation ?? earlier?.usageLocation,
    subscriptions: subscriptions && subscriptions.length > 0 ? subscriptions : undefined,
    delegatedAdmin: delegatedAdmin ?? undefined,
  };
}

/**
 * The offer the page shows, merged with the options remembered from the wizard's first step.
 * Never throws: a failure is a null draft with a reason code.
 */
export function captureFromPage(root: DeepRoot, remembered?: OptionsSnapshot): CaptureResult {
  try {
    const result = extractResult(root);
    if (!result) return { draft: null, reason: 'no-offer-url' };
    return toDraft(result.url, 'auto', mergeFields(result, extractOptions(root), remembered, result.kind));
  } catch {
    return { draft: null, reason: 'extraction-failed' };
  }
}

/**
 * The copy fallback: the first offer URL in the copied text, with the details written in that
 * text and those the page shows, unless the page shows a different offer.
 */
export function captureFromCopy(root: DeepRoot, copiedText: string, remembered?: OptionsSnapshot): CaptureResult {
  try {
    const offer = findOfferUrls(copiedText)[0];
    if (!offer) return { draft: null, reason: 'no-offer-url' };
    const fromText = detailsFromText(copiedText);
    const onPage = findOfferUrlIn(root);
    if (onPage && onPage.quoteId !== offer.quoteId) {
      return toDraft(offer.url, 'clipboard', mergeFields(fromText, { kind: null, subscriptions: [], delegatedAdmin: null }, undefined, offer.kind));
    }
    const shown = { ...extractShownDetails(root), ...fromText };
    return toDraft(offer.url, 'clipboard', mergeFields(shown, extractOptions(root), remembered, offer.kind));
  } catch {
    return { draft: null, reason: 'extraction-failed' };
  }
}
