import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR } from '../e2e/firefox-harness';
import { EXTENSION_DIR } from '../e2e/harness';
import { record } from './results';

/** Budget (KB gzipped) of the history page, everything it loads included. */
const PAGE_BUDGETS: Record<string, number> = {
  history: 60,
};

/** Budgets (KB gzipped) for what runs inside other sites' pages. */
const CONTENT_SCRIPT_BUDGETS: Record<string, number> = {
  'partner-center': 15,
  webmail: 20,
};

const STATIC_IMPORT = /(?:import|from)\s*["']([^"']+\.js)["']/g;

/** A JS file and every chunk it imports statically, as the browser would load them. */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
    const target = match[1]!.startsWith('/') ? join(EXTENSION_DIR, match[1]!) : join(dirname(file), match[1]!);
    withImports(target, seen);
  }
  return seen;
}

function pageFiles(html: string): Set<string> {
  const files = new Set<string>();
  const text = readFileSync(join(EXTENSION_DIR, html), 'utf8');
  for (const match of text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) {
    const file = join(EXTENSION_DIR, match[1]!);
    if (file.endsWith('.css')) files.add(file);
    else withImports(file, files);
  }
  return files;
}

const gzipKB = (files: Iterable<string>) =>
  [...files].reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0) / 1024;

it('measures each built entrypoint, gzipped', () => {
  expect(existsSync(join(EXTENSION_DIR, 'manifest.json'))).toBe(true);
  record({ group: 'bundle (gzip)', name: 'background', value: gzipKB(withImports(join(EXTENSION_DIR, 'background.js'))), unit: 'KB' });
  for (const html of ['popup.html', 'history.html', 'options.html']) {
    const page = html.replace('.html', '');
    record({ group: 'bundle (gzip)', name: `${page} page`, value: gzipKB(pageFiles(html)), unit: 'KB', budget: PAGE_BUDGETS[page] });
  }
  // Each content script as Chrome and Firefox run it, side by side, under the same budget.
  expect(existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))).toBe(true);
  const scriptsDir = join(EXTENSION_DIR, 'content-scripts');
  for (const file of existsSync(scriptsDir) ? readdirSync(scriptsDir) : []) {
    const name = file.replace(/\.(js|css)$/, '');
    if (!file.endsWith('.js')) continue;
    const budget = CONTENT_SCRIPT_BUDGETS[name];
    record({ group: 'bundle (gzip)', name: `${name} content script`, value: gzipKB([join(scriptsDir, file)]), unit: 'KB', budget });
    const firefoxFile = join(FIREFOX_EXTENSION_DIR, 'content-scripts', file);
    expect(existsSync(firefoxFile), `${firefoxFile} is missing from the Firefox build`).toBe(true);
    record({ group: 'bundle (gzip)', name: `${name} content script (Firefox)`, value: gzipKB([firefoxFile]), unit: 'KB', budget });
  }
});
