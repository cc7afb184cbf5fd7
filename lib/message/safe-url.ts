/** URL rules shared by the profile schema (at save time) and the renderer (at send time). */

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const LOGO_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

export const LOGO_MAX_BYTES = 256 * 1024;
/** Longest data: URL holding LOGO_MAX_BYTES: base64 takes 4 characters per 3 bytes. */
export const LOGO_MAX_DATA_URL = 'data:image/jpeg;base64,'.length + Math.ceil(LOGO_MAX_BYTES / 3) * 4;
export const URL_MAX = 2048;

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * The href to use for a link, or null when the scheme is not http, https or mailto, or when a
 * name before an @ hides the real host (https://portal.office.com@evil.example/).
 */
export function safeLinkHref(text: string): string | null {
  const url = parseUrl(text.trim());
  return url && LINK_PROTOCOLS.has(url.protocol) && !url.username && !url.password ? url.href : null;
}

/** Logos come from an https URL or an uploaded PNG/JPEG/GIF/WebP; SVG is refused since it can carry script. */
export function isSafeLogoUrl(text: string): boolean {
  if (text.startsWith('data:')) return text.length <= LOGO_MAX_DATA_URL && LOGO_DATA_URL.test(text);
  return text.length <= URL_MAX && parseUrl(text)?.protocol === 'https:';
}

/** The Microsoft 365 admin center's hosts: the historical one and the one Microsoft now serves it from. */
export const ADMIN_CENTER_HOSTS: readonly string[] = ['admin.microsoft.com', 'admin.cloud.microsoft'];

/** The customer opens the GDAP invitation in the Microsoft 365 admin center, never anywhere else. */
export function isGdapLink(text: string): boolean {
  const url = parseUrl(text);
  return url !== null && url.protocol === 'https:' && ADMIN_CENTER_HOSTS.includes(url.host) && !url.username && !url.password;
}
