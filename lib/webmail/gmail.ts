import type { WebmailAdapter } from './compose';

/**
 * Gmail: the body carries Gmail's own `g_editable` attribute; the subject and recipient fields
 * keep stable form names (`subjectbox`, `to`) while classes are obfuscated and labels translated.
 * Resolved recipients are chips with an `email` attribute.
 */
export const gmailAdapter: WebmailAdapter = {
  provider: 'gmail',
  bodySelector: 'div[contenteditable="true"][role="textbox"][g_editable="true"]',
  subjectSelector: 'input[name="subjectbox"]',
  recipientSelector: '[name="to"] input, input[name="to"], textarea[name="to"]',
  chipSelector: '[email], [data-hovercard-id]',
};
