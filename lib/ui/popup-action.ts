import { isPartnerCenterUrl } from '../capture/routing';
import { isHttpsUrlOn, WEBMAIL_HOSTS } from '../hosts';

/** The options page, where the popup's "Settings" link leads. */
export const OPTIONS_PAGE = '/options.html';

/** What the popup does for the active tab, in the order its secondary buttons show. */
export const POPUP_ACTIONS = ['insert', 'capture', 'copy'] as const;
export type PopupAction = (typeof POPUP_ACTIONS)[number];

/** What the popup learns of the active tab: its URL (readable on the extension's hosts only) and whether its webmail content script holds a compose window. */
export interface ActiveTabFacts {
  url: string | undefined;
  composeOpen: boolean;
}

export interface PopupActionPlan {
  /** The one action the tab calls for; null when it needs an offer and there is none. */
  primary: PopupAction | null;
  /** Every other action, still one click away. */
  secondary: PopupAction[];
}

/** Insertion and copying act on the newest offer: without one, only Capture remains. */
const NEEDS_OFFER: ReadonlySet<PopupAction> = new Set(['insert', 'copy']);

/** A compose window in Gmail or Outlook: Insert; Partner Center: Capture; anywhere else: Copy message. */
export function primaryAction(tab: ActiveTabFacts): PopupAction {
  if (tab.composeOpen && isHttpsUrlOn(tab.url, WEBMAIL_HOSTS)) return 'insert';
  if (isPartnerCenterUrl(tab.url)) return 'capture';
  return 'copy';
}

export function planPopupActions(tab: ActiveTabFacts, hasOffer: boolean): PopupActionPlan {
  const available = POPUP_ACTIONS.filter((action) => hasOffer || !NEEDS_OFFER.has(action));
  const wanted = primaryAction(tab);
  const primary = available.includes(wanted) ? wanted : null;
  return { primary, secondary: available.filter((action) => action !== primary) };
}
