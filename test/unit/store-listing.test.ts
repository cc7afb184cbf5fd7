import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

interface Listing {
  name: string;
  shortDescription: string;
  summary: string;
  description: string;
}

// The stores' own limits: Chrome Web Store (name 75, short description 132, description 16,000)
// and addons.mozilla.org (name 50, summary 250).
const LIMITS: Record<keyof Listing, number> = { name: 50, shortDescription: 132, summary: 250, description: 16_000 };
const LANGUAGES = ['en', 'fr'] as const;

const load = (lang: string): Listing => <Listing>JSON.parse(readFileSync(join(ROOT, 'store', `listing.${lang}.json`), 'utf8'));

/** Places where French text breaks French typography, as the locale test defines it. */
function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.includes("'")) problems.push('straight apostrophe');
  for (const match of text.matchAll(/(.)([;:!?»])/gu)) {
    const [, before, mark] = match;
    if (before !== '\u202f' && !(mark === ':' && /[\w/]/.test(before ?? ''))) problems.push(`“${before}${mark}” needs U+202F before the mark`);
  }
  for (const match of text.matchAll(/«(.)/gu)) if (match[1] !== '\u202f') problems.push('« needs U+202F after it');
  return problems;
}

describe('store listings', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: every text is present and within the stores' limits`, () => {
      const listing = load(lang);
      for (const [field, limit] of Object.entries(LIMITS) as [keyof Listing, number][]) {
        expect(listing[field].trim(), field).not.toBe('');
        expect(listing[field].length, field).toBeLessThanOrEqual(limit);
      }
    });
  }

  it('name the extension as its manifest does', () => {
    const messages = <{ extName: { message: string } }>JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8'));
    for (const lang of LANGUAGES) expect(load(lang).name).toBe(messages.extName.message);
  });

  it('French follows French typography', () => {
    const listing = load('fr');
    const problems = [listing.shortDescription, listing.summary, listing.description].flatMap(frenchTypographyProblems);
    expect(problems).toEqual([]);
  });

  it('the typography check catches a straight apostrophe and an ordinary space before a colon', () => {
    expect(frenchTypographyProblems("l'offre")).toEqual(['straight apostrophe']);
    expect(frenchTypographyProblems('Statut : envoyé')).toHaveLength(1);
    expect(frenchTypographyProblems('« texte\u202f»')).toEqual(['« needs U+202F after it']);
    expect(frenchTypographyProblems('Statut\u202f: envoyé, https://example.com')).toEqual([]);
  });
});
