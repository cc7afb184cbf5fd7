import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type CDPSession, type Frame, type Page, type Worker } from 'playwright-core';
import { ensureChromium } from '../../scripts/chromium.mjs';
import type { Envelope, Request } from '../../lib/messaging/protocol';
import type { Offer } from '../../lib/offers/schema';
import { importOffers } from './backup-transfer';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const FIXTURES_DIR = join(ROOT, 'test/fixtures');

/** Host names the fixture server answers for; Chromium resolves them all to 127.0.0.1. */
export const FIXTURE_HOSTS = [
  'partner.microsoft.com',
  'mail.google.com',
  'outlook.cloud.microsoft',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'example.com',
] as const;
export type FixtureHost = (typeof FIXTURE_HOSTS)[number];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface FixtureServer {
  port: number;
  /** `https://HOST:PORT/PATH` for a fixture, reached through the real host name. */
  url(host: FixtureHost, path: string): string;
  close(): Promise<void>;
}

/**
 * Extra response headers for one fixture, from a sidecar JSON file next to it (`NAME.html.headers`),
 * so a fixture can be served under the real page's policy (Content-Security-Policy, Trusted Types).
 */
function fixtureHeaders(file: string): Record<string, string> {
  const sidecar = `${file}.headers`;
  return existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as Record<string, string>) : {};
}

/**
 * Serves test/fixtures over https with a self-signed certificate. `/node_modules/...` paths serve
 * packages' built files, so fixtures can load real editors (RoosterJS, ProseMirror, Lexical).
 * A fixture's own response headers come from its sidecar file (see fixtureHeaders).
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const tls = join(FIXTURES_DIR, 'tls');
  const server: Server = createServer(
    { key: readFileSync(join(tls, 'key.pem')), cert: readFileSync(join(tls, 'cert.pem')) },
    (request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'https://fixture').pathname);
      const base = path.startsWith('/node_modules/') ? ROOT : FIXTURES_DIR;
      const file = normalize(join(base, path));
      if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end('not found');
        return;
      }
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...fixtureHeaders(file),
      });
      response.end(readFileSync(file));
    },
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (host, path) => `https://${host}:${port}/${path.replace(/^\//, '')}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The welcome page the install opened, when `keepWelcome` asked to keep it open. */
  welcome: Page | undefined;
  /** The extension's service worker, started again if it was stopped. */
  worker(): Promise<Worker>;
  /** Opens one of the extension's pages (popup.html, history.html, options.html). */
  openExtensionPage(path: string): Promise<Page>;
  /** Sends a message to the background as the extension's own pages do. */
  send(request: Request): Promise<Envelope<unknown>>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** The slice of the `chrome` global that test code evaluates inside extension pages. */
export interface ChromeGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

export interface LaunchOptions {
  userDataDir?: string;
  extensionDir?: string;
  locale?: string;
  /** The browser's time zone (an IANA name), for its pages and its background worker alike; the machine's otherwise. */
  timeZone?: string;
  /** Leave the welcome page the install opens; otherwise it is closed before the tests start. */
  keepWelcome?: boolean;
}

/**
 * The tab the extension opens on install (a fresh profile). Tests wait for it so it cannot appear
 * in the middle of one (a test waiting for the next new page), and close it so it asks the
 * background nothing while a test stops the worker.
 */
async function installWelcomePage(context: BrowserContext, extensionId: string): Promise<Page | undefined> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const page = context.pages().find((candidate) => candidate.url() === url);
    if (page) {
      // Closed while still loading, the page could leave the extension's shared renderer without
      // its locale strings: every later page then showed raw message keys.
      await page.locator('#checklist-heading').waitFor({ timeout: Math.max(1000, deadline - Date.now()) });
      return page;
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  return undefined;
}

/**
 * A request a test sends to the background is answered within a second, some seconds under a
 * large import, more than 15 s when it upgrades 20,000 offers on a busy machine (seen in CI). One not
 * answered at all (seen in CI, never alone, after the worker had been stopped again and again: it
 * answered no page, new ones included) is given up after this long, said with what the worker
 * still does, and, when repeating it is harmless, sent again from a new page once the worker is
 * stopped. While the offer database does not open for the worker (an upgrade holds it), the
 * request is waited for: stopping the worker would roll the upgrade back and start it over.
 */
