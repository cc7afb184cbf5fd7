import type { StoredOffer } from './db';
import { fromStored } from './from-stored';
import type { Offer } from './schema';

/**
 * The schema version whose records this reader understands. Kept apart from db.ts so the popup
 * does not load the migrations; read-newest.test.ts checks it is the store's DB_VERSION.
 */
export const READABLE_VERSION = 10;
const DB_NAME = 'offer-courier';

/**
 * The newest offers, read straight from the extension's own offer database so the popup's first
 * render waits for neither the background worker nor a message. Read-only: it never creates,
 * upgrades or writes the database (the store stays its only writer) and closes its connection
 * as soon as it has read, or when an upgrade asks for the database. Null when it cannot answer
 * (no database yet, another schema version, an error): the caller then asks the background.
 */
export function readNewestOffers(limit: number, factory: IDBFactory = indexedDB): Promise<Offer[] | null> {
  return new Promise((resolve) => {
    let opening: IDBOpenDBRequest;
    try {
      // No version: the database as it is, never an upgrade by this reader.
      opening = factory.open(DB_NAME);
    } catch {
      resolve(null);
      return;
    }
    // Only a missing database asks for an upgrade here; creating it is the store's job.
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onerror = () => resolve(null);
    opening.onsuccess = () => {
      const db = opening.result;
      db.onversionchange = () => db.close();
      const done = (offers: Offer[] | null) => {
        db.close();
        resolve(offers);
      };
      if (db.version !== READABLE_VERSION || !db.objectStoreNames.contains('offers')) {
        done(null);
        return;
      }
      try {
        const tx = db.transaction('offers', 'readonly');
        const newest = tx.objectStore('offers').index('newest') as IDBIndex & Partial<RecordsReader>;
        let offers: Offer[] = [];
        if (newest.getAllRecords) {
          // One request for them all where the browser has it (Chromium 141+): a cursor waits a round trip per record.
          const reading = newest.getAllRecords({ count: limit, direction: 'prev' });
          reading.onsuccess = () => (offers = reading.result.map((record) => fromStored(record.value as StoredOffer)));
        } else {
          const reading = newest.openCursor(null, 'prev');
          reading.onsuccess = () => {
            const cursor = reading.result;
            if (!cursor || offers.length >= limit) return;
            offers.push(fromStored(cursor.value as StoredOffer));
            cursor.continue();
          };
        }
        tx.oncomplete = () => done(offers);
        tx.onabort = () => done(null);
      } catch {
        done(null);
      }
    };
  });
}

/** The options of `IDBIndex.getAllRecords`, newer than TypeScript's DOM types. */
export interface RecordsQuery {
  query?: IDBKeyRange | null;
  count?: number;
  direction?: IDBCursorDirection;
}
interface RecordsReader {
  getAllRecords(options: RecordsQuery): IDBRequest<{ value: unknown }[]>;
}
