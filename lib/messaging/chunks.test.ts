import { describe, expect, it } from 'vitest';
import { ChunkWriter, MAX_CHUNK_BYTES, messageBytes } from './chunks';

const inMessage = (text: string) => new TextEncoder().encode(JSON.stringify(text)).length - 2;

describe('messageBytes', () => {
  it.each([
    ['ascii', 'abc'],
    ['quotes and backslashes, escaped', '"\\"\\'],
    ['line ends and control characters', '\n\r\t\u0001\u001f'],
    ['accents and CJK', 'Société 株式会社'],
    ['emoji (surrogate pairs)', '😀🇫🇷'],
    ['lone surrogates, escaped', '\ud800x\udc00'],
  ])('counts %s as JSON.stringify writes them in UTF-8', (_name, text) => {
    expect(messageBytes(text)).toBe(inMessage(text));
  });
});

describe('ChunkWriter', () => {
  const pieces = (text: string, maxBytes: number) => {
    const out: string[] = [];
    for (let from = 0; from < text.length; ) {
      const writer = new ChunkWriter(maxBytes);
      from = writer.add(text, from);
      out.push(writer.text);
    }
    return out;
  };

  it('cuts a text far larger than a message into pieces under the cap, never inside a character', () => {
    const text = '"quoted" 😀 Société\n'.repeat(700_000);
    expect(messageBytes(text)).toBeGreaterThan(2 * MAX_CHUNK_BYTES);
    const parts = pieces(text, MAX_CHUNK_BYTES);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      expect(inMessage(part)).toBeLessThanOrEqual(MAX_CHUNK_BYTES);
      expect(part).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
    expect(parts.join('')).toBe(text);
  });

  it('keeps whole texts whole while they fit, and the one that does not fit goes on where it stopped', () => {
    const writer = new ChunkWriter(10);
    expect(writer.add('abcd')).toBe(4);
    expect(writer.add('efghijkl')).toBe(6);
    expect(writer.add('more')).toBe(0);
    expect(writer.text).toBe('abcdefghij');
  });
});