const UNANSWERED_AFTER_MS = 30_000;
/** How long each look into a worker that does not answer may take. */
const LOOK_WITHIN_MS = 5_000;
const UNANSWERED_ATTEMPTS = 3;
/** Requests that read, or write the same thing to the same effect when sent twice (an upsert merges). */
const REPEATABLE_REQUESTS: ReadonlySet<Request['type']> = new Set<Request['type']>([
  'offers.get',
  'offers.page',
  'offers.search',
  'offers.count',
  'offers.progress',
  'offers.overview',
  'offers.linked',
  'offers.armedNext',
  'offers.upsert',
  'settings.get',
  'settings.saveProfile',
  'settings.saveTemplates',
  'settings.savePreferences',
]);

/**
 * What a worker that leaves requests unanswered still does (seen in CI only, never alone): whether
 * its script runs, whether it can open the offer database, and the origin's Web Locks; and whether
 * the database kept a worker waiting to open it, as an upgrade running does.
 */
async function workerState(context: BrowserContext): Promise<{ said: string; databaseBusy: boolean }> {
  const look = async (worker: Worker, probe: () => Promise<unknown>) => {
    const settled = await settledWithin(worker.evaluate(probe).catch((error: unknown) => `failed: ${String(error)}`), LOOK_WITHIN_MS);
    return settled ? JSON.stringify(settled.value) : `no answer within ${LOOK_WITHIN_MS / 1000} s`;
  };
  const lines: string[] = [];
  let databaseBusy = false;
  for (const worker of context.serviceWorkers()) {
    lines.push(`the worker runs a script: ${await look(worker, async () => 1 + 1)}`);
    const opens = await look(worker, () => {
      const opening = indexedDB.open('offer-courier');
      return new Promise((resolve) => {
        opening.onsuccess = () => {
          resolve(`open, version ${opening.result.version}`);
          opening.result.close();
        };
        opening.onerror = () => resolve(`error ${String(opening.error)}`);
        opening.onblocked = () => resolve('blocked');
      });
    });
    databaseBusy ||= opens.startsWith('no answer');
    lines.push(`the worker opens the offer database: ${opens}`);
    lines.push(`the Web Locks: ${await look(worker, () => navigator.locks.query())}`);
  }
  return { said: lines.join('\n'), databaseBusy };
}

/**
 * Stops the worker, so that the next request starts a new one: what Chromium does itself to a worker
 * that leaves a request unanswered for five minutes.
 */
async function restartWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await settledWithin(
    (async () => {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
    })(),
    LOOK_WITHIN_MS,
  );
  await settledWithin(cdp.detach(), LOOK_WITHIN_MS);
}

