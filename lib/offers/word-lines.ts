/**
 * The word index's entries as text (see docs/index-engine.md). An entry says an offer holds a
 * term, a search word or one of its keys (./keyed-terms): one line `term TAB createdAt TAB id`.
 * The entry followed by one more tab says a newer write took it away (an id is never empty and
 * holds no tab). Lines sort as strings, the tab sorting below every character of a term or an
 * escaped id, so a term's entries lie together, those of every word a prefix starts too, and a
 * removal right after its entry.
 */

const TAB = '\t';
const REMOVED = TAB;
/**
 * How many lines a block of a run holds: some 35 KB of text. Under V8's large-object size (128 KB):
 * larger texts were each a large object, freed only by a full collection, and merging runs during
 * an import of long notes raised the heap peak from 98 to 124 MB. Under the 64 KiB from which
 * Chromium keeps a value as a blob file of its own: blocks of 1,024 lines (70 KB) made an import
 * of 10,000 offers 0.9 s slower, and searches slower too.
 */
export const BLOCK_LINES = 512;

/**
 * Escapes what would break a line (a tab, a line break) in an id or a key, which may come from a
 * backup file: what is left sorts above the tab.
 */
// eslint-disable-next-line no-control-regex -- control characters are what must not reach a line
export const escapeText = (text: string) => text.replace(/[\u0000-\u000a%]/g, (c) => encodeURIComponent(c));
/** The text `escapeText` escaped. */
export const unescapeText = (text: string) => (text.includes('%') ? decodeURIComponent(text) : text);

/** The entries of an offer holding `terms`. */
export function entryLines({ createdAt, id }: { createdAt: string; id: string }, terms: readonly string[]): string[] {
  const tail = `${TAB}${createdAt}${TAB}${escapeText(id)}`;
  return terms.map((term) => term + tail);
}

/** What the lines of this term, and of no longer term, start with. */
export const wholeTerm = (term: string) => term + TAB;

/** The term of an entry or a removal. */
export const termOf = (line: string) => line.slice(0, line.indexOf(TAB));

export const removal = (entry: string) => entry + REMOVED;
export const isRemoval = (line: string) => line.endsWith(REMOVED);
/** The entry a line adds or removes. */
export const entryOf = (line: string) => (isRemoval(line) ? line.slice(0, -REMOVED.length) : line);

/** An entry's offer as a key: `createdAt TAB id` (escaped), the same for every term of the offer. */
export const offerKey = (entry: string) => entry.slice(entry.indexOf(TAB) + 1);

/** The offer of an offer key: [createdAt, id]. */
export function offerOfKey(key: string): [string, string] {
  const tab = key.indexOf(TAB);
  return [key.slice(0, tab), unescapeText(key.slice(tab + 1))];
}

const newerFirst = ([aTime, aId]: readonly [string, string], [bTime, bId]: readonly [string, string]) =>
  aTime === bTime ? (aId < bId ? 1 : aId > bId ? -1 : 0) : aTime < bTime ? 1 : -1;

/**
 * These offer keys, newest first as the `newest` index orders their offers (creation time, then
 * id). Sorted as text while no id was escaped: a tab sorts below every character of a time, so the
 * order is the same, and the engine's own sort is several times faster than a comparison function
 * over the 10,000 keys a common word holds. An escaped id (`%`) would sort by its escape instead.
 * The keys stay text: a search reads a few hundred of them, and making each a pair cost a search
 * of a common word several milliseconds. `keys` may be reordered.
 */
export function offersNewestFirst(keys: string[]): string[] {
  if (keys.some((key) => key.includes('%'))) {
    return keys
      .map((key) => ({ key, offer: offerOfKey(key) }))
      .sort((a, b) => newerFirst(a.offer, b.offer))
      .map(({ key }) => key);
  }
  return keys.sort().reverse();
}

/**
 * The first index of `keys` (newest first) whose offer `isOlder` holds for, or their length: it
 * must hold from some offer on and for every older one (an offer below a cursor, before a date).
 */
