import type { SEND_PROVIDERS } from './offers/schema';

/**
 * The sites the extension works on. The manifest's host permissions, the content scripts'
 * matches, the picker's frame-ancestors and the background's message routing all come from
 * these lists.
 */
export const PARTNER_CENTER_HOSTS = ['partner.microsoft.com'] as const;

/** A webmail the extension inserts into; every one has its hosts here and its adapter in lib/webmail/adapters.ts. */
export type WebmailProvider = Exclude<(typeof SEND_PROVIDERS)[number], 'other'>;

export const WEBMAIL_HOSTS_BY_PROVIDER: Record<WebmailProvider, readonly string[]> = {
  gmail: ['mail.google.com'],
  // Work and school accounts are served at outlook.cloud.microsoft (outlook.office.com redirects
  // there; Microsoft lists all three as Exchange Online's web endpoints); outlook.live.com serves
  // personal accounts.
  outlook: ['outlook.cloud.microsoft', 'outlook.office.com', 'outlook.office365.com', 'outlook.live.com'],
};

export const WEBMAIL_HOSTS: readonly string[] = Object.values(WEBMAIL_HOSTS_BY_PROVIDER).flat();

/** The webmail served at a host name, if any. */
export function webmailProviderOf(hostname: string): WebmailProvider | undefined {
  const host = hostname.toLowerCase();
  const entry = Object.entries(WEBMAIL_HOSTS_BY_PROVIDER).find(([, hosts]) => hosts.includes(host));
  return entry?.[0] as WebmailProvider | undefined;
}

/** Match patterns for every page of the hosts, over https. */
export const matchPatterns = (hosts: readonly string[]) => hosts.map((host) => `https://${host}/*`);

/** True for an https URL on one of the hosts. */
export function isHttpsUrlOn(url: string | undefined, hosts: readonly string[]): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && hosts.includes(parsed.hostname);
  } catch {
    return false;
  }
}
