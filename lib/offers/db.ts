import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import { offerFromV1, type V1Offer } from './from-v1';
import { fromStored, toStored } from './index-fields';
import { keyedTerms, type KeyedIndex } from './keyed-terms';
import { sameRecord } from './same-record';
import type { Offer } from './schema';
import { INITIAL_STATUS } from './statuses';
import { addInto, browserTimeZone, contribution, TOTALS_COUNTERS, type Totals } from './stats';
import { WordIndexChange, type WordBlock, type WordIndexState } from './word-index';

export const DB_NAME = 'offer-courier';

/** Derived fields kept beside each offer; never exported. */
export interface IndexFields {
  /** The words the offer can be found by (./words): a search checks them on each record it reads; the word index (./word-index) lists their offers. */
  words: string[];
}
export type StoredOffer = Offer & IndexFields;

/** The overview's totals (./stats), one record kept in step with the offers by every write. */
export const TOTALS_ID = 'totals';
export interface StoredTotals {
  id: typeof TOTALS_ID;
  counts: Totals;
  /** The time zone the month counters were counted in (since version 5). */
  timeZone?: string;
  /** Which counters `counts` holds (`TOTALS_COUNTERS`); absent before the waits per day. */
  counters?: number;
}

/** Whether the stored totals hold this version's counters, counted in the browser's time zone. */
export const totalsAreCurrent = (stored: StoredTotals | undefined): stored is StoredTotals =>
  stored?.timeZone === browserTimeZone() && stored.counters === TOTALS_COUNTERS;

/** A store's records read in key order, a batch at a time. */
interface RecordSource<T> {
  getAll(query: IDBKeyRange | null, count: number): Promise<T[]>;
}

/**
 * Hands the store's records to `visit` a batch at a time, in key order, each batch once the one
 * before is done: a cursor would wait a round trip per record.
 */
async function forEachBatch<T extends { id: string }>(records: RecordSource<T>, size: number, visit: (batch: T[]) => unknown): Promise<void> {
  for (let after: IDBKeyRange | null = null; ; ) {
    const batch = await records.getAll(after, size);
    const last = batch.at(-1);
    if (!last) return;
    await visit(batch);
    after = IDBKeyRange.lowerBound(last.id, true);
  }
}

/**
 * The totals counted afresh from every stored offer, read a batch at a time, in the browser's
 * time zone: the upgrade to version 5, and the recount of totals counted in another zone or
 * before some of today's counters existed (`totalsAreCurrent`).
 */
export async function countTotals(offers: RecordSource<StoredOffer>): Promise<StoredTotals> {
  const counts: Totals = new Map();
  await forEachBatch(offers, UPGRADE_BATCH, (batch) => {
    for (const record of batch) addInto(counts, contribution(fromStored(record)));
  });
  return { id: TOTALS_ID, counts, timeZone: browserTimeZone(), counters: TOTALS_COUNTERS };
}

export interface OfferCourierDB extends DBSchema {
  offers: {
    key: string;
    value: StoredOffer;
    indexes: {
      newest: [string, string];
    };
  };
  stats: {
    key: string;
    value: StoredTotals;
  };
  wordBlocks: {
    key: [number, string];
    value: WordBlock;
  };
  wordIndex: {
    key: string;
    value: WordIndexState;
  };
}

export type Upgrade = (
  db: IDBPDatabase<OfferCourierDB>,
  tx: IDBPTransaction<OfferCourierDB, StoreNames<OfferCourierDB>[], 'versionchange'>,
) => void | Promise<void>;

const UPGRADE_BATCH = 500;
/** Records upgraded at once: each batch's entries become one run of the word index. */
const WORD_UPGRADE_BATCH = 4096;
/** IndexedDB's index each keyed index replaced, by version; a keyed index added later comes with a migration of its own. */
const VERSION_7_MOVES = { url: 'url', summaryId: 'summaryId', followUpOf: 'followUpOf' } as const satisfies Partial<Record<KeyedIndex, string>>;
const VERSION_9_MOVES = { kind: 'kind', offerStatus: 'offerStatus', status: 'statuses' } as const satisfies Partial<Record<KeyedIndex, string>>;
const VERSION_10_MOVES = { usageLocation: 'usageLocation', awaitingSince: 'awaitingSince', awaitingSends: 'awaitingSends' } as const satisfies Partial<Record<KeyedIndex, string>>;

/**
 * Drops IndexedDB's indexes that keyed indexes (./keyed-terms) replace, and writes the keyed
 * terms of every record, a run of WORD_UPGRADE_BATCH records at a time. The records are only
 * read: the index fields they keep are dropped when each is next written, and never read (fromStored).
 */
