import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { getEach, putAll } from './raw-requests';

interface Item {
  id: number;
  code: string;
}

let db: IDBDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await new Promise((resolve, reject) => {
    const opening = indexedDB.open('raw-requests', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('items', { keyPath: 'id' }).createIndex('code', 'code', { unique: true });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('open failed'));
  });
});

const items = (count: number): Item[] => Array.from({ length: count }, (_, id) => ({ id, code: `code-${id}` }));
const finished = (tx: IDBTransaction) =>
  new Promise<string>((resolve) => {
    tx.oncomplete = () => resolve('complete');
    tx.onabort = () => resolve('aborted');
  });
const count = () =>
  new Promise<number>((resolve) => {
    const counting = db.transaction('items').objectStore('items').count();
    counting.onsuccess = () => resolve(counting.result);
  });

it('resolves once every record is written, each as `record` makes it', async () => {
  const tx = db.transaction('items', 'readwrite');
  const store = tx.objectStore('items');
  await putAll(store, items(300), (item) => ({ ...item, code: item.code.toUpperCase() }));
  const stored = await new Promise<Item[]>((resolve) => {
    const reading = store.getAll();
    reading.onsuccess = () => resolve(reading.result as Item[]);
  });
  expect(stored.map(({ code }) => code)).toEqual(items(300).map(({ code }) => code.toUpperCase()));
  expect(await finished(tx)).toBe('complete');
});

it('resolves at once with nothing to put', async () => {
  const tx = db.transaction('items', 'readwrite');
  await putAll(tx.objectStore('items'), [], () => ({}));
  expect(await finished(tx)).toBe('complete');
});

it('rejects with the first write refused, not with the abort the writes after it get', async () => {
  const tx = db.transaction('items', 'readwrite');
  const done = finished(tx);
  // Record 5 takes record 2's code: the unique index refuses it when its request runs.
  const refused = putAll(tx.objectStore('items'), items(40), (item) => (item.id === 5 ? { ...item, code: 'code-2' } : item));
  await expect(refused).rejects.toMatchObject({ name: 'ConstraintError' });
  expect(await done).toBe('aborted');
  expect(await count()).toBe(0);
});

it('rejects, rather than waiting for ever, when the transaction is aborted with writes pending', async () => {
  const tx = db.transaction('items', 'readwrite');
  const writing = putAll(tx.objectStore('items'), items(40), (item) => item);
  tx.abort();
  await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
  expect(await count()).toBe(0);
});

it('throws a record that cannot be put before any request is waited on', () => {
  const tx = db.transaction('items', 'readwrite');
  expect(() => putAll(tx.objectStore('items'), items(3), (item) => (item.id === 1 ? { code: 'no id' } : item))).toThrow();
  tx.abort();
});

it('gets each record in the order of its keys, undefined where none is stored', async () => {
  const writing = db.transaction('items', 'readwrite');
  await putAll(writing.objectStore('items'), items(10), (item) => item);
  await finished(writing);
  const store = db.transaction('items').objectStore('items');
  expect(await getEach<Item>(store, [7, 2, 42, 2])).toEqual([{ id: 7, code: 'code-7' }, { id: 2, code: 'code-2' }, undefined, { id: 2, code: 'code-2' }]);
  expect(await getEach<Item>(store.index('code'), ['code-3'])).toEqual([{ id: 3, code: 'code-3' }]);
  expect(await getEach(store, [])).toEqual([]);
});

it('rejects, rather than waiting for ever, when the transaction is aborted with reads pending', async () => {
  const tx = db.transaction('items');
  const reading = getEach(tx.objectStore('items'), [1, 2, 3]);
  tx.abort();
  await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
});
