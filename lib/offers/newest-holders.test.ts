import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { beforeEach, expect, it } from 'vitest';
import { countCalls } from '@/test/unit/search-pages';
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
  let stopped = 0;
  let mostRuns = 0;
  for (let round = 0; round < 10; round++) {
    // An import now and then, each smaller than the one before, so runs add up; single writes between (the delta).
    if (round % 3 === 0) await writeChanges(db, Array.from({ length: 4000 >> (round / 3) }, () => (offers.size > 0 && next() < 0.3 ? edit() : create())));
    for (let i = 0; i < 25; i++) await writeChanges(db, [offers.size > 0 && next() < 0.5 ? edit() : create()]);
    const known = [...offers.values()];
    const cursors: [string, string][] = [['9999', ''], ...Array.from({ length: 4 }, (): [string, string] => {
      const offer = known[Math.floor(next() * known.length)]!;
      return [offer.createdAt, offer.id];
    })];
    mostRuns = Math.max(mostRuns, (await db.get('wordIndex', 'state'))?.runs.length ?? 0);
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
          expect(keys.length).toBeLessThanOrEqual(count);
          if (keys.length < count) break;
        }
        expect(await holders.take(1)).toEqual([]);
        const expected = modelHolders(offers, words, below, from);
        expect(taken, `${words.join(' ')} below ${below.join(' ')} from ${from}`).toEqual(expected);
        checked++;
        // Allowed only a block or two, the walk stops early: what it took and what lies below where it stopped are the whole answer.
        const short = (await commonHolders(tx, words, below, from, Math.floor(next() * 3)))!;
        const takenShort: string[] = [];
        for (let keys = await short.take(5); keys.length > 0; keys = await short.take(5)) takenShort.push(...keys.map((key) => offerOfKey(key)[1]));
        if (short.tooLong) stopped++;
        expect(short.position).toEqual(takenShort.length > 0 ? [offers.get(takenShort.at(-1)!)!.createdAt, takenShort.at(-1)] : below);
        const rest = short.tooLong ? modelHolders(offers, words, short.position, from) : [];
        expect([...takenShort, ...rest], `${words.join(' ')} below ${below.join(' ')}, stopped early`).toEqual(expected);
      }
    }
  }
  expect(checked).toBeGreaterThan(200);
  expect(stopped).toBeGreaterThan(50);
  expect(mostRuns).toBeGreaterThan(1);
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

const minute = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
const holderAt = (n: number, terms: string[], id = `o${n}`): [undefined, WordHolder] => [undefined, { id, createdAt: minute(n), terms }];
const readOnly = () => db.transaction(['wordBlocks', 'wordIndex'], 'readonly');

/** Every offer key the holders give, `count` at a time, as ids. */
async function takeAll(words: string[], below: [string, string] = ['9999', ''], count = 10): Promise<string[]> {
  const holders = await commonHolders(readOnly(), words, below, undefined);
  const ids: string[] = [];
  for (let keys = await holders!.take(count); keys.length > 0; keys = await holders!.take(count)) ids.push(...keys.map((key) => offerOfKey(key)[1]));
  return ids;
}

it('sees a longer term that starts the block after the word’s last one', async () => {
  // 600 lines of "aa", 424 of "beta", then "betamax": "beta" ends the second block exactly.
  const sameTime = (n: number, terms: string[], id: string) => holderAt(0, terms, id);
  await writeChanges(db, [
    ...Array.from({ length: 600 }, (_, n) => sameTime(n, ['aa'], `a${n}`)),
    ...Array.from({ length: 424 }, (_, n) => sameTime(n, ['beta'], `b${n}`)),
    ...Array.from({ length: 2000 }, (_, n) => sameTime(n, ['betamax'], `c${n}`)),
  ]);
  expect((await db.getAllKeys('wordBlocks')).map(([, first]) => first.slice(0, first.indexOf('\t')))).toEqual(['aa', 'aa', 'betamax', 'betamax', 'betamax', 'betamax']);
  expect(await commonHolders(readOnly(), ['beta'], ['9999', ''], undefined)).toBeNull();
  expect(await commonHolders(readOnly(), ['aa'], ['9999', ''], undefined)).not.toBeNull();
});

