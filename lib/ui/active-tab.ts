import { browser } from 'wxt/browser';
import { isHttpsUrlOn, WEBMAIL_HOSTS } from '../hosts';
import type { CaptureFailure, ResponseMap } from '../messaging/protocol';
import { composeOpenInTab } from '../webmail/routing';
import type { MessageKey } from '../i18n';
import type { ActiveTabFacts } from './popup-action';

/** How long the popup waits for a busy webmail page's content script before deciding on the URL alone. */
const COMPOSE_ANSWER_PATIENCE_MS = 300;

/**
 * The active tab as the popup's primary action needs it: its URL (readable only on the hosts the
 * extension has permission for: no "tabs" permission) and, in a webmail, whether it holds a
 * compose window, asked of its content script directly so the background worker is not woken.
 */
export async function activeTabFacts(patienceMs = COMPOSE_ANSWER_PATIENCE_MS): Promise<ActiveTabFacts> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const url = tab?.url;
  if (tab?.id === undefined || !isHttpsUrlOn(url, WEBMAIL_HOSTS)) return { url, composeOpen: false };
  const composeOpen = await Promise.race([
    composeOpenInTab(browser.tabs, tab.id),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), patienceMs)),
  ]);
  return { url, composeOpen };
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

/** What to tell the advisor when "Insert offer" could not open the picker (an i18n key). */
export const pickerFailureText = (reason: PickerReason | undefined): MessageKey =>
  reason === 'no-compose' ? 'popup_noComposeWindow' : 'popup_noWebmailTab';
