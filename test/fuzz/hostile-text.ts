/**
 * Seeded generators of hostile text, shared by the unit fuzz of capture and the browser fuzz of
 * capture -> store -> message -> insertion. Every payload that could run tries to set
 * `window.__pwned` or open a dialog, so a test sees at once if one ever executes.
 */

export type Random = () => number;

/** mulberry32: small, fast, and the same sequence on every run, so a failure reproduces. */
export function prng(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pickWith = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const MARKUP = [
  '<img src=x onerror=__pwned=1>',
  '<img src="x" onerror="alert(1)">',
  '<script>__pwned=1</script>',
  '<svg onload=__pwned=1>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a href="javascript:__pwned=1">click</a>',
  '<div onmouseover="__pwned=1" style="position:fixed;inset:0">x</div>',
  '<body onload=alert(1)>',
  '<details open ontoggle=__pwned=1>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__pwned=1>',
  '"><img src=x onerror=__pwned=1>',
  "'><svg/onload=alert(1)>",
  '</textarea><script>__pwned=1</script>',
  '<!--<img src="--><img src=x onerror=__pwned=1//">',
  '<form action="javascript:__pwned=1"><button>x</button></form>',
  '<object data="javascript:__pwned=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:__pwned=1">',
  '&lt;img src=x onerror=__pwned=1&gt;',
  '{{constructor.constructor("__pwned=1")()}}',
  '${__pwned=1}',
  "');__pwned=1;//",
];

/** `javascript:` in the disguises filters miss: case, whitespace, entities, encodings, NUL. */
const SCRIPT_URLS = [
  'javascript:__pwned=1',
  'JaVaScRiPt:alert(1)',
  ' javascript:__pwned=1',
  'java\tscript:__pwned=1',
  'java\nscript:__pwned=1',
  '\u0000javascript:__pwned=1',
  '&#106;avascript:__pwned=1',
  '&#x6A;&#x61;&#x76;&#x61;script:alert(1)',
  'javascript&colon;__pwned=1',
  '%6Aavascript:__pwned=1',
  'javascript%3A__pwned=1',
  'jav&#x09;ascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>__pwned=1</script>',
  'data:text/html;base64,PHNjcmlwdD5fX3B3bmVkPTE8L3NjcmlwdD4=',
  '\u202Ejavascript:__pwned=1',
];

const BIDI = ['\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const INVISIBLE = ['\u200B', '\uFEFF', '\u00AD', '\u2060', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085'];
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDFFF\uD800', 'a\uD83D', '\uDE00b'];
const ORDINARY = ['Contoso', 'Société Générale', 'PO-4K7Q-22XM', 'France', 'Microsoft 365 Business Standard', 'Paris', '東京', 'مرحبا'];

function piece(random: Random): string {
  const pick = <T,>(items: readonly T[]) => pickWith(random, items);
  return pick<() => string>([
    () => pick(MARKUP),
    () => pick(SCRIPT_URLS),
    () => `${pick(BIDI)}${pick(ORDINARY)}${pick(BIDI)}`,
    () => `${pick(ORDINARY)}${pick(INVISIBLE)}${pick(ORDINARY)}`,
    () => pick(LONE_SURROGATES),
    () => pick(ORDINARY),
    // Past every bound: short text, URL, notes, and far beyond.
    () => pick(['x', '<', 'é', '\u202E', '😀']).repeat(pick([199, 201, 2049, 20_001, 100_000])),
    () => String.fromCharCode(...Array.from({ length: 20 }, () => Math.floor(random() * 0x10000))),
  ])();
}

/** One hostile string: one to three pieces, so payloads also meet each other. */
export function hostileText(random: Random): string {
  const pieces = 1 + Math.floor(random() * 3);
  return Array.from({ length: pieces }, () => piece(random)).join(pickWith(random, ['', ' ', '\n', '"', "'"]));
}

/** `count` hostile strings from a fixed seed. */
export function hostileStrings(seed: number, count: number): string[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => hostileText(random));
}
