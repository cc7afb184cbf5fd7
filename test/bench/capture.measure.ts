import { build } from 'esbuild';
import { afterAll, beforeAll, it } from 'vitest';
import { launchExtension, ROOT, startFixtureServer, type ExtensionBrowser, type FixtureServer } from '../e2e/harness';
import { recordContentScriptOverhead } from './page-overhead';
import { record } from './results';

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
let captureBundle: string;

beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  // The extraction code as the content script runs it, exposed to the page so it can be timed there.
  const bundle = await build({
    stdin: {
      contents: `import { captureFromPage } from './lib/capture/capture'; import { detectWizardStep } from './lib/capture/detect';
        globalThis.benchCapture = { captureFromPage, detectWizardStep };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    alias: { '@': ROOT },
  });
  captureBundle = bundle.outputFiles[0]!.text;
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

type BenchWindow = { benchCapture: { captureFromPage(root: Document): unknown; detectWizardStep(root: Document): unknown } };

async function timeInPage(path: string, call: 'captureFromPage' | 'detectWizardStep', runs = 40): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(fixtures.url('example.com', path));
  await page.addScriptTag({ content: captureBundle });
  const value = await page.evaluate(
    ({ call, runs }) => {
      const samples: number[] = [];
      const capture = (window as unknown as BenchWindow).benchCapture;
      for (let i = 0; i < runs + 3; i++) {
        const start = performance.now();
        capture[call](document);
        if (i >= 3) samples.push(performance.now() - start);
      }
      samples.sort((a, b) => a - b);
      return samples[samples.length >> 1]!;
    },
    { call, runs },
  );
  await page.close();
  return value;
}

it('times extraction on the result pages', async () => {
  for (const [name, path] of [
    ['result page, plain', 'partner-center/result-purchase-en.html'],
    ['result page, nested shadow roots', 'partner-center/result-nested-shadow-en.html'],
    ['result page with its summary, tables', 'partner-center/result-summary-table-fr.html'],
    ['result page with its summary, nested shadow roots', 'partner-center/result-summary-shadow-en.html'],
  ] as const) {
    record({ group: 'capture', name: `extraction: ${name}`, value: await timeInPage(path, 'captureFromPage'), unit: 'ms' });
  }
  record({ group: 'capture', name: 'wizard detection: busy non-wizard page', value: await timeInPage('partner-center/busy.html', 'detectWizardStep'), unit: 'ms' });
});

it('measures main-thread time added on a busy non-wizard page', async () => {
  await recordContentScriptOverhead('capture', 'busy page', { browser, fixtures, path: 'partner-center/busy.html', host: 'partner.microsoft.com', mutations: 10_000 });
});
