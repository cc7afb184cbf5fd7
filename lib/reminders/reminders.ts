import type { Offer } from '../offers/schema';
import { STATUS_RULES } from '../offers/statuses';

/**
 * Follow-up reminders: "remind me N days after sending if not accepted". One browser alarm per
 * offer, named after it, so the schedule survives the service worker being stopped; nothing is
 * kept in memory. When the alarm rings, the offer is read again: a reminder only shows if the
 * offer is still waiting for the customer.
 */

// An offer's alarm and its notification share one name, so either leads back to the offer.
const REMINDER_PREFIX = 'offer-reminder:';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Sent to the customer and not answered yet: the only offers a reminder is for. */
const awaitsCustomer = (offer: Pick<Offer, 'status' | 'sends'>) => offer.sends.length > 0 && STATUS_RULES[offer.status].awaitsCustomer;

export const reminderName = (offerId: string) => `${REMINDER_PREFIX}${offerId}`;
const offerIdOfReminder = (name: string) => (name.startsWith(REMINDER_PREFIX) ? name.slice(REMINDER_PREFIX.length) : null);

/** When to remind about an offer, counted from its latest send; null when no reminder is due. */
export function reminderTime(offer: Pick<Offer, 'status' | 'sends'>, reminderDays: number | null): number | null {
  const lastSend = offer.sends.at(-1);
  if (reminderDays === null || !lastSend || !awaitsCustomer(offer)) return null;
  return Date.parse(lastSend.at) + reminderDays * DAY_MS;
}

export interface ReminderPorts {
  createAlarm(name: string, when: number): Promise<void> | void;
  clearAlarm(name: string): unknown;
  getOffer(id: string): Promise<Offer | null>;
  reminderDays(): Promise<number | null>;
  notify(id: string, title: string, message: string): unknown;
  openOffer(offerId: string): unknown;
  message(key: 'reminder_title' | 'reminder_body', substitutions: string[]): string;
  /** Names of the alarms currently set. */
  alarmNames(): Promise<string[]>;
  /** Every offer still waiting for the customer after a send, read page by page. */
  sentOffers(): AsyncIterable<Offer>;
}

/** Sets (or clears) an offer's alarm after it changed: a send, a status change. */
export async function scheduleReminder(ports: ReminderPorts, offer: Offer): Promise<number | null> {
  const when = reminderTime(offer, await ports.reminderDays());
  if (when === null) await ports.clearAlarm(reminderName(offer.id));
  else await ports.createAlarm(reminderName(offer.id), Math.max(when, Date.now() + 1000));
  return when;
}

/**
 * After the advisor changes the reminder delay: every sent offer gets the new schedule. Offers
 * whose new reminder time has already passed are left alone, so turning reminders on does not
 * bring a burst of notifications for old offers; turning them off clears every reminder.
 */
export async function rescheduleAll(ports: ReminderPorts, now = Date.now()): Promise<number> {
  const days = await ports.reminderDays();
  for (const name of await ports.alarmNames()) if (offerIdOfReminder(name)) await ports.clearAlarm(name);
  if (days === null) return 0;
  let scheduled = 0;
  for await (const offer of ports.sentOffers()) {
    const when = reminderTime(offer, days);
    if (when === null || when <= now) continue;
    await ports.createAlarm(reminderName(offer.id), when);
    scheduled++;
  }
  return scheduled;
}

/** Runs when an alarm rings: shows the reminder if the offer still waits for the customer. */
export async function fireReminder(ports: ReminderPorts, alarm: string): Promise<boolean> {
  const offerId = offerIdOfReminder(alarm);
  if (!offerId) return false;
  const offer = await ports.getOffer(offerId);
  if (!offer || !awaitsCustomer(offer)) return false;
  const who = offer.customer.company || offer.customer.name || offer.customer.email || offer.summaryId || offer.quoteId;
  await ports.notify(
    reminderName(offer.id),
    ports.message('reminder_title', []),
    ports.message('reminder_body', [who]),
  );
  return true;
}

/** A click on a reminder opens the offer in the history page. */
export async function openReminder(ports: ReminderPorts, notificationId: string): Promise<boolean> {
  const offerId = offerIdOfReminder(notificationId);
  if (!offerId) return false;
  await ports.openOffer(offerId);
  return true;
}

/** The history page URL that opens one offer's details. */

/** True when a storage change of the preferences moved the reminder delay (not just the language). */
export function reminderDelayChanged(change: { oldValue?: unknown; newValue?: unknown } | undefined): boolean {
  if (!change) return false;
  const days = (value: unknown) => (value && typeof value === 'object' && 'reminderDays' in value ? value.reminderDays : null);
  return days(change.oldValue) !== days(change.newValue);
}
