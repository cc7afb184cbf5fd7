import type { IDBPObjectStore, StoreNames } from 'idb';
import type { OfferCourierDB } from './db';
import { keyedTerm, keyedTermsStart, type KeyedIndex } from './keyed-terms';
import {
  addOfferKeys,
  BLOCK_LINES,
  entryLines,
  entryOf,
  isRemoval,
  LineReader,
  linesStartingWith,
  mergeRuns,
  offerKey,
  offerOfKey,
  presentEntries,
  presentOffers,
  removal,
  termOf,
  unescapeText,
  wholeTerm,
} from './word-lines';

/**
 * The word index of our own (docs/index-engine.md): IndexedDB's own index cost several
 * microseconds an entry, and an offer has about 22 words, which made an import five times slower
 * than writing its records. It also holds the offers' keys (./keyed-terms), each a term. Entries are kept as text in a few runs of sorted blocks, each run
 * newer than the one before, plus a small delta in the index's state record for single writes.
 * A run that grows as large as the one before it is merged into it, so a run stays about twice
 * the size of the next and an import rewrites each entry a few times only.
 */

export const WORD_INDEX_ID = 'state';
export interface WordBlock {
  /** [run, first line]: a run's blocks in line order. */
  key: [number, string];
  /** The block's lines, joined by line breaks. */
  text: string;
}
export interface WordRun {
  id: number;
  lines: number;
}
export interface WordIndexState {
  id: typeof WORD_INDEX_ID;
  /** Oldest first. */
  runs: WordRun[];
  nextRun: number;
  /** The newest lines, at most DELTA_LINES, one per entry, in no order. */
  delta: string[];
}

/** A delta larger than this becomes a run: reading and writing the state record stays small. */
const DELTA_LINES = 2048;
/** The most lines one write holds before writing them as a run (about 14 MB of heap). */
const RUN_LINES = 131_072;
/** More runs than this are merged even when unequal, so a search reads few. */
const MAX_RUNS = 8;
/** Blocks read at once when a merge reads a run. */
const BLOCKS_PER_READ = 8;
/**
 * Up to this many keys are looked up one by one; more (an import's piece) read their index's
 * every line once, a few hundred blocks at 100,000 offers, where each lookup costs two requests a run.
 */
const FEW_KEYS = 32;
/** Blocks read at once when every line of a keyed index is read. */
const KEYED_BLOCKS_PER_READ = 64;

type WordStores = 'wordBlocks' | 'wordIndex';
/** A transaction over the word index's stores, as a write, a search or the upgrade opens it. */
export interface WordIndexTransaction<Mode extends IDBTransactionMode = IDBTransactionMode> {
  objectStore<Name extends WordStores>(name: Name): IDBPObjectStore<OfferCourierDB, StoreNames<OfferCourierDB>[], Name, Mode>;
}
type Blocks = IDBPObjectStore<OfferCourierDB, StoreNames<OfferCourierDB>[], 'wordBlocks', 'readwrite' | 'versionchange'>;

const nonEmpty = (run: WordRun) => (run.lines > 0 ? [run] : []);
const emptyState = (): WordIndexState => ({ id: WORD_INDEX_ID, runs: [], nextRun: 1, delta: [] });
const runRange = (run: number) => IDBKeyRange.bound([run], [run, []]);
/** The block of a run whose lines may start within `prefix` though it starts before it. */
const blockBefore = (run: number, prefix: string) => IDBKeyRange.bound([run, ''], [run, prefix]);
/** The blocks of a run that start within `prefix`, after `after` when given (a block's key). */
const blocksWithin = (run: number, prefix: string, after: [number, string] = [run, prefix]) => IDBKeyRange.bound(after, [run, `${prefix}\uffff`], true, false);
export const readState = async (tx: WordIndexTransaction) => (await tx.objectStore('wordIndex').get(WORD_INDEX_ID)) ?? emptyState();

