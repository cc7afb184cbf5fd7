/** Chromium's IntersectionObserver v2 (not in TypeScript's DOM types: no other engine has it). */
interface VisibilityObserverInit extends IntersectionObserverInit {
  trackVisibility: boolean;
  delay: number;
}

export interface VisibilityWatch {
  /** False until the browser has said the element is visible, and whenever it is not. */
  isVisible(): boolean;
  stop(): void;
}

/** How often, at most, the browser reports; it is the smallest delay it accepts with trackVisibility. */
const REPORT_DELAY_MS = 100;

/**
 * Whether an element of a framed page is seen by the user, as Chromium computes it: not covered
 * by anything (even an element that lets the pointer through), not faded, filtered or transformed
 * by any element up to the top page. A page framing ours could otherwise hide it and collect the
 * user's keys and clicks. Where the browser cannot tell (Firefox), this answers true and the
 * content script that framed the page checks the frame itself.
 */
export function watchVisibility(target: Element): VisibilityWatch {
  if (!('isVisible' in IntersectionObserverEntry.prototype)) return { isVisible: () => true, stop: () => undefined };
  let visible = false;
  const options: VisibilityObserverInit = { trackVisibility: true, delay: REPORT_DELAY_MS };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) visible = (entry as IntersectionObserverEntry & { isVisible: boolean }).isVisible;
  }, options);
  observer.observe(target);
  return { isVisible: () => visible, stop: () => observer.disconnect() };
}
