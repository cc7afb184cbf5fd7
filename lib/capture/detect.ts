import type { OfferKind } from '../offers/schema';
import { deepText, deepTreeRoots, ownText, type DeepRoot } from './deep-dom';
import { isLabel, type LabelConcept } from './labels';
import { findOfferUrlIn } from './result-page';
import { CHOICE_SELECTOR, FIELD_LABEL_SELECTOR, NUMBER_SELECTOR, SELECT_SELECTOR, WIZARD_HEADING_SELECTOR } from './selectors';

export interface WizardStep {
  step: 'options' | 'result';
  kind: OfferKind | null;
}

const FIELD_CONCEPTS: LabelConcept[] = ['partnerOffice', 'usageLocation', 'subscriptions', 'trialSubscriptions', 'licenseCount', 'delegatedAdmin'];
// Headings and labels read per tree: a page with thousands of table headers is not a wizard.
const MAX_LABELS_READ = 300;

/** What a wizard heading says about the kind of offer, or null for any other heading. */
export function kindFromHeading(heading: Element): { kind: OfferKind; step: WizardStep['step'] } | null {
  const text = deepText(heading, 200);
  if (isLabel(text, 'purchaseWizardTitle')) return { kind: 'purchase', step: 'options' };
  if (isLabel(text, 'trialWizardTitle')) return { kind: 'trial', step: 'options' };
  if (isLabel(text, 'purchaseResultTitle')) return { kind: 'purchase', step: 'result' };
  if (isLabel(text, 'trialResultTitle')) return { kind: 'trial', step: 'result' };
  return null;
}

function firstOf(list: NodeListOf<Element>, max: number): Element[] {
  return Array.from({ length: Math.min(list.length, max) }, (_, index) => list[index] as Element);
}

/** The first wizard or result heading in these trees (document, shadow roots), if any. */
export function wizardHeading(trees: DeepRoot[]): ReturnType<typeof kindFromHeading> {
  for (const tree of trees) {
    for (const element of firstOf(tree.querySelectorAll(WIZARD_HEADING_SELECTOR), MAX_LABELS_READ)) {
      const found = kindFromHeading(element);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Which step of the Create purchase offer / Create trial invitation wizard the page shows, or
 * null. Native queries per tree (document and each open shadow root), cheapest first, so that
 * the watcher can look often.
 * - result: an offer URL is shown (its type gives the kind), or a result heading ("Send",
 *   "Your trial invitation") while the URL is still loading;
 * - options: form controls under a wizard heading; or a select, choices and number fields
 *   (the documented form); or controls next to two field labels ("Partner office",
 *   "Subscriptions"...). A page without selects or choices is rejected first, cheaply.
 * Throws what the page throws: the watcher, which calls it, treats that as no wizard.
 */
export function detectWizardStep(root: Document | ShadowRoot): WizardStep | null {
  const trees = deepTreeRoots(root);
  const url = findOfferUrlIn(root, trees);
  if (url) return { step: 'result', kind: url.kind };
  const heading = wizardHeading(trees);
  if (heading?.step === 'result') return heading;
  const present = (selector: string): boolean => trees.some((tree) => tree.querySelector(selector) !== null);
  const hasSelect = present(SELECT_SELECTOR);
  const hasChoice = present(CHOICE_SELECTOR);
  if (!hasSelect && !hasChoice) return null;
  if (heading?.step === 'options') return heading;
  let fieldLabels = 0;
  let trialHint = false;
  for (const tree of trees) {
    for (const element of firstOf(tree.querySelectorAll(FIELD_LABEL_SELECTOR), MAX_LABELS_READ)) {
      const text = ownText(element);
      if (FIELD_CONCEPTS.some((concept) => isLabel(text, concept))) fieldLabels += 1;
      trialHint ||= isLabel(text, 'trialSubscriptions');
    }
  }
  const documentedForm = hasSelect && hasChoice && present(NUMBER_SELECTOR);
  return documentedForm || fieldLabels >= 2 ? { step: 'options', kind: trialHint ? 'trial' : null } : null;
}
