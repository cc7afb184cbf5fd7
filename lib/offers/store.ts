import { unwrap, type IDBPDatabase, type IDBPIndex, type IDBPObjectStore, type IDBPTransaction, type IndexNames, type StoreNames } from 'idb';
import { parseOfferUrl } from './offer-url';
import { countTotals, openOfferDatabase, totalsAreCurrent, TOTALS_ID, type OfferCourierDB, type StoredOffer } from './db';
import { readBatch, recordBatches, type RecordSource } from './index-batches';
import { mergeOffer, offerFromDraft, stripUndefined } from './merge';
import { searchWords } from './normalize';
import { CLOSED_STATUSES } from './statuses';
import { sortGroups, type GroupedSortKey, type OfferSort, type SortDirection } from './sort';
import type { ResultPageField } from './result-page-fields';
import { LIMITS, Offer, type CustomerIdentity, type CustomerStatus, type OfferCustomer, type OfferDraft, type OfferStatus, type OfferKind } from './schema';
import {
  applyComposeEvent,
  cleanIdentity,
  customerStatuses,
  offerStatus,
  findCustomer,
  hasIdentity,
  newCustomer,
  uniteCustomer,
  withStatus,
  withStatusUndone,
  type ComposeEvent,
} from './customers';
import { fromStored, toStored } from './index-fields';
import { sameRecord } from './same-record';
import {
  addInto,
  anySent,
  awaitingCustomers,
  awaitingKeys,
  contribution,
  DAY_MS,
  laterWaitsOfCutoffDay,
  offerCount,
  oldestWait,
  readOverview,
  usageLocationsIn,
  waitDay,
  waitsOfLaterDays,
  type PipelineOverview,
  type ProgressFacts,
  type Totals,
} from './stats';
import { matchesAllWords, offerWords, urlKey } from './words';
import { clearWordIndex, keyedEntries, keyedHolders, keyedHoldersOf, wordHolders, WordIndexChange, type WordHolder, type WordIndexTransaction } from './word-index';
import { KEYED_INDEXES, keyedTerm, keyedTerms, waitOfTerm, type KeyedIndex } from './keyed-terms';
import { getEach, putAll } from './raw-requests';
import { commonHolders, keyedTermsHolders, type CommonHolders } from './newest-holders';
import { firstOlder, offerOfKey, offersNewestFirst, wholeTerm } from './word-lines';
import type { ArmedNext, CustomersChanged, ErrorProblem, LinkedOffers } from '../messaging/protocol';

export class OfferNotFoundError extends Error {
  override name = 'OfferNotFoundError';
  readonly code = 'not-found';
}
export class InvalidOfferError extends Error {
  override name = 'InvalidOfferError';
  readonly code = 'invalid-offer';
  constructor(
    readonly problem: ErrorProblem,
    message: string,
  ) {
    super(message);
  }
}
/** An edit made on a copy of the offer that another window has changed since. */
export class StaleOfferError extends Error {
  override name = 'StaleOfferError';
  readonly code = 'stale';
}
const NOT_AN_OFFER_URL = 'This is not a Partner Center offer URL.';
/** A schema issue as a technical detail: the field's path, then what is wrong with it. */
const invalidFieldMessage = (issue: { path: PropertyKey[]; message: string } | undefined) =>
  issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'Invalid offer.';

export interface PageRequest {
  cursor?: string;
  limit?: number;
  filter?: OfferFilter;
  /** None: newest first, or longest wait first in a follow-up list. */
  sort?: OfferSort;
}
/** `from` is inclusive and `to` exclusive: ISO timestamps compared with createdAt. */
export interface OfferFilter {
  /** Some customer stands at this status. */
  status?: OfferStatus;
  /** The offer's own (derived) status is this. */
  offerStatus?: OfferStatus;
  /**
   * Some customer awaits a reply (since before `sentBefore`, an ISO time, when given: an overdue
   * follow-up). The list then shows the longest wait first.
   */
  awaiting?: { sentBefore?: string };
  kind?: OfferKind;
  usageLocation?: string;
  from?: string;
  to?: string;
}
export interface Page {
  offers: Offer[];
  nextCursor: string | null;
}
/** Field-level changes to the offer itself. */
export interface OfferPatch {
  notes?: string;
  followUpOf?: string | null;
}
/** The values the editor last saw in the fields it changes (blank for none). */
export interface ExpectedFields {
  notes?: string;
}
export interface MergeResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Positions (in the offers given) of records refused because another offer holds their summary ID. */
  summaryIdConflicts: number[];
}
/**
 * A saved draft. `summaryIdConflict` is the draft's summary ID when another offer already holds
 * it: the offer is its quote, so the draft is saved as its own record without that summary ID.
 */
export interface UpsertAnswer {
  offer: Offer;
  created: boolean;
  summaryIdConflict?: string;
  /** Whether the armed link given to upsert is now applied (by this save or an earlier one). */
  armedApplied?: boolean;
}

/** An offer as the word index lists it: by its search words and its keys. */
const wordHolder = (offer: Offer, words: readonly string[]): WordHolder => ({ id: offer.id, createdAt: offer.createdAt, terms: [...words, ...keyedTerms(offer)] });

/** Every write changes the offers, the overview's totals and the word index together. */
const WRITES: ['offers', 'stats', 'wordBlocks', 'wordIndex'] = ['offers', 'stats', 'wordBlocks', 'wordIndex'];
type ReadWrite = IDBPTransaction<OfferCourierDB, typeof WRITES, 'readwrite'>;

const DEFAULT_PAGE = 50;
/**
 * Reading one record costs about as much as this many lines of the word index, a cautious guess:
 * a record comes by its own request, where a block of 512 lines of some 70 characters comes in one.
 */
const LINES_PER_RECORD = 16;
/** The most records a search reads in one request. */
const SCAN_BATCH = 1000;
/** Writes a merge issues at once: some 100 ms of the page's time on a slow machine, between which it paints. */
const PUT_BATCH = 500;

export { fromStored };

/** The index key the next page starts after: [createdAt, id], or [oldest wait, createdAt, id] in the follow-up list. */
function decodeCursor<K extends string[]>(cursor: string | undefined, length: K['length']): K | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(cursor);
    if (Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'string')) return value as K;
  } catch {
    // An unreadable cursor restarts from the first page rather than failing the page.
  }
  return null;
}

/**
 * What one transaction's writes change in what is derived from the offers, the overview's totals
 * and the word index: each write of an offer records the difference between before and after,
 * and `save` adds it to both in the same transaction, so neither ever disagrees with the offers.
 */
class DerivedChange {
  private readonly change: Totals = new Map();
  private readonly words = new WordIndexChange();
  constructor(private readonly tx: ReadWrite) {}

  /** Records a write of the offer, from `before` to `after` (absent: created or deleted); returns the record to put. */
  record(before: Offer | undefined, after: Offer): StoredOffer;
  record(before: Offer | undefined, after: undefined): undefined;
  record(before: Offer | undefined, after: Offer | undefined): StoredOffer | undefined {
    if (before) addInto(this.change, contribution(before), -1);
    if (after) addInto(this.change, contribution(after));
    const stored = after && toStored(after);
    this.words.record(before && wordHolder(before, offerWords(before)), stored && wordHolder(stored, stored.words));
    return stored;
  }

  async put(before: Offer | undefined, after: Offer): Promise<void> {
    await this.tx.objectStore('offers').put(this.record(before, after));
  }

  /** The ids of the offers holding `value` as their key in `index`, this transaction's writes so far included. */
  keyedHolders(index: KeyedIndex, value: string): Promise<string[]> {
    return keyedHolders(this.tx, index, value, this.words);
  }

  async save(): Promise<void> {
    await this.words.save(this.tx);
    if (this.change.size === 0) return;
    const stats = this.tx.objectStore('stats');
    const stored = await stats.get(TOTALS_ID);
    // Counted in another time zone (the advisor moved), or before some counters existed: this
    // change's months are not theirs, or the change has nothing to add to, so everything is
    // counted again, once, this transaction's writes included.
    if (!totalsAreCurrent(stored)) await stats.put(await countTotals(this.tx.objectStore('offers')));
    else await stats.put({ ...stored, counts: addInto(stored.counts, this.change) });
  }
}

