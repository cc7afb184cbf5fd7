import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openOfferDatabase, type OfferCourierDB } from './db';
import { BLOCK_LINES, offerOfKey } from './word-lines';
import { clearWordIndex, keyedHolders, keyedHoldersOf, wordHolders, WordIndexChange, type WordHolder, type WordIndexState } from './word-index';
import { keyedTerm } from './keyed-terms';
import { random, randomOffers, writeChanges } from '@/test/unit/word-index-model';

// The word index against a model: random creations, edits and deletions, in single writes (the
// delta) and in large ones (runs, merged as they grow), must list for every prefix exactly the
// offers whose words it starts.

let db: IDBPDatabase<OfferCourierDB>;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openOfferDatabase();
});
const write = (changes: Parameters<typeof writeChanges>[1]) => writeChanges(db, changes);

const VOCABULARY = Array.from({ length: 60 }, (_, n) => `w${String.fromCharCode(97 + (n % 26))}${n}`);

async function holders(prefix: string): Promise<string[]> {
  const tx = db.transaction(['wordBlocks', 'wordIndex'], 'readonly');
  return [...(await wordHolders(tx, prefix))].map((key) => offerOfKey(key)[1]).sort();
}

const modelHolders = (offers: ReadonlyMap<string, WordHolder>, prefix: string) =>
  [...offers.values()].filter((offer) => offer.terms.some((term) => term.startsWith(prefix))).map((offer) => offer.id).sort();

const state = async () => (await db.get('wordIndex', 'state')) as WordIndexState;

it('lists every prefix’s offers exactly through single writes, imports, edits and deletions', async () => {
  const next = random(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const wordsOf = () => [...new Set(Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(VOCABULARY)))];
  const { offers, create, edit } = randomOffers(next, wordsOf);
  for (let round = 0; round < 14; round++) {
    // An import now and then (a run), single writes between (the delta).
    if (round % 3 === 0) await write(Array.from({ length: 900 }, () => (offers.size > 0 && next() < 0.3 ? edit() : create())));
    for (let i = 0; i < 40; i++) await write([offers.size > 0 && next() < 0.5 ? edit() : create()]);
    for (const prefix of ['w', 'wa', 'wb1', 'wz25', 'wq', 'wc2', 'x']) expect(await holders(prefix)).toEqual(modelHolders(offers, prefix));
  }
  const { runs } = await state();
  expect(runs.length).toBeGreaterThan(0);
  expect(runs.length).toBeLessThanOrEqual(8);
  // Runs were merged as they grew.
  expect((await state()).nextRun - 1).toBeGreaterThan(runs.length);
}, 120_000);

it('an edit that changes nothing writes nothing, and a change undone in the same write leaves no line', async () => {
  const offer = { id: 'a', createdAt: '2026-01-01T00:00:00.000Z', terms: ['alpha', 'beta'] };
  await write([[undefined, offer]]);
  const before = await state();
  await write([[offer, offer]]);
  await write([
    [offer, { ...offer, terms: ['alpha'] }],
    [{ ...offer, terms: ['alpha'] }, offer],
  ]);
  expect(await state()).toEqual(before);
  expect(await holders('beta')).toEqual(['a']);
});

it('composes the changes of one write: a word added then taken away in it is no change', async () => {
  const offer = { id: 'a', createdAt: '2026-01-01T00:00:00.000Z', terms: ['alpha'] };
  const withBeta = { ...offer, terms: ['alpha', 'beta'] };
  await write([[undefined, offer]]);
  // Two merges into one offer in one write (a restore of two records of one quote).
  await write([
    [offer, withBeta],
    [withBeta, offer],
  ]);
  await write([[offer, withBeta]]);
  expect(await holders('beta')).toEqual(['a']);
  // And a word taken away then given back in one write stays.
  await write([
    [withBeta, offer],
    [offer, withBeta],
  ]);
  expect(await holders('beta')).toEqual(['a']);
});

