import type { Offer } from './schema';

const COLUMNS: ReadonlyArray<[string, (offer: Offer) => string | number]> = [
  ['id', (o) => o.id],
  ['kind', (o) => o.kind],
  ['status', (o) => o.status],
  ['summary_id', (o) => o.summaryId ?? ''],
  ['url', (o) => o.url],
  ['partner_id', (o) => o.partnerId],
  ['quote_id', (o) => o.quoteId],
  ['partner_office', (o) => o.partnerOffice ?? ''],
  ['usage_location', (o) => o.usageLocation ?? ''],
  ['subscriptions', (o) => o.subscriptions.map((s) => (s.licenses === null ? s.name : `${s.name} x ${s.licenses}`)).join('; ')],
  ['total_licenses', (o) => o.subscriptions.reduce((sum, s) => sum + (s.licenses ?? 0), 0)],
  ['delegated_admin', (o) => (o.delegatedAdmin === null ? '' : o.delegatedAdmin ? 'yes' : 'no')],
  ['customer_name', (o) => o.customer.name ?? ''],
  ['customer_email', (o) => o.customer.email ?? ''],
  ['customer_company', (o) => o.customer.company ?? ''],
  ['sends', (o) => o.sends.length],
  ['last_sent_at', (o) => o.sends.at(-1)?.at ?? ''],
  ['follow_up_of', (o) => o.followUpOf ?? ''],
  ['notes', (o) => o.notes],
  ['source', (o) => o.source],
  ['created_at', (o) => o.createdAt],
  ['updated_at', (o) => o.updatedAt],
];

/** Cells a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 CSV with a byte-order mark (so Excel reads accents), CRLF line ends, one row per offer. */
export function offersToCsv(offers: readonly Offer[]): string {
  const rows = [COLUMNS.map(([name]) => name), ...offers.map((offer) => COLUMNS.map(([, cell]) => csvField(cell(offer))))];
  return `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}
