import { isHttpsUrlOn, PARTNER_CENTER_HOSTS } from '../hosts';
import { grantTabOf, type GrantBook } from '../messaging/grants';
import type { CaptureAnswer, Handlers } from '../messaging/protocol';
import type { CaptureHandlers } from '../offers/handlers';

/** What the background sends to the Partner Center content script of a tab. */
export type CaptureTabMessage = { type: 'capture.run' };

/** The slice of browser.tabs the routing needs; it works without the "tabs" permission. */
export interface CaptureTabsApi {
  query(filter: { active: true; lastFocusedWindow: true }): Promise<{ id?: number; url?: string }[]>;
  sendMessage(tabId: number, message: CaptureTabMessage): Promise<unknown>;
}

export const isPartnerCenterUrl = (url: string | undefined) => isHttpsUrlOn(url, PARTNER_CENTER_HOSTS);

const isCaptureAnswer = (value: unknown): value is CaptureAnswer =>
  typeof value === 'object' && value !== null && typeof (value as { found?: unknown }).found === 'boolean';

/** "Capture from this page": asks the active Partner Center tab's content script to capture now. */
export function createCaptureHandlers(tabs: CaptureTabsApi): Pick<Handlers, 'capture.runInActiveTab'> {
  return {
    'capture.runInActiveTab': async () => {
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined || !isPartnerCenterUrl(tab.url)) return { found: false, reason: 'not-partner-center' };
      try {
        const answer = await tabs.sendMessage(tab.id, { type: 'capture.run' });
        return isCaptureAnswer(answer) ? answer : { found: false, reason: 'no-content-script' };
      } catch {
        // No listener: the tab was opened before the extension was installed or updated.
        return { found: false, reason: 'no-content-script' };
      }
    },
  };
}

/** How long after a capture a retry of its save may still come (the content script's retries take about 8 s). */
const CAPTURE_RETRY_MS = 60_000;

/**
 * Saving a Partner Center capture, and undoing it from the notice. A capture that created an
 * offer grants its own tab the undo of that offer alone; no content script may delete anything
 * else (a compromised page renderer speaks with its content script's voice).
 */
export function createCaptureSaveHandlers(
  offers: CaptureHandlers,
  grants: GrantBook,
  newToken: () => string = () => crypto.randomUUID(),
): Pick<Handlers, 'capture.save' | 'capture.undo'> {
  return {
    'capture.save': async ({ draft }, sender) => {
      const tabId = grantTabOf(sender);
      const { answer, takenMark } = await offers.saveCapture(draft);
      if (!answer.created) {
        // A retry whose first try was saved (the worker stopped before it could answer) gets that try's Undo.
        const undoToken = await grants.findRecent('undo-capture', answer.offer.id, tabId, CAPTURE_RETRY_MS);
        return undoToken ? { ...answer, undoToken } : answer;
      }
      const undoToken = newToken();
      await grants.give(undoToken, { purpose: 'undo-capture', offerId: answer.offer.id, tabId, ...(takenMark ? { mark: takenMark } : {}) });
      return { ...answer, undoToken };
    },
    'capture.undo': async ({ token }, sender) => {
      const { offerId, mark } = await grants.redeem(token, 'undo-capture', grantTabOf(sender), 'undo');
      const { offer } = await offers.undoCapture(offerId, mark ?? null);
      return { deleted: offer !== null };
    },
  };
}
