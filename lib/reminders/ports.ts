import { browser } from 'wxt/browser';
import { AWAITING_STATUSES } from '../offers/statuses';
import type { OfferStore } from '../offers/store';
import type { SettingsStore } from '../settings/store';
import { offerDetailsPath } from '../history-link';
import type { ReminderLog, ReminderPorts } from './reminders';

const REMINDER_LOG_KEY = 'reminderLog';

function readReminderLog(value: unknown): ReminderLog | null {
  if (!value || typeof value !== 'object' || !('checkedAt' in value) || !('shown' in value)) return null;
  const { checkedAt, shown } = value;
  if (typeof checkedAt !== 'number' || !shown || typeof shown !== 'object') return null;
  return { checkedAt, shown: Object.fromEntries(Object.entries(shown).filter((entry): entry is [string, number] => typeof entry[1] === 'number')) };
}

/** The reminders' view of the browser: alarms, notifications, tabs, the store and the settings. */
export function browserReminderPorts(openStore: () => Promise<OfferStore>, openSettings: () => Promise<SettingsStore>): ReminderPorts {
  return {
    createAlarm: (name, when) => browser.alarms.create(name, { when }),
    clearAlarm: (name) => browser.alarms.clear(name),
    getOffer: async (id) => (await openStore()).get(id),
    reminderDays: async () => (await (await openSettings()).load()).preferences.reminderDays,
    notify: (id, title, message) =>
      browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message }),
    openOffer: (offerId) => browser.tabs.create({ url: browser.runtime.getURL(offerDetailsPath(offerId) as '/history.html') }),
    message: (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key,
    alarmNames: async () => (await browser.alarms.getAll()).map((alarm) => alarm.name),
    readLog: async () => readReminderLog((await browser.storage.local.get(REMINDER_LOG_KEY))[REMINDER_LOG_KEY]),
    writeLog: (log) => browser.storage.local.set({ [REMINDER_LOG_KEY]: log }),
    // A lock rather than a promise chain: the worker may run two copies of a task across a restart.
    exclusive: (task) => navigator.locks.request('offer-courier-reminders', task) as Promise<Awaited<ReturnType<typeof task>>>,
    async *sentOffers() {
      for (const status of AWAITING_STATUSES) {
        let cursor: string | undefined;
        do {
          const page = await (await openStore()).page({ cursor, limit: 500, filter: { status } });
          yield* page.offers;
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
    },
  };
}
