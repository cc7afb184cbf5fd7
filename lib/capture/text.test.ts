import { describe, expect, it } from 'vitest';
import { capText, cleanText, collapseWhitespace, parseLicenseCount } from './text';

describe('capText', () => {
  it('keeps short text and cuts long text', () => {
    expect(capText('abc', 5)).toBe('abc');
    expect(capText('abcdef', 4)).toBe('abcd');
  });

  it('never leaves half of a surrogate pair', () => {
    expect(capText('ab😀', 3)).toBe('ab');
  });
});

describe('collapseWhitespace', () => {
  it('collapses spaces, tabs, newlines and no-break spaces', () => {
    expect(collapseWhitespace(' a \t\n b\u00A0\u202Fc ')).toBe('a b c');
  });
});

describe('cleanText', () => {
  it('drops markup, hostile or not', () => {
    expect(cleanText('<img src=x onerror=alert(1)>Contoso <b>Ltd</b>')).toBe('Contoso Ltd');
    expect(cleanText('<script>alert(1)</script>')).toBe('alert(1)');
  });

  it('drops stray angle brackets from unterminated markup', () => {
    expect(cleanText('Contoso <img src=x onerror=alert(1)')).toBe('Contoso img src=x onerror=alert(1)');
  });

  it('drops invisible and bidi-override characters', () => {
    expect(cleanText('8H3\u202E\u200BK\uFEFF\u0007')).toBe('8H3K');
  });

  it('caps the length after cleaning', () => {
    expect(cleanText(`  ${'a'.repeat(500)}  `)).toHaveLength(200);
    expect(cleanText('abc def', 4)).toBe('abc');
  });
});

describe('parseLicenseCount', () => {
  it.each([
    ['25', 25],
    [' 1 000 ', 1000],
    ['1\u202F200', 1200],
    ['1,000', 1000],
    ['1.000.000', 1_000_000],
    ['0', 0],
  ])('reads %j as %d', (raw, count) => {
    expect(parseLicenseCount(raw)).toBe(count);
  });

  it.each(['', 'ten', '10.5', '-3', '1,00', '2000000', '12345678', '1e3'])('rejects %j', (raw) => {
    expect(parseLicenseCount(raw)).toBeNull();
  });
});
