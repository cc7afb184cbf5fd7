import type { Offer } from '../offers/schema';
import { STATUS_RULES } from '../offers/statuses';

/**
 * Follow-up reminders: "remind me N days after sending if not accepted". One browser alarm per
 * offer, named after it, so the schedule survives the service worker being stopped; nothing is
 * kept in memory. When the alarm rings, the offer is read again: a reminder only shows if the
 * offer is still waiting for the customer.
 *
 * Alarms are not kept everywhere (Firefox drops them at restart, Chrome at an extension update), so
 * the background rebuilds them from the store whenever it starts. A small log in extension storage
 * says which reminder times were shown and when the last rebuild ran: a reminder that fell due while
 * its alarm was missing shows once, and one that fell due before the log began never does.
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
  readLog(): Promise<ReminderLog | null>;
  writeLog(log: ReminderLog): Promise<void>;
  /** Runs one reminder task at a time, so an alarm and a rebuild never both show one reminder. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}

/** When reminders were last rebuilt, and the reminder time last shown for each offer. */
export interface ReminderLog {
  checkedAt: number;
  shown: Record<string, number>;
}

/** Sets (or clears) an offer's alarm after it changed: a send, a status change. */
export async function scheduleReminder(ports: ReminderPorts, offer: Offer): Promise<number | null> {
  const when = reminderTime(offer, await ports.reminderDays());
  if (when === null) await ports.clearAlarm(reminderName(offer.id));
  else await ports.createAlarm(reminderName(offer.id), Math.max(when, Date.now() + 1000));
  return when;
}

/** After a deletion: the offer's alarm goes (an Undo schedules it again). */
export async function clearReminder(ports: ReminderPorts, offerId: string): Promise<void> {
  await ports.clearAlarm(reminderName(offerId));
}

/**
 * Sets every sent offer's alarm again from the store and clears the alarms of offers that no
 * longer need one. With `showMissed` (the background starting, an install or update), a reminder
 * that fell due since the last rebuild and was not shown yet shows now, once. Without it (the
 * advisor changed the delay, or many offers changed at once), reminders already due are left
 * alone, so turning reminders on does not bring a burst of notifications for old offers.
 */
export async function rebuildReminders(ports: ReminderPorts, { showMissed }: { showMissed: boolean }, now = Date.now()): Promise<number> {
  return ports.exclusive(async () => {
    const days = await ports.reminderDays();
    const log = (await ports.readLog()) ?? { checkedAt: now, shown: {} };
    const shown: Record<string, number> = {};
    const scheduled = new Set<string>();
    if (days !== null) {
      for await (const offer of ports.sentOffers()) {
        const when = reminderTime(offer, days);
        if (when === null) continue;
        if (log.shown[offer.id] === when) shown[offer.id] = when;
        if (when > now) {
          await ports.createAlarm(reminderName(offer.id), when);
          scheduled.add(reminderName(offer.id));
        } else if (showMissed && when > log.checkedAt && shown[offer.id] !== when) {
          await notifyAbout(ports, offer);
          shown[offer.id] = when;
        }
      }
    }
    for (const name of await ports.alarmNames()) if (offerIdOfReminder(name) && !scheduled.has(name)) await ports.clearAlarm(name);
    await ports.writeLog({ checkedAt: now, shown });
    return scheduled.size;
  });
}

/** Runs when an alarm rings: shows the reminder if the offer still waits for the customer and it was not shown yet. */
export async function fireReminder(ports: ReminderPorts, alarm: string, now = Date.now()): Promise<boolean> {
  const offerId = offerIdOfReminder(alarm);
  if (!offerId) return false;
  return ports.exclusive(async () => {
    const offer = await ports.getOffer(offerId);
    if (!offer) return false;
    const when = reminderTime(offer, await ports.reminderDays());
    if (when === null) return false;
    const log = (await ports.readLog()) ?? { checkedAt: now, shown: {} };
    if (log.shown[offer.id] === when) return false;
    await notifyAbout(ports, offer);
    await ports.writeLog({ ...log, shown: { ...log.shown, [offer.id]: when } });
    return true;
  });
}

async function notifyAbout(ports: ReminderPorts, offer: Offer): Promise<void> {
  const who = offer.customer.company || offer.customer.name || offer.customer.email || offer.summaryId || offer.quoteId;
  await ports.notify(reminderName(offer.id), ports.message('reminder_title', []), ports.message('reminder_body', [who]));
}

/** A click on a reminder opens the offer in the history page. */
export async function openReminder(ports: ReminderPorts, notificationId: string): Promise<boolean> {
  const offerId = offerIdOfReminder(notificationId);
  if (!offerId) return false;
  await ports.openOffer(offerId);
  return true;
}

/** True when a storage change of the preferences moved the reminder delay (not just the language). */
export function reminderDelayChanged(change: { oldValue?: unknown; newValue?: unknown } | undefined): boolean {
  if (!change) return false;
  const days = (value: unknown) => (value && typeof value === 'object' && 'reminderDays' in value ? value.reminderDays : null);
  return days(change.oldValue) !== days(change.newValue);
}
