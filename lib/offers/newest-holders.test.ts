import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { beforeEach, expect, it } from 'vitest';
import { random, randomOffers, writeChanges } from '@/test/unit/word-index-model';
import { openOfferDatabase, type OfferCourierDB } from './db';
import { commonHolders } from './newest-holders';
import type { WordHolder } from './word-index';
import { offerOfKey } from './word-lines';

// The offers holding every query word, read from the word index's newest lines down, against a
// model: through runs, the delta, edits and deletions, offers sharing a creation time, ids that
// sort otherwise once escaped, cursors among them, start dates, and takes of any size.

let db: IDBPDatabase<OfferCourierDB>;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openOfferDatabase();
});

/** "al" and "alpha" start longer terms ("alpha", "alphabet"); the others start none. */
const VOCABULARY = ['al', 'alpha', 'alphabet', 'beta', 'gamma', 'delta'];
const QUERIES = [['beta'], ['beta', 'gamma'], ['gamma', 'delta', 'beta'], ['delta'], ['alpha'], ['al', 'beta'], ['alphabet', 'gamma']];
const startsLongerTerm = (word: string) => VOCABULARY.some((term) => term !== word && term.startsWith(word));

/**
 * Few creation times, so that many offers share one. Some ids hold a tab or a line break, escaped
 * in a line ("%09"), so that they sort there above an id holding a space where they sort below it.
 */
const TIMES = Array.from({ length: 40 }, (_, n) => new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString());
const ODD_IDS = ['o\t', 'o ', 'o\n', 'o!', 'o%'];
const identify = (made: number, next: () => number) => ({
  id: made % 3 === 0 ? `${ODD_IDS[made % ODD_IDS.length]!}${made}` : `o${made}`,
  createdAt: TIMES[Math.floor(next() * TIMES.length)]!,
});

const newestFirst = (a: WordHolder, b: WordHolder) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1);

function modelHolders(offers: ReadonlyMap<string, WordHolder>, words: readonly string[], [createdAt, id]: readonly [string, string], from: string | undefined): string[] {
  return [...offers.values()]
    .filter((offer) => words.every((word) => offer.terms.some((term) => term.startsWith(word))))
    .filter((offer) => offer.createdAt < createdAt || (offer.createdAt === createdAt && offer.id < id))
    .filter((offer) => from === undefined || offer.createdAt >= from)
    .sort(newestFirst)
    .map((offer) => offer.id);
}

it('lists the offers holding every word, newest first, below any cursor and from any date, as the model does', async () => {
  const next = random(23);
  const termsOf = () => VOCABULARY.filter(() => next() < 0.4);
  const { offers, create, edit } = randomOffers(next, termsOf, (made) => identify(made, next));
  let checked = 0;
  for (let round = 0; round < 10; round++) {
    // An import now and then (a run), single writes between (the delta).
    if (round % 3 === 0) await writeChanges(db, Array.from({ length: 1500 >> (round / 3) }, () => (offers.size > 0 && next() < 0.3 ? edit() : create())));
    for (let i = 0; i < 25; i++) await writeChanges(db, [offers.size > 0 && next() < 0.5 ? edit() : create()]);
    const known = [...offers.values()];
    const cursors: [string, string][] = [['9999', ''], ...Array.from({ length: 4 }, (): [string, string] => {
      const offer = known[Math.floor(next() * known.length)]!;
      return [offer.createdAt, offer.id];
    })];
    const tx = db.transaction(['wordBlocks', 'wordIndex'], 'readonly');
    for (const words of QUERIES) {
      for (const below of cursors) {
        const from = next() < 0.3 ? TIMES[Math.floor(next() * TIMES.length)] : undefined;
        const holders = await commonHolders(tx, words, below, from);
        if (!holders) {
          expect(words.some(startsLongerTerm), words.join(' ')).toBe(true);
          continue;
        }
        const taken: string[] = [];
        for (;;) {
          const count = 1 + Math.floor(next() * 40);
          const keys = await holders.take(count);
          taken.push(...keys.map((key) => offerOfKey(key)[1]));
          if (keys.length < count) break;
        }
        expect(await holders.take(1)).toEqual([]);
        expect(taken, `${words.join(' ')} below ${below.join(' ')} from ${from}`).toEqual(modelHolders(offers, words, below, from));
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(200);
}, 120_000);

it('leaves a word that starts a longer term to the list of every holder, whether the delta or a run holds that term', async () => {
  const holder = (id: string, terms: string[]): [undefined, WordHolder] => [undefined, { id, createdAt: TIMES[0]!, terms }];
  await writeChanges(db, Array.from({ length: 2100 }, (_, n) => holder(`a${n}`, ['beta'])));
  const tx = () => db.transaction(['wordBlocks', 'wordIndex'], 'readonly');
  expect((await db.get('wordIndex', 'state'))?.runs).toHaveLength(1);
  expect(await commonHolders(tx(), ['beta'], ['9999', ''], undefined)).not.toBeNull();
  // In the delta, then in a run.
  await writeChanges(db, [holder('b', ['betamax'])]);
  expect(await commonHolders(tx(), ['beta'], ['9999', ''], undefined)).toBeNull();
  await writeChanges(db, Array.from({ length: 2100 }, (_, n) => holder(`c${n}`, ['gamma'])));
  expect((await db.get('wordIndex', 'state'))?.delta).toEqual([]);
  expect(await commonHolders(tx(), ['beta'], ['9999', ''], undefined)).toBeNull();
  expect(await commonHolders(tx(), ['gamma'], ['9999', ''], undefined)).not.toBeNull();
});
