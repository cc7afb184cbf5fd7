import type { IDBPObjectStore, StoreNames } from 'idb';
import type { OfferCourierDB } from './db';
import { readState, type WordIndexTransaction } from './word-index';
import { isRemoval, offersNewestFirst, offerOfKey } from './word-lines';

/**
 * The offers holding every query word, newest first, read from the word index's newest lines
 * down as far as a page needs: a search of two common words reads a few blocks of each, where
 * listing every holder of the rarer one read all of its blocks (docs/index-engine.md). A word's
 * lines sort by term, then by offer key (creation time, then id), so one term's lines are already
 * newest last; a word that also starts longer terms (a prefix typed halfway) has its lines in
 * several stretches, and is left to the search's list of every holder.
 */

const TAB = '\t';
/**
 * Sorts below every character that follows a term in a longer term (a word's character, or an
 * escaped key's) and every other character of an escaped id (./word-lines `escapeText` leaves
 * none below it unescaped; an id holding U+000B at most makes a key equal to such a limit, which
 * is exclusive). So `term + AFTER_TERM` is above every line of the term and below every line
 * of a longer one, and `key + AFTER_TERM` above the key's line and its removal, below any other key.
 */
const AFTER_TERM = '\u000b';
/** Above the tab and below AFTER_TERM: `createdAt + ABOVE_ITS_IDS` is above every key of that creation time. */
const ABOVE_ITS_IDS = '\n';
/**
 * A walk stops once it has read more than this many blocks (a step reads at most one a run and
 * word, all at once), and the search lists every holder instead: words that met among the newest
 * offers may never meet again, and walking two common words to their end reads every block of
 * both, one request after another. Long stretches of removals count too.
 */
const WALK_BLOCKS = 24;

type Maybe<T> = T | Promise<T>;
const isPending = <T>(value: Maybe<T>): value is Promise<T> => value instanceof Promise;
const allOf = <T>(values: readonly Maybe<T>[]): Promise<T[]> => Promise.all(values.map(async (value) => value));

/**
 * One layer of the index (a run, or the delta) as one term's lines: the greatest of them below a
 * line. A walk reads downwards: each limit is no higher than the one before.
 */
interface TermLayer {
  /** Synchronous when the layer holds the answer already. */
  greatestBelow(limit: string): Maybe<string | undefined>;
}

/** Lines in order, read downwards: the greatest below each next limit, each limit no higher than the one before. */
class FallingLines {
  private at: number;
  constructor(private readonly lines: readonly string[]) {
    this.at = lines.length;
  }

  greatestBelow(limit: string): string | undefined {
    const { lines } = this;
    for (let line = lines[this.at - 1]; line !== undefined && line >= limit; line = lines[this.at - 1]) this.at--;
    return lines[this.at - 1];
  }
}

/** The delta's lines of a term (`head`: the term and a tab). */
function deltaLayer(delta: readonly string[], head: string): TermLayer {
  const lines = new FallingLines(delta.filter((line) => line.startsWith(head)).sort());
  return { greatestBelow: (limit) => lines.greatestBelow(limit) };
}

const ofTerm = (line: string | undefined, head: string) => (line?.startsWith(head) ? line : undefined);

type WordBlockStore = IDBPObjectStore<OfferCourierDB, StoreNames<OfferCourierDB>[], 'wordBlocks', IDBTransactionMode>;

/** How many blocks a walk has read, and past how many it stops. */
interface WalkReads {
  blocks: number;
  readonly most: number;
}

/** A run's lines of a term, a block read at a time from the newest down. */
class RunLayer implements TermLayer {
  /** The block last read: the greatest line below any lower limit above its first line is in it. */
  private held: { first: string; lines: FallingLines } | undefined;

  constructor(
    private readonly blocks: WordBlockStore,
    private readonly run: number,
    private readonly head: string,
    private readonly reads: WalkReads,
  ) {}

  greatestBelow(limit: string): Maybe<string | undefined> {
    const { held } = this;
    if (held && held.first < limit) return ofTerm(held.lines.greatestBelow(limit), this.head);
    return this.read(limit).then(() => this.greatestBelow(limit));
  }

  /**
   * Whether the run holds a line of a longer term that `word` starts. Reads the block holding the
   * word's newest lines, where a walk starts.
   */
  async holdsLongerTerm(word: string): Promise<boolean> {
    const end = word + AFTER_TERM;
    const [lines, nextBlock] = await Promise.all([this.read(end), this.blocks.getKey(IDBKeyRange.bound([this.run, end], [this.run, []]))]);
    const above = lines.find((line) => line >= end) ?? nextBlock?.[1];
    return above?.startsWith(word) ?? false;
  }