async function moveIntoWordIndex(tx: Parameters<Upgrade>[1], moves: Partial<Record<KeyedIndex, string>>): Promise<void> {
  const offers = tx.objectStore('offers');
  for (const dropped of Object.values(moves)) offers.deleteIndex(dropped);
  const keyed = Object.keys(moves) as KeyedIndex[];
  await forEachBatch(offers, WORD_UPGRADE_BATCH, async (batch) => {
    const change = new WordIndexChange();
    for (const record of batch) change.record(undefined, { id: record.id, createdAt: record.createdAt, terms: keyedTerms(fromStored(record), keyed) });
    await change.save(tx);
  });
}

type UpgradeOffers = IDBPObjectStore<OfferCourierDB, StoreNames<OfferCourierDB>[], 'offers', 'versionchange'>;

/**
 * Writes a record an upgrade step made anew, unless it is the record as stored already: records
 * that an earlier step of the same upgrade wrote in today's form (version 2 does, with
 * `toStored`) are not written again by each later step that only recomputes index fields (their
 * new indexes take them in as they are created). An upgrade from version 1 of 100,000 offers took
 * 279 s without this, near the 5 minutes Chrome gives one event of the worker; 117 s with it.
 */
async function putIfChanged(offers: UpgradeOffers, record: object, stored: StoredOffer): Promise<void> {
  if (!sameRecord(record, stored)) await offers.put(stored);
}

/** Numbered schema migrations: entry N-1 upgrades a database from version N-1 to N. Append only. */
export const MIGRATIONS: readonly Upgrade[] = [
  (db) => {
    const offers = db.createObjectStore('offers', { keyPath: 'id' });
    offers.createIndex('newest', ['createdAt', 'id']);
    // Some of these indexes were dropped later (`status` and `customer` in version 2, `summaryId`
    // and `url` in version 7, `kind` in version 9, `usageLocation` in version 10): typed against
    // today's schema, hence the casts.
    offers.createIndex('status' as never, ['status', 'createdAt', 'id']);
    offers.createIndex('kind' as never, ['kind', 'createdAt', 'id']);
    offers.createIndex('usageLocation' as never, ['usageLocation', 'createdAt', 'id']);
    offers.createIndex('customer' as never, 'customerKey');
    offers.createIndex('summaryId' as never, 'summaryId', { unique: true });
    offers.createIndex('url' as never, 'urlKey', { unique: true });
    offers.createIndex('words' as never, 'words', { multiEntry: true });
  },
  // Version 2: customers per offer, each with a status (see docs/data-format.md). Every record is
  // rewritten in the upgrade's own transaction: an interrupted upgrade leaves version 1 whole.
  async (_db, tx) => {
    const offers = tx.objectStore('offers');
    offers.deleteIndex('status');
    offers.deleteIndex('customer');
    // Dropped in versions 9 and 7.
    offers.createIndex('statuses' as never, 'statusKeys', { multiEntry: true });
    offers.createIndex('followUpOf' as never, 'followUpOf');
    // A batch at a time, its writes issued together: a cursor waits for one round trip per record.
    await forEachBatch(offers, UPGRADE_BATCH, (batch) => Promise.all((batch as unknown as V1Offer[]).map((record) => offers.put(toStored(offerFromV1(record))))));
  },
  // Version 3: the pipeline overview. Indexes of the offer's status and of the customers awaiting
  // a reply, and the totals computed once here from every offer; from now on each write keeps them.
  async (db, tx) => {
    const offers = tx.objectStore('offers');
    // Dropped in versions 9 and 10.
    offers.createIndex('offerStatus' as never, 'offerStatusKey');
    offers.createIndex('awaitingSends' as never, 'awaitingKeys', { multiEntry: true });
    offers.createIndex('awaitingSince' as never, 'awaitingSince');
    db.createObjectStore('stats', { keyPath: 'id' });
    const totals: Totals = new Map();
    // A batch at a time: a cursor updating each record took 20 s of a 20,000-offer upgrade from version 1 (45 s in all).
    await forEachBatch(offers, UPGRADE_BATCH, (batch) =>
      Promise.all(
        batch.map((record) => {
          const offer = fromStored(record);
          addInto(totals, contribution(offer));
          return putIfChanged(offers, record, toStored(offer));
        }),
      ),
    );
    await tx.objectStore('stats').put({ id: TOTALS_ID, counts: totals });
  },
  // Version 4: the word index keyed by [word, createdAt], newest first within a word (see
  // docs/data-format.md). Every record is rewritten (one already in today's form is left as it is).
  async (_db, tx) => {
    const offers = tx.objectStore('offers');
    offers.deleteIndex('words');
    offers.createIndex('words' as never, 'wordKeys', { multiEntry: true });
    await forEachBatch(offers, UPGRADE_BATCH, (batch) => Promise.all(batch.map((stored) => putIfChanged(offers, stored, toStored(fromStored(stored))))));
  },
  // Version 5: the month counters count the advisor's months (the browser's time zone, recorded
  // with them) instead of UTC months. Every total is computed again from the offers, so the others
  // stay in step; the offers themselves are only read.
  async (_db, tx) => {
    await tx.objectStore('stats').put(await countTotals(tx.objectStore('offers')));
  },
  // Version 6: the word index of our own (./word-index) replaces IndexedDB's: each record's word
  // keys give way to its words, and their entries are written as runs, a batch of records at a time.
  async (db, tx) => {
    const offers = tx.objectStore('offers');
    offers.deleteIndex('words');
    db.createObjectStore('wordBlocks', { keyPath: 'key' });
    db.createObjectStore('wordIndex', { keyPath: 'id' });
    await forEachBatch(offers as RecordSource<StoredOffer & { wordKeys?: unknown }>, WORD_UPGRADE_BATCH, async (batch) => {
      const change = new WordIndexChange();
      await Promise.all(
        batch.map((raw) => {
          const { wordKeys: _version5, ...record } = raw;
          const stored = toStored(fromStored(record));
          // The offer's words only: its keys became terms in version 7, which writes them.
          change.record(undefined, { id: stored.id, createdAt: stored.createdAt, terms: stored.words });
          return putIfChanged(offers, raw, stored);
        }),
      );
      await change.save(tx);
    });
  },
  // Version 7: the exact-key indexes (./keyed-terms) move into the word index, as tagged terms.
  (_db, tx) => moveIntoWordIndex(tx, VERSION_7_MOVES),
  // Version 8: an offer without customers no longer stands at the customer status `pending`
  // (`customerStatuses`). Only the records the `statuses` index holds at `pending` are read, a
  // batch at a time; those without customers are rewritten and leave that index.
  async (_db, tx) => {
    const offers = tx.objectStore('offers');
    // Dropped in version 9.
    const pending = offers.index('statuses' as never);
    // An array sorts after every string: past every key at `pending`.
    const end = [INITIAL_STATUS, []];
    for (let range = IDBKeyRange.bound([INITIAL_STATUS], end); ; ) {
      const batch = await pending.getAll(range, UPGRADE_BATCH);
      const last = batch.at(-1);
      if (!last) return;
      await Promise.all(batch.filter((record) => record.customers.length === 0).map((record) => putIfChanged(offers, record, toStored(fromStored(record)))));
      range = IDBKeyRange.bound([INITIAL_STATUS, last.createdAt, last.id], end, true);
    }
  },
  // Version 9: the kind, the offer's status and its customers' statuses move into the word index
  // too (docs/index-engine.md, stage 2b): the filters by them and the grouped orders walk their
  // terms' holders.
  (_db, tx) => moveIntoWordIndex(tx, VERSION_9_MOVES),
  // Version 10: the location and the waits for a reply follow (docs/index-engine.md, stage 2b):
  // `newest` is IndexedDB's last index. The totals, which now count the offers of each location
  // (the filter's list), are counted again.
  async (_db, tx) => {
    await moveIntoWordIndex(tx, VERSION_10_MOVES);
    await tx.objectStore('stats').put(await countTotals(tx.objectStore('offers')));
  },
];

