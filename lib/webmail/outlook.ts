import type { WebmailAdapter } from './compose';

/**
 * Outlook on the web: the body is RoosterJS's multi-line textbox. The subject is the compose
 * window's only 255-character text input, and recipients are single-line contenteditable
 * "wells" (or a combobox input), the To well first. React generates the class names, and the
 * labels are translated, so neither is used. (Field structure inferred from the live page.) Send
 * carries a test id, or is the primary half of the compose window's Fluent split button.
 */
export const outlookAdapter: WebmailAdapter = {
  provider: 'outlook',
  bodySelector: 'div[contenteditable="true"][role="textbox"][aria-multiline="true"]',
  subjectSelector: 'input[maxlength="255"]:not([role="combobox"])',
  recipientSelector: 'div[contenteditable="true"][role="textbox"]:not([aria-multiline="true"]), input[role="combobox"]',
  // A resolved contact is an island the caret cannot enter; it shows a name (sometimes
  // "Name <address>" or an address) and no address attribute, though a tooltip may carry one.
  chipSelector: '[contenteditable="false"], [data-lpc-hover-target-id], [role="option"], [role="listitem"]',
  chipAddressAttribute: 'title',
  sendButtonSelector: '[data-testid="ComposeSendButton"]',
};
