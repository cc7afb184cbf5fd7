import type { Offer } from '../offers/schema';

/**
 * Follow-up reminders: "remind me N days after sending if not accepted". One browser alarm per
 * offer, named after it, so the schedule survives the service worker being stopped; nothing is
 * kept in memory. When the alarm rings, the offer is read again: a reminder only shows if the
 * offer is still waiting for the customer.
 */

export const ALARM_PREFIX = 'offer-reminder:';
export const NOTIFICATION_PREFIX = 'offer-reminder:';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Statuses that still wait on the customer; accepted, declined, expired or withdrawn offers need no reminder. */
const WAITING: ReadonlySet<Offer['status']> = new Set(['created', 'sent']);

export const alarmName = (offerId: string) => `${ALARM_PREFIX}${offerId}`;
export const offerIdFromAlarm = (name: string) => (name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : null);
export const offerIdFromNotification = (id: string) =>
  id.startsWith(NOTIFICATION_PREFIX) ? id.slice(NOTIFICATION_PREFIX.length) : null;

/** When to remind about an offer, counted from its latest send; null when no reminder is due. */
export function reminderTime(offer: Pick<Offer, 'status' | 'sends'>, reminderDays: number | null): number | null {
  const lastSend = offer.sends.at(-1);
  if (reminderDays === null || !lastSend || !WAITING.has(offer.status)) return null;
  return Date.parse(lastSend.at) + reminderDays * DAY_MS;
}

export interface ReminderPorts {
  createAlarm(name: string, when: number): Promise<void> | void;
  clearAlarm(name: string): Promise<unknown> | unknown;
  getOffer(id: string): Promise<Offer | null>;
  reminderDays(): Promise<number | null>;
  notify(id: string, title: string, message: string): Promise<unknown> | unknown;
  openOffer(offerId: string): Promise<unknown> | unknown;
  message(key: 'reminder_title' | 'reminder_body', substitutions: string[]): string;
  /** Names of the alarms currently set. */
  alarmNames(): Promise<string[]>;
  /** Every offer still waiting for the customer after a send, read page by page. */
  sentOffers(): AsyncIterable<Offer>;
}

/** Sets (or clears) an offer's alarm after it changed: a send, a status change. */
export async function scheduleReminder(ports: ReminderPorts, offer: Offer): Promise<number | null> {
  const when = reminderTime(offer, await ports.reminderDays());
  if (when === null) await ports.clearAlarm(alarmName(offer.id));
  else await ports.createAlarm(alarmName(offer.id), Math.max(when, Date.now() + 1000));
  return when;
}

/**
 * After the advisor changes the reminder delay: every sent offer gets the new schedule. Offers
 * whose new reminder time has already passed are left alone, so turning reminders on does not
 * bring a burst of notifications for old offers; turning them off clears every reminder.
 */
export async function rescheduleAll(ports: ReminderPorts, now = Date.now()): Promise<number> {
  const days = await ports.reminderDays();
  for (const name of await ports.alarmNames()) if (offerIdFromAlarm(name)) await ports.clearAlarm(name);
  if (days === null) return 0;
  let scheduled = 0;
  for await (const offer of ports.sentOffers()) {
    const when = reminderTime(offer, days);
    if (when === null || when <= now) continue;
    await ports.createAlarm(alarmName(offer.id), when);
    scheduled++;
  }
  return scheduled;
}

/** Runs when an alarm rings: shows the reminder if the offer still waits for the customer. */
export async function fireReminder(ports: ReminderPorts, alarm: string): Promise<boolean> {
  const offerId = offerIdFromAlarm(alarm);
  if (!offerId) return false;
  const offer = await ports.getOffer(offerId);
  if (!offer || !WAITING.has(offer.status) || offer.sends.length === 0) return false;
  const who = offer.customer.company || offer.customer.name || offer.customer.email || offer.summaryId || offer.quoteId;
  await ports.notify(
    `${NOTIFICATION_PREFIX}${offer.id}`,
    ports.message('reminder_title', []),
    ports.message('reminder_body', [who]),
  );
  return true;
}

/** A click on a reminder opens the offer in the history page. */
export async function openReminder(ports: ReminderPorts, notificationId: string): Promise<boolean> {
  const offerId = offerIdFromNotification(notificationId);
  if (!offerId) return false;
  await ports.openOffer(offerId);
  return true;
}

/** The history page URL that opens one offer's details. */
export const offerDetailsPath = (offerId: string) => `/history.html?offer=${encodeURIComponent(offerId)}`;

/** True when a storage change of the preferences moved the reminder delay (not just the language). */
export function reminderDelayChanged(change: { oldValue?: unknown; newValue?: unknown } | undefined): boolean {
  if (!change) return false;
  const days = (value: unknown) => (value && typeof value === 'object' && 'reminderDays' in value ? value.reminderDays : null);
  return days(change.oldValue) !== days(change.newValue);
}
