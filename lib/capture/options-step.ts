import { LIMITS } from '../offers/limits';
import { foldText } from '../offers/normalize';
import type { OfferKind, Subscription } from '../offers/schema';
import { controlValue, groupLabelOf, isChecked, isRadio, numberText, selectedText } from './controls';
import { deepAncestors, deepQuerySelectorAll, deepText, deepTreeRoots, labelOf, renderedChildren, type DeepRoot } from './deep-dom';
import { wizardHeading } from './detect';
import { asValue, findLabelledValues } from './labelled-values';
import { isPlaceholder, matchLabel, yesNo, type LabelConcept } from './labels';
import { CHOICE_SELECTOR, CONTROL_SELECTOR, NAMED_FIELD_SELECTOR, NUMBER_SELECTOR, SELECT_SELECTOR, TABLE_HEADER_SELECTOR } from './selectors';
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

// Bounds on a pathological page (thousands of checkboxes); the wizard has a few dozen controls.
const MAX_CONTROLS = 300;
const MAX_SUBSCRIPTION_CANDIDATES = LIMITS.subscriptions + 20;
const SUBSCRIPTION_GROUPS: LabelConcept[] = ['subscriptions', 'trialSubscriptions'];

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
  return deepAncestors(element, 8).some((ancestor) => ancestor.matches(TABLE_HEADER_SELECTOR));
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

/**
 * What the options step shows: office, location, checked subscriptions with licenses, delegated
 * admin. Throws what the page throws: its callers report it.
 */
export function extractOptions(root: DeepRoot): OptionsSnapshot {
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
      if (!control.matches(NAMED_FIELD_SELECTOR) || !matchLabel(labelFor(control), concept)) continue;
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
}
