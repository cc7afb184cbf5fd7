import type { ExtensionBrowser, FixtureHost, FixtureServer } from '../e2e/harness';
import { timeInScriptsFrom } from './cpu-profile';
import { median, record } from './results';

export interface OverheadRun {
  browser: ExtensionBrowser;
  fixtures: FixtureServer;
  /** A fixture page defining `window.churn(n)`, which makes n DOM mutations. */
  path: string;
  /** A host the measured content script matches. */
  host: FixtureHost;
  mutations: number;
  runs?: number;
}

export interface Overhead {
  /** Main-thread busy time (Chrome's TaskDuration) of one churn, the content script's share included; median of the runs. */
  pageMs: number;
  /** Time in the content script's code during one churn; median of the runs. */
  scriptMs: number;
  /** Time in the content script's code while the page loaded and settled; median of the runs. */
  startupMs: number;
  /** All runs' script time over all runs' page time without it. */
  addedPercent: number;
}

const SAMPLING_INTERVAL_US = 100;

/**
 * Main-thread time a content script adds to a busy page, attributed rather than subtracted: a
 * V8 CPU profile of each churn counts the samples whose stack runs the extension's code (its
 * observers, timers and the DOM calls they make), and Chrome's TaskDuration of the same churn is
 * the page's total. Subtracting a run on a host the script does not match swings by ±10% on two
 * cores, far more than the few milliseconds being measured; attribution does not depend on the
 * rest of the machine. What it cannot see is the browser's own bookkeeping for a connected
 * MutationObserver, which the webmail script keeps short by disconnecting while a scan is due.
 */
async function measureContentScriptOverhead({ browser, fixtures, path, host, mutations, runs = 10 }: OverheadRun): Promise<Overhead> {
  const origin = `chrome-extension://${browser.extensionId}/`;
  const page: number[] = [];
  const script: number[] = [];
  const startup: number[] = [];
  for (let run = 0; run < runs; run++) {
    const tab = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Performance.enable');
    const taskDuration = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')!.value;

    await cdp.send('Profiler.start');
    await tab.goto(fixtures.url(host, path));
    await tab.waitForTimeout(300);
    startup.push(timeInScriptsFrom((await cdp.send('Profiler.stop')).profile, origin));

    await cdp.send('Profiler.start');
    const before = await taskDuration();
    await tab.evaluate((n) => (window as unknown as { churn(n: number): Promise<number> }).churn(n), mutations);
    // Work the content script schedules after the last mutations falls inside the measured window.
    await tab.waitForTimeout(400);
    const after = await taskDuration();
    script.push(timeInScriptsFrom((await cdp.send('Profiler.stop')).profile, origin));
    page.push((after - before) * 1000);
    await tab.close();
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    pageMs: median(page),
    scriptMs: median(script),
    startupMs: median(startup),
    addedPercent: (sum(script) / (sum(page) - sum(script))) * 100,
  };
}

/** Measures a content script's overhead on a busy page and records its four bench rows. */
export async function recordContentScriptOverhead(group: string, pageName: string, run: OverheadRun): Promise<void> {
  const { pageMs, scriptMs, startupMs, addedPercent } = await measureContentScriptOverhead(run);
  record({ group, name: `${pageName}: content script start-up on page load`, value: startupMs, unit: 'ms' });
  record({ group, name: `${pageName}, ${run.mutations} mutations: page main-thread time`, value: pageMs, unit: 'ms' });
  record({ group, name: `${pageName}, ${run.mutations} mutations: of which the content script`, value: scriptMs, unit: 'ms' });
  record({ group, name: `${pageName}: main-thread time added by the content script`, value: addedPercent, unit: '%', budget: 2 });
}
