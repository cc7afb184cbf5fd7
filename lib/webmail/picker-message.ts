import { isEmailAddress } from '../email-address';
import { PICKER_TOKEN } from '../messaging/picker-token';
import type { WebmailMessage } from '../messaging/protocol';
import type { FieldError } from '../message/parse';
import type { MessageTemplate } from '../message/template';
import { greetedCustomer } from '../offers/customers';
import type { Offer } from '../offers/schema';
import type { Settings } from '../settings/settings';
import { renderOfferMessage } from '../ui/offer-message';

export type PickerMessage =
  | { ok: true; message: WebmailMessage }
  | { ok: false; reason: 'no-template' }
  | { ok: false; reason: 'template-errors'; template: MessageTemplate; errors: FieldError[] };

/**
 * The message the picker hands to the compose window for one offer: the template for the
 * offer's kind in the message language (the advisor's preference, else the UI language),
 * rendered with the advisor's profile. A template with errors is reported, never inserted.
 */
export function pickerMessage(offer: Offer, settings: Settings, uiLanguage: string): PickerMessage {
  const built = renderOfferMessage(offer, settings, uiLanguage);
  if (!built.template) return { ok: false, reason: 'no-template' };
  const { template, result: rendered } = built;
  if (!rendered.ok) return { ok: false, reason: 'template-errors', template, errors: rendered.errors };
  // Only a plain address goes into the To field; anything else would be typed in verbatim.
  const email = greetedCustomer(offer)?.email?.trim() ?? '';
  return {
    ok: true,
    message: {
      html: rendered.html,
      text: rendered.text,
      subject: rendered.subject,
      link: offer.url,
      ...(isEmailAddress(email) ? { to: email } : {}),
    },
  };
}

/** The next selected row for a key press; -1 for an empty list. Arrows wrap around. */
export function moveSelection(index: number, key: string, count: number): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return Math.min(Math.max(index, 0), count - 1);
  }
}

/** Reads the picker's token from its URL hash (set by the content script that opened it). */
export function pickerToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && PICKER_TOKEN.test(token) ? token : null;
}
