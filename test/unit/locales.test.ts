import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeProblems, type Messages } from './locale-check';

const ROOT = resolve(import.meta.dirname, '../..');
const load = (lang: string): Messages => <Messages>JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));
const en = load('en');
const fr = load('fr');

/** French that is rightly the same as English: the product's and mail services' names, words both languages share, bare placeholders. */
const SAME_IN_FRENCH = [
  'extName',
  'popup_title',
  'history_provider_gmail',
  'history_provider_outlook',
  'offer_name',
  'subscription_line',
  'customers_countAt',
  'history_pages',
  'history_notes',
  'options_sections',
  'options_logo',
  'options_templateActions',
  'options_templateBody',
  'popup_customersCompact',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('have the same keys, matching placeholders, French typography and terms, and no English left in French', () => {
    expect(localeProblems(en, fr, SAME_IN_FRENCH)).toEqual([]);
  });

  it('define every key the code asks for with t(), and both forms of each tCount()', () => {
    const used = new Set<string>();
    for (const file of ['lib', 'components', 'entrypoints'].flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(match[1]!);
      for (const match of source.matchAll(/\btCount\(\s*'([A-Za-z0-9_]+)'/g)) used.add(`${match[1]!}_one`).add(`${match[1]!}_other`);
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
