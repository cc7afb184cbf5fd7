import { z } from 'zod/mini';
import type { FollowUpMarks } from './handlers';

/**
 * "Follow up with a purchase offer": the advisor marks a trial, then creates the purchase offer
 * in Partner Center. The mark is kept in extension storage (not in the trial record) because
 * the purchase offer does not exist yet; whichever path saves the next new purchase offer
 * (capture, clipboard, manual add) is linked in the store's upsert, then the mark is cleared.
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
 * The mark as the store's upsert takes it. It is cleared once a save applied it, and only if it is
 * still the same mark (the advisor may have marked another trial meanwhile).
 */
export function storedFollowUpMarks(area: KeyValueArea): FollowUpMarks {
  return {
    async read() {
      const pending = await readPendingFollowUp(area);
      // In UTC like createdAt, which the store compares it with.
      return pending ? { trialId: pending.trialId, since: new Date(pending.at).toISOString() } : null;
    },
    async applied(mark) {
      const pending = await readPendingFollowUp(area);
      if (pending?.trialId === mark.trialId && new Date(pending.at).toISOString() === mark.since) await clearPendingFollowUp(area);
    },
  };
}
