import { isEmailAddress } from '../email-address';
import { PICKER_TOKEN } from '../messaging/picker-token';
import { MAX_RECIPIENTS } from './recipients';

/**
 * What the content script tells the picker it opens, in the frame URL's hash: its token, the
 * compose window's recipient addresses (the customer whose last template choice it preselects)
 * and whether the page is dark. The page could forge any of it, so the picker checks each part.
 */
export interface PickerOpening {
  token: string;
  provider: string;
  recipients: readonly string[];
  darkPage: boolean;
}

export function pickerHash({ token, provider, recipients, darkPage }: PickerOpening): string {
  const params = new URLSearchParams({ token, provider });
  for (const email of recipients.slice(0, MAX_RECIPIENTS)) params.append('to', email);
  if (darkPage) params.set('theme', 'dark');
  return `#${params}`;
}

const hashParams = (hash: string) => new URLSearchParams(hash.replace(/^#/, ''));

/** Reads the picker's token from its URL hash (set by the content script that opened it). */
export function pickerToken(hash: string): string | null {
  const token = hashParams(hash).get('token');
  return token && PICKER_TOKEN.test(token) ? token : null;
}

/** The recipient addresses in the hash: plain addresses only, at most MAX_RECIPIENTS. */
export function pickerRecipients(hash: string): string[] {
  return hashParams(hash).getAll('to').filter(isEmailAddress).slice(0, MAX_RECIPIENTS);
}

export const isPageDark = (hash: string): boolean => hashParams(hash).get('theme') === 'dark';