/** Launches the system Chromium with the production build loaded, as a user's browser would. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:chrome\` (npm test does it for you).`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'offer-courier-profile-'));
  const resolverRules = FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1`).join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: true,
    locale: options.locale ?? 'en-US',
    acceptDownloads: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    // Chromium on Linux takes its UI language, the one chrome.i18n speaks, from --lang and LANGUAGE.
    // TZ sets the zone of the whole browser, background worker included (timezoneId is emulated per page).
    ...(options.locale || options.timeZone
      ? { env: { ...process.env, ...(options.locale ? { LANGUAGE: options.locale } : {}), ...(options.timeZone ? { TZ: options.timeZone } : {}) } }
      : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${resolverRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Headless Chromium draws date fields in US order whatever its language; a user's browser in
      // that language would not, so the fields follow the page's lang (the extension's language).
      ...(options.locale ? [`--lang=${options.locale}`, '--enable-blink-features=LangAttributeAwareFormControlUI'] : []),
    ],
  });
  const worker = async () => {
    const running = context.serviceWorkers().find((w) => w.url().endsWith('/background.js'));
    return running ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = new URL((await worker()).url()).host;
  // A profile the caller brings may have seen the install already.
  const welcome = options.userDataDir ? undefined : await installWelcomePage(context, extensionId);
  if (welcome && !options.keepWelcome) await welcome.close();
  let messenger: Page | undefined;
  const openExtensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
    return page;
  };
  return {
    context,
    extensionId,
    userDataDir,
    welcome: options.keepWelcome ? welcome : undefined,
    worker,
    openExtensionPage,
    async send(request) {
      for (let attempt = 1; ; attempt++) {
        messenger ??= await openExtensionPage('popup.html');
        const asking = messenger;
        const sent = asking.evaluate((r) => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage(r), request) as Promise<Envelope<unknown>>;
        const waited = () => `The background did not answer ${request.type} within ${UNANSWERED_AFTER_MS / 1000} s (attempt ${attempt}; ${context.serviceWorkers().length} worker(s) running).`;
        let answer = await settledWithin(sent, UNANSWERED_AFTER_MS);
        let state = answer ? undefined : await workerState(context);
        while (!answer && state?.databaseBusy) {
          console.warn(`${waited()}\n${state.said}\nThe offer database is busy (an upgrade runs): waiting on.`);
          answer = await settledWithin(sent, UNANSWERED_AFTER_MS);
          state = answer ? undefined : await workerState(context);
        }
        if (answer) return answer.value;
        if (!REPEATABLE_REQUESTS.has(request.type)) {
          // Said, so a test that then times out tells what it waited for; not sent again, as it may have been applied.
          console.warn(`${waited()}\n${state?.said ?? ''}\nStill waiting: it is not safe to send again.`);
          return sent;
        }
        if (attempt >= UNANSWERED_ATTEMPTS) throw new Error(`${waited()}\n${state?.said ?? ''}`);
        console.warn(`${waited()}\n${state?.said ?? ''}\nStopping the worker once more, then sending it again from a new page.`);
        messenger = undefined;
        await restartWorker(asking);
        await asking.close().catch(() => undefined);
      }
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Launches the extension with these offers stored, imported as a backup with none refused. */
export async function launchWithOffers(offers: readonly Offer[], options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const browser = await launchExtension(options);
  try {
    await importOffers(browser, offers);
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * What assistive technology reads of a page, closed shadow roots included (the capture notice
 * lives in one, out of reach of page scripts and of Playwright's selectors).
 */
export async function accessibleText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: string | number } }[] };
    return nodes.map((node) => String(node.name?.value ?? '')).join('\n');
  } finally {
    await cdp.detach();
  }
}

interface StyledNode {
  backendNodeId: number;
  attributes?: string[];
  children?: StyledNode[];
  shadowRoots?: StyledNode[];
}

/**
 * The text and background colours of the capture notice (its element of class `toast`), as
 * computed: it lives in a closed shadow root, which only the DevTools protocol enters.
 */
export async function noticeColours(page: Page): Promise<{ color: string; background: string }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: StyledNode };
    const isNotice = (node: StyledNode) => {
      const attributes = node.attributes ?? [];
      const classes = attributes[attributes.indexOf('class') + 1] ?? '';
      return attributes.includes('class') && classes.split(' ').includes('toast');
    };
    const find = (node: StyledNode): StyledNode | undefined =>
      isNotice(node) ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find((found) => found !== undefined);
    const notice = find(root);
    if (!notice) throw new Error('No capture notice on the page.');
    const { nodeIds } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [notice.backendNodeId] });
    const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId: nodeIds[0]! });
    const value = (name: string) => computedStyle.find((property) => property.name === name)?.value ?? '';
    return { color: value('color'), background: value('background-color') };
  } finally {
    await cdp.detach();
  }
}

