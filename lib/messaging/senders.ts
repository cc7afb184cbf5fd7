import { PARTNER_CENTER_HOSTS, WEBMAIL_HOSTS } from '../hosts';
import type { MessageSender, RequestType } from './protocol';

/**
 * Who may ask the background what. Every content script carries the extension's id, so the id
 * alone says nothing: a compromised page renderer speaks with its content script's voice. The
 * browser fills in the sender's URL, origin, tab and frame itself, so those say which context
 * really sent a message.
 */
export type SenderRole = 'extension-page' | 'picker' | 'partner-center' | 'webmail';

export const PICKER_PATH = '/picker.html';

/**
 * For each request, the contexts that may send it. Extension pages (the extension's own code in
 * its own process) may send everything except what speaks for a content script's own capture or
 * picker token; each content script gets only what its page needs.
 */
export const ALLOWED_SENDERS: Record<RequestType, readonly SenderRole[]> = {
  'offers.upsert': ['extension-page'],
  'offers.get': ['extension-page'],
  'offers.page': ['extension-page', 'picker'],
  'offers.search': ['extension-page', 'picker'],
  'offers.usageLocations': ['extension-page'],
  'offers.deleteAll': ['extension-page'],
  'offers.setCustomerStatus': ['extension-page'],
  'offers.recordCompose': ['extension-page'],
  'offers.addCustomer': ['extension-page'],
  'offers.updateCustomer': ['extension-page'],
  'offers.removeCustomer': ['extension-page'],
  'offers.mergeCustomers': ['extension-page'],
  'offers.update': ['extension-page'],
  'offers.replace': ['extension-page'],
  'offers.linked': ['extension-page'],
  'offers.armNext': ['extension-page'],
  'offers.disarmNext': ['extension-page'],
  'offers.armedNext': ['extension-page'],
  'offers.delete': ['extension-page'],
  'offers.restore': ['extension-page'],
  'offers.restoreCustomers': ['extension-page'],
  'offers.setStatusForAll': ['extension-page'],
  'offers.undoStatusForAll': ['extension-page'],
  'offers.deleteMany': ['extension-page'],
  'offers.restoreMany': ['extension-page'],
  'offers.count': ['extension-page'],
  'offers.progress': ['extension-page'],
  'offers.overview': ['extension-page'],
  'offers.imported': ['extension-page'],
  'backup.exportChunk': ['extension-page'],
  'backup.importStart': ['extension-page'],
  // The picker renders the message itself, so it reads the settings; only extension pages change them.
  'settings.get': ['extension-page', 'picker'],
  'settings.saveProfile': ['extension-page'],
  'settings.saveTemplates': ['extension-page'],
  'settings.savePreferences': ['extension-page'],
  // The one write the picker makes: which template it used for whom (capped, nothing else changes).
  'settings.rememberChoice': ['extension-page', 'picker'],
  'capture.runInActiveTab': ['extension-page'],
  'capture.save': ['partner-center'],
  'capture.undo': ['partner-center'],
  'ui.openOffer': ['extension-page', 'partner-center'],
  'webmail.openPickerInActiveTab': ['extension-page'],
  'webmail.deliver': ['picker'],
  'webmail.closePicker': ['picker'],
  'webmail.recordCompose': ['webmail'],
};

export const isRequestType = (value: unknown): value is RequestType => typeof value === 'string' && Object.hasOwn(ALLOWED_SENDERS, value);

export const mayAsk = (role: SenderRole, type: RequestType): boolean => ALLOWED_SENDERS[type].includes(role);

function parseUrl(text: string | undefined): URL | undefined {
  if (text === undefined) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** True for an https URL or origin on one of the hosts. */
function httpsHostIn(text: string | undefined, hosts: readonly string[]): boolean {
  const url = parseUrl(text);
  return url?.protocol === 'https:' && hosts.includes(url.hostname);
}

/**
 * True when the sending document is on one of the hosts. An about:blank (or srcdoc) frame has
 * no host in its URL; it runs with the origin of the page that wrote it, which the browser
 * reports as `origin` (Chrome 80+, Firefox 126+). A reported origin must agree with the URL, so
 * a sandboxed (opaque-origin) document on the host does not count.
 */
function documentOn(sender: MessageSender, hosts: readonly string[], allowAboutFrames: boolean): boolean {
  const url = parseUrl(sender.url);
  if (url?.protocol === 'about:') return allowAboutFrames && httpsHostIn(sender.origin, hosts);
  if (!httpsHostIn(sender.url, hosts)) return false;
  return sender.origin === undefined || httpsHostIn(sender.origin, hosts);
}

/** Content scripts and framed pages run in a tab; -1 is the browser's "no tab" (devtools). */
const hasTab = (sender: MessageSender) => (sender.tab?.id ?? -1) >= 0;

/**
 * Says which context sent a message, from what the browser reports about the sender.
 * `ownBaseUrl` is the extension's root URL (`runtime.getURL('/')`).
 */
export function classifySender(sender: MessageSender, ownId: string, ownBaseUrl: string): SenderRole | 'unknown' {
  if (sender.id !== ownId) return 'unknown';
  const url = parseUrl(sender.url);
  const own = parseUrl(ownBaseUrl);
  if (url && own && url.protocol === own.protocol && url.host === own.host) {
    if (url.pathname !== PICKER_PATH) return 'extension-page';
    // The picker only ever runs framed in a webmail tab, which its frame-ancestors enforce.
    return hasTab(sender) && (sender.frameId ?? 0) > 0 ? 'picker' : 'unknown';
  }
  if (!hasTab(sender)) return 'unknown';
  if (sender.frameId === 0 && documentOn(sender, PARTNER_CENTER_HOSTS, false)) return 'partner-center';
  if (documentOn(sender, WEBMAIL_HOSTS, true)) return 'webmail';
  return 'unknown';
}
