import type { OfferKind } from './schema';

export interface ParsedOfferUrl {
  kind: OfferKind;
  quoteId: string;
  partnerId: string;
  /** The URL exactly as it was given, trimmed. */
  url: string;
}

/**
 * Where Microsoft serves offer links, as `host/path` in lower case. Only these are offers: a
 * link elsewhere (a sign-in page, a form) may carry the same parameters to phish the customer.
 * A documented successor is one more entry.
 */
export const OFFER_LINK_PLACES: readonly string[] = ['portal.office.com/partner/partnersignup.aspx'];

/** Why a text is not an offer link, most telling first; the manual form explains each. */
export type OfferUrlProblem = 'not-url' | 'not-https' | 'credentials' | 'host' | 'path' | 'type' | 'id' | 'msppid';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PARTNER_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Finds candidate offer URLs inside free text (a page, a clipboard selection). */
export const OFFER_URL_IN_TEXT = /https:\/\/[^\s"'<>()]+/gi;

const OFFER_PARAMS = ['type', 'id', 'msppid'] as const;
type OfferParam = (typeof OFFER_PARAMS)[number];
const isOfferParam = (name: string): name is OfferParam => (OFFER_PARAMS as readonly string[]).includes(name);

/**
 * The one value of each offer parameter, its name in any case; a repeated parameter is ambiguous,
 * so it has none. One pass over the query: an import checks every record's link.
 */
function offerParams(params: URLSearchParams): Partial<Record<OfferParam, string>> {
  const values = new Map<OfferParam, string | undefined>();
  for (const [key, value] of params) {
    const name = key.toLowerCase();
    if (isOfferParam(name)) values.set(name, values.has(name) ? undefined : value.trim());
  }
  return { type: values.get('type'), id: values.get('id'), msppid: values.get('msppid') };
}

/** The URL a text is, or null: parsed once, where checking first would parse it twice. */
function asUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * Reads an offer link: https, one of OFFER_LINK_PLACES (host and path in any case), no user
 * info or port, and a query naming a type, a GUID id and a partner id (parameter names in any
 * case and order). Returns the offer, or why the text is not one.
 */
export function checkOfferUrl(text: string): ParsedOfferUrl | OfferUrlProblem {
  // Text copied from HTML source keeps `&amp;` between parameters; the portal meant `&`.
  const trimmed = text.trim().replace(/[.,;:!?]+$/, '').replace(/&amp;/gi, '&');
  const url = trimmed.length > 2048 ? null : asUrl(trimmed);
  if (!url) return 'not-url';
  if (url.protocol !== 'https:') return 'not-https';
  if (url.username || url.password || url.port) return 'credentials';
  const places = OFFER_LINK_PLACES.filter((place) => place.startsWith(`${url.hostname}/`));
  if (places.length === 0) return 'host';
  if (!places.includes(url.hostname + url.pathname.toLowerCase())) return 'path';
  const { type, id: quoteId, msppid: partnerId } = offerParams(url.searchParams);
  const kind = type?.toLowerCase();
  if (kind !== 'purchase' && kind !== 'trial') return 'type';
  if (!quoteId || !GUID.test(quoteId)) return 'id';
  if (!partnerId || !PARTNER_ID.test(partnerId)) return 'msppid';
  return { kind, quoteId: quoteId.toLowerCase(), partnerId, url: trimmed };
}

/** The offer a link names, or null when it is not an offer link (see checkOfferUrl). */
export function parseOfferUrl(text: string): ParsedOfferUrl | null {
  const checked = checkOfferUrl(text);
  return typeof checked === 'string' ? null : checked;
}

/** Every distinct offer URL found in a piece of text, in order of appearance. */
export function findOfferUrls(text: string): ParsedOfferUrl[] {
  const found = new Map<string, ParsedOfferUrl>();
  for (const match of text.slice(0, 200_000).matchAll(OFFER_URL_IN_TEXT)) {
    const parsed = parseOfferUrl(match[0]);
    if (parsed && !found.has(parsed.quoteId)) found.set(parsed.quoteId, parsed);
  }
  return [...found.values()];
}
