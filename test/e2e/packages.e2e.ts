import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, ROOT } from './harness';

const FIREFOX_DIR = join(ROOT, '.output/firefox-mv3');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('Firefox package', () => {
  let lint: { summary: { errors: number }; errors: LintMessage[]; warnings: LintMessage[] };
  beforeAll(() => {
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_DIR, '--output', 'json'], { cwd: ROOT, encoding: 'utf8' });
    lint = JSON.parse(run.stdout);
  }, 120_000);

  it('passes web-ext lint with no errors', () => {
    expect(lint.errors).toEqual([]);
  });

  it('has no warnings but the innerHTML one inside Preact itself', () => {
    expect(lint.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT')).toEqual([]);
  });

  it('asks for the same permissions and runs the same content scripts as the Chrome build', () => {
    const firefox = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    const chrome = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(firefox.permissions).toEqual(chrome.permissions);
    expect(firefox.host_permissions).toEqual(chrome.host_permissions);
    // Where each script runs: its pages, and its frames (the webmail's about:blank pop-out frames too).
    type ContentScript = { matches: string[]; all_frames?: boolean; match_about_blank?: boolean; match_origin_as_fallback?: boolean; run_at?: string };
    const reach = (manifest: { content_scripts: ContentScript[] }) =>
      manifest.content_scripts.map((script) => ({
        matches: [...script.matches].sort(),
        allFrames: script.all_frames ?? false,
        aboutBlank: script.match_about_blank ?? false,
        originFallback: script.match_origin_as_fallback ?? false,
        runAt: script.run_at,
      }));
    expect(reach(firefox)).toEqual(reach(chrome));
    expect(reach(chrome).find((script) => script.matches.includes('https://outlook.cloud.microsoft/*'))).toMatchObject({ allFrames: true, aboutBlank: true });
    expect(reach(chrome).find((script) => script.matches.includes('https://partner.microsoft.com/*'))).toMatchObject({ allFrames: false, aboutBlank: false });
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.content_security_policy).toEqual(chrome.content_security_policy);
  });

  it('declares a gecko id and that no data is collected', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.id).toBe('offer-courier@offer-courier.app');
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});

describe('Chrome package', () => {
  it('asks for no broad permissions', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const everything = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
    expect(everything).not.toContain('<all_urls>');
    expect(everything).not.toContain('tabs');
    expect(manifest.host_permissions.every((host: string) => /^https:\/\/(partner\.microsoft\.com|mail\.google\.com|outlook\.cloud\.microsoft|outlook\.(office|office365|live)\.com)\/\*$/.test(host))).toBe(true);
  });
});

describe('extension pages and scripts', () => {
  const manifest = () => JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const builtScripts = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? builtScripts(path) : path.endsWith('.js') ? [path] : [];
    });

  it('has a strict content security policy', () => {
    const directives = Object.fromEntries(
      (manifest().content_security_policy.extension_pages as string).split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).not.toContain('*');
  });

  it('ships no eval, no code built from strings and no remote script', () => {
    const offenders = builtScripts(EXTENSION_DIR).filter((file) => /\beval\(|new Function\(|import\(\s*["']https?:/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
    for (const page of ['popup.html', 'history.html', 'options.html', 'picker.html', 'welcome.html']) {
      expect(readFileSync(join(EXTENSION_DIR, page), 'utf8')).not.toMatch(/<script[^>]+src="https?:/);
    }
  });
});
