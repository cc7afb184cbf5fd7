import { OFFER_FIELD_NAMES, OFFER_FIELDS } from './fields';
import type { Offer } from './schema';
import { searchWords } from './normalize';

const MAX_WORDS = 400;

/**
 * The words an offer can be found by: what each field's search rule in OFFER_FIELDS gives. A write
 * updates the word index with the difference between these words before and after, both computed
 * by today's rules: a change to what this gives needs a migration that writes the index again.
 */
export function offerWords(offer: Offer): string[] {
  const fields = OFFER_FIELD_NAMES.flatMap((name) => OFFER_FIELDS[name].search?.(offer) ?? []);
  const words = new Set<string>();
  for (const field of fields) {
    if (!field) continue;
    for (const word of searchWords(field)) {
      if (words.size >= MAX_WORDS) return [...words];
      words.add(word);
    }
  }
  return [...words];
}

/** True when every query word starts one of the offer's words (so "cont" finds "Contoso"). */
export function matchesAllWords(words: readonly string[], queryWords: readonly string[]): boolean {
  return queryWords.every((q) => words.some((word) => word.startsWith(q)));
}

export function urlKey(offer: Pick<Offer, 'kind' | 'quoteId' | 'partnerId'>): string {
  return `${offer.kind}|${offer.quoteId.toLowerCase()}|${offer.partnerId.toLowerCase()}`;
}
