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
 * Sorts above every line of a term (the term, a tab, an offer) and below every line of a longer
 * term: what follows a term in a longer one is a word's character or an escaped key's, never a
 * control character up to the line break (./word-lines `escapeText`).
 */
const AFTER_TERM = '\u000b';
/** Sorts above every offer key: a key starts with its creation time, in digits. */
const ABOVE_EVERY_KEY = '\uffff';

type Maybe<T> = T | Promise<T>;
const whenAll = <T>(values: readonly Maybe<T>[]): Maybe<readonly T[]> =>
  values.some((value) => value instanceof Promise) ? Promise.all(values) : (values as readonly T[]);
const then = <T, R>(value: Maybe<T>, next: (value: T) => Maybe<R>): Maybe<R> => (value instanceof Promise ? value.then(next) : next(value));

/**
 * One layer of the index (a run, or the delta) as one term's lines: the greatest of them below a
 * line. A search reads downwards: each limit is no higher than the one before.
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

/** The delta's lines of a term. */
function deltaLayer(delta: readonly string[], head: string): TermLayer {
  const lines = new FallingLines(delta.filter((line) => line.startsWith(head)).sort());
  return { greatestBelow: (limit) => ofTerm(lines.greatestBelow(limit), head) };
}

const ofTerm = (line: string | undefined, head: string) => (line?.startsWith(head) ? line : undefined);

type WordBlockStore = IDBPObjectStore<OfferCourierDB, StoreNames<OfferCourierDB>[], 'wordBlocks', IDBTransactionMode>;

/** A run's lines of a term, a block read at a time from the newest down. */
class RunLayer implements TermLayer {
  /** The block last read: the greatest line below any lower limit above its first line is in it. */
  private held: { first: string; lines: FallingLines } | undefined;

  constructor(
    private readonly blocks: WordBlockStore,
    private readonly run: number,
    private readonly head: string,
  ) {}

  greatestBelow(limit: string): Maybe<string | undefined> {
    const { held } = this;
    if (held && held.first < limit) return ofTerm(held.lines.greatestBelow(limit), this.head);
    return this.read(limit).then(() => this.greatestBelow(limit));
  }

  /** Reads the block holding the greatest line below `limit`: the last one starting below it. */
  async read(limit: string): Promise<string[]> {
    const cursor = await this.blocks.openCursor(IDBKeyRange.bound([this.run, ''], [this.run, limit], false, true), 'prev');
    const lines = cursor ? cursor.value.text.split('\n') : [];
    this.held = { first: cursor ? cursor.value.key[1] : '', lines: new FallingLines(lines) };
    return lines;
  }

  /**
   * Whether the run holds a line of a longer term that `word` starts. Reads the block holding the
   * word's newest lines, which a search reads first.
   */
  async holdsLongerTerm(word: string): Promise<boolean> {
    const end = word + AFTER_TERM;
    const [lines, nextBlock] = await Promise.all([this.read(end), this.blocks.getKey(IDBKeyRange.bound([this.run, end], [this.run, []]))]);
    const above = lines.find((line) => line >= end) ?? nextBlock?.[1];
    return above?.startsWith(word) ?? false;
  }
}

/** The offers holding one term, as the layers (oldest first) leave them: a newer layer's line for an offer decides. */
class TermHolders {
  private readonly head: string;
  constructor(
    term: string,
    private readonly layers: readonly TermLayer[],
  ) {
    this.head = term + TAB;
  }

  /** The greatest offer key below `limit` (a key, or one followed by AFTER_TERM to take the key itself in). */
  greatestBelow(limit: string): Maybe<string | undefined> {
    return then(whenAll(this.layers.map((layer) => layer.greatestBelow(this.head + limit))), (lines) => {
      let best: string | undefined;
      let removed = false;
      for (const line of lines) {
        if (line === undefined) continue;
        const removal = isRemoval(line);
        const key = line.slice(this.head.length, removal ? -TAB.length : undefined);
        if (best === undefined || key > best) [best, removed] = [key, removal];
        else if (key === best) removed = removal;
      }
      return best !== undefined && removed ? this.greatestBelow(best) : best;
    });
  }
}

/** The greatest offer key below `limit` that every term's holders hold. */
function greatestCommonBelow(terms: readonly TermHolders[], limit: string): Maybe<string | undefined> {
  return then(whenAll(terms.map((term) => term.greatestBelow(limit))), (keys) => {
    let lowest: string | undefined;
    for (const key of keys) {
      if (key === undefined) return undefined;
      if (lowest === undefined || key < lowest) lowest = key;
    }
    if (lowest === undefined || keys.every((key) => key === lowest)) return lowest;
    return greatestCommonBelow(terms, lowest + AFTER_TERM);
  });
}

const createdAtOf = (key: string) => key.slice(0, key.indexOf(TAB));

/** The offers holding every word, newest first, taken a few at a time. */
export class CommonHolders {
  private limit: string;
  /** The next key, read past the last taken to see whether its creation time goes on. */
  private ahead: string | undefined;
  private ended = false;

  constructor(
    private readonly terms: readonly TermHolders[],
    private readonly below: readonly [string, string],
    private readonly from: string | undefined,
  ) {
    // Every offer created when the cursor's was: some of them are below it by id.
    this.limit = below[0] + TAB + ABOVE_EVERY_KEY;
  }

  /**
   * At least `count` more offer keys, newest first (fewer at the end): those below the cursor and
   * from the start date. A creation time's offers come together, sorted among them by id as the
   * `newest` index sorts them (an escaped id sorts otherwise as text).
   */
  async take(count: number): Promise<string[]> {
    const keys: string[] = [];
    for (let key = this.ahead ?? (await this.next()); key !== undefined; key = await this.next()) {
      const last = keys.at(-1);
      if (keys.length >= count && last !== undefined && createdAtOf(key) !== createdAtOf(last)) {
        this.ahead = key;
        break;
      }
      this.ahead = undefined;
      if (this.isBelow(key)) keys.push(key);
    }
    return offersNewestFirst(keys);
  }

  private isBelow(key: string): boolean {
    const [createdAt, id] = offerOfKey(key);
    return createdAt < this.below[0] || (createdAt === this.below[0] && id < this.below[1]);
  }

  private async next(): Promise<string | undefined> {
    if (this.ended) return undefined;
    const key = await greatestCommonBelow(this.terms, this.limit);
    if (key === undefined || (this.from !== undefined && createdAtOf(key) < this.from)) {
      this.ended = true;
      return undefined;
    }
    this.limit = key;
    return key;
  }
}

/**
 * The offers below `below` ([createdAt, id]) and from the date `from` holding each of `words` as
 * a whole term, newest first; null when a word starts a longer term too (the search lists every
 * holder of such a word instead).
 */
export async function commonHolders(tx: WordIndexTransaction, words: readonly string[], below: readonly [string, string], from: string | undefined): Promise<CommonHolders | null> {
  const state = await readState(tx);
  const blocks = tx.objectStore('wordBlocks');
  const terms = await Promise.all(
    words.map(async (word) => {
      const head = word + TAB;
      const runs = state.runs.map(({ id }) => new RunLayer(blocks, id, head));
      const longer = state.delta.some((line) => line.startsWith(word) && !line.startsWith(head)) || (await Promise.all(runs.map((run) => run.holdsLongerTerm(word)))).some(Boolean);
      return longer ? null : new TermHolders(word, [...runs, deltaLayer(state.delta, head)]);
    }),
  );
  return terms.every((term) => term !== null) ? new CommonHolders(terms, below, from) : null;
}
