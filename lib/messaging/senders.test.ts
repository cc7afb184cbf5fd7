import { describe, expect, it } from 'vitest';
import type { RequestType } from './protocol';
import { ALLOWED_SENDERS, classifySender, type SenderRole } from './senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const classify = (sender: Parameters<typeof classifySender>[0]) => classifySender(sender, ID, BASE);

describe('classifySender', () => {
  it.each<[string, Parameters<typeof classifySender>[0], SenderRole | 'unknown']>([
    ['the popup (no tab)', { id: ID, url: `${BASE}popup.html`, origin: `chrome-extension://${ID}` }, 'extension-page'],
    ['the history page in a tab', { id: ID, url: `${BASE}history.html?offer=o1`, tab: { id: 3 }, frameId: 0 }, 'extension-page'],
    ['a page on another extension origin, claiming our id', { id: ID, url: 'moz-extension://9c1e0f1a-0000-4000-8000-000000000001/options.html' }, 'unknown'],
    ['the picker framed in a webmail tab', { id: ID, url: `${BASE}picker.html#token=x`, tab: { id: 7 }, frameId: 3 }, 'picker'],
    ['the picker opened on its own', { id: ID, url: `${BASE}picker.html`, tab: { id: 7 }, frameId: 0 }, 'unknown'],
    ['the picker outside a tab', { id: ID, url: `${BASE}picker.html` }, 'unknown'],
    ['Partner Center, top frame', { id: ID, url: 'https://partner.microsoft.com/fr-fr/dashboard/x', origin: 'https://partner.microsoft.com', tab: { id: 1 }, frameId: 0 }, 'partner-center'],
    ['Partner Center on a test port, no origin reported', { id: ID, url: 'https://partner.microsoft.com:8443/x', tab: { id: 1 }, frameId: 0 }, 'partner-center'],
    ['a Partner Center subframe', { id: ID, url: 'https://partner.microsoft.com/x', origin: 'https://partner.microsoft.com', tab: { id: 1 }, frameId: 2 }, 'unknown'],
    ['Partner Center over http', { id: ID, url: 'http://partner.microsoft.com/x', tab: { id: 1 }, frameId: 0 }, 'unknown'],
    ['Partner Center without a tab', { id: ID, url: 'https://partner.microsoft.com/x', frameId: 0 }, 'unknown'],
    ['Partner Center in the no-tab id', { id: ID, url: 'https://partner.microsoft.com/x', tab: { id: -1 }, frameId: 0 }, 'unknown'],
    ['a look-alike host', { id: ID, url: 'https://partner.microsoft.com.evil.example/x', tab: { id: 1 }, frameId: 0 }, 'unknown'],
    ['Gmail, top frame', { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', origin: 'https://mail.google.com', tab: { id: 2 }, frameId: 0 }, 'webmail'],
    ['an Outlook subframe', { id: ID, url: 'https://outlook.office.com/mail/compose', origin: 'https://outlook.office.com', tab: { id: 2 }, frameId: 5 }, 'webmail'],
    ['an about:blank frame written by Outlook', { id: ID, url: 'about:blank', origin: 'https://outlook.cloud.microsoft:9443', tab: { id: 2 }, frameId: 6 }, 'webmail'],
    ['an about:blank frame with no origin reported', { id: ID, url: 'about:blank', tab: { id: 2 }, frameId: 6 }, 'unknown'],
    ['an about:blank frame of another site', { id: ID, url: 'about:blank', origin: 'https://ads.example', tab: { id: 2 }, frameId: 6 }, 'unknown'],
    ['a sandboxed frame on a webmail host', { id: ID, url: 'https://mail.google.com/sandbox', origin: 'null', tab: { id: 2 }, frameId: 4 }, 'unknown'],
    ['an about:blank top frame opened by Partner Center', { id: ID, url: 'about:blank', origin: 'https://partner.microsoft.com', tab: { id: 1 }, frameId: 0 }, 'unknown'],
    ['another extension', { id: 'other', url: `${BASE}popup.html` }, 'unknown'],
    ['a web page (no id)', { url: 'https://mail.google.com/', tab: { id: 2 }, frameId: 0 }, 'unknown'],
    ['another site', { id: ID, url: 'https://example.com/', origin: 'https://example.com', tab: { id: 2 }, frameId: 0 }, 'unknown'],
  ])('%s', (_name, sender, role) => {
    expect(classify(sender)).toBe(role);
  });

  it('takes the extension origin from the base URL it is given (Firefox)', () => {
    const base = 'moz-extension://9c1e0f1a-0000-4000-8000-000000000001/';
    expect(classifySender({ id: ID, url: `${base}history.html` }, ID, base)).toBe('extension-page');
    expect(classifySender({ id: ID, url: `${base}picker.html#token=x`, tab: { id: 1 }, frameId: 2 }, ID, base)).toBe('picker');
  });
});

describe('ALLOWED_SENDERS', () => {
  const allowedTo = (role: SenderRole) =>
    (Object.entries(ALLOWED_SENDERS) as [RequestType, readonly SenderRole[]][]).filter(([, roles]) => roles.includes(role)).map(([type]) => type).sort();

  it('gives each content script only what its page needs', () => {
    expect(allowedTo('partner-center')).toEqual(['capture.save', 'capture.undo', 'ui.openOffer']);
    expect(allowedTo('webmail')).toEqual(['webmail.recordCompose']);
    expect(allowedTo('picker')).toEqual(['offers.page', 'offers.search', 'settings.get', 'settings.rememberChoice', 'webmail.closePicker', 'webmail.deliver']);
  });

  it('lets extension pages ask everything but what speaks for a content script or a picker token', () => {
    const all = Object.keys(ALLOWED_SENDERS).sort();
    expect(allowedTo('extension-page')).toEqual(all.filter((type) => !['capture.save', 'capture.undo', 'webmail.recordCompose', 'webmail.deliver', 'webmail.closePicker'].includes(type)));
    // The pipeline's figures say much about the advisor's business: no content script or picker asks for them.
    expect(ALLOWED_SENDERS['offers.overview']).toEqual(['extension-page']);
  });
});
