import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages => <Messages>JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));
const en = load('en');
const fr = load('fr');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const placeholderNames = (text: string) => [...text.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('locales', () => {
  it('have the same keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('have a message and matching placeholders for every key in both languages', () => {
    const problems: string[] = [];
    for (const key of Object.keys(en)) {
      for (const [lang, messages] of [['en', en], ['fr', fr]] as const) {
        const entry = messages[key];
        if (!entry?.message.trim()) problems.push(`${lang}.${key}: empty`);
        else if (Object.keys(entry.placeholders ?? {}).sort().join() !== placeholderNames(entry.message).join())
          problems.push(`${lang}.${key}: placeholders do not match the message`);
      }
      if (fr[key] && placeholderNames(fr[key].message).join() !== placeholderNames(en[key]!.message).join())
        problems.push(`${key}: French and English use different placeholders`);
    }
    expect(problems).toEqual([]);
  });

  it('define every key the code asks for with t()', () => {
    const used = new Set<string>();
    for (const file of ['lib', 'components', 'entrypoints'].flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(match[1]!);
    }
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });
});

describe('locale keys named after values', () => {
  // Capture failures and template errors map to their keys through typed tables the compiler checks.
  it('exist in every language for every status, source, provider and placeholder', async () => {
    const { OFFER_SOURCES, SEND_PROVIDERS } = await import('../../lib/offers/schema');
    const { OFFER_STATUSES, STATUS_RULES } = await import('../../lib/offers/statuses');
    const { PLACEHOLDER_NAMES, PLACEHOLDERS } = await import('../../lib/message/placeholders');
    const keys = [
      ...OFFER_STATUSES.map((status) => STATUS_RULES[status].label),
      ...OFFER_SOURCES.map((source) => `desk_source_${source}`),
      ...SEND_PROVIDERS.map((provider) => `history_provider_${provider}`),
      ...PLACEHOLDER_NAMES.map((name) => PLACEHOLDERS[name].label),
    ];
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((key) => !(key in en) || !(key in fr))).toEqual([]);
  });
});
