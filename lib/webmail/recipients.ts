import { cleanText } from '../capture/text';
import { isEmailAddress } from '../email-address';
import { LIMITS } from '../offers/limits';

/**
 * Recipients as a compose window shows them: an address, a name, or both. Pure text work over
 * what was read from the page (untrusted): names are cleaned and capped, addresses validated,
 * and nothing is made up (a name without an address stays a name).
 */
export interface Recipient {
  email?: string;
  name?: string;
}

/** More chips than this in one field is not a customer list; the rest are ignored. */
export const MAX_RECIPIENTS = 50;

/** Longer typed text is not a recipient list, nor a longer chip one recipient. */
const MAX_TYPED_TEXT = 20_000;
const MAX_CHIP_TEXT = 1000;
const NAME_AND_ADDRESS = /^([^<>]*)<([^<>]*)>$/;
const SURROUNDING_QUOTES = /^["']+|["']+$/g;

function cleanName(raw: string): string {
  return cleanText(raw, LIMITS.shortText).replace(SURROUNDING_QUOTES, '').trim();
}

/** A recipient from its parts; a name that merely repeats the address is dropped. */
function recipient(email: string | undefined, rawName: string | undefined): Recipient | null {
  const address = email?.trim();
  const validEmail = address && isEmailAddress(address) ? address : undefined;
  const name = rawName === undefined ? '' : cleanName(rawName);
  const keptName = name && !(validEmail && name.toLowerCase().includes(validEmail.toLowerCase())) ? name : '';
  if (!validEmail && !keptName) return null;
  return { ...(validEmail ? { email: validEmail } : {}), ...(keptName ? { name: keptName } : {}) };
}

/** One entry written "address" or "Name <address>" split in two; anything else is all name. */
function splitEntry(entry: string): { email?: string; name?: string } {
  const text = entry.trim();
  const bracketed = NAME_AND_ADDRESS.exec(text);
  if (bracketed) {
    const address = (bracketed[2] ?? '').trim();
    return isEmailAddress(address) ? { email: address, name: bracketed[1] } : { name: text };
  }
  return isEmailAddress(text) ? { email: text } : { name: text };
}

/**
 * What a resolved chip shows: "Name <address>", an address, or a name alone (kept as a name).
 * `attributeEmail`/`attributeName` are what the page put in attributes, which win over the text.
 */
export function parseChip(text: string, attributeEmail?: string | null, attributeName?: string | null): Recipient | null {
  const shown = splitEntry(text.slice(0, MAX_CHIP_TEXT).replace(/\s+/g, ' '));
  const fromAttribute = attributeEmail ? splitEntry(attributeEmail).email : undefined;
  return recipient(fromAttribute ?? shown.email, attributeName?.trim() ? attributeName : shown.name);
}

/** Splits at commas, semicolons and line breaks, except inside double quotes ("Dubois, Claire"). */
function splitEntries(text: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === ',' || char === ';' || char === '\n')) {
      entries.push(current);
      current = '';
    } else current += char;
  }
  entries.push(current);
  return entries;
}

/**
 * Typed text: entries separated by commas, semicolons or lines, each an address or
 * "Name <address>". Anything else (a half-typed address, a name being looked up) is not a
 * recipient yet and is left out; several bare addresses separated by spaces are each kept.
 */
export function parseTyped(text: string): Recipient[] {
  const found: Recipient[] = [];
  for (const entry of splitEntries(text.slice(0, MAX_TYPED_TEXT))) {
    const parts = splitEntry(entry);
    const named = parts.email ? recipient(parts.email, parts.name) : undefined;
    if (named) found.push(named);
    else for (const word of entry.split(/\s+/)) if (isEmailAddress(word)) found.push({ email: word });
    if (found.length >= MAX_RECIPIENTS) break;
  }
  return found.slice(0, MAX_RECIPIENTS);
}

/**
 * One entry per address (compared without case; the first wins, taking a later name when it had
 * none) and per name among those without an address; at most MAX_RECIPIENTS.
 */
export function mergeRecipients(all: readonly Recipient[]): Recipient[] {
  const byKey = new Map<string, Recipient>();
  for (const one of all) {
    const key = one.email ? `@${one.email.toLowerCase()}` : `#${(one.name ?? '').toLowerCase()}`;
    const seen = byKey.get(key);
    if (!seen) {
      if (byKey.size < MAX_RECIPIENTS) byKey.set(key, { ...one });
    } else if (!seen.name && one.name) seen.name = one.name;
  }
  return [...byKey.values()];
}
