import type { Handlers } from '../messaging/protocol';
import { createBackup, readBackupEnvelope, validateBackupRecords } from './backup';
import { SUMMARY_ID_CONFLICT } from './import-report';
import { offersToCsv } from './csv';
import type { FollowUpMark, OfferStore } from './store';

/** The trial the advisor marked for follow-up, kept outside the database until a new purchase offer takes it. */
export interface FollowUpMarks {
  read(): Promise<FollowUpMark | null>;
  /** Clears the mark once a saved offer carries it. */
  applied(mark: FollowUpMark): Promise<void>;
}

const noFollowUp: FollowUpMarks = { read: () => Promise.resolve(null), applied: () => Promise.resolve() };

/** The background's answers to every offer and backup message, over a store opened on demand. */
export function createOfferHandlers(
  openStore: () => Promise<OfferStore>,
  clock = () => new Date().toISOString(),
  followUps: FollowUpMarks = noFollowUp,
): Pick<Handlers, Extract<keyof Handlers, `offers.${string}` | `backup.${string}`>> {
  const withStore =
    <A extends unknown[], R>(run: (store: OfferStore, ...args: A) => Promise<R>) =>
    async (...args: A) =>
      run(await openStore(), ...args);
  return {
    'offers.upsert': withStore(async (store, { draft }) => {
      const mark = await followUps.read();
      // The link is written with the offer; the mark is cleared after, and a mark left behind by a
      // stopped worker is recognised as applied by the next save, never linked twice.
      const { followUpApplied, ...answer } = await store.upsert(draft, mark ?? undefined);
      if (mark && followUpApplied) await followUps.applied(mark);
      return answer;
    }),
    'offers.get': withStore(async (store, { id }) => ({ offer: await store.get(id) })),
    'offers.page': withStore((store, request) => store.page(request)),
    'offers.search': withStore(async (store, { query, limit, filter }) => ({ offers: await store.search(query, limit, filter) })),
    'offers.usageLocations': withStore(async (store) => ({ locations: await store.usageLocations() })),
    'offers.deleteAll': withStore(async (store) => ({ deleted: await store.deleteAll() })),
    'offers.setStatus': withStore(async (store, { id, status }) => ({ offer: await store.setStatus(id, status) })),
    'offers.recordSend': withStore(async (store, { id, send }) => ({ offer: await store.recordSend(id, send) })),
    'offers.update': withStore(async (store, { id, patch, expected }) => ({ offer: await store.update(id, patch, expected) })),
    'offers.delete': withStore(async (store, { id }) => ({ offer: await store.delete(id) })),
    'offers.restore': withStore(async (store, { offer }) => ({ offer: await store.restore(offer) })),
    'offers.count': withStore(async (store) => ({ count: await store.count() })),
    'backup.export': withStore(async (store) => ({ backup: createBackup(await store.all(), clock()) })),
    'backup.exportCsv': withStore(async (store) => {
      const offers = await store.all();
      return { csv: offersToCsv(offers), count: offers.length };
    }),
    'backup.import': withStore(async (store, { backup }) => {
      const { valid, rejected } = validateBackupRecords(readBackupEnvelope(backup), clock());
      const { summaryIdConflicts, ...merged } = await store.mergeAll(valid.map(({ offer }) => offer));
      const clashing = summaryIdConflicts.flatMap((position) => {
        const record = valid.at(position);
        return record ? [{ index: record.index, id: record.offer.id, reason: SUMMARY_ID_CONFLICT }] : [];
      });
      return { ...merged, rejected: [...rejected, ...clashing].sort((a, b) => a.index - b.index) };
    }),
  };
}
