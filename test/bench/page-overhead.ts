import type { ExtensionBrowser, FixtureHost, FixtureServer } from '../e2e/harness';
import { median } from './results';

export interface OverheadRun {
  browser: ExtensionBrowser;
  fixtures: FixtureServer;
  /** A fixture page defining `window.churn(n)`, which makes n DOM mutations. */
  path: string;
  /** The host whose content script is measured, and one no content script matches. */
  host: FixtureHost;
  baselineHost?: FixtureHost;
  mutations: number;
  runs?: number;
}

export interface Overhead {
  withScriptMs: number;
  withoutScriptMs: number;
  addedPercent: number;
}

/** Main-thread busy time (Chrome's TaskDuration) of one churn of the page on one host. */
async function churnTaskTime({ browser, fixtures, path, mutations }: OverheadRun, host: FixtureHost): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(fixtures.url(host, path));
  await page.waitForTimeout(300);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskDuration = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')!.value;
  const before = await taskDuration();
  await page.evaluate((n) => (window as unknown as { churn(n: number): Promise<number> }).churn(n), mutations);
  // Work the content script schedules after the last mutations falls inside the measured window.
  await page.waitForTimeout(400);
  const after = await taskDuration();
  await page.close();
  return (after - before) * 1000;
}

/**
 * Main-thread time a content script adds to a busy page: the same page on a host the script
 * does not match is the baseline. Runs come in pairs, baseline then with the script, and the
 * added time is the median of the pairs' differences, so drift in the machine's load (which
 * moves both runs of a pair alike) cancels out instead of deciding the result.
 */
export async function measureContentScriptOverhead(run: OverheadRun): Promise<Overhead> {
  const baselineHost = run.baselineHost ?? 'example.com';
  const withScript: number[] = [];
  const without: number[] = [];
  const differences: number[] = [];
  await churnTaskTime(run, baselineHost);
  for (let i = 0; i < (run.runs ?? 21); i++) {
    const base = await churnTaskTime(run, baselineHost);
    const loaded = await churnTaskTime(run, run.host);
    without.push(base);
    withScript.push(loaded);
    differences.push(loaded - base);
  }
  const withoutScriptMs = median(without);
  return {
    withScriptMs: median(withScript),
    withoutScriptMs,
    addedPercent: Math.max(0, (median(differences) / withoutScriptMs) * 100),
  };
}
