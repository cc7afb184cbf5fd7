import { browser } from 'wxt/browser';
import type { CaptureFailure, ResponseMap } from '../messaging/protocol';
import type { MessageKey } from '../i18n';

/** True for a Partner Center page, where the popup offers "Capture from this page". */
export { isPartnerCenterUrl } from '../capture/routing';

/** The active tab's URL: readable only on the hosts the extension has permission for (no "tabs" permission). */
export async function activeTabUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

const CAPTURE_FAILURE_TEXT: Record<CaptureFailure, MessageKey> = {
  'not-partner-center': 'popup_captureNotPartnerCenter',
  'no-content-script': 'popup_captureReload',
  'no-offer-url': 'capture_reason_no_offer_url',
  'invalid-draft': 'capture_reason_invalid_draft',
  'extraction-failed': 'capture_reason_extraction_failed',
  'save-failed': 'popup_captureSaveFailed',
};

/** What to tell the advisor when "Capture from this page" found nothing (an i18n key). */
export const captureFailureText = (reason: CaptureFailure): MessageKey => CAPTURE_FAILURE_TEXT[reason];

type PickerReason = NonNullable<ResponseMap['webmail.openPickerInActiveTab']['reason']>;

/** What to tell the advisor when "Insert into email" could not open the picker (an i18n key). */
export const pickerFailureText = (reason: PickerReason | undefined): MessageKey =>
  reason === 'no-compose' ? 'popup_noComposeWindow' : 'popup_noWebmailTab';
