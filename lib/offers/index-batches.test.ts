import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET_ALL_RECORDS_CASES, hideGetAllRecords } from '@/test/unit/get-all-records';
import { rangePast, recordBatches, type RecordSource } from './index-batches';

interface Row {
  id: string;
  group: string;
  at: string;
}

let db: IDBPDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDB('batches', 1, {
    upgrade(created) {
      created.createObjectStore('rows', { keyPath: 'id' }).createIndex('byGroup', ['group', 'at', 'id']);
    },
  });
  const tx = db.transaction('rows', 'readwrite');
  // 40 rows in two groups, several at the same time: the index key's last part (the id) tells them apart.
  for (let n = 0; n < 40; n++) void tx.store.put({ id: `row-${String(n).padStart(2, '0')}`, group: n % 2 ? 'b' : 'a', at: `2026-01-${String(1 + (n % 7)).padStart(2, '0')}` });
  await tx.done;
});
afterEach(() => db.close());

/** Every record of the range in the direction, as one cursor would list them. */
async function byCursor(range: IDBKeyRange | undefined, direction: IDBCursorDirection): Promise<string[]> {
  const ids: string[] = [];
  for (let c = await db.transaction('rows').store.index('byGroup').openCursor(range, direction); c; c = await c.continue()) ids.push((c.value as Row).id);
  return ids;
}

async function inBatches(range: IDBKeyRange | undefined, direction: IDBCursorDirection, first: number): Promise<{ ids: string[]; sizes: number[] }> {
  const source = db.transaction('rows').store.index('byGroup') as unknown as RecordSource<Row>;
  const ids: string[] = [];
  const sizes: number[] = [];
  for await (const batch of recordBatches(source, range, direction, first)) {
    sizes.push(batch.length);
    ids.push(...batch.map((record) => record.value.id));
  }
  return { ids, sizes };
}

const RANGES: [string, () => IDBKeyRange | undefined][] = [
  ['the whole index', () => undefined],
  ['one group', () => IDBKeyRange.bound(['b'], ['b', []])],
  ['above a key, open', () => IDBKeyRange.lowerBound(['a', '2026-01-03'], true)],
  ['below a key, closed', () => IDBKeyRange.upperBound(['b', '2026-01-05', 'row-23'])],
  ['between two keys, open at both ends', () => IDBKeyRange.bound(['a', '2026-01-02'], ['b', '2026-01-04'], true, true)],
];

describe.each(GET_ALL_RECORDS_CASES)('recordBatches%s', (_browser, withoutGetAllRecords) => {
  hideGetAllRecords(withoutGetAllRecords);

  it.each(RANGES)('lists %s in either direction as one cursor does, each record once', async (_range, range) => {
    for (const direction of ['next', 'prev'] as const) {
      const expected = await byCursor(range(), direction);
      expect(expected.length).toBeGreaterThan(3);
      expect((await inBatches(range(), direction, 3)).ids).toEqual(expected);
    }
  });

  it('reads a first batch of the size asked, then twice as many each time', async () => {
    expect((await inBatches(undefined, 'prev', 3)).sizes).toEqual([3, 6, 12, 19]);
  });

  it('reads no record past the ones the caller took', async () => {
    const index = db.transaction('rows').store.index('byGroup') as unknown as RecordSource<Row>;
    const requests = { opened: 0, moved: 0, batches: 0 };
    type Cursor = Awaited<ReturnType<RecordSource<Row>['openCursor']>>;
    const counted = (cursor: Cursor): Cursor =>
      cursor && {
        key: cursor.key,
        value: cursor.value,
        continue: async () => {
          requests.moved++;
          return counted(await cursor.continue());
        },
      };
    const source: RecordSource<Row> = {
      ...(index.getAllRecords && {
        getAllRecords: (options) => {
          requests.batches++;
          return index.getAllRecords!(options);
        },
      }),
      openCursor: async (range, direction) => {
        requests.opened++;
        return counted(await index.openCursor(range, direction));
      },
    };
    const taken: string[] = [];
    for await (const batch of recordBatches(source, undefined, 'next', 3)) {
      taken.push(...batch.map((record) => record.value.id));
      break;
    }
    expect(taken).toEqual(['row-00', 'row-14', 'row-28']);
    // One request for the three, or one cursor moved twice to reach the second and third record.
    expect(requests).toEqual(withoutGetAllRecords ? { opened: 1, moved: 2, batches: 0 } : { opened: 0, moved: 0, batches: 1 });
  });

  it('ends with an empty batch when the range holds nothing', async () => {
    expect((await inBatches(IDBKeyRange.lowerBound(['c']), 'next', 5)).sizes).toEqual([0]);
  });
});

describe('rangePast', () => {
  it('moves the bound the direction leaves from, keeping the other as it was', () => {
    const range = IDBKeyRange.bound(['a'], ['b', []], false, true);
    expect(rangePast(range, ['a', '2026-01-02', 'row-01'], 'next')).toMatchObject({ lower: ['a', '2026-01-02', 'row-01'], lowerOpen: true, upper: ['b', []], upperOpen: true });
    expect(rangePast(range, ['a', '2026-01-02', 'row-01'], 'prev')).toMatchObject({ lower: ['a'], lowerOpen: false, upper: ['a', '2026-01-02', 'row-01'], upperOpen: true });
    expect(rangePast(undefined, ['a'], 'next')).toMatchObject({ lower: ['a'], lowerOpen: true, upper: undefined });
    expect(rangePast(undefined, ['a'], 'prev')).toMatchObject({ lower: undefined, upper: ['a'], upperOpen: true });
  });
});