/** The contrast ratio of two opaque colours given as rgb(r, g, b) (WCAG 2). */
export function contrastRatio(first: string, second: string): number {
  const luminance = (rgb: string) => {
    const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map((channel) => {
      const c = Number(channel) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [luminance(first), luminance(second)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * Presses one of the capture notice's buttons from the keyboard: Shift+Tab from the end of the
 * page reaches the notice's controls from the last (Dismiss) backwards. The end is marked by a
 * focusable placeholder for the moment: the browser starts a Tab from where the last click was.
 */
export async function pressNoticeButton(page: Page, stepsBack: number): Promise<void> {
  await page.bringToFront();
  await page.evaluate(() => {
    const end = document.createElement('span');
    end.tabIndex = 0;
    end.id = 'test-page-end';
    document.documentElement.append(end);
    end.focus();
  });
  for (let i = 0; i < stepsBack; i++) await page.keyboard.press('Shift+Tab');
  await page.evaluate(() => document.getElementById('test-page-end')?.remove());
  await page.keyboard.press('Enter');
}

const MODIFIER_BITS = { Alt: 1, Control: 2, Shift: 8 } as const;
const KEY_ACKNOWLEDGED_WITHIN_MS = 5_000;

/**
 * Presses a key or chord ("Alt+Shift+O", "Enter") the way the keyboard does, through the
 * browser: the key-down is checked against the browser's shortcuts (an extension's commands)
 * before it reaches the focused element, which Playwright's keyboard skips. A frame from another
 * process (the offer picker) gets it through its own session; when the key closes that frame,
 * the rest of the key press has nowhere to go, which is expected.
 */
export async function pressThroughBrowser(target: Page | Frame, chord: string): Promise<void> {
  const parts = chord.split('+');
  const key = parts.pop()!;
  const modifiers = parts.reduce((bits, modifier) => bits | MODIFIER_BITS[modifier as keyof typeof MODIFIER_BITS], 0);
  const keyCode = key === 'Enter' ? 13 : key === 'Escape' ? 27 : key.toUpperCase().charCodeAt(0);
  const event = { modifiers, key, code: key.length === 1 ? `Key${key.toUpperCase()}` : key, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
  const page = 'context' in target ? target : target.page();
  const session = await page.context().newCDPSession(target);
  const steps = [
    { type: 'rawKeyDown' as const, ...event },
    ...(key === 'Enter' && !modifiers ? [{ type: 'char' as const, ...event, text: '\r' }] : []),
    { type: 'keyUp' as const, ...event },
  ];
  try {
    for (const step of steps) {
      // Bounded: an event sent to a frame as it goes away may never be acknowledged (suspected in
      // CI's timeouts of tests that close the picker with this key); the key press is then over.
      if (await settledWithin(session.send('Input.dispatchKeyEvent', step), KEY_ACKNOWLEDGED_WITHIN_MS)) continue;
      if ('isDetached' in target && target.isDetached()) return;
      throw new Error(`The browser did not acknowledge ${step.type} of ${chord} within ${KEY_ACKNOWLEDGED_WITHIN_MS / 1000} s, its frame still there.`);
    }
    await settledWithin(session.detach(), KEY_ACKNOWLEDGED_WITHIN_MS);
  } catch (error) {
    if (!/detached|closed|Target/i.test(String(error))) throw error;
  }
}

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { isDefault?: boolean; type?: string };
}

/**
 * Runs an expression in the extension's content-script world in one of a page's frames, as a
 * compromised page renderer could: the DevTools protocol evaluates it in that isolated world
 * (chosen by `where`, an expression true only in the wanted frame). Waits for the content script
 * to start there; evaluates once, awaiting a promise, and returns the value.
 */
export async function evaluateInContentScript(page: Page, extensionName: string, where: string, expression: string, timeoutMs = 10_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const cdp = await page.context().newCDPSession(page);
    try {
      const contexts: ExecutionContext[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => contexts.push(context));
      await cdp.send('Runtime.enable');
      for (const context of contexts.filter((c) => c.auxData?.type === 'isolated' && c.name === extensionName)) {
        const evaluate = (source: string) =>
          cdp.send('Runtime.evaluate', { expression: source, contextId: context.id, awaitPromise: true, returnByValue: true }) as Promise<{ result: { value?: unknown } }>;
        if ((await evaluate(where).catch(() => undefined))?.result.value !== true) continue;
        return (await evaluate(expression)).result.value;
      }
    } finally {
      await cdp.detach();
    }
    if (Date.now() > deadline) throw new Error(`No content-script world of ${extensionName} where ${where}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends a message to the background from the extension's content-script world (see evaluateInContentScript). */
export async function sendFromContentScript(page: Page, extensionName: string, where: string, message: unknown, timeoutMs = 10_000): Promise<Envelope<unknown>> {
  return (await evaluateInContentScript(page, extensionName, where, `chrome.runtime.sendMessage(${JSON.stringify(message)})`, timeoutMs)) as Envelope<unknown>;
}

/**
 * Stops the background worker again and again, as an idle browser would at the worst moments,
 * until the returned function is awaited. Await it in a `finally`: a failing test must not leave
 * the worker being stopped under the next tests.
 */
interface WorkerVersion {
  versionId: string;
  runningStatus: string;
  status: string;
}

/** Resolves once some worker version reported by the DevTools protocol passes the test, or fails after `timeoutMs`. */
function untilWorkerVersion(cdp: CDPSession, versions: Map<string, WorkerVersion>, test: (version: WorkerVersion) => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (![...versions.values()].some(test)) return false;
      clearTimeout(timer);
      cdp.off('ServiceWorker.workerVersionUpdated', check);
      resolve();
      return true;
    };
    const timer = setTimeout(() => {
      cdp.off('ServiceWorker.workerVersionUpdated', check);
      reject(new Error(`The background worker was not ${what} within ${timeoutMs} ms: ${JSON.stringify([...versions.values()])}`));
    }, timeoutMs);
    if (!check()) cdp.on('ServiceWorker.workerVersionUpdated', check);
  });
}

/**
 * Stops the background worker under a storage quota of `quotaSize` bytes, and returns when it has
 * stopped and its next start will open the databases under that quota.
 * A freshly installed worker is still being registered for a moment; stopped then under a tiny
 * quota, its registration cannot be stored and the extension is left with no worker at all. So
 * this waits for the registration to be activated before it shrinks the quota.
 * Chromium keeps a database's files open 2 s after their last connection closes, and reads the
 * quota again only when it reopens them: hence the final pause.
 */
export async function stopWorkerUnderQuota(cdp: CDPSession, origin: string, quotaSize: number): Promise<void> {
  const versions = new Map<string, WorkerVersion>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }: { versions: WorkerVersion[] }) => {
    for (const version of updated) versions.set(version.versionId, version);
  });
  await cdp.send('ServiceWorker.enable');
  await untilWorkerVersion(cdp, versions, (version) => version.status === 'activated', 'activated');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await untilWorkerVersion(cdp, versions, (version) => version.runningStatus === 'stopped', 'stopped');
  await new Promise((resolve) => setTimeout(resolve, 3000));
}

/** What `promise` gives, or undefined when it has not settled within `ms` (its timer cleared either way). */
export async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    const settled = promise.then((value) => ({ value }));
    // A failure after `ms` comes to no one: left unhandled, it would fail whichever test runs then.
    settled.catch(() => undefined);
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function keepStoppingWorker(browser: ExtensionBrowser, everyMs = 40): Promise<() => Promise<void>> {
  const controller = await browser.openExtensionPage('options.html');
  const cdp = await browser.context.newCDPSession(controller);
  await cdp.send('ServiceWorker.enable');
  let stopping = true;
  const stopper = (async () => {
    while (stopping) {
      // Bounded: a stop the browser never confirms must not hold the test until its timeout
      // (two CI runs timed out in a test using this, never reproduced alone); it is said, and the
      // next stop is sent.
      if (!(await settledWithin(cdp.send('ServiceWorker.stopAllWorkers'), 10_000))) console.warn('ServiceWorker.stopAllWorkers was not confirmed within 10 s.');
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    stopping = false;
    await stopper;
    await controller.close();
  };
}

/** The stored offers of one quote, asked of the background the way an extension page does (either browser's harness). */
export async function offersWithQuote(sender: { send(request: Request): Promise<Envelope<unknown>> }, quote: string): Promise<Offer[]> {
  const answer = await sender.send({ type: 'offers.search', query: quote });
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return (answer.data as { offers: Offer[] }).offers;
}
