import type { WebmailAdapter } from './compose';

/**
 * Gmail: the body carries Gmail's own `g_editable` attribute; the subject and the recipient rows
 * keep stable form names (`subjectbox`, `to`, `cc`, `bcc`) while classes are obfuscated and labels
 * translated. In the To row, resolved recipients are `[role=option]` chips of a listbox, with the
 * address in `data-hovercard-id` and the name in `data-name`; addresses are typed into an
 * unnamed combobox input beside them. Send sits in the bottom bar (`.IZ .Up`) beside the "send
 * and archive" button and before its "more send options" menu; its label is translated. Once a
 * send's window is gone, the "Message sent" toast offers Undo for 5 to 30 seconds: its control has
 * long carried the id `link_undo` (as the open-source Gmail tools that read the toast find it).
 */
export const gmailAdapter: WebmailAdapter = {
  provider: 'gmail',
  bodySelector: 'div[contenteditable="true"][role="textbox"][g_editable="true"]',
  subjectSelector: 'input[name="subjectbox"]',
  recipientSelector: '[name="to"] input:not([type="hidden"])',
  recipientRowSelector: '[name="to"]',
  // Only options carrying a chip's attributes: a suggestion list shown in the row is not a chip.
  chipSelector: '[role="option"][data-hovercard-id], [role="option"][data-name]',
  chipAddressAttribute: 'data-hovercard-id',
  chipNameAttribute: 'data-name',
  sendButtonSelector: '.IZ .Up div > div[role="button"]',
  undoSendSelector: '#link_undo',
};
