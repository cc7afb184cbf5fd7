/**
 * Whether a compose body still holds the offer it received: a link to the offer's address (as
 * written, or as the browser resolves it), or the address as text. An advisor who inserted the
 * message and then deleted it did not send the offer. A pure read.
 */
export function bodyHoldsLink(body: Element, link: string): boolean {
  if (!link) return false;
  let resolved: string | undefined;
  try {
    resolved = new URL(link).href;
  } catch {
    resolved = undefined;
  }
  for (const anchor of body.querySelectorAll('a[href]')) {
    if (anchor.getAttribute('href') === link || (resolved !== undefined && (anchor as HTMLAnchorElement).href === resolved)) return true;
  }
  return body.textContent.includes(link);
}