export function firstOlder(keys: readonly string[], isOlder: (offer: [string, string]) => boolean): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const key = keys[middle];
    if (key !== undefined && isOlder(offerOfKey(key))) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Calls `visit` with the bounds of each line of a block's text that starts with `prefix`, in order
 * (they lie together), until it returns false: false then, else true.
 */
function eachLineStartingWith(text: string, prefix: string, visit: (start: number, end: number) => boolean): boolean {
  let start = text.startsWith(prefix) ? 0 : text.indexOf(`\n${prefix}`) + 1;
  if (start === 0 && !text.startsWith(prefix)) return true;
  while (start < text.length && text.startsWith(prefix, start)) {
    const found = text.indexOf('\n', start);
    const end = found === -1 ? text.length : found;
    if (!visit(start, end)) return false;
    start = end + 1;
  }
  return true;
}

/** The lines of a block's text that start with `prefix`, in order. */
export function linesStartingWith(text: string, prefix: string): string[] {
  const lines: string[] = [];
  eachLineStartingWith(text, prefix, (start, end) => {
    lines.push(text.slice(start, end));
    return true;
  });
  return lines;
}

/**
 * Adds to `keys` the offer keys of a block's lines that start with `prefix`, without making the
 * lines; false, leaving it to `linesStartingWith`, when one of them is a removal.
 */
export function addOfferKeys(text: string, prefix: string, keys: Set<string>): boolean {
  return eachLineStartingWith(text, prefix, (start, end) => {
    if (text[end - 1] === TAB) return false;
    keys.add(text.slice(text.indexOf(TAB, start) + 1, end));
    return true;
  });
}

/**
 * The offer keys of the entries present once `layers` are applied in order (oldest first): each
 * layer's line for an entry replaces what older layers said of it. Each offer once.
 */
export const presentOffers = (layers: readonly (readonly string[])[]): Set<string> => new Set(presentEntries(layers).map(offerKey));

/** The entries present once `layers` are applied in order (oldest first), as for `presentOffers`. */
export function presentEntries(layers: readonly (readonly string[])[]): string[] {
  const present = new Map<string, boolean>();
  for (const layer of layers) for (const line of layer) present.set(entryOf(line), !isRemoval(line));
  return [...present].flatMap(([entry, kept]) => (kept ? [entry] : []));
}

/** Lines read a block at a time: `load` gives the next block's lines, or null at the end. */
export class LineReader {
  private lines: string[] = [];
  private at = 0;
  private ended = false;
  constructor(private readonly load: () => Promise<string[] | null>) {}

  /** The current line, loading the next block when this one is read; undefined at the end. */
  async current(): Promise<string | undefined> {
    while (this.at === this.lines.length && !this.ended) {
      const next = await this.load();
      if (next) [this.lines, this.at] = [next, 0];
      else this.ended = true;
    }
    return this.lines[this.at];
  }

  advance(): void {
    this.at++;
  }

  /** The current line without loading: undefined when the block is read (then call `current`). */
  peek(): string | undefined {
    return this.lines[this.at];
  }
}

/**
 * Merges two runs, each in line order with an entry once, into `write` (in line order): where both
 * hold an entry, the newer's line wins. Removals are dropped when nothing older remains for them to
 * hide (`last`: the merged run is the oldest). Awaits only between blocks.
 */
export async function mergeRuns(newer: LineReader, older: LineReader, last: boolean, write: (line: string) => Promise<void> | undefined): Promise<void> {
  for (;;) {
    const a = newer.peek() ?? (await newer.current());
    const b = older.peek() ?? (await older.current());
    let line: string;
    if (a !== undefined && (b === undefined || a <= b || entryOf(a) === entryOf(b))) {
      if (b !== undefined && entryOf(a) === entryOf(b)) older.advance();
      newer.advance();
      line = a;
    } else if (b !== undefined) {
      older.advance();
      line = b;
    } else return;
    const written = last && isRemoval(line) ? undefined : write(line);
    if (written) await written;
  }
}
