import { describe, expect, it } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import { toStored } from './index-fields';
import { sameRecord } from './same-record';

describe('sameRecord', () => {
  it('finds a record equal to itself rebuilt with its fields in another order', () => {
    const stored = toStored(makeOffer(7, { notes: 'Renewal' }));
    const reordered = Object.fromEntries(Object.entries(structuredClone(stored)).reverse());
    expect(sameRecord(stored, reordered)).toBe(true);
  });

  it('tells apart a field changed, added, left undefined or removed, at any depth', () => {
    const stored = toStored(makeOffer(7));
    const { words: _words, ...withoutWords } = stored;
    expect(sameRecord(stored, withoutWords)).toBe(false);
    expect(sameRecord(withoutWords, stored)).toBe(false);
    expect(sameRecord(stored, { ...stored, wordKeys: [] })).toBe(false);
    expect(sameRecord(stored, { ...stored, awaitingSince: undefined })).toBe(false);
    const customers = structuredClone(stored.customers);
    customers[0]!.status = 'accepted';
    expect(sameRecord(stored, { ...stored, customers })).toBe(false);
    expect(sameRecord(stored, { ...stored, words: [...stored.words].reverse() })).toBe(stored.words.length < 2);
  });

  it('takes anything but plain data as different', () => {
    expect(sameRecord({ at: new Date(0) }, { at: new Date(0) })).toBe(false);
    expect(sameRecord({ counts: new Map() }, { counts: new Map() })).toBe(false);
    expect(sameRecord([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameRecord({ 0: 1, 1: 2 }, [1, 2])).toBe(false);
    expect(sameRecord(null, {})).toBe(false);
    // eslint-disable-next-line no-sparse-arrays -- a hole is what is compared
    const holed = [, 'b'];
    expect(sameRecord(holed, ['x', 'b'])).toBe(false);
    expect(sameRecord(['x', 'b'], holed)).toBe(false);
    expect(sameRecord(holed, [undefined, 'b'])).toBe(false);
  });
});
