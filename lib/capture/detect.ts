import type { OfferKind } from '../offers/schema';
import { CHOICE_SELECTOR, NUMBER_SELECTOR, SELECT_SELECTOR } from './controls';
import { deepElements, deepText, ownText, type DeepRoot } from './deep-dom';
import { isLabel, type LabelConcept } from './labels';
import { findOfferUrls, type ParsedOfferUrl } from './offer-url';

export interface WizardStep {
  step: 'options' | 'result';
  kind: OfferKind | null;
}

const HEADING_SELECTOR = 'h1, h2, h3, [role="heading"]';
const FIELD_LABEL_SELECTOR = 'label, legend, th, dt, [role="columnheader"]';
const FIELD_CONCEPTS: LabelConcept[] = ['partnerOffice', 'usageLocation', 'subscriptions', 'trialSubscriptions', 'licenseCount', 'delegatedAdmin'];

/**
 * Offer URLs an element shows: its own text first (the exact text the portal displays), then
 * a field's value, then attributes (an href is normalised by the browser, so it comes last).
 */
export function offerUrlsOf(element: Element): ParsedOfferUrl[] {
  const sources = [ownText(element)];
  if (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA') sources.push((element as HTMLInputElement).value ?? '');
  for (const name of ['value', 'data-clipboard-text', 'href']) sources.push(element.getAttribute(name) ?? '');
  for (const source of sources) {
    if (!/https:\/\//i.test(source)) continue;
    const urls = findOfferUrls(source);
    if (urls.length > 0) return urls;
  }
  return [];
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

/**
 * Which step of the Create purchase offer / Create trial invitation wizard the page shows, or
 * null. One bounded walk, so it is cheap enough for every mutation batch.
 * - result: an offer URL is shown (its type gives the kind), or a result heading ("Send",
 *   "Your trial invitation") while the URL is still loading;
 * - options: choice controls plus a select plus a number field (the documented form), or a
 *   wizard heading or two field labels next to form controls.
 */
export function detectWizardStep(root: Document | ShadowRoot): WizardStep | null {
  let choices = 0;
  let selects = 0;
  let numbers = 0;
  let fieldLabels = 0;
  let heading: ReturnType<typeof kindFromHeading> = null;
  let trialHint = false;
  try {
    for (const element of deepElements(root as DeepRoot)) {
      const url = offerUrlsOf(element)[0];
      if (url) return { step: 'result', kind: url.kind };
      if (element.matches(CHOICE_SELECTOR)) choices += 1;
      else if (element.matches(SELECT_SELECTOR)) selects += 1;
      else if (element.matches(NUMBER_SELECTOR)) numbers += 1;
      else if (element.matches(HEADING_SELECTOR)) heading ??= kindFromHeading(element);
      else if (element.matches(FIELD_LABEL_SELECTOR)) {
        const text = ownText(element);
        if (FIELD_CONCEPTS.some((concept) => isLabel(text, concept))) fieldLabels += 1;
        trialHint ||= isLabel(text, 'trialSubscriptions');
      }
    }
  } catch {
    return null;
  }
  if (heading?.step === 'result') return heading;
  const hasControls = choices > 0 || selects > 0;
  const documentedForm = choices > 0 && selects > 0 && numbers > 0;
  if (heading?.step === 'options' && hasControls) return heading;
  if (documentedForm || (fieldLabels >= 2 && hasControls)) return { step: 'options', kind: trialHint ? 'trial' : null };
  return null;
}
