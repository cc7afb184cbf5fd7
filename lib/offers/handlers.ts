import type { Handlers } from '../messaging/protocol';
import { createBackup, readBackupEnvelope, validateBackupRecords } from './backup';
import { offersToCsv } from './csv';
import type { OfferStore } from './store';

/** The background's answers to every offer and backup message, over a store opened on demand. */
export function createOfferHandlers(
  openStore: () => Promise<OfferStore>,
  clock = () => new Date().toISOString(),
): Pick<Handlers, Extract<keyof Handlers, `offers.${string}` | `backup.${string}`>> {
  const withStore =
    <A extends unknown[], R>(run: (store: OfferStore, ...args: A) => Promise<R>) =>
    async (...args: A) =>
      run(await openStore(), ...args);
  return {
    'offers.upsert': withStore((store, { draft }) => store.upsert(draft)),
    'offers.get': withStore(async (store, { id }) => ({ offer: await store.get(id) })),
    'offers.page': withStore((store, request) => store.page(request)),
    'offers.search': withStore(async (store, { query, limit, filter }) => ({ offers: await store.search(query, limit, filter) })),
    'offers.usageLocations': withStore(async (store) => ({ locations: await store.usageLocations() })),
    'offers.deleteAll': withStore(async (store) => ({ deleted: await store.deleteAll() })),
    'offers.setStatus': withStore(async (store, { id, status }) => ({ offer: await store.setStatus(id, status) })),
    'offers.recordSend': withStore(async (store, { id, send }) => ({ offer: await store.recordSend(id, send) })),
    'offers.update': withStore(async (store, { id, patch }) => ({ offer: await store.update(id, patch) })),
    'offers.delete': withStore(async (store, { id }) => ({ offer: await store.delete(id) })),
    'offers.restore': withStore(async (store, { offer }) => ({ offer: await store.restore(offer) })),
    'offers.count': withStore(async (store) => ({ count: await store.count() })),
    'backup.export': withStore(async (store) => ({ backup: createBackup(await store.all(), clock()) })),
    'backup.exportCsv': withStore(async (store) => {
      const offers = await store.all();
      return { csv: offersToCsv(offers), count: offers.length };
    }),
    'backup.import': withStore(async (store, { backup }) => {
      const { valid, rejected } = validateBackupRecords(readBackupEnvelope(backup));
      const merged = await store.mergeAll(valid);
      return { ...merged, rejected };
    }),
  };
}
