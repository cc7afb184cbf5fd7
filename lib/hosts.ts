/**
 * The sites the extension works on. The manifest's host permissions, the content scripts'
 * matches and the background's message routing all come from these lists.
 */
export const PARTNER_CENTER_HOSTS = ['partner.microsoft.com'] as const;
/**
 * Outlook on the web for work and school accounts is served at outlook.cloud.microsoft
 * (outlook.office.com redirects there; Microsoft lists all three as Exchange Online's web
 * endpoints); outlook.live.com serves personal accounts.
 */
export const WEBMAIL_HOSTS = [
  'mail.google.com',
  'outlook.cloud.microsoft',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
] as const;

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