/** The offer store. Every method runs in its own transaction; nothing is cached between calls. */
export class OfferStore {
  constructor(
    private readonly db: IDBPDatabase<OfferCourierDB>,
    private readonly clock: () => string = () => new Date().toISOString(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /**
   * Saves a draft: merges into the offer with the same URL (its quote), or adds a new one. A
   * summary ID another offer holds is reported, never merged on. A new offer takes the armed link
   * (a purchase offer following up a trial, or any offer replacing another) in the same
   * transaction, so the link is never lost between two steps.
   */
  async upsert(draft: OfferDraft, armed?: ArmedNext): Promise<UpsertAnswer> {
    const parsed = parseOfferUrl(draft.url);
    if (!parsed) throw new InvalidOfferError('not-an-offer-url', NOT_AN_OFFER_URL);
    const now = this.clock();
    const tx = this.db.transaction(WRITES, 'readwrite');
    const derived = new DerivedChange(tx);
    let incoming = offerFromDraft(draft, parsed, this.newId(), now, this.newId());
    const isNew = !(await this.findMatch(tx, derived, incoming));
    const takesArmed = armed && isNew && armed.offerId !== incoming.id && (armed.link === 'replacement' || (incoming.kind === 'purchase' && !incoming.followUpOf));
    let armedApplied = false;
    if (armed && takesArmed) {
      armedApplied = true;
      if (!(await this.armedAppliedSince(tx, armed))) {
        if (armed.link === 'follow-up') incoming = { ...incoming, followUpOf: armed.offerId };
        else {
          const old = await tx.objectStore('offers').get(armed.offerId);
          if (old && !old.replacedBy) {
            const linked = replacement(fromStored(old), incoming, armed.withdraw, now, this.newId);
            await derived.put(fromStored(old), linked.replaced);
            incoming = linked.by;
          }
        }
      }
    } else if (armed) {
      // A save that takes no link still reports a mark an earlier save applied: a worker stopped
      // between that save and the mark's clearing leaves it, and the retry is a merge.
      armedApplied = await this.armedAppliedSince(tx, armed);
    }
    const result = await this.mergeInto(tx, derived, incoming, now, draft.shownOnResultPage);
    await derived.save();
    await tx.done;
    return {
      offer: result.offer,
      created: result.outcome === 'added',
      ...(result.summaryIdConflict ? { summaryIdConflict: result.summaryIdConflict } : {}),
      ...(armed ? { armedApplied } : {}),
    };
  }

  /** True when an offer created since the arming already carries its link (a save whose mark was not cleared). */
  private async armedAppliedSince(tx: ReadWrite, { offerId, link, at }: ArmedNext): Promise<boolean> {
    const since = IDBKeyRange.lowerBound([at]);
    const newer = await tx.objectStore('offers').index('newest').getAll(since);
    return newer.some((offer) => (link === 'follow-up' ? offer.followUpOf === offerId : offer.replaces === offerId));
  }

  /** The offer with the same id or, failing that, the same quote (URL). Never by summary ID. */
  private async findMatch(tx: ReadWrite, derived: DerivedChange, offer: Offer): Promise<StoredOffer | undefined> {
    const store = tx.objectStore('offers');
    const [byId, [byUrl]] = await Promise.all([store.get(offer.id), derived.keyedHolders('url', urlKey(offer))]);
    return byId ?? (byUrl === undefined ? undefined : store.get(byUrl));
  }

  /** The id of an offer holding this summary ID, if any. */
  private async summaryIdHolder(derived: DerivedChange, summaryId: string | undefined): Promise<string | undefined> {
    return summaryId ? (await derived.keyedHolders('summaryId', summaryId))[0] : undefined;
  }

  private async mergeInto(
    tx: ReadWrite,
    derived: DerivedChange,
    incoming: Offer,
    now: string,
    replacing: readonly ResultPageField[] = [],
  ): Promise<{ offer: Offer; outcome: 'added' | 'updated' | 'unchanged'; summaryIdConflict?: string }> {
    const match = await this.findMatch(tx, derived, incoming);
    const existing = match ? fromStored(match) : undefined;
    const merge = (from: Offer) => (existing ? mergeOffer(existing, from, now, replacing) : from);
    let next = merge(incoming);
    const holder = next.summaryId !== existing?.summaryId ? await this.summaryIdHolder(derived, next.summaryId) : undefined;
    const summaryIdConflict = holder !== undefined && holder !== next.id ? next.summaryId : undefined;
    // Saved without the clashing summary ID (a known one stays): everything else the capture read is kept.
    if (summaryIdConflict) next = merge({ ...incoming, summaryId: undefined });
    const conflict = summaryIdConflict ? { summaryIdConflict } : {};
    if (next === existing) return { offer: existing, outcome: 'unchanged', ...conflict };
    await derived.put(existing, next);
    return { offer: next, outcome: existing ? 'updated' : 'added', ...conflict };
  }

  /**
   * Merges complete offers (a backup) in one transaction: all are written or none. Every stored
   * match is read up front, then the offers are merged in memory (those of the list that match
   * each other too, so no two offers are written with one quote or summary ID), then the writes are issued
   * PUT_BATCH at a time, each batch without waiting in between: the database writes while the
   * next records are prepared, and the page importing paints between batches. A record whose
   * summary ID another offer holds is refused alone (reported by position); the rest is written.
   * `written` hears how many of the writes are done.
   */
  async mergeAll(offers: readonly Offer[], written: (done: number, of: number) => void = () => undefined): Promise<MergeResult> {
    const now = this.clock();
    const tx = this.db.transaction(WRITES, 'readwrite');
    const derived = new DerivedChange(tx);
    const result: MergeResult = { added: 0, updated: 0, unchanged: 0, summaryIdConflicts: [] };
    try {
      const { matches, holders } = await storedMatches(tx, offers);
      const pending = new PendingWrites();
      /** Each offer as stored before this merge (by id), for the difference it makes. */
      const storedBefore = new Map<string, Offer>();
      offers.forEach((incoming, i) => {
        const stored = matches[i];
        const target = pending.find(incoming) ?? (stored ? pending.find(fromStored(stored)) : undefined);
        const existing = target ?? (stored ? fromStored(stored) : undefined);
        if (stored && !target && !storedBefore.has(stored.id)) storedBefore.set(stored.id, fromStored(stored));
        const merged = existing ? mergeOffer(existing, incoming, now) : incoming;
        // Only a summary ID this record brings can clash: one the offer already held is its own.
        if (merged.summaryId && merged.summaryId !== existing?.summaryId) {
          const holder = pending.summaryIdHolder(merged.summaryId) ?? holders[i];
          if (holder !== undefined && holder !== merged.id) {
            result.summaryIdConflicts.push(i);
            return;
          }
        }
        if (!existing) {
          pending.add(incoming);
          result.added++;
          return;
        }
        if (merged === existing) {
          result.unchanged++;
          return;
        }
        pending.replace(existing, merged);
        result.updated++;
      });
      const writes = pending.offers();
      const store = unwrap(tx.objectStore('offers'));
      for (let from = 0; from < writes.length; from += PUT_BATCH) {
        const batch = writes.slice(from, from + PUT_BATCH);
        await putAll(store, batch, (offer) => derived.record(storedBefore.get(offer.id), offer));
        written(from + batch.length, writes.length);
      }
      await derived.save();
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // A failed write has aborted it already.
      }
      await tx.done.catch(() => undefined);
      // A transaction the browser aborted (a full disk) says why; its requests say only that they were aborted.
      throw unwrap(tx).error ?? error;
    }
    await tx.done;
    return result;
  }

  async get(id: string): Promise<Offer | null> {
    const stored = await this.db.get('offers', id);
    return stored ? fromStored(stored) : null;
  }

  /**
   * How many offers are stored, from the totals every write keeps: IndexedDB's count walks every
   * record (about 220 ms at 100,000 offers in Chromium).
   */
  async count(): Promise<number> {
    return countedOffers(this.db.transaction(WRITES, 'readonly').objectStore('offers'));
  }

  /** How far the advisor got: offers stored, and whether any was sent (from the totals, not the offers). */
  async progress(): Promise<ProgressFacts> {
    const counts = (await this.db.get('stats', TOTALS_ID))?.counts ?? new Map<string, number>();
    return { offers: offerCount(counts), sent: anySent(counts) };
  }

  /**
   * One page, newest first (the follow-up list: longest wait first) unless `sort` asks for another
   * order. A filter by status, kind or location walks the holders of its keyed terms
   * (./keyed-terms); no filter reads the `newest` index, in batches (./index-batches) so that
   * about `limit` records are loaded.
   */
  async page({ cursor, limit = DEFAULT_PAGE, filter = {}, sort }: PageRequest = {}): Promise<Page> {
    // Dates typed the wrong way round hold no offer; as a key range they would throw.
    if (filter.from && filter.to && filter.from >= filter.to) return { offers: [], nextCursor: null };
    if (!sort && filter.awaiting) return this.awaitingPage(cursor, limit, filter);
    if (sort && sort.key !== 'created') return this.groupedPage({ key: sort.key, direction: sort.direction }, cursor, limit, filter);
    const ascending = sort?.direction === 'asc';
    const after = decodeCursor<[string, string]>(cursor, 2);
    const terms = filterTerms(filter);
    if (terms.length > 0) return this.keyedPage(terms, after, ascending, limit, filter);
    const tx = this.db.transaction('offers', 'readonly');
    const store = tx.objectStore('offers');
    // Dates bound the range; the cursor of a next page always lies within them, so it takes the
    // place of the bound the list moves away from.
    const from = filter.from ? { key: [filter.from], open: false } : undefined;
    const to = filter.to ? { key: [filter.to], open: true } : undefined;
    const resume = after ? { key: [...after], open: true } : undefined;
    const range = ascending ? keyRange(resume ?? from, to) : keyRange(from, resume ?? to);
    const offers: Offer[] = [];
    let hasMore = false;
    batches: for await (const batch of recordBatches(recordSource(store.index('newest')), range, ascending ? 'next' : 'prev', limit + 1)) {
      for (const { value } of batch) {
        const offer = fromStored(value);
        if (!matchesFilter(offer, filter)) continue;
        if (offers.length === limit) {
          hasMore = true;
          break batches;
        }
        offers.push(offer);
      }
    }
    const last = offers.at(-1);
    return { offers, nextCursor: hasMore && last ? JSON.stringify([last.createdAt, last.id]) : null };
  }

  /**
   * A page of the offers holding every keyed term: newest first, walked from the newest down as
   * far as the page needs; oldest first, from the list of every holder (the word index's runs are
   * read newest first only).
   */
  private async keyedPage(terms: readonly string[], after: [string, string] | null, ascending: boolean, limit: number, filter: OfferFilter): Promise<Page> {
    const tx = this.db.transaction(WRITES, 'readonly');
    const fits = (stored: StoredOffer) => matchesFilter(stored, filter);
    const take = ascending
      ? takingFrom(oldestFirstAfter(await keyedTermsListed(tx, terms), after, filter))
      : await keyedTermsWalk(tx, terms, after ?? topOf(filter), filter.from);
    return pageOf(await fittingRecords(tx.objectStore('offers'), take, fits, limit + 1), limit);
  }

  /**
   * A page sorted by kind or by the offer's status: each value's holders (its keyed term) in the
   * sort's order, newest first within each. The cursor is the last offer's [value, createdAt, id].
   */
  private async groupedPage(sort: { key: GroupedSortKey; direction: SortDirection }, cursor: string | undefined, limit: number, filter: OfferFilter): Promise<Page> {
    const after = decodeCursor<[string, string, string]>(cursor, 3);
    const index = GROUPED_SORT_INDEXES[sort.key];
    const fixed = filter[index];
    const groups = sortGroups(sort.key, sort.direction).filter((group) => !fixed || group === fixed);
    const tx = this.db.transaction(WRITES, 'readonly');
    const start = after ? groups.indexOf(after[0] as (typeof groups)[number]) : 0;
    const fits = (stored: StoredOffer) => matchesFilter(stored, filter);
    const otherTerms = filterTerms(filter);
    const matches: StoredOffer[] = [];
    for (const group of groups.slice(Math.max(start, 0))) {
      const below: [string, string] = after && after[0] === group ? [after[1], after[2]] : topOf(filter);
      const terms = [...new Set([keyedTerm(index, group), ...otherTerms])];
      matches.push(...(await fittingRecords(tx.objectStore('offers'), await keyedTermsWalk(tx, terms, below, filter.from), fits, limit + 1 - matches.length)));
      if (matches.length > limit) break;
    }
    return pageOf(matches, limit, (last) => [KEYED_INDEXES[index].of(last), last.createdAt, last.id]);
  }

  /**
   * Offers with a customer awaiting a reply, longest wait first: the holders of the keyed index of
   * each offer's oldest wait, listed whole (up to `sentBefore`). The cursor is the last offer's
   * [oldest wait, createdAt, id].
   */
  private async awaitingPage(cursor: string | undefined, limit: number, filter: OfferFilter): Promise<Page> {
    const after = decodeCursor<[string, string, string]>(cursor, 3);
    const before = filter.awaiting?.sentBefore;
    const tx = this.db.transaction(WRITES, 'readonly');
    const waits = (await keyedEntries(tx, 'awaitingSince'))
      .map(({ value, offer }) => ({ key: [value, ...offerOfKey(offer)] as [string, string, string], offer }))
      .filter(({ key }) => (!before || key[0] <= before) && (!after || compareKeys(key, after) > 0))
      .sort((a, b) => compareKeys(a.key, b.key));
    const fits = (stored: StoredOffer) => matchesFilter(stored, filter);
    const matches = await fittingRecords(tx.objectStore('offers'), takingFrom(waits.map(({ offer }) => offer)), fits, limit + 1);
    return pageOf(matches, limit, (last) => [oldestWait(last), last.createdAt, last.id]);
  }

  /** Counts the totals again from every offer: the advisor moved to another time zone, or they were counted before some counters existed. */
  private async recountTotals(): Promise<void> {
    const tx = this.db.transaction(WRITES, 'readwrite');
    await tx.objectStore('stats').put(await countTotals(tx.objectStore('offers')));
    await tx.done;
  }

  /**
   * The pipeline overview: the totals every write keeps, and the customers whose wait for a reply
   * began more than `overdue.days` before `now`: the awaiting customers less the recent waits. The
   * totals count the waits per day, so only the cutoff's own day is counted on the index of waits;
   * counting a week of waits there kept the database busy while the history page's list waited.
   */
  async overview(now: Date, overdue: Omit<PipelineOverview['overdue'], 'customers'>): Promise<PipelineOverview> {
    const tx = this.db.transaction(WRITES, 'readonly');
    const cutoff = new Date(now.getTime() - overdue.days * DAY_MS).toISOString();
    const [stored, thatDay] = await Promise.all([tx.objectStore('stats').get(TOTALS_ID), keyedEntries(tx, 'awaitingSends', waitDay(cutoff))]);
    if (!totalsAreCurrent(stored)) {
      await this.recountTotals();
      return this.overview(now, overdue);
    }
    const totals = stored.counts;
    const recent = waitsOfLaterDays(totals, cutoff) + laterWaitsOfCutoffDay(thatDay.map(({ value }) => waitOfTerm(value)), cutoff);
    return readOverview(totals, now, { ...overdue, customers: awaitingCustomers(totals) - recent });
  }

  /**
   * Case- and accent-insensitive search over summary ID, URL, customer, subscriptions, notes, one
   * page at a time, newest first; `cursor` (the previous page's `nextCursor`) is where the next
   * page starts. Every query word must start a word of the offer; a pasted offer URL finds its
   * offer. The newest offers are read first: a query they all match (a common word) needs nothing
   * else, and the scan goes on in batches sized by how many matched so far. When matches are rare,
   * the word index lists the offers holding the query words, and only theirs are read.
   */
  async search(query: string, { cursor, limit = DEFAULT_PAGE, filter = {} }: PageRequest = {}): Promise<Page> {
    const pastedUrl = parseOfferUrl(query);
    const queryWords = [...new Set(searchWords(pastedUrl ? pastedUrl.quoteId : query))];
    if (queryWords.length === 0) return this.page({ cursor, limit, filter });
    const after = decodeCursor<[string, string]>(cursor, 2);
    const fits = (stored: StoredOffer) => matchesAllWords(stored.words, queryWords) && matchesFilter(stored, filter);
    const tx = this.db.transaction(WRITES, 'readonly');
    const newest = tx.objectStore('offers').index('newest');
    // One more than the page: its presence says a next page exists.
    const wanted = limit + 1;
    const matches: StoredOffer[] = [];
    // The scan starts below the cursor (or the filter's end date) and stops at its start date.
    const top = after ?? (filter.to ? [filter.to] : undefined);
    let upper = top ? IDBKeyRange.upperBound(top, true) : undefined;
    const scanned: StoredOffer[] = [];
    for (let batchSize = wanted; ; ) {
      const records = (await readBatch(recordSource(newest), upper, 'prev', batchSize)).map((record) => record.value);
      scanned.push(...records);
      for (const stored of records) {
        if (filter.from && stored.createdAt < filter.from) return pageOf(matches, limit);
        if (fits(stored)) matches.push(stored);
        if (matches.length === wanted) return pageOf(matches, limit);
      }
      const last = records.at(-1);
      if (!last || records.length < batchSize) return pageOf(matches, limit);
      upper = IDBKeyRange.upperBound([last.createdAt, last.id], true);
      // Enough for the rest of the page at the rate matched so far. None matched yet, or more than
      // a batch more to read: the word index lists the offers to read instead.
      const needed = Math.ceil((wanted - matches.length) / (Math.max(matches.length, 1) / scanned.length));
      if (matches.length === 0 || needed > SCAN_BATCH) {
        const below: [string, string] = [last.createdAt, last.id];
        const listBelow = async (key: readonly [string, string]) =>
          holdersBelow(tx, queryWords, { scanned, matched: matches.length, wanted: wanted - matches.length, total: await countedOffers(tx.objectStore('offers')) }, key, filter.from);
        // Walk from the newest down where the scan found a match (or there is one word): where none
        // held the words together (or passed the filter), they may never meet, and listing holders
        // costs less than walking them all.
        const walk = queryWords.length === 1 || matches.length > 0 ? await commonHolders(tx, queryWords, below, filter.from) : null;
        const take = walk ? walkingThenListing(walk, listBelow) : takingFrom(await listBelow(below));
        matches.push(...(await fittingRecords(tx.objectStore('offers'), take, fits, wanted - matches.length)));
        return pageOf(matches, limit);
      }
      batchSize = Math.max(wanted, needed);
    }
  }

  private async modify(id: string, change: (offer: Offer, now: string) => Offer): Promise<Offer> {
    return (await this.modifyReporting(id, change)).offer;
  }

  /** `modify`, answering also the offer as it was in the same transaction, and whether it changed. */
  private async modifyReporting(id: string, change: (offer: Offer, now: string) => Offer): Promise<{ offer: Offer; before: Offer; changed: boolean }> {
    const now = this.clock();
    const tx = this.db.transaction(WRITES, 'readwrite');
    const stored = await tx.objectStore('offers').get(id);
    if (!stored) throw new OfferNotFoundError(`No offer with id ${id}.`);
    const before = fromStored(stored);
    const after = change(before, now);
    if (after === before) return { offer: before, before, changed: false };
    const changed = Offer.safeParse({ ...after, updatedAt: now });
    if (!changed.success) throw new InvalidOfferError('invalid-field', invalidFieldMessage(changed.error.issues[0]));
    const derived = new DerivedChange(tx);
    await derived.put(before, changed.data);
    await derived.save();
    await tx.done;
    return { offer: changed.data, before, changed: true };
  }

  /**
   * Sets one customer's status by hand. `changed` is false when they stood there already: the
   * popup then offers no Undo, which would take back an earlier change made elsewhere.
   */
  async setCustomerStatus(id: string, customerId: string, status: CustomerStatus): Promise<{ offer: Offer; changed: boolean }> {
    const { offer, changed } = await this.modifyReporting(id, (current, now) => withCustomer(current, customerId, (customer) => withStatus(customer, status, now)));
    return { offer, changed };
  }

  /**
   * Records what a compose window did with the offer's message: a draft makes its recipients
   * `drafted` customers, a send makes them `sent`. The event's moment, stamped once by the sender,
   * makes a retry record nothing new.
   */
  recordCompose(id: string, event: ComposeEvent): Promise<Offer> {
    return this.modify(id, (offer) => {
      const customers = applyComposeEvent(offer.customers, event, this.newId);
      return sameList(customers, offer.customers) ? offer : { ...offer, customers };
    });
  }

  /** Adds a customer by hand; one already known by that address or name is completed instead. */
  async addCustomer(id: string, who: CustomerIdentity): Promise<Offer> {
    const identity = cleanIdentity(who);
    if (!hasIdentity(identity)) throw new InvalidOfferError('customer-without-identity', 'A customer needs a name, an email address or a company.');
    return this.modify(id, (offer, now) => {
      const known = findCustomer(offer.customers, identity);
      if (known) return withCustomer(offer, known.id, (customer) => ({ ...customer, ...identity, ...cleanIdentity(customer) }));
      if (offer.customers.length >= LIMITS.customers) throw new InvalidOfferError('too-many-customers', `An offer keeps at most ${LIMITS.customers} customers.`);
      return { ...offer, customers: [...offer.customers, newCustomer(this.newId(), identity, now)] };
    });
  }

  /**
   * Changes a customer's name, address or company (a blank field is cleared). With `expected`, each
   * field must still hold what the editor saw, checked in the write's transaction: a field changed
   * meanwhile by another window is refused as stale, never overwritten. An address another
   * customer of the offer already has is refused: merge the two instead.
   */
  updateCustomer(id: string, customerId: string, patch: CustomerIdentity, expected: CustomerIdentity = {}): Promise<Offer> {
    return this.modify(id, (offer) =>
      withCustomer(offer, customerId, (customer) => {
        const changedSince = Object.entries(expected).some(([field, value]) => !sameText(customer[field as keyof CustomerIdentity], value));
        if (changedSince) throw new StaleOfferError(`Customer ${customerId} of offer ${id} was changed since it was loaded.`);
        const next = withIdentityChanges(customer, patch);
        const email = next.email?.toLowerCase();
        if (email && offer.customers.some((other) => other.id !== customerId && other.email?.toLowerCase() === email)) {
          throw new InvalidOfferError('duplicate-customer-email', 'Another customer of this offer has this email address.');
        }
        return next;
      }),
    );
  }

  /**
   * `modify` for a change Undo can take back: answers also the customers as they stood just before,
   * read in the same transaction (the page's copy may be older: a send recorded meanwhile).
   */
  private async modifyCustomers(id: string, change: (offer: Offer) => Offer): Promise<CustomersChanged> {
    const { offer, before } = await this.modifyReporting(id, change);
    return { offer, previousCustomers: before.customers };
  }

  removeCustomer(id: string, customerId: string): Promise<CustomersChanged> {
    return this.modifyCustomers(id, (offer) => {
      if (!offer.customers.some((customer) => customer.id === customerId)) throw new OfferNotFoundError(`No customer ${customerId} on offer ${id}.`);
      return { ...offer, customers: offer.customers.filter((customer) => customer.id !== customerId) };
    });
  }

  /** Two records of one person become one: `mergeId`'s identity fills `keepId`'s gaps, histories and sends are united. */
  mergeCustomers(id: string, keepId: string, mergeId: string): Promise<CustomersChanged> {
    return this.modifyCustomers(id, (offer) => {
      const keep = offer.customers.find((customer) => customer.id === keepId);
      const merge = offer.customers.find((customer) => customer.id === mergeId);
      if (!keep || !merge || keep === merge) throw new OfferNotFoundError(`No customers ${keepId} and ${mergeId} on offer ${id}.`);
      const united = uniteCustomer(keep, merge);
      return { ...offer, customers: offer.customers.flatMap((customer) => (customer === merge ? [] : customer === keep ? [united] : [customer])) };
    });
  }

  /**
   * Undo of a customer removed or merged: the offer's customers become `customers` (as they were
   * before, in their order) while they are still `expected` (as that change left them); a change
   * since, from another window or a send, is refused as stale rather than overwritten.
   */
  restoreCustomers(id: string, customers: readonly OfferCustomer[], expected: readonly OfferCustomer[]): Promise<Offer> {
    return this.modify(id, (offer) => {
      if (!sameData(offer.customers, expected)) throw new StaleOfferError(`The customers of offer ${id} changed since.`);
      return { ...offer, customers: [...customers] };
    });
  }

  /**
   * Applies field-level changes to the offer. With `expected`, the notes must still hold what the
   * editor saw, checked in the same transaction as the write, so an edit of notes changed
   * meanwhile is refused, never overwriting them.
   */
  async update(id: string, patch: OfferPatch, expected: ExpectedFields = {}): Promise<Offer> {
    if (patch.followUpOf) {
      const trial = await this.get(patch.followUpOf);
      if (!trial) throw new OfferNotFoundError(`No offer with id ${patch.followUpOf}.`);
      if (trial.kind !== 'trial') throw new InvalidOfferError('follow-up-of-purchase', 'A purchase offer follows up a trial invitation, not another purchase offer.');
    }
    return this.modify(id, (offer) => {
      if (expected.notes !== undefined && !sameText(offer.notes, expected.notes)) {
        throw new StaleOfferError(`Offer ${id} was changed since it was loaded.`);
      }
      if (patch.followUpOf && offer.kind !== 'purchase') throw new InvalidOfferError('follow-up-by-trial', 'Only a purchase offer follows up a trial invitation.');
      return {
        ...offer,
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        ...(patch.followUpOf !== undefined ? { followUpOf: patch.followUpOf ?? undefined } : {}),
      };
    });
  }

  /**
   * `byId` replaces `id`, in one transaction: each side shows the other, the customers carry over
   * to the new offer as pending, and the old offer's open customers become withdrawn unless
   * `withdraw` is false.
   */
  async replace(id: string, byId: string, withdraw: boolean): Promise<{ replaced: Offer; by: Offer }> {
    if (id === byId) throw new InvalidOfferError('replaces-itself', 'An offer cannot replace itself.');
    const now = this.clock();
    const tx = this.db.transaction(WRITES, 'readwrite');
    const offers = tx.objectStore('offers');
    const [old, by] = await Promise.all([offers.get(id), offers.get(byId)]);
    if (!old || !by) throw new OfferNotFoundError(`No offer with id ${old ? byId : id}.`);
    const linked = replacement(fromStored(old), fromStored(by), withdraw, now, this.newId);
    const replaced = { ...linked.replaced, updatedAt: now };
    const next = { ...linked.by, updatedAt: now };
    const derived = new DerivedChange(tx);
    await Promise.all([derived.put(fromStored(old), replaced), derived.put(fromStored(by), next)]);
    await derived.save();
    await tx.done;
    return { replaced, by: next };
  }

  /** Both sides of every link of an offer: follow-ups and replacements. */
  async linked(id: string): Promise<LinkedOffers> {
    const tx = this.db.transaction(['offers', 'wordBlocks', 'wordIndex'], 'readonly');
    const store = tx.objectStore('offers');
    const offer = await store.get(id);
    if (!offer) throw new OfferNotFoundError(`No offer with id ${id}.`);
    const get = async (other: string | undefined) => {
      const stored = other ? await store.get(other) : undefined;
      return stored ? fromStored(stored) : null;
    };
    const [followUpOf, replaces, replacedBy, followedUpBy] = await Promise.all([
      get(offer.followUpOf),
      get(offer.replaces),
      get(offer.replacedBy),
      keyedHolders(tx, 'followUpOf', id).then((ids) => Promise.all(ids.map(get))),
    ]);
    return { followUpOf, followedUpBy: followedUpBy.filter((linked) => linked !== null), replaces, replacedBy };
  }

  /** Deletes an offer and returns it, so the caller can offer Undo. */
  async delete(id: string): Promise<Offer | null> {
    return (await this.deleteOne(id)).offer;
  }

  /**
   * Takes a capture back (its notice's Undo, moments after): deletes the offer it created and, when
   * the capture made that offer replace `replaced`, gives the other's customers back the statuses
   * the replacement withdrew, unless they changed since. Returns the deleted offer and the other, unlinked.
   */
  async undoCapture(id: string, replaced: string | undefined): Promise<{ offer: Offer | null; unlinked: Unlinked | null }> {
    return this.deleteOne(id, replaced);
  }

  /** Deletes one offer; the offer it replaced, if it is `reopen`, gets back the customers it withdrew. */
  private async deleteOne(id: string, reopen?: string): Promise<{ offer: Offer | null; unlinked: Unlinked | null }> {
    const tx = this.db.transaction(WRITES, 'readwrite');
    const stored = await tx.objectStore('offers').get(id);
    let unlinked: Unlinked | null = null;
    if (stored) {
      const derived = new DerivedChange(tx);
      derived.record(fromStored(stored), undefined);
      await tx.objectStore('offers').delete(id);
      const deleted = fromStored(stored);
      unlinked = await unlinkReplaced(tx, derived, deleted, new Set([id]), reopen !== undefined && deleted.replaces === reopen);
      await derived.save();
    }
    await tx.done;
    return { offer: stored ? fromStored(stored) : null, unlinked };
  }

  /** Deletes several offers in one transaction and returns those found, so the caller can offer Undo. */
  async deleteMany(ids: readonly string[]): Promise<Offer[]> {
    const tx = this.db.transaction(WRITES, 'readwrite');
    const offers = tx.objectStore('offers');
    const derived = new DerivedChange(tx);
    const stored = await Promise.all(ids.map((id) => offers.get(id)));
    const deleted = stored.flatMap((record) => (record ? [fromStored(record)] : []));
    for (const offer of deleted) derived.record(offer, undefined);
    await Promise.all(deleted.map((offer) => offers.delete(offer.id)));
    const deleting = new Set(deleted.map((offer) => offer.id));
    for (const offer of deleted) await unlinkReplaced(tx, derived, offer, deleting);
    await derived.save();
    await tx.done;
    return deleted;
  }

  /**
   * Sets every customer of each offer to `status`, in one transaction: all the offers change or
   * none. An offer without customers (posted on a website) has nobody to set and stays as it is.
   */
  async setStatusForAll(ids: readonly string[], status: CustomerStatus): Promise<{ changed: Offer[]; withoutCustomers: number; missing: number; at: string }> {
    const now = this.clock();
    const { changed, found, missing } = await this.changeEachCustomer(ids, now, (customer) => withStatus(customer, status, now));
    return { changed, withoutCustomers: found.filter((offer) => offer.customers.length === 0).length, missing, at: now };
  }

  /**
   * Undo of `setStatusForAll(ids, status)` made at `at`, in one transaction: each customer it moved
   * goes back to the status before, the timeline entry it added goes. A customer changed since (a
   * send, another status) keeps what it has now and is counted in `changedSince`.
   */
  async undoStatusForAll(ids: readonly string[], status: CustomerStatus, at: string): Promise<{ changed: Offer[]; changedSince: number }> {
    let changedSince = 0;
    const { changed } = await this.changeEachCustomer(ids, this.clock(), (customer) => {
      const undone = withStatusUndone(customer, status, at);
      if (undone === 'changed-since') changedSince++;
      return typeof undone === 'string' ? customer : undone;
    });
    return { changed, changedSince };
  }

  /**
   * Applies `change` to every customer of each offer, in one transaction: all the offers change or
   * none. Answers the offers changed, those found, and how many ids named none.
   */
  private async changeEachCustomer(ids: readonly string[], now: string, change: (customer: OfferCustomer) => OfferCustomer): Promise<{ changed: Offer[]; found: Offer[]; missing: number }> {
    const tx = this.db.transaction(WRITES, 'readwrite');
    const derived = new DerivedChange(tx);
    const stored = await Promise.all(ids.map((id) => tx.objectStore('offers').get(id)));
    const found = stored.flatMap((record) => (record ? [fromStored(record)] : []));
    const changes: { before: Offer; after: Offer }[] = [];
    for (const before of found) {
      const customers = before.customers.map(change);
      if (sameList(customers, before.customers)) continue;
      const after = Offer.safeParse({ ...before, customers, updatedAt: now });
      if (!after.success) throw new InvalidOfferError('invalid-field', invalidFieldMessage(after.error.issues[0]));
      changes.push({ before, after: after.data });
    }
    await Promise.all(changes.map(({ before, after }) => derived.put(before, after)));
    await derived.save();
    await tx.done;
    return { changed: changes.map(({ after }) => after), found, missing: ids.length - found.length };
  }

  /**
   * Puts back a deleted offer as it was (Undo). Its link must be an offer link like any other way
   * in, and kind, quote id and partner id are read from it again so the record cannot contradict it.
   */
  async restore(offer: Offer): Promise<Offer> {
    const tx = this.db.transaction(WRITES, 'readwrite');
    const derived = new DerivedChange(tx);
    const result = await this.mergeInto(tx, derived, readFromLink(offer), this.clock());
    await relinkReplaced(tx, derived, result.offer);
    await derived.save();
    await tx.done;
    return result.offer;
  }

  /**
   * Puts back several deleted offers as they were (Undo of a bulk deletion), in one transaction,
   * each checked as `restore` checks one.
   */
  async restoreAll(offers: readonly Offer[]): Promise<Offer[]> {
    const checked = offers.map(readFromLink);
    const now = this.clock();
    const tx = this.db.transaction(WRITES, 'readwrite');
    const derived = new DerivedChange(tx);
    const restored: Offer[] = [];
    // One after another: two offers of the list may share a quote, and each must see the other's write.
    for (const offer of checked) restored.push((await this.mergeInto(tx, derived, offer, now)).offer);
    for (const offer of restored) await relinkReplaced(tx, derived, offer);
    await derived.save();
    await tx.done;
    return restored;
  }

  /** The distinct usage locations, sorted, for the history page's filter list: from the totals, which count the offers of each. */
  async usageLocations(): Promise<string[]> {
    const stored = await this.db.get('stats', TOTALS_ID);
    if (totalsAreCurrent(stored)) return usageLocationsIn(stored.counts);
    await this.recountTotals();
    return this.usageLocations();
  }

  /** Deletes every offer (the options page's typed-confirmation "Delete all"); returns how many. */
  async deleteAll(): Promise<number> {
    const tx = this.db.transaction(WRITES, 'readwrite');
    const count = await tx.objectStore('offers').count();
    await Promise.all([tx.objectStore('offers').clear(), tx.objectStore('stats').clear(), clearWordIndex(tx)]);
    await tx.done;
    return count;
  }

  /**
   * Offers oldest first, from the one after `after` (a key of the `newest` index), until `visit`
   * answers false. One record at a time, so an export holds no more than the chunk it builds.
   */
  async scanOldestFirst(after: readonly [string, string] | null, visit: (offer: Offer) => boolean): Promise<void> {
    const range = after ? IDBKeyRange.lowerBound([...after], true) : undefined;
    const tx = this.db.transaction('offers', 'readonly');
    for (let c = await tx.store.index('newest').openCursor(range); c; c = await c.continue()) {
      if (!visit(fromStored(c.value))) break;
    }
  }

  /** Every offer, oldest first (for backups). */
  async all(): Promise<Offer[]> {
    return (await this.db.getAllFromIndex('offers', 'newest')).map(fromStored);
  }
}

/** An index of offers as the batch readers take it (idb's own types lack `getAllRecords`). */
const recordSource = (index: IDBPIndex<OfferCourierDB, ArrayLike<StoreNames<OfferCourierDB>>, 'offers', IndexNames<OfferCourierDB, 'offers'>>) =>
  index as unknown as RecordSource<StoredOffer>;

/** The offers as a search reads them (with the overview's totals in its transaction). */
type OffersStore = IDBPObjectStore<OfferCourierDB, typeof WRITES, 'offers'>;

/** A key cursor over the offer store's ids, as storedKeys walks it. */
interface KeyCursor {
  key: string;
  primaryKey: string;
  continue(key: string): Promise<KeyCursor | null>;
}
type KeySource = { openKeyCursor(range: IDBKeyRange): Promise<KeyCursor | null> };

/**
 * Which of `keys` the source holds, with their offers' ids: one key cursor walks the keys sought in
 * order, each step jumping to the next one, so keys that fall between the same two stored keys
 * cost one request together: importing new offers takes a few requests, not one per offer.
 */
async function storedKeys(source: KeySource, keys: readonly string[]): Promise<Map<string, string>> {
  // Strings sort by code unit, as IndexedDB orders them.
  const sought = [...new Set(keys)].sort();
  const found = new Map<string, string>();
  const first = sought[0];
  let cursor = first === undefined ? null : await source.openKeyCursor(IDBKeyRange.lowerBound(first));
  for (const key of sought) {
    if (cursor && cursor.key < key) cursor = await cursor.continue(key);
    if (!cursor) break;
    if (cursor.key === key) found.set(key, cursor.primaryKey);
  }
  return found;
}

/**
 * For each offer of an import's piece, the stored offer it merges into (same id or, failing that,
 * same quote), and the id of the offer holding its summary ID, if any.
 */
async function storedMatches(tx: ReadWrite, offers: readonly Offer[]): Promise<{ matches: (StoredOffer | undefined)[]; holders: (string | undefined)[] }> {
  const store = tx.objectStore('offers');
  // A store emptied (Delete all, then a backup restored) holds no match, and its deleted keys,
  // until the database compacts them, make every lookup slow.
  if ((await countedOffers(store)) === 0) return { matches: offers.map(() => undefined), holders: offers.map(() => undefined) };
  const [byId, byUrl, bySummaryId] = await Promise.all([
    storedKeys(store as unknown as KeySource, offers.map((offer) => offer.id)),
    keyedHoldersOf(tx, 'url', offers.map(urlKey)),
    keyedHoldersOf(tx, 'summaryId', offers.flatMap((offer) => (offer.summaryId ? [offer.summaryId] : []))),
  ]);
  const matchIds = offers.map((offer) => byId.get(offer.id) ?? byUrl.get(urlKey(offer)));
  const matched = await getEach<StoredOffer>(unwrap(store), [...new Set(matchIds.filter((id) => id !== undefined))]);
  const storedById = new Map(matched.flatMap((stored) => (stored ? [[stored.id, stored] as const] : [])));
  return {
    matches: matchIds.map((id) => (id === undefined ? undefined : storedById.get(id))),
    holders: offers.map((offer) => (offer.summaryId ? bySummaryId.get(offer.summaryId) : undefined)),
  };
}

/** How many offers there are, from the overview's totals: one small record, not a count of the store. */
const countedOffers = async <Mode extends IDBTransactionMode>(store: IDBPObjectStore<OfferCourierDB, typeof WRITES, 'offers', Mode>) =>
  offerCount((await store.transaction.objectStore('stats').get(TOTALS_ID))?.counts);

/** What a search found before it turned to the word index: the offers `scanned`, how many `matched`, how many more it `wanted`, of a `total`. */
interface ScanSoFar {
  scanned: readonly StoredOffer[];
  matched: number;
  wanted: number;
  total: number;
}

/**
 * How many records a search expects to read among `candidates` offers for the rest of its page,
 * `holding` of the scanned offers holding the words they were listed by: as many as the share
 * of those that matched says, or every candidate when none matched (nothing says they ever do).
 */
const expectedReads = (candidates: number, holding: number, { matched, wanted }: ScanSoFar) =>
  matched > 0 ? Math.min(candidates, (wanted * (holding + 1)) / (matched + 1)) : candidates;

/**
 * The offers below `key` ([createdAt, id]) and from the date `from` holding a word each query word
 * starts, as offer keys (./word-lines) newest first, listed by the word index. The rarest word
 * among the scanned offers is listed first; each next word's offers are listed and intersected
 * while that costs less than the records it would spare reading (its list's size guessed from
 * its share of the scanned offers). The records read are checked for every word.
 */
async function holdersBelow(tx: WordIndexTransaction, queryWords: readonly string[], scan: ScanSoFar, key: readonly [string, string], from: string | undefined): Promise<string[]> {
  const holdingOf = (word: string, among: readonly StoredOffer[]) => among.filter((stored) => matchesAllWords(stored.words, [word]));
  const byRarity = queryWords.map((word) => ({ word, holding: holdingOf(word, scan.scanned).length })).sort((a, b) => a.holding - b.holding);
  let candidates: Set<string> | null = null;
  let holding = scan.scanned;
  const scanned = Math.max(scan.scanned.length, 1);
  for (const { word, holding: holdingAll } of byRarity) {
    const holdingNext = holdingOf(word, holding);
    if (candidates) {
      const listing = ((holdingAll / scanned) * scan.total) / LINES_PER_RECORD;
      const kept = candidates.size * (holdingNext.length / Math.max(holding.length, 1));
      if (listing + expectedReads(kept, holdingNext.length, scan) >= expectedReads(candidates.size, holding.length, scan)) break;
    }
    const holders = await wordHolders(tx, word);
    const listed: Set<string> = candidates ?? holders;
    candidates = candidates ? new Set([...listed].filter((offer) => holders.has(offer))) : holders;
    holding = holdingNext;
    if (candidates.size === 0) break;
  }
  return listedBelow(offersNewestFirst([...(candidates ?? [])]), key, from);
}

/** Of offer keys newest first, those below `key` ([createdAt, id]) and from the date `from`. */
function listedBelow(newestFirst: readonly string[], key: readonly [string, string], from: string | undefined): string[] {
  const below = firstOlder(newestFirst, ([createdAt, id]) => isBefore({ createdAt, id }, key));
  const end = from ? firstOlder(newestFirst, ([createdAt]) => createdAt < from) : newestFirst.length;
  return newestFirst.slice(below, Math.max(below, end));
}

/** Of offer keys newest first, oldest first those after `after` ([createdAt, id]) and within the filter's dates. */
function oldestFirstAfter(newestFirst: readonly string[], after: readonly [string, string] | null, { from, to }: OfferFilter): string[] {
  return newestFirst
    .filter((key) => {
      const [createdAt, id] = offerOfKey(key);
      return (!after || isBefore({ createdAt: after[0], id: after[1] }, [createdAt, id])) && (!from || createdAt >= from) && (!to || createdAt < to);
    })
    .reverse();
}

/** The filters that are keyed indexes of the same name (./keyed-terms): a page of them walks their terms' holders. */
const KEYED_FILTERS = ['offerStatus', 'status', 'kind', 'usageLocation'] as const satisfies readonly (KeyedIndex & keyof OfferFilter)[];
const filterTerms = (filter: OfferFilter): string[] =>
  KEYED_FILTERS.flatMap((index) => {
    const value = filter[index];
    return value ? [keyedTerm(index, value)] : [];
  });

/** The keyed index each grouped order reads: the table sorted by status sorts by the offer's own. */
const GROUPED_SORT_INDEXES = { kind: 'kind', status: 'offerStatus' } as const satisfies Record<GroupedSortKey, (typeof KEYED_FILTERS)[number]>;

/** Sorts above every creation time: a walk from there starts at the newest offer. */
const ABOVE_EVERY_TIME = '\uffff';
/** Where a newest-first list starts: below the filter's end date (excluded: no id sorts below ''), else at the newest offer. */
const topOf = ({ to }: OfferFilter): [string, string] => [to ?? ABOVE_EVERY_TIME, ''];

/** The offers holding every keyed term, as offer keys newest first, listing every holder of each. */
async function keyedTermsListed(tx: WordIndexTransaction, terms: readonly string[]): Promise<string[]> {
  const [first, ...others] = await Promise.all(terms.map((term) => wordHolders(tx, wholeTerm(term))));
  return offersNewestFirst([...(first ?? [])].filter((key) => others.every((holders) => holders.has(key))));
}

/**
 * The offers holding every keyed term below `below` and from the date `from`, walked newest first;
 * terms that seldom meet make the walk stop, and the rest is listed.
 */
async function keyedTermsWalk(tx: WordIndexTransaction, terms: readonly string[], below: readonly [string, string], from: string | undefined): Promise<TakeOffers> {
  const walk = await keyedTermsHolders(tx, terms, below, from);
  return walkingThenListing(walk, async (key) => listedBelow(await keyedTermsListed(tx, terms), key, from));
}



/** Offer keys taken newest first, `count` at a time (fewer at the end). */
type TakeOffers = (count: number) => Promise<string[]>;

/** Takes from a list of offer keys, newest first. */
function takingFrom(listed: readonly string[]): TakeOffers {
  let at = 0;
  return (count) => Promise.resolve(listed.slice(at, (at += count)));
}

/** Takes from a walk, and once the walk stops too long, from the list of every holder below where it stopped. */
function walkingThenListing(walk: CommonHolders, listBelow: (key: readonly [string, string]) => Promise<string[]>): TakeOffers {
  let listed: TakeOffers | undefined;
  return async (count) => {
    if (listed) return listed(count);
    const walked = await walk.take(count);
    if (walked.length === count || !walk.tooLong) return walked;
    listed = takingFrom(await listBelow(walk.position));
    return [...walked, ...(await listed(count - walked.length))];
  };
}

/** The first `count` of the offers `take` gives whose records fit, read in batches growing up to SCAN_BATCH. */
async function fittingRecords(store: OffersStore, take: TakeOffers, fits: (stored: StoredOffer) => boolean, count: number): Promise<StoredOffer[]> {
  const found: StoredOffer[] = [];
  for (let size = count, taken = await take(size); taken.length > 0; size = Math.min(SCAN_BATCH, size * 2), taken = await take(size)) {
    const records = await getEach<StoredOffer>(unwrap(store), taken.map((offer) => offerOfKey(offer)[1]));
    for (const stored of records) {
      if (!stored || !fits(stored)) continue;
      found.push(stored);
      if (found.length === count) return found;
    }
  }
  return found;
}

/**
 * A page from its matches, in the list's order and one more than the page when there is a next;
 * the next page starts after the key `cursorOf` gives its last offer ([createdAt, id] by default).
 */
function pageOf(matches: readonly StoredOffer[], limit: number, cursorOf: (offer: Offer) => readonly unknown[] = (offer) => [offer.createdAt, offer.id]): Page {
  const offers = matches.slice(0, limit).map(fromStored);
  const last = offers.at(-1);
  return { offers, nextCursor: matches.length > limit && last ? JSON.stringify(cursorOf(last)) : null };
}

/**
 * Once an offer that replaced another is deleted, the other no longer names it as its replacement,
 * so it can be replaced again (by the right offer, when the deleted one was a mistake). Its
 * customers keep their statuses (an old offer whose replacement is cleaned up stays closed), unless
 * `reopen`: a capture undone takes back the withdrawal it made. Nothing changes when the other is
 * deleted too, or names another replacement.
 */
async function unlinkReplaced(tx: ReadWrite, derived: DerivedChange, deleted: Offer, deleting: ReadonlySet<string>, reopen = false): Promise<Unlinked | null> {
  if (!deleted.replaces || deleting.has(deleted.replaces)) return null;
  const stored = await tx.objectStore('offers').get(deleted.replaces);
  if (stored?.replacedBy !== deleted.id) return null;
  const { replacedBy: _deleted, ...unlinked } = fromStored(stored);
  const customers = reopen ? unlinked.customers.map((customer) => withoutWithdrawalAt(customer, deleted.createdAt)) : unlinked.customers;
  const offer = { ...unlinked, customers };
  await derived.put(fromStored(stored), offer);
  return { offer, reopened: customers.filter((customer, index) => customer !== unlinked.customers[index]).length };
}

/** An offer that no longer names its deleted replacement, and how many of its customers got their status back. */
export interface Unlinked {
  offer: Offer;
  reopened: number;
}

/**
 * A customer the replacement made at `at` withdrew, back at their status before it; one whose
 * status changed since (or who was not withdrawn then) stays as they are.
 */
function withoutWithdrawalAt(customer: OfferCustomer, at: string): OfferCustomer {
  const last = customer.history.at(-1);
  const before = customer.history.at(-2);
  if (customer.status !== 'withdrawn' || last?.status !== 'withdrawn' || last.at !== at || !before) return customer;
  return { ...customer, status: before.status, history: customer.history.slice(0, -1) };
}

/** A deleted replacement put back (Undo) is named again by the offer it replaces, unless that offer has another one since. */
async function relinkReplaced(tx: ReadWrite, derived: DerivedChange, restored: Offer): Promise<void> {
  if (!restored.replaces) return;
  const stored = await tx.objectStore('offers').get(restored.replaces);
  if (!stored || stored.replacedBy) return;
  await derived.put(fromStored(stored), { ...fromStored(stored), replacedBy: restored.id });
}

/** Offers about to be written in one batch, findable by id or quote (a match) and by summary ID (a clash). */
class PendingWrites {
  private readonly byKey = new Map<string, Offer>();
  private readonly bySummaryId = new Map<string, Offer>();

