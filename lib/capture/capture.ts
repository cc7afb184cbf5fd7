import type { CaptureReason } from '../messaging/protocol';
import { errorMessage } from '../error-message';
import type { CapturedDraft } from '../offers/schema';
import type { DeepRoot } from './deep-dom';
import { mergeFields, toDraft } from './draft';
import { findOfferUrls } from '../offers/offer-url';
import { extractOptions, type OptionsSnapshot } from './options-step';
import { detailsFromText, extractResult, extractShownDetails, findOfferUrlIn } from './result-page';


export type CaptureResult = { draft: CapturedDraft; reason?: undefined } | { draft: null; reason: CaptureReason; detail?: string };

/** The one place a capture's exceptions end: the page is untrusted and half-built at times. */
function readFailure(error: unknown): CaptureResult {
  return { draft: null, reason: 'extraction-failed', detail: errorMessage(error) };
}

/**
 * When reading the details failed, the offer link alone is still worth saving (with the options
 * remembered from the wizard): the advisor loses nothing the page could give.
 */
function linkOnly(root: DeepRoot, remembered: OptionsSnapshot | undefined, error: unknown): CaptureResult {
  try {
    const found = findOfferUrlIn(root);
    return found ? toDraft(found.url, 'auto', mergeFields({}, undefined, remembered, found.kind)) : readFailure(error);
  } catch {
    return readFailure(error);
  }
}

/**
 * The offer the page shows, merged with the options remembered from the wizard's first step.
 * Never throws: a failure is a null draft with a reason.
 */
export function captureFromPage(root: DeepRoot, remembered?: OptionsSnapshot): CaptureResult {
  try {
    const result = extractResult(root);
    if (!result) return { draft: null, reason: 'no-offer-url' };
    return toDraft(result.url, 'auto', mergeFields(result, extractOptions(root), remembered, result.kind));
  } catch (error) {
    return linkOnly(root, remembered, error);
  }
}

/**
 * The copy fallback: the first offer URL in the copied text, with the details written in that
 * text and those the page shows, unless the page shows a different offer. Never throws.
 */
export function captureFromCopy(root: DeepRoot, copiedText: string, remembered?: OptionsSnapshot): CaptureResult {
  try {
    const offer = findOfferUrls(copiedText)[0];
    if (!offer) return { draft: null, reason: 'no-offer-url' };
    const fromText = detailsFromText(copiedText);
    const onPage = findOfferUrlIn(root);
    if (onPage && onPage.quoteId !== offer.quoteId) return toDraft(offer.url, 'clipboard', mergeFields(fromText, undefined, undefined, offer.kind));
    const shown = { ...extractShownDetails(root), ...fromText };
    return toDraft(offer.url, 'clipboard', mergeFields(shown, extractOptions(root), remembered, offer.kind));
  } catch (error) {
    return readFailure(error);
  }
}
