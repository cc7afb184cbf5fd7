import type { MessageKey } from '../i18n';
import type { ResultPageField } from './result-page-fields';
import { lastSentAt, offerStatus, unitedCustomers } from './customers';
import type { Offer, OfferCustomer } from './schema';

/**
 * Every field of a stored offer, with how it merges, what the spreadsheet export shows of it and
 * what the search box finds it by. The table is keyed by every field of `Offer`: adding one to
 * the schema makes the compiler ask for its rules here.
 */

export interface MergeContext {
  /** Fields the result page itself showed: they replace what an earlier capture saved. */
  replacing: readonly ResultPageField[];
}

/** A column's name; its header is the locale string `csv_<name>`, which the compiler asks for. */
export type CsvColumnName = { [K in MessageKey]: K extends `csv_${infer Name}` ? Name : never }[MessageKey];
/** A moment, written as the advisor's spreadsheets read a date and time. */
export interface CsvMoment {
  at: string;
}
export type CsvCell = string | number | CsvMoment;
const moment = (at: string | undefined): CsvCell => (at ? { at } : '');

/** A spreadsheet cell: the export has one row per offer and customer (an offer without customers has one row, with none). */
type CsvColumn = readonly [name: CsvColumnName, cell: (offer: Offer, customer: OfferCustomer | undefined) => CsvCell];

export interface FieldRules<K extends keyof Offer> {
  /** How what is stored combines with a later capture or an import of the same offer. */
  merge: (existing: Offer[K], incoming: Offer[K] | undefined, context: MergeContext) => Offer[K];
  /** Spreadsheet columns, in the export's order. */
  csv: readonly CsvColumn[];
  /** Text the offer can be found by. */
  search?: (offer: Offer) => readonly (string | undefined)[];
}

export type OfferField = keyof Offer;
type FieldTable = { [K in OfferField]: FieldRules<K> };

const keep = <T>(existing: T): T => existing;
const fillText = (existing: string | undefined, incoming: string | undefined) => existing || incoming || undefined;

const hasValue = (value: unknown) => (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null && value !== '');

/** A field the result page may show: a known value stays, unless the result page showed another. */
const fromResultPage =
  <K extends ResultPageField>(field: K, isEmpty: (value: Offer[K]) => boolean) =>
  (existing: Offer[K], incoming: Offer[K] | undefined, { replacing }: MergeContext): Offer[K] => {
    if (incoming !== undefined && hasValue(incoming) && (replacing.includes(field) || isEmpty(existing))) return incoming;
    return existing;
  };

export const OFFER_FIELDS: FieldTable = {
  id: { merge: keep, csv: [['id', (o) => o.id]] },
  kind: { merge: keep, csv: [['kind', (o) => o.kind]] },
  summaryId: { merge: fillText, csv: [['summary_id', (o) => o.summaryId ?? '']], search: (o) => [o.summaryId] },
  url: { merge: keep, csv: [['url', (o) => o.url]] },
  // Of the URL only the ids are searchable: its other words are the same in every offer.
  partnerId: { merge: keep, csv: [['partner_id', (o) => o.partnerId]], search: (o) => [o.partnerId] },
  quoteId: { merge: keep, csv: [['quote_id', (o) => o.quoteId]], search: (o) => [o.quoteId] },
  partnerOffice: {
    merge: fromResultPage('partnerOffice', (value) => !value),
    csv: [['partner_office', (o) => o.partnerOffice ?? '']],
    search: (o) => [o.partnerOffice],
  },
  usageLocation: {
    merge: fromResultPage('usageLocation', (value) => !value),
    csv: [['usage_location', (o) => o.usageLocation ?? '']],
    search: (o) => [o.usageLocation],
  },
  subscriptions: {
    merge: fromResultPage('subscriptions', (value) => value.length === 0),
    csv: [
      ['subscriptions', (o) => o.subscriptions.map((s) => (s.licenses === null ? s.name : `${s.name} x ${s.licenses}`)).join('; ')],
      ['total_licenses', (o) => o.subscriptions.reduce((sum, s) => sum + (s.licenses ?? 0), 0)],
    ],
    search: (o) => o.subscriptions.map((s) => s.name),
  },
  delegatedAdmin: {
    merge: fromResultPage('delegatedAdmin', (value) => value === null),
    csv: [['delegated_admin', (o) => (o.delegatedAdmin === null ? '' : o.delegatedAdmin ? 'yes' : 'no')]],
  },
  customers: {
    merge: unitedCustomers,
    csv: [
      ['offer_status', (o) => offerStatus(o)],
      ['customer_name', (_o, c) => c?.name ?? ''],
      ['customer_email', (_o, c) => c?.email ?? ''],
      ['customer_company', (_o, c) => c?.company ?? ''],
      ['customer_status', (_o, c) => c?.status ?? ''],
      ['customer_sends', (_o, c) => c?.sends.length ?? 0],
      ['customer_last_sent_at', (_o, c) => moment(c && lastSentAt(c))],
    ],
    search: (o) => o.customers.flatMap((c) => [c.name, c.email, c.company]),
  },
  followUpOf: { merge: fillText, csv: [['follow_up_of', (o) => o.followUpOf ?? '']] },
  replaces: { merge: fillText, csv: [['replaces', (o) => o.replaces ?? '']] },
  replacedBy: { merge: fillText, csv: [['replaced_by', (o) => o.replacedBy ?? '']] },
  notes: { merge: (existing, incoming) => existing || incoming || '', csv: [['notes', (o) => o.notes]], search: (o) => [o.notes] },
  source: { merge: keep, csv: [['source', (o) => o.source]] },
  createdAt: {
    merge: (existing, incoming) => (incoming && incoming < existing ? incoming : existing),
    csv: [['created_at', (o) => moment(o.createdAt)]],
  },
  // Set by the store when a merge changes something.
  updatedAt: { merge: keep, csv: [['updated_at', (o) => moment(o.updatedAt)]] },
};

export const OFFER_FIELD_NAMES = Object.keys(OFFER_FIELDS) as OfferField[];
