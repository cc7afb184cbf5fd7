import { describe, expect, it } from 'vitest';
import { addOfferKeys, entryLines, entryOf, firstOlder, isRemoval, LineReader, linesStartingWith, mergeRuns, offerKey, offerOfKey, offersNewestFirst, presentOffers, removal } from './word-lines';

const offer = (id: string) => ({ createdAt: '2026-03-01T10:00:00.000Z', id });

describe('entry lines', () => {
  it('gives back the offer of each entry, whatever its id holds', () => {
    for (const id of ['offer-1', 'a\tb', 'line\nbreak', '100%', '%09', 'x\t-', '-', 'ends\t', '\u0001start']) {
      const [entry] = entryLines(offer(id), ['contoso']);
      expect(entry!.split('\n')).toHaveLength(1);
      expect(entry!.split('\t')).toHaveLength(3);
      expect(isRemoval(entry!)).toBe(false);
      expect(entryOf(removal(entry!))).toBe(entry);
      expect(offerOfKey(offerKey(entry!))).toEqual(['2026-03-01T10:00:00.000Z', id]);
    }
  });

  it('lists offers newest first, then by id, as the newest index orders them, whatever their ids hold', () => {
    const at = (time: string) => `2026-03-0${time}T10:00:00.000Z`;
    const offers: [string, string][] = [
      [at('1'), 'b'],
      [at('2'), 'a'],
      [at('1'), 'a'],
      [at('1'), 'a-1'],
      [at('3'), 'z'],
      [at('2'), 'ab'],
    ];
    const keyOf = ([createdAt, id]: [string, string]) => offerKey(entryLines({ createdAt, id }, ['w'])[0]!);
    expect(offersNewestFirst(offers.map(keyOf)).map(offerOfKey)).toEqual([
      [at('3'), 'z'],
      [at('2'), 'ab'],
      [at('2'), 'a'],
      [at('1'), 'b'],
      [at('1'), 'a-1'],
      [at('1'), 'a'],
    ]);
    // Escaped ids sort by the ids themselves, not their escapes: '\t' below ' x', though '%09' is above it.
    const escaped: [string, string][] = [
      [at('1'), ' x'],
      [at('1'), '\t'],
      [at('1'), 'a'],
      [at('1'), '%'],
      [at('1'), '#'],
      [at('1'), '\u0001'],
      [at('2'), '100%'],
    ];
    expect(offersNewestFirst(escaped.map(keyOf)).map(offerOfKey)).toEqual([
      [at('2'), '100%'],
      [at('1'), 'a'],
      [at('1'), '%'],
      [at('1'), '#'],
      [at('1'), ' x'],
      [at('1'), '\t'],
      [at('1'), '\u0001'],
    ]);
  });

  it('finds where offers listed newest first turn older than a bound, at either end or none', () => {
    const keys = offersNewestFirst(['c', 'a', 'b', 'b 1', 'd'].map((id) => offerKey(entryLines({ createdAt: id < 'c' ? '2026-03-01' : '2026-03-02', id }, ['w'])[0]!)));
    expect(keys.map((key) => offerOfKey(key)[1])).toEqual(['d', 'c', 'b 1', 'b', 'a']);
    const olderThan = (id: string) => ([, other]: [string, string]) => other < id;
    expect(firstOlder(keys, olderThan('b 1'))).toBe(3);
    expect(firstOlder(keys, olderThan('a'))).toBe(5);
    expect(firstOlder(keys, olderThan('e'))).toBe(0);
    expect(firstOlder(keys, ([createdAt]) => createdAt < '2026-03-02')).toBe(2);
    expect(firstOlder([], olderThan('e'))).toBe(0);
  });

  it('cuts escaped ids at a cursor among offers of one time as a filter of the raw ids would', () => {
    const at = '2026-03-01T10:00:00.000Z';
    const ids = ['%', '\u0001', 'a', '\t', ' x', '100%', 'b'];
    const keys = offersNewestFirst(ids.map((id) => offerKey(entryLines({ createdAt: at, id }, ['w'])[0]!)));
    const newestFirst = keys.map((key) => offerOfKey(key)[1]);
    for (const cursor of ids) {
      const below = firstOlder(keys, ([createdAt, id]) => createdAt < at || (createdAt === at && id < cursor));
      expect(newestFirst.slice(below)).toEqual(newestFirst.filter((id) => id < cursor));
    }
  });

  it('sorts a word before the longer words it starts, so a prefix’s lines lie together', () => {
    const lines = [...entryLines(offer('b'), ['contoso', 'cont', 'contosoltd']), ...entryLines(offer('a'), ['cont', 'cona'])].sort();
    expect(lines.map((line) => line.split('\t')[0])).toEqual(['cona', 'cont', 'cont', 'contoso', 'contosoltd']);
  });

  it('finds the lines a prefix starts inside a block’s text', () => {
    const text = [...entryLines(offer('1'), ['alpha', 'beta', 'betamax', 'gamma'])].sort().join('\n');
    expect(linesStartingWith(text, 'beta')).toHaveLength(2);
    expect(linesStartingWith(text, 'alp')).toHaveLength(1);
    expect(linesStartingWith(text, 'gam')).toHaveLength(1);
    expect(linesStartingWith(text, 'delta')).toEqual([]);
  });

  it('reads a block’s offer keys for a prefix without making its lines, unless one is a removal', () => {
    const lines = [...entryLines(offer('1'), ['alpha', 'beta', 'betamax']), ...entryLines(offer('2'), ['beta', 'gamma'])].sort();
    const keys = new Set<string>();
    expect(addOfferKeys(lines.join('\n'), 'beta', keys)).toBe(true);
    expect([...keys].map((key) => offerOfKey(key)[1]).sort()).toEqual(['1', '2']);
    expect(addOfferKeys([...lines, removal(entryLines(offer('3'), ['betz'])[0]!)].sort().join('\n'), 'bet', new Set())).toBe(false);
    expect(addOfferKeys(lines.join('\n'), 'delta', keys)).toBe(true);
  });

  it('keeps what the newest layer says of each entry, each offer once', () => {
    const [a, b] = entryLines(offer('1'), ['alpha', 'alphabet']) as [string, string];
    const [c] = entryLines(offer('2'), ['alpha']) as [string];
    expect(presentOffers([[a, b, c], [removal(a)]])).toEqual(new Set([offerKey(b), offerKey(c)]));
    expect(presentOffers([[a, c], [removal(a), removal(c)]])).toEqual(new Set());
    expect(presentOffers([[a], [removal(a)], [a]])).toEqual(new Set([offerKey(a)]));
    expect(presentOffers([[a, b], [c]])).toEqual(new Set([offerKey(a), offerKey(c)]));
  });
});

const reader = (lines: readonly string[], blockSize = 2) => {
  let at = 0;
  return new LineReader(async () => {
    if (at >= lines.length) return null;
    at += blockSize;
    return lines.slice(at - blockSize, at);
  });
};

async function merged(newer: readonly string[], older: readonly string[], last: boolean): Promise<string[]> {
  const out: string[] = [];
  await mergeRuns(reader(newer), reader(older, 3), last, (line) => void out.push(line));
  return out;
}

describe('merging two runs', () => {
  const [a, b, c, d] = entryLines(offer('1'), ['alpha', 'beta', 'gamma', 'delta']).sort() as [string, string, string, string];

  it('interleaves both in order, the newer’s line winning for an entry both hold', async () => {
    expect(await merged([a, removal(c)], [b, c, d], false)).toEqual([a, b, c, d].map((line) => (line === c ? removal(c) : line)).sort());
  });

  it('drops removals when the merged run is the oldest', async () => {
    expect(await merged([removal(a), removal(d)], [a, b, c], true)).toEqual([b, c]);
  });

  it('merges with an empty run', async () => {
    expect(await merged([], [a, b], false)).toEqual([a, b]);
    expect(await merged([a, b], [], false)).toEqual([a, b]);
  });
});