  /** Reads and holds the block holding the greatest line below `limit`, the last one starting below it; its lines. */
  private async read(limit: string): Promise<string[]> {
    this.reads.blocks++;
    const cursor = await this.blocks.openCursor(IDBKeyRange.bound([this.run, ''], [this.run, limit], false, true), 'prev');
    const lines = cursor ? cursor.value.text.split('\n') : [];
    this.held = { first: cursor ? cursor.value.key[1] : '', lines: new FallingLines(lines) };
    return lines;
  }
}

/** Of the layers' greatest lines (oldest layer first), the greatest offer key, and whether the newest layer holding it removes it. */
function newestSays(lines: readonly (string | undefined)[], head: string): { key: string | undefined; removed: boolean } {
  let key: string | undefined;
  let removed = false;
  for (const line of lines) {
    if (line === undefined) continue;
    const removal = isRemoval(line);
    const lineKey = line.slice(head.length, removal ? -TAB.length : undefined);
    if (key === undefined || lineKey > key) [key, removed] = [lineKey, removal];
    else if (lineKey === key) removed = removal;
  }
  return { key, removed };
}

/** The walk read more blocks than it may. */
const TOO_LONG = Symbol('too long');
type Found = string | undefined | typeof TOO_LONG;

/**
 * The offers holding one term, as the layers (oldest first) leave them. Loops rather than recurses
 * while the layers answer at once: a delta of removals would otherwise run out of stack.
 */
class TermHolders {
  private readonly head: string;
  constructor(
    term: string,
    private readonly layers: readonly TermLayer[],
    private readonly reads: WalkReads,
  ) {
    this.head = term + TAB;
  }

  /** The greatest offer key held below `limit` (a key, or one followed by AFTER_TERM to take the key itself in). */
  greatestBelow(limit: string): Maybe<Found> {
    for (let below = limit; ; ) {
      const lines = this.layers.map((layer) => layer.greatestBelow(this.head + below));
      if (lines.some(isPending)) return allOf(lines).then((read) => this.heldOrBelow(read));
      const { key, removed } = newestSays(lines as (string | undefined)[], this.head);
      if (key === undefined || !removed) return key;
      below = key;
    }
  }

  /** After blocks were read: a long stretch of removals counts against the walk's reads too. */
  private heldOrBelow(lines: readonly (string | undefined)[]): Maybe<Found> {
    const { key, removed } = newestSays(lines, this.head);
    if (key === undefined || !removed) return key;
    return this.reads.blocks > this.reads.most ? TOO_LONG : this.greatestBelow(key);
  }
}

/** Of each term's greatest key, the one they all hold (or none left), or the limit to seek them all to next. */
function agreement(keys: readonly Found[]): { found: Found } | { next: string } {
  if (keys.includes(TOO_LONG)) return { found: TOO_LONG };
  let lowest: string | undefined;
  for (const key of keys as (string | undefined)[]) {
    if (key === undefined) return { found: undefined };
    if (lowest === undefined || key < lowest) lowest = key;
  }
  return lowest === undefined || keys.every((key) => key === lowest) ? { found: lowest } : { next: lowest + AFTER_TERM };
}

/**
 * The greatest offer key below `limit` that every term's holders hold, found by seeking each to the
 * lowest of their greatest keys until they agree (a leapfrog join); TOO_LONG past the walk's reads.
 */
function greatestCommonBelow(terms: readonly TermHolders[], limit: string, reads: WalkReads): Maybe<Found> {
  for (let below = limit; ; ) {
    const keys = terms.map((term) => term.greatestBelow(below));
    if (keys.some(isPending)) return allOf(keys).then((read) => (reads.blocks > reads.most ? TOO_LONG : agreedOrOnwards(terms, read, reads)));
    const step = agreement(keys as Found[]);
    if ('found' in step) return step.found;
    below = step.next;
  }
}

const agreedOrOnwards = (terms: readonly TermHolders[], keys: readonly Found[], reads: WalkReads) => {
  const step = agreement(keys);
  return 'found' in step ? step.found : greatestCommonBelow(terms, step.next, reads);
};

const createdAtOf = (key: string) => key.slice(0, key.indexOf(TAB));

/** The offers holding every word, newest first, taken a few at a time, until the walk is done or too long. */
export class CommonHolders {
  private limit: string;
  /** What is left of the creation time being taken, in the `newest` index's order. */
  private readonly group: string[] = [];
  /** The first key of the next creation time, read to see the last one end. */
  private ahead: string | undefined;
  private ended = false;
  /** The walk read more blocks than it may and stopped: the rest lies below `position`. */
  tooLong = false;
  /** The last offer taken ([createdAt, id]), or the cursor before any. */
  position: readonly [string, string];

