/**
 * Whether two stored records hold the same data, whatever the order of their fields: an upgrade
 * step that only recomputes a record's index fields leaves a record already in that form as it
 * is (its new indexes take it in as they are created), instead of writing it again. Only plain
 * data is compared; anything else (a Map, a Date) counts as different, so the record is written.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && [...a.keys()].every((i) => i in a === i in b && sameRecord(a[i], b[i]));
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameRecord((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

const isPlain = (value: object) => Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null;