/** The offers holding a word that `prefix` starts, as offer keys (./word-lines `offerOfKey` reads them). */
export async function wordHolders(tx: WordIndexTransaction, prefix: string): Promise<Set<string>> {
  const state = await readState(tx);
  const blocks = tx.objectStore('wordBlocks');
  const runs = await Promise.all(
    state.runs.map(async ({ id }) => {
      // The block a prefix's first lines may close, and every block that starts within the prefix.
      const [before, within] = await Promise.all([blocks.openCursor(blockBefore(id, prefix), 'prev'), blocks.getAll(blocksWithin(id, prefix))]);
      return [before?.value, ...within].flatMap((block) => (block ? [block.text] : []));
    }),
  );
  const delta = state.delta.filter((line) => line.startsWith(prefix));
  const holders = new Set<string>();
  // Without a removal among them, the offers are those of every line found.
  if (!delta.some(isRemoval) && runs.every((texts) => texts.every((text) => addOfferKeys(text, prefix, holders)))) {
    for (const line of delta) holders.add(offerKey(line));
    return holders;
  }
  return presentOffers([...runs.map((texts) => texts.flatMap((text) => linesStartingWith(text, prefix))), delta]);
}

/**
 * The ids of the offers holding `value` as their key in `index`, in id order; with `pending`, as
 * that change, not saved yet, leaves them (a write that looks up after writing in its transaction).
 */
export async function keyedHolders(tx: WordIndexTransaction, index: KeyedIndex, value: string, pending?: WordIndexChange): Promise<string[]> {
  const term = keyedTerm(index, value);
  const holders = [...(await wordHolders(tx, wholeTerm(term)))].map((key) => offerOfKey(key)[1]);
  return (pending ? pending.holdersOf(term, holders) : holders).sort();
}

/**
 * Which of `values` an offer holds as its key in `index` (a key held by several: one of them), for
 * an import's piece. Many values read the index's every line once, a few blocks at a time.
 */
export async function keyedHoldersOf(tx: WordIndexTransaction, index: KeyedIndex, values: readonly string[]): Promise<Map<string, string>> {
  const sought = new Set(values);
  const found = new Map<string, string>();
  if (sought.size <= FEW_KEYS) {
    const holders = await Promise.all([...sought].map(async (value) => [value, (await keyedHolders(tx, index, value))[0]] as const));
    for (const [value, holder] of holders) if (holder !== undefined) found.set(value, holder);
    return found;
  }
  const valueOfTerm = new Map([...sought].map((value) => [keyedTerm(index, value), value]));
  const isSought = (line: string) => valueOfTerm.has(termOf(line));
  const prefix = keyedTermsStart(index);
  const state = await readState(tx);
  const layers: string[][] = [];
  for (const run of state.runs) layers.push(await linesUnder(tx, run.id, prefix, isSought));
  layers.push(state.delta.filter((line) => line.startsWith(prefix) && isSought(line)));
  for (const entry of presentEntries(layers)) {
    const value = valueOfTerm.get(termOf(entry));
    if (value !== undefined) found.set(value, offerOfKey(offerKey(entry))[1]);
  }
  return found;
}

/**
 * Every offer holding a key of `index` that starts with `valuesStart` (all its keys by default),
 * with that key, in no order. Reads the index's lines under that start once, a few blocks at a time.
 */
export async function keyedEntries(tx: WordIndexTransaction, index: KeyedIndex, valuesStart = ''): Promise<{ value: string; offer: string }[]> {
  const prefix = keyedTerm(index, valuesStart);
  const state = await readState(tx);
  const layers = await Promise.all(state.runs.map((run) => linesUnder(tx, run.id, prefix, () => true)));
  layers.push(state.delta.filter((line) => line.startsWith(prefix)));
  const tagged = keyedTermsStart(index).length;
  return presentEntries(layers).map((entry) => ({ value: unescapeText(termOf(entry).slice(tagged)), offer: offerKey(entry) }));
}

