import { customerLabel, lastSentAt } from '../offers/customers';
import type { Offer, OfferCustomer } from '../offers/schema';
import { STATUS_RULES } from '../offers/statuses';

/**
 * Follow-up reminders: "remind me N days after sending if not accepted", per customer. One browser
 * alarm per customer of an offer, named after both, so the schedule survives the service worker
 * being stopped; nothing is kept in memory. When the alarm rings, the offer is read again: a
 * reminder only shows if that customer still waits.
 *
 * Alarms are not kept everywhere (Firefox drops them at restart, Chrome at an extension update), so
 * the background rebuilds them from the store whenever it starts. A small log in extension storage
 * says which reminder times were shown and when the last rebuild ran: a reminder that fell due while
 * its alarm was missing shows once, and one that fell due before the log began never does.
 */

// A reminder's alarm and its notification share one name, so either leads back to the offer.
const REMINDER_PREFIX = 'offer-reminder:';
const DAY_MS = 24 * 60 * 60 * 1000;
/** How much earlier than its reminder an alarm may ring and still show it (browsers round alarm times). */
const EARLY_RING_MS = 60_000;

export const reminderName = (offerId: string, customerId: string) => `${REMINDER_PREFIX}${offerId}|${customerId}`;
/** The offer and customer a reminder's name stands for; a customer id may itself hold the separator's neighbours, never the separator. */
function reminderTarget(name: string): { offerId: string; customerId: string } | null {
  if (!name.startsWith(REMINDER_PREFIX)) return null;
  const rest = name.slice(REMINDER_PREFIX.length);
  const split = rest.lastIndexOf('|');
  return split > 0 ? { offerId: rest.slice(0, split), customerId: rest.slice(split + 1) } : null;
}
const isReminderOf = (name: string, offerId: string) => reminderTarget(name)?.offerId === offerId;

