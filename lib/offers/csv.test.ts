import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { speak } from '@/test/unit/ui-language';
import { csvField, csvHead, offerCsvRows } from './csv';

afterEach(() => vi.restoreAllMocks());

/** A moment as the local date and time a spreadsheet of `locale` reads. */
const localMoment = (iso: string, locale: string) => {
  const at = new Date(iso);
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  return `${date} ${new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at)}`;
};

describe('csvField', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(25)).toBe('25');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
  });

  it.each([
    ['a semicolon', 'a;=HYPERLINK("https://evil.example")', `"a;'=HYPERLINK(""https://evil.example"")"`],
    ['a semicolon and a space', 'Teams x 1; -2+3', "Teams x 1; '-2+3"],
    ['a comma', 'Contoso,+cmd|x', `"Contoso,'+cmd|x"`],
    ['a quote after the separator', 'x;"=1"', `"x;""'=1"""`],
    ['a line break', 'one\n@SUM(A1)', `"one\n'@SUM(A1)"`],
    ['each of several separators', '=1;=2,=3', `"'=1;'=2,'=3"`],
  ])('defuses a formula after %s', (_case, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves other text alone', () => {
    expect(csvField('Contoso - London; Paris')).toBe('Contoso - London; Paris');
    expect(csvField('a@b.example')).toBe('a@b.example');
  });
});

describe('csvHead and offerCsvRows', () => {
  beforeEach(() => speak('en', 'en-US'));

  it('writes a BOM, a header and one CRLF row per offer with subscriptions joined', () => {
    const offer = makeOffer(1, {
      subscriptions: [
        { name: 'Microsoft 365 E3', licenses: 25 },
        { name: 'Exchange Online (Plan 1)', licenses: 10 },
      ],
      notes: 'Line one\nLine "two"',
      customers: [makeCustomer('c1', { company: 'Société Générale' })],
    });
    const csv = csvHead() + offerCsvRows(offer).text;
    expect(csv.startsWith('\uFEFFid,kind,summary_id,url')).toBe(true);
    const [, row] = csv.slice(1).split('\r\n');
    expect(row).toContain('Microsoft 365 E3 x 25; Exchange Online (Plan 1) x 10');
    expect(row).toContain(',35,');
    expect(row).toContain('Société Générale');
    expect(csv).toContain('"Line one\nLine ""two"""');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(row).toContain(`,${localMoment(offer.createdAt, 'en-US')},`);
    expect(localMoment(offer.createdAt, 'en-US')).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
  });

  it('writes one row per customer, and one for an offer without customers', () => {
    const two = offerCsvRows(makeOffer(1, { customers: [makeCustomer('c1', {}), makeCustomer('c2', {})] }));
    expect(two.rows).toBe(2);
    expect(two.text.split('\r\n')).toHaveLength(3);
    expect(offerCsvRows(makeOffer(2, { customers: [] })).rows).toBe(1);
  });
});

describe('for a French spreadsheet', () => {
  beforeEach(() => speak('fr'));
  const offer = makeOffer(3, {
    subscriptions: [
      { name: 'Microsoft 365 E3', licenses: 1200 },
      { name: 'Teams, Essentials', licenses: 5 },
    ],
    customers: [makeCustomer('c1', { company: '=1+1', name: 'Zoé; Martin' }, '2026-03-04T05:06:07.000Z')],
  });
  const lines = () => (csvHead({ locale: 'fr' }) + offerCsvRows(offer, { locale: 'fr' }).text).slice(1).split('\r\n') as [string, string];

  it('separates on `;` under headers from the French locale strings', () => {
    const [head, row] = lines();
    expect(head.startsWith('ID de l’offre;Type;ID de résumé;Lien de l’offre;')).toBe(true);
    expect(head).toContain(';Lieu d’utilisation;');
    expect(head.split(';')).toHaveLength(row.split(';').length - 2);
  });

  it('quotes cells holding a `;`, keeps the formula guard, and writes numbers and dates as French spreadsheets read them', () => {
    const [, row] = lines();
    expect(row).toContain(';"Microsoft 365 E3 x 1200; Teams, Essentials x 5";1205;');
    expect(row).toContain(`;"Zoé; Martin";`);
    expect(row).toContain(";'=1+1;");
    expect(row).toContain(`;${localMoment(offer.createdAt, 'fr')};`);
    expect(localMoment(offer.createdAt, 'fr')).toMatch(/^\d\d\/\d\d\/2026 \d\d:\d\d:\d\d$/);
  });

  it('takes `;` wherever numbers have a decimal comma, `,` elsewhere', () => {
    expect(csvHead({ locale: 'de-DE' }).split('\r\n')[0]).toContain(';');
    expect(offerCsvRows(offer, { locale: 'fr-CA' }).text).toContain(';1205;');
    expect(offerCsvRows(offer, { locale: 'en-GB' }).text).toContain(',1205,');
  });
});
