import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { ensureFirefox } from '../../scripts/firefox.mjs';
import type { Envelope, Request } from '../../lib/messaging/protocol';
import { FIXTURE_HOSTS, ROOT } from './harness';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');

export interface FirefoxExtension {
  browser: Browser;
  /** `moz-extension://UUID`, pinned at launch so tests can open the extension's pages. */
  origin: string;
  /** Where the extension pages' downloads (backups) land. */
  downloadDir: string;
  newPage(): Promise<Page>;
  /** Opens one of the extension's pages (popup.html, history.html) and waits for it to render. */
  openExtensionPage(path: string): Promise<Page>;
  /** Sends a message to the background as the extension's own pages do. */
  send(request: Request): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

/** The slice of the `browser` global that test code evaluates inside extension pages. */
interface ExtensionGlobal {
  browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/**
 * Launches Debian's Firefox ESR over WebDriver BiDi with the production Firefox build installed
 * as a temporary add-on. The fixture hosts resolve to loopback (`network.dns.localDomains`), so
 * the content scripts meet the fixture pages on their real host names.
 */
export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
  const manifestFile = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`No built extension in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` (npm test does it for you).`);
  }
  const geckoId = (JSON.parse(readFileSync(manifestFile, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } })
    .browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const downloadDir = mkdtempSync(join(tmpdir(), 'offer-courier-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureFirefox(),
    headless: true,
    acceptInsecureCerts: true,
    // A command Firefox never answers then fails naming itself, inside the test's 90 s, instead of
    // the test timing out without a word (puppeteer waits 180 s by default).
    protocolTimeout: 60_000,
    defaultViewport: { width: 1280, height: 800 },
    // Without it WebDriver BiDi cannot open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': FIXTURE_HOSTS.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'intl.locale.requested': 'en-US',
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  const origin = `moz-extension://${uuid}`;
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    await closeWelcomePage(browser, `${origin}/welcome.html`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    const url = `${origin}/${path.replace(/^\//, '')}`;
    // Firefox loads extension pages but never reports their load event to WebDriver BiDi.
    page.goto(url).catch(() => undefined);
    // Polled by hand: a look that lands while the page swaps its document fails in WebDriver BiDi,
    // which would end puppeteer's own wait.
    const loaded = () =>
      page
        .evaluate((expected) => location.href === expected && document.readyState === 'complete' && document.body.childElementCount > 0, url)
        .catch(() => false);
    await waitFor(loaded, (ready) => ready, 15_000);
    return page;
  };
  let messenger: Page | undefined;
  return {
    browser,
    origin,
    downloadDir,
    async newPage() {
      const page = await browser.newPage();
      // Firefox stops rendering a tab in the background, and with it the IntersectionObserver
      // puppeteer's clicks wait on: the page a test drives is the one in front.
      await page.bringToFront();
      return page;
    },
    openExtensionPage,
    async send(request) {
      messenger ??= await openExtensionPage('popup.html');
      const answer = messenger.evaluate((r) => (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage(r), request) as Promise<Envelope<unknown>>;
      return answerWithin(answer, 20_000, `The background, asked ${request.type}`);
    },
    async close() {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits for the tab the install opens and closes it. Left to open on its own, it could come up in
 * front of a test's first page, whose clicks then waited for a rendering that never came.
 */
async function closeWelcomePage(browser: Browser, url: string): Promise<void> {
  const welcomePage = async () => {
    for (const page of await browser.pages()) if ((await hrefOf(page)) === url) return page;
    return undefined;
  };
  const welcome = await waitFor(welcomePage, (page) => page !== undefined, 15_000);
  await welcome!.close();
}

/** Where a page or frame is, read from itself ('' while it swaps its document): WebDriver BiDi does not follow extension pages. */
const hrefOf = (target: Page | Frame) => target.evaluate(() => location.href).catch(() => '');

/** `pending`, or a failure naming `what` once `ms` have passed without an answer. */
async function answerWithin<T>(pending: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms)));
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Polls until `read` returns a value `accept` takes; returns it. Fails with the last value seen,
 * or when one read gets no answer by the deadline (a WebDriver BiDi call can wait forever on a
 * page that swaps its document: the poll then fails in its time instead of the test's).
 */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const readInTime = () => answerWithin(read(), Math.max(deadline - Date.now(), 1_000), `A read polled for ${timeoutMs} ms`);
  let last: T = await readInTime();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await readInTime();
  }
  return last;
}

/**
 * A button found by its accessible name anywhere in the page or frame, open shadow roots included
 * (puppeteer's `pierce/`), so it does not matter where the extension placed it.
 */
export async function buttonNamed(scope: Page | Frame, name: string): Promise<ElementHandle> {
  const named = async () => {
    for (const candidate of await scope.$$('pierce/button, [role="button"]')) {
      const label = await candidate.evaluate((element) =>
        (element.getAttribute('aria-label') || element.textContent?.trim() || element.getAttribute('title') || '').trim(),
      );
      if (label === name) return candidate;
      await candidate.dispose();
    }
    return undefined;
  };
  return (await waitFor(named, (found) => found !== undefined))!;
}

/**
 * Where the compose control shows: inside the top right corner of the editor. Its closed shadow
 * root is out of reach of selectors (`pierce/` included), so the point is found as a page sees it:
 * waits until the element there is a bare host on the document element, not the page's own.
 */
export async function composeControlPoint(scope: Page | Frame, editorSelector: string): Promise<{ x: number; y: number }> {
  const read = () =>
    scope.$eval(editorSelector, (editor) => {
      const box = editor.getBoundingClientRect();
      const point = { x: box.right - 20, y: box.top + 14 };
      const hit = document.elementFromPoint(point.x, point.y);
      return hit && hit.parentElement === document.documentElement && hit !== document.body ? point : null;
    });
  return (await waitFor(read, (point) => point !== null))!;
}

/**
 * Clicks the compose control with a real mouse click, as the advisor does (it ignores clicks from
 * scripts). For a compose inside a frame, `frameOffset` is where that frame's content starts.
 */
export async function clickComposeControl(page: Page, editorSelector: string, scope: Page | Frame = page, frameOffset = { x: 0, y: 0 }): Promise<void> {
  const { x, y } = await composeControlPoint(scope, editorSelector);
  await page.mouse.click(frameOffset.x + x, frameOffset.y + y);
}

/**
 * A real mouse click at an element's centre; `frameOffset` as above. Puppeteer's own clicks in an
 * about:blank frame ask Firefox for the frame's element with a BiDi locator ("context") that
 * Firefox ESR 140 does not know.
 */
export async function clickElement(page: Page, selector: string, scope: Page | Frame = page, frameOffset = { x: 0, y: 0 }): Promise<void> {
  const { x, y } = await scope.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  await page.mouse.click(frameOffset.x + x, frameOffset.y + y);
}

/**
 * The frame showing one of the extension's pages inside a web page (the offer picker), or
 * undefined. WebDriver BiDi never reports an extension frame's navigation, so the frame's own
 * address is read instead of puppeteer's.
 */
export async function findExtensionFrame(page: Page, path: string): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    const href = await hrefOf(frame);
    if (href.startsWith('moz-extension://') && new URL(href).pathname === path) return frame;
  }
  return undefined;
}

/** Waits for an extension page's frame to show up in a web page and returns it. */
export async function extensionFrame(page: Page, path: string): Promise<Frame> {
  return (await waitFor(() => findExtensionFrame(page, path), (found) => found !== undefined))!;
}
