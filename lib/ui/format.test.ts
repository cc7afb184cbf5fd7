import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, formatPercent, languageName } from './format';

describe('formatting with Intl', () => {
  it('formats numbers and sizes for the UI language', () => {
    expect(formatNumber(10000, 'en')).toBe('10,000');
    expect(formatNumber(10000, 'fr').replace(/\s/g, ' ')).toBe('10 000');
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(5 * 1024 * 1024, 'fr').replace(/\s/g, ' ')).toBe('5 Mo');
  });

  it('writes a whole percentage as each language does', () => {
    expect(formatPercent(30, 'en')).toBe('30%');
    expect(formatPercent(30, 'fr').replace(/\s/g, ' ')).toBe('30 %');
    expect(formatPercent(100, 'en')).toBe('100%');
  });

  it('keeps a locale’s number and percent formats apart', () => {
    expect(formatPercent(30, 'en')).toBe('30%');
    expect(formatNumber(30, 'en')).toBe('30');
    expect(formatPercent(30, 'en')).toBe('30%');
  });

  it('names languages in their own language', () => {
    expect(languageName('en')).toBe('English');
    expect(languageName('fr')).toBe('Français');
  });
});
