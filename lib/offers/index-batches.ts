import type { RecordsQuery } from './read-newest';

/** One record of an index as `getAllRecords` gives it: the index key it is listed under, and its value. */
export interface IndexRecord<V> {
  key: IDBValidKey;
  value: V;
}

/** An index of an object store as idb wraps it; `getAllRecords` where the browser has it (Chromium 141+). */
export interface RecordSource<V> {
  getAllRecords?: (options: RecordsQuery) => Promise<IndexRecord<V>[]>;
  openCursor(range?: IDBKeyRange | null, direction?: IDBCursorDirection): Promise<RecordCursor<V> | null>;
}
interface RecordCursor<V> {
  key: IDBValidKey;
  value: V;
  continue(): Promise<RecordCursor<V> | null>;
}

/** Batches grow to this size (or stay at a larger first one): a filter that most records miss reads on in few requests. */
const LARGEST_BATCH = 800;

const nextBatchSize = (size: number, first: number) => Math.min(size * 2, Math.max(LARGEST_BATCH, first));

/**
 * Up to `count` records of `source` within `range`, in `direction`: one request where the browser
 * has `getAllRecords`, else a cursor, which waits a round trip per record. While a page loads, the
 * browser answers each of those round trips late, so a list of 50 rows read one at a time waited
 * longer for them than for the reading itself.
 */
export async function readBatch<V>(source: RecordSource<V>, range: IDBKeyRange | undefined, direction: IDBCursorDirection, count: number): Promise<IndexRecord<V>[]> {
  if (source.getAllRecords) return source.getAllRecords({ query: range ?? null, count, direction });
  const batch: IndexRecord<V>[] = [];
  for (let cursor = await source.openCursor(range, direction); cursor; cursor = await cursor.continue()) {
    batch.push({ key: cursor.key, value: cursor.value });
    if (batch.length === count) break;
  }
  return batch;
}

/** `range` less everything up to `key` in `direction` ('next' moves its lower bound up, 'prev' its upper bound down). */
export function rangePast(range: IDBKeyRange | undefined, key: IDBValidKey, direction: IDBCursorDirection): IDBKeyRange {
  const ascending = direction === 'next' || direction === 'nextunique';
  if (ascending) return range?.upper === undefined ? IDBKeyRange.lowerBound(key, true) : IDBKeyRange.bound(key, range.upper, true, range.upperOpen);
  return range?.lower === undefined ? IDBKeyRange.upperBound(key, true) : IDBKeyRange.bound(range.lower, key, range.lowerOpen, true);
}

/**
 * The records of `source` within `range` in `direction`, batch after batch: the first of `first`
 * records (a page and one more, when most records are kept), each next one twice as large, up to
 * LARGEST_BATCH. The caller stops when it has its page. With `getAllRecords`, each batch starts
 * past the last one's index key, so the index's keys must be unique (those of the offer store end
 * with the offer's id); without it, one cursor reads on.
 */
export async function* recordBatches<V>(source: RecordSource<V>, range: IDBKeyRange | undefined, direction: IDBCursorDirection, first: number): AsyncGenerator<IndexRecord<V>[]> {
  if (!source.getAllRecords) {
    yield* cursorBatches(source, range, direction, first);
    return;
  }
  for (let count = first, rest = range; ; count = nextBatchSize(count, first)) {
    const batch = await source.getAllRecords({ query: rest ?? null, count, direction });
    yield batch;
    const last = batch.at(-1);
    if (!last || batch.length < count) return;
    rest = rangePast(rest, last.key, direction);
  }
}

/** recordBatches where the browser lacks `getAllRecords`: one cursor, moved on only when the caller asks for more. */
async function* cursorBatches<V>(source: RecordSource<V>, range: IDBKeyRange | undefined, direction: IDBCursorDirection, first: number): AsyncGenerator<IndexRecord<V>[]> {
  let cursor = await source.openCursor(range, direction);
  for (let count = first; ; count = nextBatchSize(count, first)) {
    const batch: IndexRecord<V>[] = [];
    while (cursor) {
      batch.push({ key: cursor.key, value: cursor.value });
      if (batch.length === count) break;
      cursor = await cursor.continue();
    }
    yield batch;
    if (!cursor) return;
    cursor = await cursor.continue();
  }
}
