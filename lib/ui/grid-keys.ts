/** How many rows Page Up and Page Down move. */
const PAGE_STEP = 10;

/**
 * The row a key moves the table's focus to, from row `index` of `count`; null for a key that does
 * not move it (the key then keeps its usual meaning).
 */
export function rowAfterKey(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (row: number) => Math.min(Math.max(row, 0), last);
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(index + PAGE_STEP);
    case 'PageUp':
      return clamp(index - PAGE_STEP);
    default:
      return null;
  }
}