/** When to remind about a customer, counted from their latest send; null when no reminder is due. */
export function reminderTime(customer: OfferCustomer, reminderDays: number | null): number | null {
  const sentAt = lastSentAt(customer);
  if (reminderDays === null || !sentAt || !STATUS_RULES[customer.status].awaitsCustomer) return null;
  return Date.parse(sentAt) + reminderDays * DAY_MS;
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
  /** Every offer with a customer still waiting after a send, read page by page. */
  sentOffers(): AsyncIterable<Offer>;
  readLog(): Promise<ReminderLog | null>;
  writeLog(log: ReminderLog): Promise<void>;
  /** Runs one reminder task at a time, so an alarm and a rebuild never both show one reminder. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}

/** When reminders were last rebuilt, and the reminder time last shown for each reminder (by name). */
export interface ReminderLog {
  checkedAt: number;
  shown: Record<string, number>;
}

/**
 * Sets (or clears) the alarms of an offer's customers after it changed: a send, a status change, a
 * customer gone. One reminder task at a time: a rebuild that read the store before this change
 * would otherwise clear the alarm it sets, or set it back to the time before a new send. With
 * `leaveDue` (an offer put back by Undo), a reminder already due is left alone, as a rebuild
 * leaves it: it was shown before the deletion, or fell due while the offer was gone.
 */
export async function scheduleReminder(ports: ReminderPorts, offer: Offer, { leaveDue = false }: { leaveDue?: boolean } = {}): Promise<(number | null)[]> {
  return ports.exclusive(async () => {
    const days = await ports.reminderDays();
    const wanted = new Set<string>();
    const times: (number | null)[] = [];
    const now = Date.now();
    for (const customer of offer.customers) {
      const when = reminderTime(customer, days);
      times.push(when);
      const name = reminderName(offer.id, customer.id);
      if (when === null || (leaveDue && when <= now)) continue;
      wanted.add(name);
      await ports.createAlarm(name, Math.max(when, now + 1000));
    }
    for (const name of await ports.alarmNames()) if (isReminderOf(name, offer.id) && !wanted.has(name)) await ports.clearAlarm(name);
    return times;
  });
}

/** After a deletion: the offer's alarms go (an Undo schedules them again). */
export async function clearReminder(ports: ReminderPorts, offerId: string): Promise<void> {
  await ports.exclusive(async () => {
    for (const name of await ports.alarmNames()) if (isReminderOf(name, offerId)) await ports.clearAlarm(name);
  });
}

/**
 * Sets every waiting customer's alarm again from the store and clears the alarms no longer
 * needed. With `showMissed` (the background starting, an install or update), a reminder that fell
 * due since the last rebuild and was not shown yet shows now, once. Without it (the advisor changed
 * the delay, or many offers changed at once), reminders already due are left alone, so turning
 * reminders on does not bring a burst of notifications for old offers.
 */
export async function rebuildReminders(ports: ReminderPorts, { showMissed }: { showMissed: boolean }, now = Date.now()): Promise<number> {
  return ports.exclusive(async () => {
    const days = await ports.reminderDays();
    const log = (await ports.readLog()) ?? { checkedAt: now, shown: {} };
    const shown: Record<string, number> = {};
    const scheduled = new Set<string>();
    if (days !== null) {
      for await (const offer of ports.sentOffers()) {
        for (const customer of offer.customers) {
          const when = reminderTime(customer, days);
          if (when === null) continue;
          const name = reminderName(offer.id, customer.id);
          if (log.shown[name] === when) shown[name] = when;
          if (when > now) {
            await ports.createAlarm(name, when);
            scheduled.add(name);
          } else if (showMissed && when > log.checkedAt && shown[name] !== when) {
            await notifyAbout(ports, name, offer, customer);
            shown[name] = when;
          }
        }
      }
    }
    for (const name of await ports.alarmNames()) if (reminderTarget(name) && !scheduled.has(name)) await ports.clearAlarm(name);
    await ports.writeLog({ checkedAt: now, shown });
    return scheduled.size;
  });
}

/** Runs when an alarm rings: shows the reminder if the customer still waits and it was not shown yet. */
export async function fireReminder(ports: ReminderPorts, alarm: string, now = Date.now()): Promise<boolean> {
  const target = reminderTarget(alarm);
  if (!target) return false;
  return ports.exclusive(async () => {
    const offer = await ports.getOffer(target.offerId);
    const customer = offer?.customers.find((one) => one.id === target.customerId);
    if (!offer || !customer) return false;
    const when = reminderTime(customer, await ports.reminderDays());
    if (when === null) return false;
    // An alarm set for an earlier send rang before the reminder's time: it waits for that time.
    if (when > now + EARLY_RING_MS) {
      await ports.createAlarm(alarm, when);
      return false;
    }
    const log = (await ports.readLog()) ?? { checkedAt: now, shown: {} };
    if (log.shown[alarm] === when) return false;
    // Shown before it is logged: a worker stopped in between shows it twice rather than never.
    await notifyAbout(ports, alarm, offer, customer);
    await ports.writeLog({ ...log, shown: { ...log.shown, [alarm]: when } });
    return true;
  });
}

async function notifyAbout(ports: ReminderPorts, name: string, offer: Offer, customer: OfferCustomer): Promise<void> {
  const who = customerLabel(customer) || offer.summaryId || offer.quoteId;
  await ports.notify(name, ports.message('reminder_title', []), ports.message('reminder_body', [who]));
}

/** A click on a reminder opens the offer in the history page. */
export async function openReminder(ports: ReminderPorts, notificationId: string): Promise<boolean> {
  const target = reminderTarget(notificationId);
  if (!target) return false;
  await ports.openOffer(target.offerId);
  return true;
}

/** True when saving the preferences moved the reminder delay (not just the language). */
export function reminderDelayChanged(change: { oldValue?: unknown; newValue?: unknown } | undefined): boolean {
  if (!change) return false;
  const days = (value: unknown) => (value && typeof value === 'object' && 'reminderDays' in value ? value.reminderDays : null);
  return days(change.oldValue) !== days(change.newValue);
}
