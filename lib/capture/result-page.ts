import type { Subscription } from '../offers/schema';
import { deepTreeRoots, NOT_WALKED, ownText, type DeepRoot } from './deep-dom';
import { asValue, findLabelledValues } from './labelled-values';
import { matchLabel, yesNo } from './labels';
import { findOfferUrls, type ParsedOfferUrl } from '../offers/offer-url';
import { extractSubscriptionSummary } from './result-summary';
import { URL_ATTRIBUTE_SELECTOR, URL_ATTRIBUTES, URL_FIELD_SELECTOR } from './selectors';

/** Details a result page may show next to the offer URL. */
export interface ShownDetails {
  summaryId?: string;
  partnerOffice?: string;
  usageLocation?: string;
  subscriptions?: Subscription[];
  delegatedAdmin?: boolean;
}

export interface ResultSnapshot extends ShownDetails, ParsedOfferUrl {}

// Every offer URL carries the partner id parameter; a page without that word has no offer.
const PARTNER_PARAMETER = /msppid/i;
const DETAIL_CONCEPTS = ['summaryId', 'partnerOffice', 'usageLocation', 'delegatedAdmin'] as const;

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
  for (const field of Array.from(tree.querySelectorAll(URL_FIELD_SELECTOR))) {
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

/** Summary ID, office, location and delegated admin as the page shows them beside labels, and its summary's subscriptions. */
export function extractShownDetails(root: DeepRoot): ShownDetails {
  const shown = findLabelledValues(root, DETAIL_CONCEPTS);
  const delegatedAdmin = yesNo(shown.delegatedAdmin ?? '');
  const subscriptions = extractSubscriptionSummary(root);
  return {
    ...(shown.summaryId ? { summaryId: shown.summaryId } : {}),
    ...(shown.partnerOffice ? { partnerOffice: shown.partnerOffice } : {}),
    ...(shown.usageLocation ? { usageLocation: shown.usageLocation } : {}),
    ...(subscriptions.length > 0 ? { subscriptions } : {}),
    ...(delegatedAdmin !== null ? { delegatedAdmin } : {}),
  };
}

/** The result page: offer URL (kind, quote and partner ids parsed from it) and shown details; null without an offer URL. */
export function extractResult(root: DeepRoot): ResultSnapshot | null {
  const offer = findOfferUrlIn(root);
  return offer ? { ...offer, ...extractShownDetails(root) } : null;
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
  pieces.forEach((piece, index) => {
    for (const concept of DETAIL_CONCEPTS) {
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