  constructor(
    private readonly terms: readonly TermHolders[],
    private readonly reads: WalkReads,
    private readonly below: readonly [string, string],
    private readonly from: string | undefined,
  ) {
    this.position = below;
    // Every offer created when the cursor's was: some of them are below it by id.
    this.limit = below[0] + ABOVE_ITS_IDS;
  }

  /**
   * The next `count` offer keys, newest first (fewer at the end, or where the walk stopped): those
   * below the cursor and from the start date, a creation time's sorted by id as the `newest` index
   * sorts them (an escaped id sorts otherwise as text).
   */
  async take(count: number): Promise<string[]> {
    const taken: string[] = [];
    while (taken.length < count && (this.group.length > 0 || (await this.readGroup()))) taken.push(...this.group.splice(0, count - taken.length));
    const last = taken.at(-1);
    if (last !== undefined) this.position = offerOfKey(last);
    return taken;
  }

  /** Reads the offers of the next creation time: false at the end, or where the walk stopped (their keys then dropped). */
  private async readGroup(): Promise<boolean> {
    const first = this.ahead ?? (await this.next());
    this.ahead = undefined;
    if (first === undefined) return false;
    const keys = [first];
    for (let key = await this.next(); key !== undefined; key = await this.next()) {
      if (createdAtOf(key) !== createdAtOf(first)) {
        this.ahead = key;
        break;
      }
      keys.push(key);
    }
    if (this.tooLong) return false;
    this.group.push(...offersNewestFirst(keys.filter((key) => this.isBelow(key))));
    return true;
  }

  private async next(): Promise<string | undefined> {
    if (this.ended) return undefined;
    const key = await greatestCommonBelow(this.terms, this.limit, this.reads);
    if (key === TOO_LONG) this.tooLong = true;
    if (key === TOO_LONG || key === undefined || (this.from !== undefined && createdAtOf(key) < this.from)) {
      this.ended = true;
      return undefined;
    }
    this.limit = key;
    return key;
  }

  private isBelow(key: string): boolean {
    const [createdAt, id] = offerOfKey(key);
    const [belowCreatedAt, belowId] = this.below;
    return createdAt < belowCreatedAt || (createdAt === belowCreatedAt && id < belowId);
  }
}

/**
 * The offers below `below` ([createdAt, id]) and from the date `from` holding each of `words` as
 * a whole term, newest first; null when a word starts a longer term too (the search lists every
 * holder of such a word instead). The walk stops once it has read more than `mostBlocks` blocks.
 */
export async function commonHolders(
  tx: WordIndexTransaction,
  words: readonly string[],
  below: readonly [string, string],
  from: string | undefined,
  mostBlocks = WALK_BLOCKS,
): Promise<CommonHolders | null> {
  const walk = await termWalk(tx, words, mostBlocks);
  const startsLonger = async (word: string, runs: readonly RunLayer[]) =>
    walk.delta.some((line) => line.startsWith(word) && !line.startsWith(word + TAB)) || (await Promise.all(runs.map((run) => run.holdsLongerTerm(word)))).some(Boolean);
  const longer = await Promise.all(words.map((word, at) => startsLonger(word, walk.runs[at] ?? [])));
  return longer.some(Boolean) ? null : walk.holders(below, from);
}

/**
 * The offers below `below` and from the date `from` holding each of the keyed terms (./keyed-terms),
 * newest first. A keyed term is never a word typed halfway: only its own lines count, and they
 * are one stretch of the index whatever longer term follows them.
 */
export async function keyedTermsHolders(tx: WordIndexTransaction, terms: readonly string[], below: readonly [string, string], from: string | undefined): Promise<CommonHolders> {
  return (await termWalk(tx, terms, WALK_BLOCKS)).holders(below, from);
}

/** The layers of each term (its runs, then the delta), and the walk over them. */
async function termWalk(tx: WordIndexTransaction, terms: readonly string[], mostBlocks: number) {
  const state = await readState(tx);
  const blocks = tx.objectStore('wordBlocks');
  const reads: WalkReads = { blocks: 0, most: mostBlocks };
  const runs = terms.map((term) => state.runs.map(({ id }) => new RunLayer(blocks, id, term + TAB, reads)));
  return {
    delta: state.delta,
    runs,
    holders(below: readonly [string, string], from: string | undefined) {
      // The blocks read so far are the walk's start: it counts from there.
      reads.blocks = 0;
      const layered = terms.map((term, at) => new TermHolders(term, [...(runs[at] ?? []), deltaLayer(state.delta, term + TAB)], reads));
      return new CommonHolders(layered, reads, below, from);
    },
  };
}