it('walks thousands of lines answered without a read (the delta, a block held) without running out of stack', async () => {
  // A run, then a full delta, of offers holding one word or the other, and the newest both.
  await writeChanges(db, Array.from({ length: 3000 }, (_, n) => holderAt(n, [n % 2 ? 'alpha' : 'beta'])));
  for (let n = 3000; n < 5046; n++) await writeChanges(db, [holderAt(n, [n % 2 ? 'alpha' : 'beta'])]);
  await writeChanges(db, [holderAt(9000, ['alpha', 'beta'])]);
  expect((await db.get('wordIndex', 'state'))?.delta).toHaveLength(2048);
  expect(await takeAll(['alpha', 'beta'])).toEqual(['o9000']);
}, 60_000);

it('finds, at the cursor’s creation time, the ids below it whatever they start with', async () => {
  await writeChanges(db, [holderAt(1, ['beta'], '\uffffa'), holderAt(1, ['beta'], '\uffffb'), holderAt(0, ['beta'], 'z')]);
  expect(await takeAll(['beta'], [minute(1), '\uffffb'])).toEqual(['\uffffa', 'z']);
});

it('takes as many as asked from a creation time shared by hundreds', async () => {
  await writeChanges(db, Array.from({ length: 300 }, (_, n) => holderAt(5, ['beta'], `o${n}`)));
  const holders = await commonHolders(readOnly(), ['beta'], ['9999', ''], undefined);
  expect(await holders!.take(7)).toHaveLength(7);
  expect(await takeAll(['beta'], ['9999', ''], 7)).toEqual(Array.from({ length: 300 }, (_, n) => `o${n}`).sort().reverse());
});

it('stops walking words that never meet again after a few dozen blocks, saying where to list from', async () => {
  // 40,000 offers holding one word or the other, 40 blocks of each; the newest and the next hold both.
  await writeChanges(db, [...Array.from({ length: 40_000 }, (_, n) => holderAt(n, [n % 2 ? 'alpha' : 'beta'])), holderAt(50_000, ['alpha', 'beta']), holderAt(49_000, ['alpha', 'beta'])]);
  let holders: Awaited<ReturnType<typeof commonHolders>> = null;
  const reads = await countCalls(IDBObjectStore.prototype, ['openCursor'], 'wordBlocks', async () => {
    holders = await commonHolders(readOnly(), ['alpha', 'beta'], ['9999', ''], undefined);
    // The newest is taken; the next's creation time may go on below it, so the walk's stop drops it.
    expect((await holders!.take(1)).map((key) => offerOfKey(key)[1])).toEqual(['o50000']);
    expect(await holders!.take(5)).toEqual([]);
  });
  expect(holders!.tooLong).toBe(true);
  expect(holders!.position).toEqual([minute(50_000), 'o50000']);
  // Walked to its end, it would read all 80. Two reads to start (a word's newest block), then it
  // stops past 24, once the step it was in (a block of each word) is done.
  expect(reads).toBeLessThanOrEqual(2 + 24 + 2);
}, 60_000);

it('counts a long stretch of removals against the walk’s reads', async () => {
  // 40,000 offers holding "beta", the newest 30,000 of them then deleted (a run of removals, 59
  // blocks), and a newest offer in the delta.
  await writeChanges(db, Array.from({ length: 40_000 }, (_, n) => holderAt(n, ['beta'])));
  await writeChanges(db, Array.from({ length: 30_000 }, (_, n) => [holderAt(n + 10_000, ['beta'])[1], undefined]));
  await writeChanges(db, [holderAt(50_000, ['beta'])]);
  expect((await db.get('wordIndex', 'state'))?.runs).toHaveLength(2);
  let holders: Awaited<ReturnType<typeof commonHolders>> = null;
  const reads = await countCalls(IDBObjectStore.prototype, ['openCursor'], 'wordBlocks', async () => {
    holders = await commonHolders(readOnly(), ['beta'], ['9999', ''], undefined);
    // The newest offer's creation time may go on below it: the walk, stopped there, leaves it to the list.
    expect(await holders!.take(3)).toEqual([]);
  });
  expect(holders!.tooLong).toBe(true);
  expect(holders!.position).toEqual(['9999', '']);
  // Read to its end, 118 blocks; two to start (each run's newest), then past 24, one a run at a time.
  expect(reads).toBeLessThanOrEqual(2 + 24 + 2);
}, 60_000);
