// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { caretFollows, compact, countOccurrences, countProbes, messageProbes, probesLanded } from './probes';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('probes', () => {
  it('compares text without any white space, including no-break and zero-width spaces', () => {
    expect(compact(' a\u00a0b\n c\u200b d\ufeff ')).toBe('abcd');
  });

  it('counts non-overlapping occurrences', () => {
    expect(countOccurrences('abcabcab', 'abc')).toBe(2);
    expect(countOccurrences('aaaa', 'aa')).toBe(2);
    expect(countOccurrences('abc', '')).toBe(0);
  });

  it('takes the first and last innermost blocks of the rendered HTML', () => {
    const probes = messageProbes('<p>Dear Ann,</p><ul><li>One</li><li>Two seats</li></ul><p>Kind regards,<br>Bob</p>', 'ignored', parse);
    expect(probes).toEqual({ first: 'DearAnn,', last: 'Kindregards,Bob' });
  });

  it('falls back to the plain text lines when the HTML has no blocks', () => {
    expect(messageProbes('just text', 'First line\n\nLast line', parse)).toEqual({ first: 'Firstline', last: 'Lastline' });
    expect(messageProbes('', '  \n ', parse)).toBeNull();
  });

  it('says the message landed only when both ends appear once more than before', () => {
    const probes = { first: 'Hello', last: 'Bye' };
    const before = countProbes('Hello there. Bye', probes);
    expect(probesLanded(before, countProbes('Hello there. Bye Hello you Bye', probes))).toBe(true);
    expect(probesLanded(before, countProbes('Hello there. Bye Hello you', probes))).toBe(false);
    expect(probesLanded(before, before)).toBe(false);
  });

  it('checks that the caret follows the last block, whatever the spacing', () => {
    expect(caretFollows('Intro Kind regards,\nBob', { first: 'x', last: 'Kindregards,Bob' })).toBe(true);
    expect(caretFollows('Kind regards, Bob and more', { first: 'x', last: 'Kindregards,Bob' })).toBe(false);
  });
});
