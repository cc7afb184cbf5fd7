import { t } from '../i18n';
import { OFFER_FIELD_NAMES, OFFER_FIELDS, type CsvCell } from './fields';
import type { Offer, OfferCustomer } from './schema';

const COLUMNS = OFFER_FIELD_NAMES.flatMap((name) => OFFER_FIELDS[name].csv);

/**
 * A formula start (CSV injection): at the cell's start, or after a separator a spreadsheet may
 * split the cell on (a `;` list opened in a French Excel, a comma, a tab, a line), past spaces
 * and quotes. Each gets an apostrophe, so every piece the cell may become reads as text.
 */
const FORMULA_START = /(^|[,;\t\r\n])([\s"]*)(?=[=+\-@\t\r])/g;

export interface CsvOptions {
  /**
   * The advisor's locale (the UI language), `en` when absent. Where numbers take a decimal comma
   * (French), spreadsheets split rows on `;`; dates and numbers are written as its spreadsheets
   * read them, and headers come from the UI's locale strings.
   */
  locale?: string;
}

interface CsvDialect {
  separator: ',' | ';';
  number: Intl.NumberFormat;
  date: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

// Formatters cost far more to build than to use, and an export writes thousands of rows.
const dialects = new Map<string, CsvDialect>();

function dialectFor(locale = 'en'): CsvDialect {
  let dialect = dialects.get(locale);
  if (!dialect) {
    const number = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 });
    const decimal = number.formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
    dialect = {
      separator: decimal === ',' ? ';' : ',',
      number,
      // Date and time apart: joined by a space, never the comma some locales put between them.
      date: new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
    };
    dialects.set(locale, dialect);
  }
  return dialect;
}

/** RFC 4180 quoting, when the text holds a quote, a line break or a separator. */
function quoted(text: string, separator: ',' | ';'): string {
  return (separator === ';' ? /[",;\r\n]/ : /[",\r\n]/).test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One field: text with its formula starts defused, then quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string | number, separator: ',' | ';' = ','): string {
  return quoted(typeof value === 'string' ? value.replace(FORMULA_START, "$1$2'") : String(value), separator);
}

function cellField(cell: CsvCell, dialect: CsvDialect): string {
  if (typeof cell === 'string') return csvField(cell, dialect.separator);
  // Numbers and moments are the extension's own values, in the locale's spelling: nothing to defuse.
  if (typeof cell === 'number') return quoted(dialect.number.format(cell), dialect.separator);
  const at = new Date(cell.at);
  return quoted(`${dialect.date.format(at)} ${dialect.time.format(at)}`, dialect.separator);
}

/** The file's start: a byte-order mark (so Excel reads accents) and the header, CRLF-ended. */
export function csvHead(options: CsvOptions = {}): string {
  const { separator } = dialectFor(options.locale);
  return `\uFEFF${COLUMNS.map(([name]) => csvField(t(`csv_${name}`), separator)).join(separator)}\r\n`;
}

/**
 * One offer's rows, each CRLF-ended: one per customer; an offer without customers (posted on a
 * website) still has its row.
 */
export function offerCsvRows(offer: Offer, options: CsvOptions = {}): { text: string; rows: number } {
  const dialect = dialectFor(options.locale);
  const customers: (OfferCustomer | undefined)[] = offer.customers.length ? offer.customers : [undefined];
  const text = customers
    .map((customer) => `${COLUMNS.map(([, cell]) => cellField(cell(offer, customer), dialect)).join(dialect.separator)}\r\n`)
    .join('');
  return { text, rows: customers.length };
}
