/**
 * Text probes: how the insertion chain recognises its own message in an editor. Editors rewrite
 * markup (paragraphs become divs, spaces become no-break spaces), so text is compared with all
 * white space removed, block by block.
 */

const INVISIBLE = /(?:\s|\u200b|\u200c|\u200d|\u2060|\ufeff)+/g;

export function compact(text: string): string {
  return text.replace(INVISIBLE, '');
}

export function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** The first and last blocks of the message: both must land, and the caret must follow the last. */
export interface Probes {
  first: string;
  last: string;
}

/** Probes from the rendered HTML's blocks (paragraphs, list items), or the plain text's lines. */
export function messageProbes(html: string, text: string, parse: (html: string) => Document): Probes | null {
  const doc = parse(html);
  const blocks = [...doc.body.querySelectorAll('p, li, div, h1, h2, h3, blockquote')]
    .filter((block) => !block.querySelector('p, li, div, h1, h2, h3, blockquote'))
    .map((block) => compact(block.textContent))
    .filter(Boolean);
  const parts = blocks.length > 0 ? blocks : text.split(/\n/).map(compact).filter(Boolean);
  const [first] = parts;
  const last = parts.at(-1);
  return first && last ? { first, last } : null;
}

export interface ProbeCounts {
  first: number;
  last: number;
}

export function countProbes(editorText: string, probes: Probes): ProbeCounts {
  const text = compact(editorText);
  return { first: countOccurrences(text, probes.first), last: countOccurrences(text, probes.last) };
}

/** True when one more copy of the message's first and last blocks is in the editor than before. */
export function probesLanded(before: ProbeCounts, after: ProbeCounts): boolean {
  return after.first > before.first && after.last > before.last;
}

/** True when the text before the caret ends with the message's last block. */
export function caretFollows(textBeforeCaret: string, probes: Probes): boolean {
  return compact(textBeforeCaret).endsWith(probes.last);
}
