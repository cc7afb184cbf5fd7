// Finds the Firefox the Firefox browser tests drive. Order: $FIREFOX_PATH, then the usual
// Debian/Ubuntu paths. On Debian as root it installs the `firefox-esr` package; anywhere else it
// stops with a message saying what to install. It never lets browser tests be skipped silently.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox', '/snap/bin/firefox'];

export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export function ensureFirefox({ log = console.log } = {}) {
  const found = findFirefox();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    log('Firefox not found: installing Debian package "firefox-esr" (apt-get)...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], { stdio: 'inherit', env });
    const installed = findFirefox();
    if (installed) return installed;
  }
  throw new Error(
    'No Firefox found for the Firefox browser tests. Install it (Debian: `sudo apt-get install firefox-esr`; ' +
      'Ubuntu: `sudo apt-get install firefox`) or set FIREFOX_PATH to a Firefox executable (version 140 or newer).',
  );
}
