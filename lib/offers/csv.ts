import { OFFER_FIELD_NAMES, OFFER_FIELDS } from './fields';
import type { Offer, OfferCustomer } from './schema';

const COLUMNS = OFFER_FIELD_NAMES.flatMap((name) => OFFER_FIELDS[name].csv);

/**
 * A formula start (CSV injection): at the cell's start, or after a separator a spreadsheet may
 * split the cell on (a `;` list opened in a French Excel, a comma, a tab, a line), past spaces
 * and quotes. Each gets an apostrophe, so every piece the cell may become reads as text.
 */
const FORMULA_START = /(^|[,;\t\r\n])([\s"]*)(?=[=+\-@\t\r])/g;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string') text = text.replace(FORMULA_START, "$1$2'");
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's start: a byte-order mark (so Excel reads accents) and the header, CRLF-ended. */
export const csvHead = (): string => `\uFEFF${COLUMNS.map(([name]) => name).join(',')}\r\n`;

/**
 * One offer's rows, each CRLF-ended: one per customer; an offer without customers (posted on a
 * website) still has its row.
 */
export function offerCsvRows(offer: Offer): { text: string; rows: number } {
  const customers: (OfferCustomer | undefined)[] = offer.customers.length ? offer.customers : [undefined];
  const text = customers.map((customer) => `${COLUMNS.map(([, cell]) => csvField(cell(offer, customer))).join(',')}\r\n`).join('');
  return { text, rows: customers.length };
}