  private static keys(offer: Offer): string[] {
    return [`id:${offer.id}`, `url:${urlKey(offer)}`];
  }

  find(offer: Offer): Offer | undefined {
    for (const key of PendingWrites.keys(offer)) {
      const found = this.byKey.get(key);
      if (found) return found;
    }
    return undefined;
  }

  summaryIdHolder(summaryId: string): string | undefined {
    return this.bySummaryId.get(summaryId)?.id;
  }

  add(offer: Offer): void {
    for (const key of PendingWrites.keys(offer)) this.byKey.set(key, offer);
    if (offer.summaryId) this.bySummaryId.set(offer.summaryId, offer);
  }

  replace(previous: Offer, next: Offer): void {
    for (const [key, value] of this.byKey) if (value === previous) this.byKey.delete(key);
    if (previous.summaryId) this.bySummaryId.delete(previous.summaryId);
    this.add(next);
  }

  offers(): Offer[] {
    return [...new Set(this.byKey.values())];
  }
}

/** Whether two values hold the same data once sent as a message would (fields left undefined dropped). */
const sameData = (a: unknown, b: unknown) => sameRecord(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
const sameText = (stored: string | undefined, expected: string | undefined) => (stored ?? '').trim() === (expected ?? '').trim();
const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** The customer with the identity fields changed: a blank value clears a field. */
function withIdentityChanges(customer: OfferCustomer, changes: CustomerIdentity): OfferCustomer {
  const next: OfferCustomer = { ...customer };
  for (const field of ['name', 'email', 'company'] as const) {
    const value = changes[field];
    if (value !== undefined) next[field] = cleanIdentity({ [field]: value })[field];
  }
  // Stored without the cleared keys, as every record is.
  return stripUndefined(next);
}

/** The offer with one customer changed; the same offer when the change changes nothing. */
function withCustomer(offer: Offer, customerId: string, change: (customer: OfferCustomer) => OfferCustomer): Offer {
  const customer = offer.customers.find((one) => one.id === customerId);
  if (!customer) throw new OfferNotFoundError(`No customer ${customerId} on offer ${offer.id}.`);
  const changed = change(customer);
  if (changed === customer || JSON.stringify(changed) === JSON.stringify(customer)) return offer;
  return { ...offer, customers: offer.customers.map((one) => (one === customer ? changed : one)) };
}

/**
 * The two sides of a replacement: the new offer names the old and takes its customers (those it
 * does not have yet) as pending; the old names the new and, with `withdraw`, its open customers
 * become withdrawn (an answer the customer gave stays).
 */
function replacement(old: Offer, by: Offer, withdraw: boolean, now: string, newId: () => string): { replaced: Offer; by: Offer } {
  const carried = old.customers
    .filter((customer) => hasIdentity(customer) && !findCustomer(by.customers, customer))
    .map((customer) => newCustomer(newId(), cleanIdentity(customer), now));
  const closed = (status: CustomerStatus) => status === 'accepted' || CLOSED_STATUSES.includes(status);
  const replaced: Offer = {
    ...old,
    replacedBy: by.id,
    customers: withdraw ? old.customers.map((customer) => (closed(customer.status) ? customer : withStatus(customer, 'withdrawn', now))) : old.customers,
  };
  return { replaced, by: { ...by, replaces: old.id, customers: [...by.customers, ...carried].slice(0, LIMITS.customers) } };
}

/** A deleted offer coming back: its link must be an offer link, and kind, quote and partner are read from it again. */
function readFromLink(offer: Offer): Offer {
  const parsed = parseOfferUrl(offer.url);
  if (!parsed) throw new InvalidOfferError('not-an-offer-url', NOT_AN_OFFER_URL);
  return { ...offer, kind: parsed.kind, quoteId: parsed.quoteId, partnerId: parsed.partnerId };
}

type Bound = { key: unknown[]; open: boolean };
/** The key range between two bounds, either of which may be absent. */
function keyRange(lower: Bound | undefined, upper: Bound | undefined): IDBKeyRange | undefined {
  if (lower && upper) return IDBKeyRange.bound(lower.key, upper.key, lower.open, upper.open);
  if (lower) return IDBKeyRange.lowerBound(lower.key, lower.open);
  if (upper) return IDBKeyRange.upperBound(upper.key, upper.open);
  return undefined;
}

/** Orders keys of strings part by part, by code unit as IndexedDB orders them. */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let part = 0; part < a.length; part++) if (a[part] !== b[part]) return (a[part] ?? '') < (b[part] ?? '') ? -1 : 1;
  return 0;
}

