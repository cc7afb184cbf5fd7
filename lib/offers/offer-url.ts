import type { OfferKind } from './schema';

export interface ParsedOfferUrl {
  kind: OfferKind;
  quoteId: string;
  partnerId: string;
  /** The URL exactly as it was given, trimmed. */
  url: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PARTNER_ID = /^[A-Za-z0-9-]{1,64}$/;
const MICROSOFT_HOSTS = ['office.com', 'microsoft.com', 'office365.com', 'microsoftonline.com', 'cloud.microsoft'];

/** Finds candidate offer URLs inside free text (a page, a clipboard selection). */
export const OFFER_URL_IN_TEXT = /https:\/\/[^\s"'<>()]+/gi;

function isMicrosoftHost(host: string): boolean {
  const h = host.toLowerCase();
  return MICROSOFT_HOSTS.some((domain) => h === domain || h.endsWith(`.${domain}`));
}

function queryParam(params: URLSearchParams, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of params) if (key.toLowerCase() === wanted) return value.trim();
  return undefined;
}

/**
 * Parses a purchase-offer or trial-invitation URL tolerantly: any https URL on a Microsoft host
 * whose query names a type, a GUID id and a partner id, with parameter names in any case.
 */
export function parseOfferUrl(text: string): ParsedOfferUrl | null {
  // Text copied from HTML source keeps `&amp;` between parameters; the portal meant `&`.
  const trimmed = text.trim().replace(/[.,;:!?]+$/, '').replace(/&amp;/gi, '&');
  if (trimmed.length > 2048) return null;
  if (!URL.canParse(trimmed)) return null;
  const url = new URL(trimmed);
  if (url.protocol !== 'https:' || !isMicrosoftHost(url.hostname)) return null;
  const type = queryParam(url.searchParams, 'type')?.toLowerCase();
  const kind: OfferKind | undefined = type === 'purchase' ? 'purchase' : type === 'trial' ? 'trial' : undefined;
  const quoteId = queryParam(url.searchParams, 'id');
  const partnerId = queryParam(url.searchParams, 'msppid');
  if (!kind || !quoteId || !GUID.test(quoteId) || !partnerId || !PARTNER_ID.test(partnerId)) return null;
  return { kind, quoteId: quoteId.toLowerCase(), partnerId, url: trimmed };
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
