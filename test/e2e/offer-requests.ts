import type { Request } from '../../lib/messaging/protocol';
import type { Send } from '../../lib/offers/schema';

/**
 * The request a compose window's Send leads to, as an extension page sends it in tests: the
 * recipients become `sent` customers of the offer (found by address, or by name when the customer
 * has no address yet), with the send recorded on each.
 */
export function sendRequest(
  id: string,
  provider: Send['provider'],
  recipients: { email?: string; name?: string }[],
  { subject, at = new Date().toISOString() }: { subject?: string; at?: string } = {},
): Request {
  return { type: 'offers.recordCompose', id, event: { kind: 'send', at, provider, recipients, ...(subject ? { subject } : {}) } };
}
