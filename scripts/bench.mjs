// `npm run bench`: builds the extension (Chrome and Firefox), measures it (test/bench/*.measure.ts)
// in Chromium, with the Firefox package's content-script sizes beside Chrome's, prints one table
// and exits non-zero when any row misses its budget.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const root = join(import.meta.dirname, '..');
const resultsFile = join(root, '.bench', 'results.jsonl');

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env });
  return result.status ?? 1;
}

const chromiumPath = ensureChromium();
if (run('npx', ['wxt', 'build']) !== 0 || run('npx', ['wxt', 'build', '-b', 'firefox']) !== 0) process.exit(1);
rmSync(resultsFile, { force: true });
const status = run('npx', ['vitest', 'run', '--project', 'bench', ...process.argv.slice(2)], { ...process.env, CHROMIUM_PATH: chromiumPath });

const rows = existsSync(resultsFile)
  ? readFileSync(resultsFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line))
  : [];
// A measure that saw nothing records NaN, which JSON writes as null: printed as such, never as within budget.
const measured = (value) => typeof value === 'number' && Number.isFinite(value);
const format = (value, unit) => (measured(value) ? `${value.toFixed(unit === 'KB' || unit === 'MB' ? 1 : 2)} ${unit}` : 'no value');
const table = rows.map((row) => ({
  group: row.group,
  measure: row.name,
  value: format(row.value, row.unit),
  budget: row.budget === undefined ? '' : `< ${row.budget} ${row.unit}`,
  verdict: row.budget === undefined ? '' : measured(row.value) && row.value < row.budget ? 'ok' : 'MISSED',
}));
const widths = ['group', 'measure', 'value', 'budget', 'verdict'].map((key) => Math.max(key.length, ...table.map((r) => r[key].length)));
const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
console.log(`\n${line(['group', 'measure', 'value', 'budget', 'verdict'])}`);
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line([row.group, row.measure, row.value, row.budget, row.verdict]));

const missed = table.filter((row) => row.verdict === 'MISSED');
if (status !== 0) console.error('\nA measurement failed to run; see above.');
if (missed.length) console.error(`\n${missed.length} budget(s) missed.`);
process.exit(status !== 0 || missed.length ? 1 : 0);