/** True when the offer comes after `key` ([createdAt, id]) in a newest-first list, in IndexedDB's order (by code unit). */
const isBefore = (offer: Pick<Offer, 'createdAt' | 'id'>, [createdAt, id]: readonly [string, string]) => offer.createdAt < createdAt || (offer.createdAt === createdAt && offer.id < id);

function matchesFilter(offer: Offer, filter: OfferFilter): boolean {
  return (
    (!filter.status || customerStatuses(offer).includes(filter.status)) &&
    (!filter.offerStatus || offerStatus(offer) === filter.offerStatus) &&
    (!filter.awaiting || awaitingKeys(offer).some(([since]) => !filter.awaiting?.sentBefore || since <= filter.awaiting.sentBefore)) &&
    (!filter.kind || offer.kind === filter.kind) &&
    (!filter.usageLocation || offer.usageLocation === filter.usageLocation) &&
    (!filter.from || offer.createdAt >= filter.from) &&
    (!filter.to || offer.createdAt < filter.to)
  );
}

/**
 * The background's way to the store: the connection opens on the first request and is reused
 * while the worker lives; a closed or failed one is opened again on the next request. It is a
 * cache, not state, so a worker stopped when idle loses nothing.
 */
export function createStoreOpener(open: typeof openOfferDatabase = openOfferDatabase): () => Promise<OfferStore> {
  let connection: ReturnType<typeof openOfferDatabase> | undefined;
  return async () => {
    connection ??= open(undefined, () => (connection = undefined));
    try {
      return new OfferStore(await connection);
    } catch (error) {
      connection = undefined;
      throw error;
    }
  };
}
