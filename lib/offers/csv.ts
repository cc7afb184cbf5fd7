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

/**
 * UTF-8 CSV with a byte-order mark (so Excel reads accents), CRLF line ends, one row per offer and
 * customer; an offer without customers (posted on a website) still has its row.
 */
export function offersToCsv(offers: readonly Offer[]): string {
  const pairs = offerCustomerPairs(offers);
  const rows = [COLUMNS.map(([name]) => name), ...pairs.map(([offer, customer]) => COLUMNS.map(([, cell]) => csvField(cell(offer, customer))))];
  return `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

/** The spreadsheet's rows: each offer with each of its customers, or alone when it has none. */
export function offerCustomerPairs(offers: readonly Offer[]): [Offer, OfferCustomer | undefined][] {
  return offers.flatMap((offer): [Offer, OfferCustomer | undefined][] =>
    offer.customers.length ? offer.customers.map((customer) => [offer, customer]) : [[offer, undefined]],
  );
}
