// `npm test`: the type check and the linter, then every unit test and every browser test, then
// one line "N passed, N failed" (the two checks count as one each). A check that fails stops the
// run before the tests. The browser tests need the production builds (Chrome and Firefox), a
// Chromium and a Firefox; all are prepared here first, so a missing browser stops the run with a
// message instead of skipping tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureFirefox } from './firefox.mjs';

const root = join(import.meta.dirname, '..');
const resultsFile = join(root, 'test-results', 'vitest.json');
const extraArgs = process.argv.slice(2);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

// The type check reads WXT's generated types (locale keys among them): bring them up to date first.
if (run('npx', ['wxt', 'prepare']) !== 0) {
  console.error('`wxt prepare` failed; the type check needs its generated types.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const checks = [
  ['type check', ['tsc', '--noEmit']],
  ['lint', ['eslint', '.', '--max-warnings', '0']],
];
const failedChecks = checks.filter(([name, args]) => {
  console.log(`Running the ${name}: ${args.join(' ')}`);
  return run('npx', args) !== 0;
});
if (failedChecks.length > 0) {
  console.error(`\nThe ${failedChecks.map(([name]) => name).join(' and ')} failed; fix it before the tests run.`);
  console.log(`${checks.length - failedChecks.length} passed, ${failedChecks.length} failed`);
  process.exit(1);
}

let chromiumPath;
let firefoxPath;
try {
  chromiumPath = ensureChromium();
  firefoxPath = ensureFirefox();
} catch (error) {
  console.error(`\n${error.message}\n`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(`Browser tests use ${chromiumPath} and ${firefoxPath}`);

for (const args of [['wxt', 'build'], ['wxt', 'build', '-b', 'firefox']]) {
  if (run('npx', args) !== 0) {
    console.error(`The production build failed (${args.join(' ')}); the browser tests need it.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

rmSync(resultsFile, { force: true });
mkdirSync(join(root, 'test-results'), { recursive: true });
const status = run(
  'npx',
  ['vitest', 'run', '--project', 'unit', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...extraArgs],
  { ...process.env, CHROMIUM_PATH: chromiumPath, FIREFOX_PATH: firefoxPath },
);

let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrors ?? 0);
  // A test file that cannot even load counts as a failure, not as zero tests.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} catch {
  failed = Math.max(failed, 1);
}
if (status !== 0 && failed === 0) failed = 1;
passed += checks.length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