/** A run's lines that start with `prefix` and that `keep` keeps, read KEYED_BLOCKS_PER_READ blocks at a time. */
async function linesUnder(tx: WordIndexTransaction, run: number, prefix: string, keep: (line: string) => boolean): Promise<string[]> {
  const blocks = tx.objectStore('wordBlocks');
  const kept: string[] = [];
  const take = (text: string) => {
    for (const line of linesStartingWith(text, prefix)) if (keep(line)) kept.push(line);
  };
  const before = await blocks.openCursor(blockBefore(run, prefix), 'prev');
  if (before) take(before.value.text);
  for (let after: [number, string] | undefined; ; ) {
    const read = await blocks.getAll(blocksWithin(run, prefix, after), KEYED_BLOCKS_PER_READ);
    for (const block of read) take(block.text);
    after = read.at(-1)?.key;
    if (!after || read.length < KEYED_BLOCKS_PER_READ) return kept;
  }
}

/** An offer as the word index sees it: its terms are its search words and its keys (./keyed-terms). */
export interface WordHolder {
  id: string;
  createdAt: string;
  terms: readonly string[];
}

/**
 * The word index's lines for one write, saved with it. The offers are kept as they were before
 * the write's first change and after its last, and their lines made only when saved: an import's
 * piece of long notes makes hundreds of thousands, held once.
 */
export class WordIndexChange {
  private readonly offers = new Map<string, { before: WordHolder | undefined; after: WordHolder | undefined }>();

  /** An offer changed from `before` to `after` (absent: created or deleted). Successive changes of one offer compose. */
  record(before: WordHolder | undefined, after: WordHolder | undefined): void {
    const id = (after ?? before)?.id;
    if (id === undefined) return;
    const earlier = this.offers.get(id);
    this.offers.set(id, { before: earlier ? earlier.before : before, after });
  }

  /** The offers holding `term`: `saved`, the ids the index lists, with this change's offers as it leaves them. */
  holdersOf(term: string, saved: readonly string[]): string[] {
    const holders = new Set(saved.filter((id) => !this.offers.has(id)));
    for (const [id, { after }] of this.offers) if (after?.terms.includes(term)) holders.add(id);
    return [...holders];
  }

  /**
   * Adds the lines to the delta; a delta grown too large becomes a run, and runs are merged as
   * they grow. A large write becomes a run every RUN_LINES lines, so its lines are never all held
   * at once (the lines of one write never concern the same entry, so their runs' order is free).
   */
  async save(tx: WordIndexTransaction<'readwrite' | 'versionchange'>): Promise<void> {
    if (this.offers.size === 0) return;
    const state = await readState(tx);
    const delta = new Map(state.delta.map((line) => [entryOf(line), line]));
    const runs = new Runs(tx.objectStore('wordBlocks'), state);
    let pending: string[] = [];
    for (const line of this.lines()) {
      // An entry the delta added is in no run, and one it removes is in one: a change back cancels both.
      const entry = entryOf(line);
      const earlier = delta.get(entry);
      if (earlier !== undefined) delta.delete(entry);
      if (earlier === undefined || isRemoval(earlier) === isRemoval(line)) pending.push(line);
      if (pending.length === RUN_LINES) {
        await runs.add(pending);
        pending = [];
      }
    }
    pending.push(...delta.values());
    if (!runs.added && pending.length <= DELTA_LINES) {
      await tx.objectStore('wordIndex').put({ ...state, delta: pending });
      return;
    }
    await runs.add(pending);
    await tx.objectStore('wordIndex').put({ id: WORD_INDEX_ID, ...runs.saved(), delta: [] });
  }

