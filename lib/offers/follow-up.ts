import { z } from 'zod/mini';
import type { Offer } from './schema';

/**
 * "Follow up with a purchase offer": the advisor marks a trial, then creates the purchase offer
 * in Partner Center. The mark is kept in extension storage (not in the trial record) because
 * the purchase offer does not exist yet; whichever path saves the next new purchase offer
 * (capture, clipboard, manual add) links it through the background's upsert, then clears it.
 */
export const PENDING_FOLLOW_UP_KEY = 'pendingFollowUp';

export const PendingFollowUp = z.object({ trialId: z.string().check(z.minLength(1), z.maxLength(64)), at: z.iso.datetime({ offset: true }) });
export type PendingFollowUp = z.infer<typeof PendingFollowUp>;

export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export async function readPendingFollowUp(area: KeyValueArea): Promise<PendingFollowUp | null> {
  const parsed = PendingFollowUp.safeParse((await area.get(PENDING_FOLLOW_UP_KEY))[PENDING_FOLLOW_UP_KEY]);
  return parsed.success ? parsed.data : null;
}

export async function setPendingFollowUp(area: KeyValueArea, trialId: string, at = new Date().toISOString()): Promise<void> {
  await area.set({ [PENDING_FOLLOW_UP_KEY]: { trialId, at } satisfies PendingFollowUp });
}

export async function clearPendingFollowUp(area: KeyValueArea): Promise<void> {
  await area.remove(PENDING_FOLLOW_UP_KEY);
}

/**
 * After an upsert: the trial id a newly created purchase offer should follow up, if any, and
 * clears the mark. Merges into existing offers, trials and offers already linked are left alone.
 */
export async function takeFollowUpFor(area: KeyValueArea, result: { offer: Offer; created: boolean }): Promise<string | null> {
  if (!result.created || result.offer.kind !== 'purchase' || result.offer.followUpOf) return null;
  const pending = await readPendingFollowUp(area);
  if (!pending || pending.trialId === result.offer.id) return null;
  await clearPendingFollowUp(area);
  return pending.trialId;
}
