import type { IDBPDatabase } from 'idb';
import type { OfferCourierDB } from '@/lib/offers/db';
import { WordIndexChange, type WordHolder } from '@/lib/offers/word-index';

/** A small deterministic random source, so a failure can be replayed. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The n-th offer a walk creates: by default each a minute after the one before. */
const minuteApart = (made: number) => ({ id: `offer-${made}`, createdAt: new Date(Date.UTC(2026, 0, 1) + made * 60_000).toISOString() });

/**
 * A random walk over offers, kept as the model: `create` makes one, `edit` gives one new terms or
 * (3 times in 10) deletes it; each returns the change as the index records it (before, after).
 */
export function randomOffers(next: () => number, termsOf: (id: string) => string[], identify: (made: number) => { id: string; createdAt: string } = minuteApart) {
  const offers = new Map<string, WordHolder>();
  let made = 0;
  const create = (): [undefined, WordHolder] => {
    const { id, createdAt } = identify(made++);
    const offer = { id, createdAt, terms: termsOf(id) };
    offers.set(offer.id, offer);
    return [undefined, offer];
  };
  const edit = (): [WordHolder, WordHolder | undefined] => {
    const offerIds = [...offers.keys()];
    const before = offers.get(offerIds[Math.floor(next() * offerIds.length)]!)!;
    if (next() < 0.3) {
      offers.delete(before.id);
      return [before, undefined];
    }
    const after = { ...before, terms: termsOf(before.id) };
    offers.set(after.id, after);
    return [before, after];
  };
  return { offers, create, edit };
}

/** Saves these changes (before, after) to the word index in one write. */
export async function writeChanges(db: IDBPDatabase<OfferCourierDB>, changes: readonly [WordHolder | undefined, WordHolder | undefined][]): Promise<void> {
  const tx = db.transaction(['wordBlocks', 'wordIndex'], 'readwrite');
  const change = new WordIndexChange();
  for (const [before, after] of changes) change.record(before, after);
  await change.save(tx);
  await tx.done;
}
