import { describe, expect, it } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { csvField, csvHead, offerCsvRows } from './csv';

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
  });

  it('writes one row per customer, and one for an offer without customers', () => {
    const two = offerCsvRows(makeOffer(1, { customers: [makeCustomer('c1', {}), makeCustomer('c2', {})] }));
    expect(two.rows).toBe(2);
    expect(two.text.split('\r\n')).toHaveLength(3);
    expect(offerCsvRows(makeOffer(2, { customers: [] })).rows).toBe(1);
  });
});
