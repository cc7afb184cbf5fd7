import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { ensureChromium } from '../../scripts/chromium.mjs';
import { EXTENSION_DIR } from '../e2e/harness';

/** An event of the DevTools protocol, with the session it came from. */
interface ProtocolEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

/** A tab of the quiet Chromium and the session attached to it. */
export interface QuietPage {
  sessionId: string;
  /** Runs `run(arg)` in the page, awaiting a promise it returns, and returns its value. */
  evaluate<A, T>(run: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /**
   * Runs `note` in every document the tab loads from now on, before the document's own scripts.
   * It leaves its measurement in `globalThis.benchNote`, read by `noteAfter`. Turns the page
   * domain on, the one instrumentation the timed tab gets.
   */
  addNoteScript(note: () => void): Promise<void>;
  /** Runs `navigate` and resolves with what the next document noted. */
  noteAfter<T>(navigate: () => Promise<unknown>): Promise<T>;
  close(): Promise<void>;
}

/** Where a note-taking script leaves its measurement (see QuietPage.addNoteScript). */
export interface NoteScope {
  benchNote?: unknown;
}

/** The extension API that note-taking scripts and evaluated code call in extension pages. */
export interface ExtensionGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/**
 * Chromium with the production build, driven over its DevTools pipe by hand. Playwright enables
 * its domains on every page (network, runtime, lifecycle events, its own script worlds), which
 * cost a popup load here about 40 ms of the browser's time; a page timed through this driver has
 * a session with nothing enabled, as in a user's browser.
 */
export interface QuietChromium {
  extensionId: string;
  /** Sends a protocol command, to a page's session when given. */
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  /** Calls `listener` with every event until the browser closes. */
  onEvent(listener: (event: ProtocolEvent) => void): void;
  /** Opens `url` in a new tab, once its document is complete. */
  openPage(url: string): Promise<QuietPage>;
  close(): Promise<void>;
}

export interface QuietOptions {
  extensionDir?: string;
  /** A profile the extension was installed in already (kept at close); a fresh one otherwise. */
  userDataDir?: string;
}

export async function launchQuietChromium({ extensionDir = EXTENSION_DIR, userDataDir: givenProfile }: QuietOptions = {}): Promise<QuietChromium> {
  const userDataDir = givenProfile ?? mkdtempSync(join(tmpdir(), 'offer-courier-quiet-'));
  const browser: ChildProcess = spawn(
    ensureChromium(),
    [
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${userDataDir}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--window-size=1280,800',
      // The tests' language, whatever the machine's: pages format their figures in it.
      '--lang=en-US',
      'about:blank',
    ],
    // Chromium on Linux takes its UI language, the one chrome.i18n speaks, from LANGUAGE too.
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], env: { ...process.env, LANGUAGE: 'en-US' } },
  );
  const toBrowser = browser.stdio[3] as Writable;
  const fromBrowser = browser.stdio[4] as Readable;
  const waiting = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>();
  const listeners: ((event: ProtocolEvent) => void)[] = [];
  let lastId = 0;
  let unread = '';
  // The pipe carries JSON messages, each ended by a NUL character; decoded as a stream, so that a
  // character split between two chunks comes out whole.
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    unread += chunk;
    for (let end = unread.indexOf('\0'); end >= 0; end = unread.indexOf('\0')) {
      const message = JSON.parse(unread.slice(0, end)) as { id?: number; result?: never; error?: unknown } & ProtocolEvent;
      unread = unread.slice(end + 1);
      const pending = message.id === undefined ? undefined : waiting.get(message.id);
      if (pending) {
        waiting.delete(message.id!);
        if (message.error) pending.reject(new Error(JSON.stringify(message.error)));
        else pending.resolve(message.result!);
      } else if (message.method) for (const listener of listeners) listener(message);
    }
  });
  const exited = new Promise<void>((resolve) => browser.once('exit', () => resolve()));
  let gone = false;
  // A browser that dies answers nothing more: what waits fails at once instead of at the test's timeout.
  void exited.then(() => {
    gone = true;
    for (const pending of waiting.values()) pending.reject(new Error('The quiet Chromium exited.'));
    waiting.clear();
  });
  toBrowser.on('error', () => undefined);
  const send = <T>(method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      if (gone) {
        reject(new Error(`The quiet Chromium exited before ${method}.`));
        return;
      }
      const id = ++lastId;
      waiting.set(id, { resolve, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const stop = async () => {
    if (!gone) {
      // Closed as a user closes it, so its helper processes are gone before the profile is.
      const killLater = setTimeout(() => browser.kill(), 5_000);
      send('Browser.close').catch(() => browser.kill());
      await exited;
      clearTimeout(killLater);
    }
    if (!givenProfile) rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };

  const evaluate = async <A, T>(sessionId: string, run: (arg: A) => T | Promise<T>, arg: A): Promise<T> => {
    const { result, exceptionDetails } = await send<{ result: { value: T }; exceptionDetails?: unknown }>(
      'Runtime.evaluate',
      { expression: `(${run.toString()})(${JSON.stringify(arg)})`, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
    return result.value;
  };
  const attach = async (targetId: string): Promise<QuietPage> => {
    const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const page: QuietPage = {
      sessionId,
      evaluate: (run, arg) => evaluate(sessionId, run, arg),
      async addNoteScript(note) {
        await send('Page.enable', {}, sessionId);
        await send('Page.addScriptToEvaluateOnNewDocument', { source: `(${note.toString()})()` }, sessionId);
      },
      async noteAfter<T>(navigate: () => Promise<unknown>) {
        // A note counts from the next document only: the old one may still note something late.
        const before = await page.evaluate(() => performance.timeOrigin, null);
        await navigate();
        for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(100)) {
          // Read while the new document swaps in, the look fails: nothing yet.
          const seen = await page.evaluate(() => ({ origin: performance.timeOrigin, note: (globalThis as NoteScope).benchNote }), null).catch(() => undefined);
          if (seen && seen.origin !== before && seen.note !== undefined) return seen.note as T;
        }
        throw new Error(`Tab ${targetId} noted nothing within 30 s.`);
      },
      close: async () => {
        await send('Target.closeTarget', { targetId });
      },
    };
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(50)) {
      if (await page.evaluate(() => document.readyState === 'complete', null).catch(() => false)) return page;
    }
    throw new Error(`Tab ${targetId} did not load in the quiet Chromium.`);
  };
  const openPage = async (url: string) => attach((await send<{ targetId: string }>('Target.createTarget', { url })).targetId);

  const targets = async () => (await send<{ targetInfos: { targetId: string; type: string; url: string }[] }>('Target.getTargets')).targetInfos;
  const startedExtension = async () => {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(100)) {
      const worker = (await targets()).find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
      if (worker) return new URL(worker.url).host;
    }
    throw new Error('The extension\'s worker did not start in the quiet Chromium.');
  };
  // The tab the install opens, closed once loaded (closed while loading, it could leave the
  // extension's renderer without its locale strings), so it asks the background nothing later.
  const closeWelcomePage = async () => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(50)) {
      const welcome = (await targets()).find((target) => target.url.endsWith('/welcome.html'));
      if (!welcome) continue;
      const page = await attach(welcome.targetId);
      while (!(await page.evaluate(() => document.querySelector('#checklist-heading') !== null, null).catch(() => false))) {
        if (Date.now() > deadline) throw new Error('The welcome page did not finish loading in the quiet Chromium.');
        await sleep(50);
      }
      await page.close();
      return;
    }
  };

  try {
    const extensionId = await startedExtension();
    // A profile the extension was installed in opens no welcome page.
    if (!givenProfile) await closeWelcomePage();
    return { extensionId, send, onEvent: (listener) => listeners.push(listener), openPage, close: stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

