/**
 * Many requests of one transaction made with the browser's own API, awaited together: idb would
 * make a promise and two listeners for each request, about 7 % of an import of 10,000 offers and
 * a third of the worker's time in a search that reads its candidates one by one.
 */

/**
 * Puts `items`, each as `record` makes it, and resolves when the last is written. A record that
 * cannot be put throws at once, before anything is waited on.
 *
 * Rejects with the first request that fails, heard on its transaction as its error event passes,
 * so the caller can abort and handle the transaction's own failure within that event. A
 * transaction aborted by the browser fails its pending requests, and the first of those rejects.
 */
export function putAll<T>(store: IDBObjectStore, items: readonly T[], record: (item: T) => unknown): Promise<void> {
  let last: IDBRequest | undefined;
  for (const item of items) last = store.put(record(item));
  return last ? lastDone(store.transaction, last) : Promise.resolve();
}

/** The records of `keys`, in their order (undefined where none is stored); rejects as putAll does. */
export async function getEach<T>(store: IDBObjectStore | IDBIndex, keys: readonly IDBValidKey[]): Promise<(T | undefined)[]> {
  const requests = keys.map((key) => store.get(key) as IDBRequest<T | undefined>);
  const last = requests.at(-1);
  if (last) await lastDone('objectStore' in store ? store.objectStore.transaction : store.transaction, last);
  return requests.map((request) => request.result);
}

/** Resolves when `request`, the last made, succeeds: a transaction's requests complete in order, so every one before it is done. */
function lastDone(tx: IDBTransaction, request: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (event: Event) => {
      tx.removeEventListener('error', failed);
      reject((event.target as IDBRequest).error ?? new DOMException('A request failed.', 'AbortError'));
    };
    tx.addEventListener('error', failed);
    request.onsuccess = () => {
      tx.removeEventListener('error', failed);
      resolve();
    };
  });
}
