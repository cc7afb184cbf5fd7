import { z } from 'zod/mini';
import { ARMED_NEXT_KEY, type ArmedNext } from '../messaging/protocol';

/**
 * "The next offer follows up this trial" / "the next offer replaces this one": the advisor arms a
 * link, then creates the offer in Partner Center. The mark is kept in extension storage (not in a
 * record) because the new offer does not exist yet; whichever path saves the next new offer
 * (capture, clipboard, manual add) takes it in the store's upsert, then the mark is cleared.
 */
export { ARMED_NEXT_KEY };
/** Where version 1 kept an armed follow-up: read once so a mark set before the upgrade still applies. */
const LEGACY_FOLLOW_UP_KEY = 'pendingFollowUp';

const timestamp = z.iso.datetime({ offset: true });
const offerId = z.string().check(z.minLength(1), z.maxLength(64));
const Armed = z.object({ offerId, link: z.enum(['follow-up', 'replacement']), withdraw: z.boolean(), at: timestamp });
const LegacyFollowUp = z.object({ trialId: offerId, at: timestamp });

export interface KeyValueArea {
  get(key: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

/** The armed mark, its time in UTC like createdAt, which the store compares it with. */
export async function readArmedNext(area: KeyValueArea): Promise<ArmedNext | null> {
  const stored = await area.get([ARMED_NEXT_KEY, LEGACY_FOLLOW_UP_KEY]);
  const armed = Armed.safeParse(stored[ARMED_NEXT_KEY]);
  if (armed.success) return { ...armed.data, at: new Date(armed.data.at).toISOString() };
  const legacy = LegacyFollowUp.safeParse(stored[LEGACY_FOLLOW_UP_KEY]);
  return legacy.success ? { offerId: legacy.data.trialId, link: 'follow-up', withdraw: false, at: new Date(legacy.data.at).toISOString() } : null;
}

export async function armNext(area: KeyValueArea, mark: Omit<ArmedNext, 'at'>, at = new Date().toISOString()): Promise<ArmedNext> {
  const armed: ArmedNext = { ...mark, at };
  await area.set({ [ARMED_NEXT_KEY]: armed });
  await area.remove(LEGACY_FOLLOW_UP_KEY);
  return armed;
}

export async function disarmNext(area: KeyValueArea): Promise<boolean> {
  const had = (await readArmedNext(area)) !== null;
  await area.remove([ARMED_NEXT_KEY, LEGACY_FOLLOW_UP_KEY]);
  return had;
}

/** Clears the mark once a save applied it, and only if it is still that mark (the advisor may have armed another since). */
export async function clearAppliedMark(area: KeyValueArea, applied: ArmedNext): Promise<void> {
  const current = await readArmedNext(area);
  if (current?.offerId === applied.offerId && current.link === applied.link && current.at === applied.at) await disarmNext(area);
}
