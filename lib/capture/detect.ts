import type { OfferKind } from '../offers/schema';
import { CHOICE_SELECTOR, NUMBER_SELECTOR, SELECT_SELECTOR } from './controls';
import { deepText, deepTreeRoots, NOT_WALKED, ownText, type DeepRoot } from './deep-dom';
import { isLabel, type LabelConcept } from './labels';
import { findOfferUrls, type ParsedOfferUrl } from './offer-url';

export interface WizardStep {
  step: 'options' | 'result';
  kind: OfferKind | null;
}

const HEADING_SELECTOR = 'h1, h2, h3, [role="heading"]';
const FIELD_LABEL_SELECTOR = 'label, legend, th, dt, [role="columnheader"]';
const FIELD_CONCEPTS: LabelConcept[] = ['partnerOffice', 'usageLocation', 'subscriptions', 'trialSubscriptions', 'licenseCount', 'delegatedAdmin'];
// Headings and labels read per tree: a page with thousands of table headers is not a wizard.
const MAX_LABELS_READ = 300;

// Every offer URL carries the partner id parameter; a page without that word has no offer.
const PARTNER_PARAMETER = /msppid/i;
const URL_ATTRIBUTES = ['value', 'data-clipboard-text', 'href'];
const URL_ATTRIBUTE_SELECTOR = URL_ATTRIBUTES.map((name) => `[${name}*="msppid" i]`).join(', ');
const TEXT_FIELD_SELECTOR = 'input:not([type="checkbox"]):not([type="radio"]):not([type="number"]), textarea';

/**
 * Offer URLs an element shows: its own text first (the exact text the portal displays), then
 * a field's value, then attributes (an href is normalised by the browser, so it comes last).
 */
export function offerUrlsOf(element: Element): ParsedOfferUrl[] {
  const sources = [ownText(element)];
  if (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA') sources.push((element as { value?: string }).value ?? '');
  for (const name of URL_ATTRIBUTES) sources.push(element.getAttribute(name) ?? '');
  for (const source of sources) {
    if (!PARTNER_PARAMETER.test(source)) continue;
    const urls = findOfferUrls(source);
    if (urls.length > 0) return urls;
  }
  return [];
}

function treeText(tree: DeepRoot): string {
  return (tree.nodeType === 9 ? (tree as Partial<Document>).documentElement?.textContent : tree.textContent) ?? '';
}

/** The first offer URL shown in one tree (not entering shadow roots): text, then fields, then attributes. */
function offerUrlInTree(tree: DeepRoot): ParsedOfferUrl | null {
  if (PARTNER_PARAMETER.test(treeText(tree))) {
    const doc = tree.nodeType === 9 ? (tree as Document) : tree.ownerDocument;
    const walker = doc?.createTreeWalker(tree, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker?.nextNode(); node; node = walker?.nextNode()) {
      const parent = node.parentElement;
      if (!parent || NOT_WALKED.has(parent.tagName) || !PARTNER_PARAMETER.test((node as Text).data)) continue;
      const url = offerUrlsOf(parent)[0];
      if (url) return url;
    }
  }
  for (const field of Array.from(tree.querySelectorAll(TEXT_FIELD_SELECTOR))) {
    if (!PARTNER_PARAMETER.test((field as { value?: string }).value ?? '')) continue;
    const url = offerUrlsOf(field)[0];
    if (url) return url;
  }
  for (const element of Array.from(tree.querySelectorAll(URL_ATTRIBUTE_SELECTOR))) {
    const url = offerUrlsOf(element)[0];
    if (url) return url;
  }
  return null;
}

/** The first offer URL the page shows, exactly as shown, looking into open shadow roots. */
export function findOfferUrlIn(root: DeepRoot, trees: DeepRoot[] = deepTreeRoots(root)): ParsedOfferUrl | null {
  for (const tree of trees) {
    const url = offerUrlInTree(tree);
    if (url) return url;
  }
  return null;
}

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
    for (const element of firstOf(tree.querySelectorAll(HEADING_SELECTOR), MAX_LABELS_READ)) {
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
 */
export function detectWizardStep(root: Document | ShadowRoot): WizardStep | null {
  try {
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
  } catch {
    return null;
  }
}
