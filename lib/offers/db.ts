import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Offer } from './schema';

export const DB_NAME = 'offer-courier';

/** Derived fields kept beside each offer only so IndexedDB can index them; never exported. */
export interface IndexFields {
  urlKey: string;
  words: string[];
  customerKey?: string;
}
export type StoredOffer = Offer & IndexFields;

export interface OfferCourierDB extends DBSchema {
  offers: {
    key: string;
    value: StoredOffer;
    indexes: {
      newest: [string, string];
      status: [string, string, string];
      kind: [string, string, string];
      usageLocation: [string, string, string];
      customer: string;
      summaryId: string;
      url: string;
      words: string;
    };
  };
}

export type Upgrade = (
  db: IDBPDatabase<OfferCourierDB>,
  tx: IDBPTransaction<OfferCourierDB, StoreNames<OfferCourierDB>[], 'versionchange'>,
) => void;

/** Numbered schema migrations: entry N-1 upgrades a database from version N-1 to N. Append only. */
export const MIGRATIONS: readonly Upgrade[] = [
  (db) => {
    const offers = db.createObjectStore('offers', { keyPath: 'id' });
    offers.createIndex('newest', ['createdAt', 'id']);
    offers.createIndex('status', ['status', 'createdAt', 'id']);
    offers.createIndex('kind', ['kind', 'createdAt', 'id']);
    offers.createIndex('usageLocation', ['usageLocation', 'createdAt', 'id']);
    offers.createIndex('customer', 'customerKey');
    offers.createIndex('summaryId', 'summaryId', { unique: true });
    offers.createIndex('url', 'urlKey', { unique: true });
    offers.createIndex('words', 'words', { multiEntry: true });
  },
];

export const DB_VERSION = MIGRATIONS.length;

export class DatabaseBlockedError extends Error {
  override name = 'DatabaseBlockedError';
  readonly code = 'blocked';
}

/**
 * Opens (and upgrades) the offer database. A tab still holding an older version is asked to close;
 * if it does not, the caller gets a DatabaseBlockedError instead of waiting forever. `onClosed` runs
 * when this connection closes (a newer version wants the database, or the browser closed it).
 * `migrations` is the schema's history, the real one unless a test plays a later version.
 */
export function openOfferDatabase(
  name = DB_NAME,
  onClosed?: () => void,
  migrations: readonly Upgrade[] = MIGRATIONS,
): Promise<IDBPDatabase<OfferCourierDB>> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    openDB<OfferCourierDB>(name, migrations.length, {
      upgrade(db, oldVersion, _newVersion, tx) {
        for (const migrate of migrations.slice(oldVersion)) migrate(db, tx);
      },
      blocked() {
        blocked = true;
        reject(new DatabaseBlockedError('Another tab is holding an older version of the offer database.'));
      },
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
        onClosed?.();
      },
      terminated() {
        onClosed?.();
      },
    }).then((db) => (blocked ? db.close() : resolve(db)), reject);
  });
}
