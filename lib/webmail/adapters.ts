import { webmailProviderOf, type WebmailProvider } from '../hosts';
import type { WebmailAdapter } from './compose';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';

/** How each webmail's compose windows are read; its hosts are listed in lib/hosts.ts. */
const ADAPTERS: Record<WebmailProvider, WebmailAdapter> = { gmail: gmailAdapter, outlook: outlookAdapter };

export function adapterForHost(hostname: string): WebmailAdapter | undefined {
  const provider = webmailProviderOf(hostname);
  return provider && ADAPTERS[provider];
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
