import type { ArmedNext, Handlers, PageFilter, ResponseMap } from '../messaging/protocol';
import { armNext, clearAppliedMark, disarmNext, readArmedNext, type KeyValueArea } from './armed-next';
import { DAY_MS, DEFAULT_OVERDUE_DAYS } from './stats';
import type { Offer, OfferDraft } from './schema';
import { OfferNotFoundError, type OfferFilter, type OfferStore } from './store';

/** A capture's save and its Undo; no page message reaches them but through lib/capture/routing and a capture's grant. */
export interface CaptureHandlers {
  /** Saves a capture as `offers.upsert` does, and names the armed mark a new offer took (its Undo's to arm again). */
  saveCapture: (draft: OfferDraft) => Promise<{ answer: ResponseMap['offers.upsert']; takenMark: ArmedNext | null }>;
  /**
   * Deletes the offer a capture created and, when it took `takenMark`, takes that back: the offer
   * it replaced gets back the customers it withdrew, and the mark is armed again as it was (unless
   * the advisor armed another since), so that the right offer captured next takes the link.
   */
  undoCapture: (id: string, takenMark: ArmedNext | null) => Promise<{ offer: Offer | null; reopened: Offer | null }>;
}

/** The background's answers to every offer message, over a store opened on demand. */
export function createOfferHandlers(
  openStore: () => Promise<OfferStore>,
  /** Where the armed "next offer" link waits (extension storage). */
  marks: KeyValueArea,
  clock = () => new Date().toISOString(),
  /** The follow-up reminder delay in days (the preferences); null when reminders are off. */
  reminderDays: () => Promise<number | null> = () => Promise.resolve(null),
): Pick<Handlers, Extract<keyof Handlers, `offers.${string}`>> & CaptureHandlers {
  /** After how many days without a reply a follow-up is overdue: the reminder delay, else a week. */
  const overdueAfter = async () => {
    const days = await reminderDays();
    return { days: days ?? DEFAULT_OVERDUE_DAYS, remindersOn: days !== null };
  };
  /** The store's filter for a page's: a follow-up list becomes the customers awaiting a reply since before a moment. */
  const storeFilter = async ({ followUp, ...filter }: PageFilter = {}): Promise<OfferFilter> => {
    if (!followUp) return filter;
    if (followUp === 'awaiting') return { ...filter, awaiting: {} };
    const sentBefore = new Date(Date.parse(clock()) - (await overdueAfter()).days * DAY_MS).toISOString();
    return { ...filter, awaiting: { sentBefore } };
  };
  const withStore =
    <A extends unknown[], R>(run: (store: OfferStore, ...args: A) => Promise<R>) =>
    async (...args: A) =>
      run(await openStore(), ...args);
  const upsert = async (store: OfferStore, draft: OfferDraft) => {
    const armed = await readArmedNext(marks);
    // The link is written with the offer; the mark is cleared after, and a mark left behind by a
    // stopped worker is recognised as applied by the next save, never linked twice.
    const { armedApplied, ...answer } = await store.upsert(draft, armed ?? undefined);
    if (armed && armedApplied) await clearAppliedMark(marks, armed);
    const { offer } = answer;
    const took = armed && answer.created && (armed.link === 'replacement' ? offer.replaces : offer.followUpOf) === armed.offerId;
    return { answer, takenMark: took ? armed : null };
  };
  return {
    'offers.upsert': withStore(async (store, { draft }) => (await upsert(store, draft)).answer),
    saveCapture: withStore(upsert),
    'offers.get': withStore(async (store, { id }) => ({ offer: await store.get(id) })),
    'offers.page': withStore(async (store, { filter, ...request }) => store.page({ ...request, filter: await storeFilter(filter) })),
    'offers.search': withStore(async (store, { query, filter, ...request }) => store.search(query, { ...request, filter: await storeFilter(filter) })),
    'offers.usageLocations': withStore(async (store) => ({ locations: await store.usageLocations() })),
    'offers.deleteAll': withStore(async (store) => ({ deleted: await store.deleteAll() })),
    'offers.setCustomerStatus': withStore((store, { id, customerId, status }) => store.setCustomerStatus(id, customerId, status)),
    'offers.recordCompose': withStore(async (store, { id, event }) => ({ offer: await store.recordCompose(id, event) })),
    'offers.addCustomer': withStore(async (store, { id, customer }) => ({ offer: await store.addCustomer(id, customer) })),
    'offers.updateCustomer': withStore(async (store, { id, customerId, patch, expected }) => ({
      offer: await store.updateCustomer(id, customerId, patch, expected),
    })),
    'offers.removeCustomer': withStore((store, { id, customerId }) => store.removeCustomer(id, customerId)),
    'offers.mergeCustomers': withStore((store, { id, keepId, mergeId }) => store.mergeCustomers(id, keepId, mergeId)),
    'offers.update': withStore(async (store, { id, patch, expected }) => ({ offer: await store.update(id, patch, expected) })),
    'offers.replace': withStore((store, { id, by, withdraw }) => store.replace(id, by, withdraw)),
    'offers.linked': withStore((store, { id }) => store.linked(id)),
    'offers.armNext': withStore(async (store, { id, link, withdraw }) => {
      if (!(await store.get(id))) throw new OfferNotFoundError(`No offer with id ${id}.`);
      return { armed: await armNext(marks, { offerId: id, link, withdraw: withdraw ?? true }, clock()) };
    }),
    'offers.disarmNext': async () => ({ disarmed: await disarmNext(marks) }),
    'offers.armedNext': async () => ({ armed: await readArmedNext(marks) }),
    'offers.delete': withStore(async (store, { id }) => ({ offer: await store.delete(id) })),
    undoCapture: withStore(async (store, id: string, takenMark: ArmedNext | null) => {
      const replaced = takenMark?.link === 'replacement' ? takenMark.offerId : undefined;
      const { offer, unlinked } = await store.undoCapture(id, replaced);
      // The mark waits again only for an offer still there, whose link this Undo took back.
      const linkTakenBack =
        takenMark?.link === 'replacement'
          ? unlinked?.offer.id === takenMark.offerId
          : takenMark !== null && offer?.followUpOf === takenMark.offerId && (await store.get(takenMark.offerId)) !== null;
      if (takenMark && linkTakenBack && !(await readArmedNext(marks))) {
        const { at: _taken, ...mark } = takenMark;
        await armNext(marks, mark, clock());
      }
      return { offer, reopened: unlinked?.offer ?? null };
    }),
    'offers.restore': withStore(async (store, { offer }) => ({ offer: await store.restore(offer) })),
    'offers.restoreCustomers': withStore(async (store, { id, customers, expected }) => ({ offer: await store.restoreCustomers(id, customers, expected) })),
    'offers.setStatusForAll': withStore((store, { ids, status }) => store.setStatusForAll(ids, status)),
    'offers.undoStatusForAll': withStore((store, { ids, status, at }) => store.undoStatusForAll(ids, status, at)),
    'offers.deleteMany': withStore(async (store, { ids }) => ({ offers: await store.deleteMany(ids) })),
    'offers.restoreMany': withStore(async (store, { offers }) => ({ offers: await store.restoreAll(offers) })),
    'offers.count': withStore(async (store) => ({ count: await store.count() })),
    'offers.progress': withStore((store) => store.progress()),
    'offers.overview': withStore(async (store) => ({ overview: await store.overview(new Date(clock()), await overdueAfter()) })),
    // The page wrote the offers (lib/backup/page-importer); the change hooks rebuild their reminders.
    'offers.imported': () => Promise.resolve({ noted: true as const }),
  };
}
