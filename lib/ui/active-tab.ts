import { z } from 'zod/mini';
import { browser } from 'wxt/browser';
import { Offer } from '../offers/schema';
import { MessagingError } from '../messaging';

/**
 * The popup's bridge to the content scripts of the active tab (Partner Center capture, webmail
 * insertion). Those message types belong to the capture and webmail work; until they are part
 * of lib/messaging.ts's Request union, the popup sends them here and reads the answers with
 * its own checks, so a missing or changed handler shows a message instead of breaking.
 */

const PARTNER_CENTER_HOST = 'partner.microsoft.com';

/** True for a Partner Center page, where the popup offers "Capture from this page". */
export function isPartnerCenterUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname === PARTNER_CENTER_HOST;
  } catch {
    return false;
  }
}

/** The active tab's URL: readable only on the hosts the extension has permission for. */
export async function activeTabUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

const Envelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

const CaptureAnswer = z.object({ found: z.boolean(), offer: z.optional(Offer), reason: z.optional(z.string()) });
const PickerAnswer = z.object({ opened: z.boolean(), reason: z.optional(z.string()) });
export type CaptureAnswer = z.infer<typeof CaptureAnswer>;
export type PickerAnswer = z.infer<typeof PickerAnswer>;

/** 'unavailable' when the background does not know the request yet. */
export class ActiveTabUnavailableError extends Error {
  override name = 'ActiveTabUnavailableError';
}

async function ask<T>(type: string, shape: z.ZodMiniType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ type });
  } catch (error) {
    throw new MessagingError('internal', error instanceof Error ? error.message : String(error));
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) throw new MessagingError('internal', 'The extension gave an unreadable answer.');
  if (!envelope.data.ok) {
    if (envelope.data.error.code === 'invalid-message') throw new ActiveTabUnavailableError(envelope.data.error.message);
    throw new MessagingError('internal', envelope.data.error.message);
  }
  const data = shape.safeParse(envelope.data.data);
  if (!data.success) throw new MessagingError('internal', 'The extension gave an unreadable answer.');
  return data.data;
}

/** Asks the Partner Center content script of the active tab to capture the offer it shows. */
export const captureFromActiveTab = () => ask('capture.runInActiveTab', CaptureAnswer);

/** Asks the webmail content script of the active tab to open its offer picker in the compose window. */
export const openPickerInActiveTab = () => ask('webmail.openPickerInActiveTab', PickerAnswer);
