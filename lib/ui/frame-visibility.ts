/** Chromium's IntersectionObserver v2 (not in TypeScript's DOM types: no other engine has it). */
interface VisibilityObserverInit extends IntersectionObserverInit {
  trackVisibility: boolean;
  delay: number;
}

export interface VisibilityWatch {
  /** Whether the browser last reported the element visible; before its first report, waits for it. */
  isVisible(): Promise<boolean>;
  stop(): void;
}

/** How often, at most, the browser reports; it is the smallest delay it accepts with trackVisibility. */
const REPORT_DELAY_MS = 100;
/**
 * The first report can come after the picker has listed its offers (the frame's occlusion comes
 * from the page around it), and an Enter pressed before it must not be lost; no report at all
 * counts as not visible.
 */
const FIRST_REPORT_WAIT_MS = 1000;

/**
 * Whether an element of a framed page is seen by the user, as Chromium computes it: not covered
 * by anything (even an element that lets the pointer through), not faded, filtered or transformed
 * by any element up to the top page. A page framing ours could otherwise hide it and collect the
 * user's keys and clicks. Where the browser cannot tell (Firefox), this answers true and the
 * content script that framed the page checks the frame itself.
 */
export function watchVisibility(target: Element): VisibilityWatch {
  if (!('isVisible' in IntersectionObserverEntry.prototype)) return { isVisible: () => Promise.resolve(true), stop: () => undefined };
  let visible: boolean | undefined;
  let firstReport: (() => void) | undefined;
  const reported = new Promise<void>((resolve) => (firstReport = resolve));
  const options: VisibilityObserverInit = { trackVisibility: true, delay: REPORT_DELAY_MS };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) visible = (entry as IntersectionObserverEntry & { isVisible: boolean }).isVisible;
    firstReport?.();
  }, options);
  observer.observe(target);
  return {
    async isVisible() {
      if (visible === undefined) await Promise.race([reported, new Promise((resolve) => setTimeout(resolve, FIRST_REPORT_WAIT_MS))]);
      return visible === true;
    },
    stop: () => observer.disconnect(),
  };
}
