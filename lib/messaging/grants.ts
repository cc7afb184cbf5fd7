import { z } from 'zod/mini';
import { UNDO_CAPTURE_LIFETIME_MS } from './grant-lifetimes';
import { MessagingError, type ArmedNext, type MessageSender } from './protocol';

/**
 * Grants: the background's word that one tab may do one thing to one offer, named by a random
 * token. A capture grants its tab the undo of the offer it created; a picker's delivery grants
 * its tab the record of that offer's send. They live in the session storage area (the worker
 * keeps nothing in globals; content scripts cannot read that area) and expire.
 */
const GRANT_PURPOSES = ['undo-capture', 'record-send'] as const;
export type GrantPurpose = (typeof GRANT_PURPOSES)[number];

const GRANTS_KEY = 'grants';
/**
 * How long a grant lives, by purpose: a capture's Undo is offered for a few minutes, while a
 * picker's delivery must still let the compose window record its real send, which may come
 * hours after the insertion (a draft left open, the worker stopped meanwhile).
 */
export const GRANT_LIFETIME_MS: Readonly<Record<GrantPurpose, number>> = {
  'undo-capture': UNDO_CAPTURE_LIFETIME_MS,
  'record-send': 24 * 60 * 60_000,
};

const Grant = z.object({
  purpose: z.enum(GRANT_PURPOSES),
  offerId: z.string(),
  tabId: z.number(),
  expiresAt: z.number(),
  /** A capture's: the armed mark its offer took, which its Undo arms again. */
  mark: z.optional(z.object({ offerId: z.string(), link: z.enum(['follow-up', 'replacement']), withdraw: z.boolean(), at: z.string() })),
  /**
   * What the grant was used for, by kind of use ("draft", "send": the part of a use before `@`):
   * each kind once, and a retry of that same use is accepted.
   */
  used: z.optional(z.record(z.string(), z.string())),
});
type Grant = z.infer<typeof Grant>;
const Grants = z.record(z.string(), Grant);

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface GrantBook {
  give(token: string, grant: { purpose: GrantPurpose; offerId: string; tabId: number; mark?: ArmedNext }): Promise<void>;
  /**
   * The offer a live grant names (and the mark it carries), for its purpose and tab, and marks it
   * used for `use` ("kind@moment" or just a moment). Throws a `forbidden` error for an unknown,
   * expired or foreign token, or one whose kind of use was already used otherwise.
   */
  redeem(token: string, purpose: GrantPurpose, tabId: number, use: string): Promise<{ offerId: string; mark?: ArmedNext }>;
  /** The token of an unused grant for this purpose, offer and tab given less than `withinMs` ago, if any. */
  findRecent(purpose: GrantPurpose, offerId: string, tabId: number, withinMs: number): Promise<string | undefined>;
}

/** The sender's tab, which a grant is bound to; pages outside tabs hold no grants. */
export function grantTabOf(sender: MessageSender | undefined): number {
  const tabId = sender?.tab?.id;
  if (tabId === undefined || tabId < 0) throw new MessagingError('forbidden', 'Only a content script in a tab can use this.');
  return tabId;
}

export function createGrantBook(area: SessionArea, now: () => number = Date.now): GrantBook {
  // One read-modify-write at a time, so two messages arriving together cannot both use a grant.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const readLive = async (): Promise<Record<string, Grant>> => {
    const parsed = Grants.safeParse((await area.get(GRANTS_KEY))[GRANTS_KEY]);
    const time = now();
    return Object.fromEntries(Object.entries(parsed.success ? parsed.data : {}).filter(([, grant]) => grant.expiresAt > time));
  };
  const write = (grants: Record<string, Grant>) => area.set({ [GRANTS_KEY]: grants });

  return {
    give: (token, grant) =>
      exclusive(async () => {
        const grants = await readLive();
        await write({ ...grants, [token]: { ...grant, expiresAt: now() + GRANT_LIFETIME_MS[grant.purpose] } });
      }),
    redeem: (token, purpose, tabId, use) =>
      exclusive(async () => {
        const grants = await readLive();
        const grant = Object.hasOwn(grants, token) ? grants[token] : undefined;
        const kind = use.includes('@') ? use.slice(0, use.indexOf('@')) : '';
        const earlier = grant?.used && Object.hasOwn(grant.used, kind) ? grant.used[kind] : undefined;
        if (!grant || grant.purpose !== purpose || grant.tabId !== tabId || (earlier !== undefined && earlier !== use)) {
          throw new MessagingError('forbidden', 'This tab holds no such grant.');
        }
        await write({ ...grants, [token]: { ...grant, used: { ...grant.used, [kind]: use } } });
        return { offerId: grant.offerId, ...(grant.mark ? { mark: grant.mark } : {}) };
      }),
    findRecent: (purpose, offerId, tabId, withinMs) =>
      exclusive(async () => {
        const givenAfter = now() - withinMs;
        const found = Object.entries(await readLive()).find(
          ([, grant]) =>
            grant.purpose === purpose && grant.offerId === offerId && grant.tabId === tabId && !grant.used && grant.expiresAt - GRANT_LIFETIME_MS[purpose] > givenAfter,
        );
        return found?.[0];
      }),
  };
}
