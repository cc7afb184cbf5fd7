import { escapeHtml } from '../html';
import { safeLinkHref } from '../message/safe-url';
import { parseOfferUrl } from '../offers/offer-url';
import type { Offer } from '../offers/schema';

export type SnippetStyle = 'link' | 'button';


/**
 * HTML the advisor pastes on their website so visitors can open the offer (the documentation
 * suggests posting the link there). Every value is escaped; the button is a styled link, so it
 * works without script on any site. Null when the offer's link is not an offer link (an offer
 * saved before the rule was strict): the advisor's site must not carry it.
 */
export function websiteSnippet(offer: Pick<Offer, 'url'>, label: string, style: SnippetStyle): string | null {
  const link = parseOfferUrl(offer.url) && safeLinkHref(offer.url);
  if (!link) return null;
  const href = escapeHtml(link);
  const text = escapeHtml(label);
  if (style === 'link') return `<a href="${href}" target="_blank" rel="noopener">${text}</a>`;
  const css =
    'display:inline-block;padding:10px 18px;border-radius:6px;background:#0f6cbd;color:#ffffff;font:600 15px/1.2 system-ui,sans-serif;text-decoration:none';
  return `<a href="${href}" target="_blank" rel="noopener" style="${css}">${text}</a>`;
}
