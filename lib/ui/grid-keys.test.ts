import { describe, expect, it } from 'vitest';
import { rowAfterKey } from './grid-keys';

describe('rowAfterKey', () => {
  it('moves one row, to either end, or a page, never past the ends', () => {
    expect(rowAfterKey('ArrowDown', 0, 5)).toBe(1);
    expect(rowAfterKey('ArrowDown', 4, 5)).toBe(4);
    expect(rowAfterKey('ArrowUp', 0, 5)).toBe(0);
    expect(rowAfterKey('Home', 3, 5)).toBe(0);
    expect(rowAfterKey('End', 1, 5)).toBe(4);
    expect(rowAfterKey('PageDown', 1, 30)).toBe(11);
    expect(rowAfterKey('PageUp', 4, 30)).toBe(0);
  });

  it('leaves other keys and an empty table alone', () => {
    expect(rowAfterKey('Enter', 1, 5)).toBeNull();
    expect(rowAfterKey('ArrowDown', 0, 0)).toBeNull();
  });
});
