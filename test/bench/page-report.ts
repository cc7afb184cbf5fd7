import type { Page } from 'playwright-core';

/**
 * How a page's init script reports a measurement: `console.debug('bench:' + JSON.stringify(value))`.
 * Reading it with `page.waitForFunction` would make Playwright inject and run its own script in
 * the page (about 30 ms on this machine) right after the load event, inside the window being timed.
 */
const REPORT_PREFIX = 'bench:';

/** Runs `navigate` and resolves with the next value the page reports (see REPORT_PREFIX). */
export async function reportAfter<T>(page: Page, navigate: () => Promise<unknown>): Promise<T> {
  const reported = page.waitForEvent('console', { predicate: (message) => message.text().startsWith(REPORT_PREFIX), timeout: 60_000 }).catch((error: unknown) => {
    throw new Error(`${page.url()} reported no measurement`, { cause: error });
  });
  const [message] = await Promise.all([reported, navigate()]);
  return JSON.parse(message.text().slice(REPORT_PREFIX.length)) as T;
}
