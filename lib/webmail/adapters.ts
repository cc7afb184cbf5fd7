import type { WebmailAdapter } from './compose';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';

const ADAPTER_BY_HOST: Record<string, WebmailAdapter> = {
  'mail.google.com': gmailAdapter,
  'outlook.cloud.microsoft': outlookAdapter,
  'outlook.office.com': outlookAdapter,
  'outlook.office365.com': outlookAdapter,
  'outlook.live.com': outlookAdapter,
};

export function adapterForHost(hostname: string): WebmailAdapter | undefined {
  return ADAPTER_BY_HOST[hostname.toLowerCase()];
}

/** The adapter for a frame's origin (about:blank frames inherit their parent's); none for opaque origins. */
export function adapterForOrigin(origin: string): WebmailAdapter | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' ? adapterForHost(url.hostname) : undefined;
  } catch {
    return undefined;
  }
}