it('writes a write larger than a run as several runs, and lists every offer of each', async () => {
  // 2,700 offers of 50 words each: 135,000 lines, more than one write holds at once.
  const offers = Array.from({ length: 2700 }, (_, n): WordHolder => ({
    id: `o${n}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    terms: Array.from({ length: 50 }, (_, w) => `v${(n * 7 + w * 13) % 200}`),
  }));
  await write(offers.map((offer): [undefined, WordHolder] => [undefined, offer]));
  expect((await state()).runs).toHaveLength(2);
  const model = new Map(offers.map((offer) => [offer.id, offer]));
  for (const prefix of ['v1', 'v42', 'v199', 'v']) expect(await holders(prefix)).toEqual(modelHolders(model, prefix));
}, 120_000);

it('empties', async () => {
  await write(Array.from({ length: 3000 }, (_, n): [undefined, WordHolder] => [undefined, { id: `o${n}`, createdAt: '2026-01-01T00:00:00.000Z', terms: ['alpha'] }]));
  expect(await holders('alpha')).toHaveLength(3000);
  const tx = db.transaction(['wordBlocks', 'wordIndex'], 'readwrite');
  await clearWordIndex(tx);
  await tx.done;
  expect(await holders('alpha')).toEqual([]);
  expect(await db.count('wordBlocks')).toBe(0);
});

it('reads and merges a run written in larger blocks by an earlier build, as it reads its own', async () => {
  const offers = Array.from({ length: 1_500 }, (_, n) => ({ id: `old-${n}`, createdAt: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(), terms: ['alpha', `k${n}q`] }));
  await write(offers.map((offer) => [undefined, offer]));
  // The same run as one block of all its lines: the size an earlier build chose is the writer's alone.
  const { runs } = await state();
  const [run] = runs;
  const blocks = await db.getAll('wordBlocks');
  expect(run && blocks.length > 1).toBe(true);
  await db.clear('wordBlocks');
  await db.put('wordBlocks', { key: [run!.id, blocks[0]!.key[1]], text: blocks.map((block) => block.text).join('\n') });
  expect((await holders('alpha')).length).toBe(1_500);
  // A later write of the same size merges into it; an edit takes an old offer's word away.
  const later = Array.from({ length: 1_500 }, (_, n) => ({ id: `new-${n}`, createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(), terms: ['alpha', `m${n}q`] }));
  await write([...later.map((offer): [undefined, WordHolder] => [undefined, offer]), [offers[7]!, { ...offers[7]!, terms: ['k7q'] }]]);
  // Both runs were merged into one, in blocks of this build's size.
  expect((await state()).runs).toHaveLength(1);
  expect((await db.getAll('wordBlocks')).every((block) => block.text.split('\n').length <= BLOCK_LINES)).toBe(true);
  expect((await holders('alpha')).length).toBe(2_999);
  expect(await holders('k7q')).toEqual(['old-7']);
  expect(await holders('k1499q')).toEqual(['old-1499']);
});

describe('keys', () => {
  // Summary IDs from a small pool, odd characters included, so that offers share them (the index
  // keeps no constraint: the store checks before it writes) and lines must escape them.
  const POOL = Array.from({ length: 45 }, (_, n) => (n % 9 === 0 ? `S\t${n}` : n % 9 === 1 ? `${n}%\n` : `S-${n}`));
  // Another index's keys too, sorting before these: a block may start with them and hold these.
  const termsOf = (id: string, summaryId: string | undefined) => ['alpha', keyedTerm('followUpOf', `trial-${id}`), ...(summaryId ? [keyedTerm('summaryId', summaryId)] : [])];
  const holderOf = (id: string, createdAt: string, summaryId: string | undefined): WordHolder => ({ id, createdAt, terms: termsOf(id, summaryId) });
  const summaryIdOf = (holder: WordHolder) => POOL.find((value) => holder.terms.includes(keyedTerm('summaryId', value)));
  const modelKeyHolders = (offers: ReadonlyMap<string, WordHolder>, value: string) =>
    [...offers.values()].filter((offer) => summaryIdOf(offer) === value).map((offer) => offer.id).sort();

  it('finds the offers holding each key, one at a time and many at once, through runs, the delta, edits and deletions', async () => {
    const next = random(11);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const maybeKey = () => (next() < 0.8 ? pick(POOL) : undefined);
    const { offers, create, edit } = randomOffers(next, (id) => termsOf(id, maybeKey()));
    let mostRuns = 0;
    for (let round = 0; round < 8; round++) {
      // Imports of shrinking size: each is a run smaller than the one before, so runs add up.
      if (round % 2 === 0) await write(Array.from({ length: 3000 >> (round / 2) }, () => (offers.size > 0 && next() < 0.3 ? edit() : create())));
      for (let i = 0; i < 30; i++) await write([offers.size > 0 && next() < 0.6 ? edit() : create()]);
      mostRuns = Math.max(mostRuns, (await state()).runs.length);
      const tx = db.transaction(['wordBlocks', 'wordIndex'], 'readonly');
      // Many values read every line of the index; a few are looked up one at a time.
      const [many, few] = await Promise.all([keyedHoldersOf(tx, 'summaryId', POOL), keyedHoldersOf(tx, 'summaryId', POOL.slice(0, 5))]);
      for (const value of POOL) {
        const expected = modelKeyHolders(offers, value);
        expect(await keyedHolders(tx, 'summaryId', value), value).toEqual(expected);
        for (const found of POOL.slice(0, 5).includes(value) ? [many, few] : [many]) {
          if (expected.length === 0) expect(found.has(value), value).toBe(false);
          else expect(expected, value).toContain(found.get(value));
        }
      }
    }
    expect(mostRuns).toBeGreaterThan(1);
    // A key is never a search word's: no prefix of letters and digits lists the offers by their keys.
    expect(await holders('s')).toEqual([]);
  }, 120_000);

  it('sees the changes of a write not saved yet, when given it', async () => {
    const [a, b] = [holderOf('a', '2026-01-01T00:00:00.000Z', 'S-1'), holderOf('b', '2026-01-02T00:00:00.000Z', 'S-2')];
    await write([
      [undefined, a],
      [undefined, b],
    ]);
    const tx = db.transaction(['wordBlocks', 'wordIndex'], 'readwrite');
    const change = new WordIndexChange();
    change.record(a, holderOf('a', a.createdAt, 'S-2'));
    change.record(undefined, holderOf('c', '2026-01-03T00:00:00.000Z', 'S-1'));
    change.record(b, undefined);
    expect(await keyedHolders(tx, 'summaryId', 'S-1')).toEqual(['a']);
    expect(await keyedHolders(tx, 'summaryId', 'S-1', change)).toEqual(['c']);
    expect(await keyedHolders(tx, 'summaryId', 'S-2', change)).toEqual(['a']);
    await change.save(tx);
    await tx.done;
    const read = db.transaction(['wordBlocks', 'wordIndex'], 'readonly');
    expect(await keyedHolders(read, 'summaryId', 'S-1')).toEqual(['c']);
    expect(await keyedHolders(read, 'summaryId', 'S-2')).toEqual(['a']);
  });
});