  /** Each offer's entries added and removed, from before its first change to after its last. */
  private *lines(): Generator<string> {
    for (const { before, after } of this.offers.values()) {
      const gone = new Set(before ? entryLines(before, before.terms) : []);
      for (const entry of after ? entryLines(after, after.terms) : []) if (!gone.delete(entry)) yield entry;
      for (const entry of gone) yield removal(entry);
    }
  }
}

/** The runs as one write changes them: new runs added, and the newest two merged as they grow. */
class Runs {
  private readonly runs: WordRun[];
  private nextRun: number;
  /** Whether the index held no run before: a removal then has nothing to hide. */
  private readonly empty: boolean;
  added = false;

  constructor(
    private readonly blocks: Blocks,
    state: WordIndexState,
  ) {
    this.runs = [...state.runs];
    this.nextRun = state.nextRun;
    this.empty = state.runs.length === 0;
  }

  /** Writes `lines` (one per entry, in any order) as a new run, and merges. */
  async add(lines: string[]): Promise<void> {
    this.added = true;
    const fresh = new RunWriter(this.blocks, this.nextRun++);
    for (const line of lines.sort()) if (!this.empty || !isRemoval(line)) fresh.write(line);
    this.runs.push(...nonEmpty(await fresh.finish()));
    for (;;) {
      const [older, newer] = this.runs.slice(-2);
      if (!older || !newer || (this.runs.length <= MAX_RUNS && older.lines > newer.lines)) break;
      this.runs.splice(-2, 2, ...nonEmpty(await mergeStoredRuns(this.blocks, newer, older, this.nextRun++, this.runs.length === 2)));
    }
  }

  saved(): Pick<WordIndexState, 'runs' | 'nextRun'> {
    return { runs: this.runs, nextRun: this.nextRun };
  }
}

/** Empties the word index (every offer deleted). */
export async function clearWordIndex(tx: WordIndexTransaction<'readwrite'>): Promise<void> {
  await Promise.all([tx.objectStore('wordBlocks').clear(), tx.objectStore('wordIndex').clear()]);
}

/** Writes a run's lines, given in order, a block at a time; the puts are awaited together at the end. */
class RunWriter {
  private block: string[] = [];
  private lines = 0;
  private readonly puts: Promise<unknown>[] = [];
  constructor(
    private readonly blocks: Blocks,
    private readonly run: number,
  ) {}

  write(line: string): undefined {
    this.block.push(line);
    this.lines++;
    if (this.block.length === BLOCK_LINES) this.flush();
    return undefined;
  }

  async finish(): Promise<WordRun> {
    this.flush();
    await Promise.all(this.puts);
    return { id: this.run, lines: this.lines };
  }

  private flush(): void {
    const first = this.block[0];
    if (first === undefined) return;
    const put = this.blocks.put({ key: [this.run, first], text: this.block.join('\n') });
    // A failed put aborts the transaction; finish reports it.
    put.catch(() => undefined);
    this.puts.push(put);
    this.block = [];
  }
}

/** A stored run's lines, read a few blocks at a time. */
function storedRunReader(blocks: Blocks, run: number): LineReader {
  let after: [number, string] | null = null;
  return new LineReader(async () => {
    const read = await blocks.getAll(after ? IDBKeyRange.bound(after, [run, []], true) : runRange(run), BLOCKS_PER_READ);
    const last = read.at(-1);
    if (!last) return null;
    after = last.key;
    return read.flatMap((block) => block.text.split('\n'));
  });
}

/** Merges two stored runs into a new one, `last` when it is the oldest, and deletes them. */
async function mergeStoredRuns(blocks: Blocks, newer: WordRun, older: WordRun, id: number, last: boolean): Promise<WordRun> {
  const merged = new RunWriter(blocks, id);
  await mergeRuns(storedRunReader(blocks, newer.id), storedRunReader(blocks, older.id), last, (line) => merged.write(line));
  const run = await merged.finish();
  await Promise.all([blocks.delete(runRange(newer.id)), blocks.delete(runRange(older.id))]);
  return run;
}
