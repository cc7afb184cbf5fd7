/**
 * Runtime messages are serialized (Chrome: as JSON, with a 64 MiB limit); large transfers go in
 * pieces so that no message, with its envelope, exceeds MAX_MESSAGE_BYTES.
 */
export const MAX_MESSAGE_BYTES = 8_000_000;
/** Room left in a message for its envelope (type, cursor, counts) around the text it carries. */
export const ENVELOPE_BYTES = 4_096;
/** The most text one message carries: its bytes once escaped into the message. */
export const MAX_CHUNK_BYTES = MAX_MESSAGE_BYTES - ENVELOPE_BYTES;
/** Below this a transfer of 100,000 offers would take too many round trips. */
export const MIN_CHUNK_BYTES = 64_000;
/** Small enough that a progress bar moves and memory stays low, large enough to keep round trips few. */
export const DEFAULT_CHUNK_BYTES = 4_000_000;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Bytes of text[start] once written inside a JSON string in UTF-8 (what a message carries), and
 * how many UTF-16 units it spans: a surrogate pair is one character, never cut.
 */
function charCost(text: string, at: number): [bytes: number, units: number] {
  const code = text.charCodeAt(at);
  if (code === 0x22 || code === 0x5c) return [2, 1];
  if (code < 0x20) return [code === 0x0a || code === 0x0d || code === 0x09 || code === 0x08 || code === 0x0c ? 2 : 6, 1];
  if (code < 0x80) return [1, 1];
  if (code < 0x800) return [2, 1];
  if (isHigh(code) && at + 1 < text.length && isLow(text.charCodeAt(at + 1))) return [4, 2];
  // A lone surrogate is escaped as \uXXXX.
  if (isHigh(code) || isLow(code)) return [6, 1];
  return [3, 1];
}

/** The bytes `text` takes inside a message's JSON string. */
export function messageBytes(text: string): number {
  let bytes = 0;
  for (let at = 0; at < text.length; ) {
    const [cost, units] = charCost(text, at);
    bytes += cost;
    at += units;
  }
  return bytes;
}

/**
 * Collects texts into one message's worth: whole while they fit, the one that does not fit cut
 * at the budget (never inside a character), the rest of it for the next message.
 */
export class ChunkWriter {
  private readonly parts: string[] = [];
  private left: number;

  constructor(maxBytes: number) {
    this.left = maxBytes;
  }

  /** Adds text[from..]; returns how far it got (text.length: all of it). */
  add(text: string, from = 0): number {
    let at = from;
    let bytes = 0;
    while (at < text.length) {
      const [cost, units] = charCost(text, at);
      if (bytes + cost > this.left) break;
      bytes += cost;
      at += units;
    }
    if (at > from) this.parts.push(from === 0 && at === text.length ? text : text.slice(from, at));
    this.left -= bytes;
    return at;
  }

  get text(): string {
    return this.parts.join('');
  }
}
