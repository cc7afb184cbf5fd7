import { openEnvelope } from '../messaging/client';
import { errorToEnvelope } from '../messaging/server';
import { DB_NAME, MIGRATIONS, openOfferDatabase } from '../offers/db';
import { importRecords } from '../offers/import-records';
import { OfferStore } from '../offers/store';
import type { OfferImporter } from './transfer';

/**
 * An import's offers written by the page that reads the file (the history or options page, the
 * extension's own), not by the background: the records are not carried to the worker, which cost
 * a sixth of an import (docs/index-engine.md, stage 3). The page's connection never creates the
 * database: the worker opens (and upgrades) it first (./transfer asks it a count), and a page that
 * finds none (a private window's separate storage) says so. Loaded only when an import starts.
 */
export async function openPageImporter(now = new Date().toISOString()): Promise<OfferImporter> {
  const db = await asMessagingError(() => openOfferDatabase(DB_NAME, undefined, MIGRATIONS, { create: false }));
  const store = new OfferStore(db);
  return {
    importPiece: (records, firstIndex, progress) => asMessagingError(() => importRecords(store, records, firstIndex, now, progress)),
    close: () => db.close(),
  };
}

/** A storage failure as the background would have reported it (a full disk is `quota`), for the page's words; anything else logged too, as the background logs it. */
async function asMessagingError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const envelope = errorToEnvelope(error);
    if (!envelope.ok && envelope.error.code === 'internal') console.error('Import failed', error);
    return openEnvelope(envelope) as never;
  }
}
