// `npm run release -- patch|minor|major [--dry-run]`: bumps the version in package.json (and its
// lock file), moves CHANGELOG.md's Unreleased entries under the new version with today's date,
// builds and zips every browser's package (Chrome and Edge, Firefox and the sources zip Mozilla's
// review asks for), then commits and tags the release. It refuses to start on a tree with
// uncommitted changes, so the packages are built from exactly what the commit holds.
// --dry-run checks all of that (clean tree, version, changelog, builds and zips at the current
// version) and prints what it would commit, changing no tracked file.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bumpVersion, changelogDate, releaseChangelog } from './release-notes.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const part = args.find((arg) => !arg.startsWith('--'));

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function run(command, commandArgs, { capture = false } = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) fail(`\`${command} ${commandArgs.join(' ')}\` failed.`);
  return result.stdout ?? '';
}

const readText = (file) => readFileSync(join(root, file), 'utf8');
const readJson = (file) => JSON.parse(readText(file));
const writeJson = (file, value) => writeFileSync(join(root, file), `${JSON.stringify(value, null, 2)}\n`);

if (!part) fail('say which part of the version to bump: npm run release -- patch|minor|major [--dry-run]');
const dirty = run('git', ['status', '--porcelain'], { capture: true }).trim();
if (dirty) fail(`the working tree has uncommitted changes; commit or stash them first:\n${dirty}`);

const pkg = readJson('package.json');
let version;
let changelog;
try {
  version = bumpVersion(pkg.version, part);
  changelog = releaseChangelog(readText('CHANGELOG.md'), version, changelogDate(new Date()));
} catch (error) {
  fail(error.message);
}
console.log(`release: ${pkg.version} -> ${version}${dryRun ? ' (dry run: no file changes, packages built at the current version)' : ''}`);

if (!dryRun) {
  writeJson('package.json', { ...pkg, version });
  const lock = readJson('package-lock.json');
  lock.version = version;
  if (lock.packages?.['']) lock.packages[''].version = version;
  writeJson('package-lock.json', lock);
  writeFileSync(join(root, 'CHANGELOG.md'), changelog);
}

// `wxt zip` builds the package before packing it; the Firefox run adds the sources zip.
run('npx', ['wxt', 'zip']);
run('npx', ['wxt', 'zip', '-b', 'firefox']);
const packed = readJson('package.json').version;
const zips = readdirSync(join(root, '.output')).filter((name) => name.endsWith('.zip') && name.includes(`-${packed}-`));
console.log(`release: packages in .output/: ${zips.join(', ')}`);

if (dryRun) {
  const heading = changelog.split('\n').find((line) => line.startsWith(`## [${version}]`));
  console.log(`release: dry run done; a release would move the Unreleased entries under "${heading}", commit and tag v${version}.`);
} else {
  run('git', ['commit', '--quiet', '-m', `Release ${version}`, '--', 'package.json', 'package-lock.json', 'CHANGELOG.md']);
  run('git', ['tag', '--annotate', `v${version}`, '-m', `Offer Courier ${version}`]);
  console.log(`release: committed and tagged v${version}; push with \`git push --follow-tags\` and upload the zips to the stores.`);
}