export const DB_VERSION = MIGRATIONS.length;

export class DatabaseBlockedError extends Error {
  override name = 'DatabaseBlockedError';
  readonly code = 'blocked';
}

/** The database is not there for a connection that must not create it (./page-importer). */
export class DatabaseMissingError extends Error {
  override name = 'DatabaseMissingError';
  readonly code = 'storage';
  readonly problem = 'offers-unreachable';
}

/**
 * Opens (and upgrades) the offer database. A tab still holding an older version is asked to close;
 * if it does not, the caller gets a DatabaseBlockedError instead of waiting forever. `onClosed` runs
 * when this connection closes (a newer version wants the database, or the browser closed it).
 * `migrations` is the schema's history, the real one unless a test plays a later version. With
 * `create` false, a database that is not there is not created: DatabaseMissingError.
 */
export function openOfferDatabase(
  name = DB_NAME,
  onClosed?: () => void,
  history: readonly Upgrade[] = MIGRATIONS,
  { create = true }: { create?: boolean } = {},
): Promise<IDBPDatabase<OfferCourierDB>> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    openDB<OfferCourierDB>(name, history.length, {
      upgrade(db, oldVersion, _newVersion, tx) {
        // An aborted upgrade is reported once, by the open request; its transaction's own promise would report it again, unhandled.
        tx.done.catch(() => undefined);
        if (oldVersion === 0 && !create) {
          // Settled first: the open request's own failure (the abort) then changes nothing.
          reject(new DatabaseMissingError('The offer database is not there for this page.'));
          tx.abort();
          return;
        }
        // One after another in the one transaction; a failing step aborts it, so nothing half-done is kept.
        let steps = Promise.resolve();
        for (const migrate of history.slice(oldVersion)) steps = steps.then(() => migrate(db, tx));
        steps.catch((error: unknown) => {
          console.error('Offer database upgrade failed', error);
          try {
            tx.abort();
          } catch {
            // A refused write has already aborted it.
          }
        });
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
