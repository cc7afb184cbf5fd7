import { isHttpsUrlOn, WEBMAIL_HOSTS } from '../hosts';
import { grantTabOf, type GrantBook } from '../messaging/grants';
import { MessagingError, type Handlers, type MessageSender, type ResponseMap } from '../messaging/protocol';
import type { TabMessage } from './tab-messages';

/** The slice of browser.tabs the routing needs; works without the "tabs" permission. */
export interface TabsApi {
  query(filter: { active: true; lastFocusedWindow: true }): Promise<{ id?: number; url?: string }[]>;
  sendMessage(tabId: number, message: TabMessage): Promise<unknown>;
}

export type WebmailRequestType = `webmail.${string}` & keyof Handlers;

const isWebmailUrl = (url: string | undefined) => isHttpsUrlOn(url, WEBMAIL_HOSTS);

/**
 * Asks the webmail content scripts of a tab to open the offer picker. Only the frame holding the
 * focused (or only) compose window answers; no answer at all means there is no compose window.
 */
export async function openPickerInTab(tabs: TabsApi, tabId: number): Promise<ResponseMap['webmail.openPickerInActiveTab']> {
  try {
    const answer = (await tabs.sendMessage(tabId, { type: 'webmail.open' })) as { opened?: unknown } | undefined;
    return answer?.opened === true ? { opened: true } : { opened: false, reason: 'no-compose' };
  } catch {
    return { opened: false, reason: 'no-compose' };
  }
}

/**
 * Whether a tab's webmail content scripts hold a compose window. Every frame holding one answers;
 * no answer at all (no compose window, no content script) means none.
 */
export async function composeOpenInTab(tabs: Pick<TabsApi, 'sendMessage'>, tabId: number): Promise<boolean> {
  try {
    const answer = (await tabs.sendMessage(tabId, { type: 'webmail.composeOpen' })) as { composeOpen?: unknown } | undefined;
    return answer?.composeOpen === true;
  } catch {
    return false;
  }
}

function senderTab(sender: MessageSender | undefined): number {
  const tabId = sender?.tab?.id;
  if (tabId === undefined || tabId < 0) throw new MessagingError('invalid-message', 'Only the offer picker inside a webmail tab can send this.');
  return tabId;
}

/**
 * Background routing between the offer picker (an extension page framed in the webmail tab) and
 * the content script that opened it. Messages go only to the picker's own tab, and only the
 * content script holding the picker's random token acts on them. A delivery grants that tab the
 * record of one draft and one send of the delivered offer, named by the same token: the content
 * script never names an offer itself.
 */
export function createWebmailHandlers(tabs: TabsApi, grants: GrantBook, recordCompose: Handlers['offers.recordCompose']): Pick<Handlers, WebmailRequestType> {
  return {
    'webmail.openPickerInActiveTab': async () => {
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined || !isWebmailUrl(tab.url)) return { opened: false, reason: 'no-webmail-tab' };
      return openPickerInTab(tabs, tab.id);
    },
    'webmail.deliver': async ({ token, offerId, message }, sender) => {
      const tabId = senderTab(sender);
      // Granted before the insertion: the content script records the draft before it answers.
      await grants.give(token, { purpose: 'record-send', offerId, tabId });
      try {
        const answer = (await tabs.sendMessage(tabId, { type: 'webmail.insert', token, message })) as { outcome?: unknown } | undefined;
        const outcome = answer?.outcome;
        return { outcome: outcome === 'inserted' || outcome === 'copied' || outcome === 'hidden' ? outcome : 'failed' };
      } catch {
        return { outcome: 'failed' };
      }
    },
    'webmail.closePicker': async ({ token }, sender) => {
      const tabId = senderTab(sender);
      try {
        await tabs.sendMessage(tabId, { type: 'webmail.close', token });
        return { closed: true };
      } catch {
        return { closed: false };
      }
    },
    'webmail.recordCompose': async ({ token, event }, sender) => {
      // A retry carries the same moment; a grant records one draft and one send, so any other is refused.
      const { offerId } = await grants.redeem(token, 'record-send', grantTabOf(sender), `${event.kind}@${event.at}`);
      await recordCompose({ type: 'offers.recordCompose', id: offerId, event });
      return { recorded: true };
    },
  };
}

/** The manifest command (default Alt+Shift+O) that opens the picker in the focused compose window. */
export const OPEN_PICKER_COMMAND = 'open-offer-picker';

export async function openPickerForCommand(tabs: TabsApi, tabId: number | undefined): Promise<void> {
  const target = tabId ?? (await tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (target !== undefined) await openPickerInTab(tabs, target);
}
