import { browser } from 'wxt/browser';
import { AWAITING_STATUSES } from '../offers/statuses';
import type { OfferStore } from '../offers/store';
import { loadPreferences } from '../settings/settings';
import { offerDetailsPath } from '../history-link';
import type { ReminderPorts } from './reminders';

/** The reminders' view of the browser: alarms, notifications, tabs, the store and the settings. */
export function browserReminderPorts(openStore: () => Promise<OfferStore>): ReminderPorts {
  return {
    createAlarm: (name, when) => browser.alarms.create(name, { when }),
    clearAlarm: (name) => browser.alarms.clear(name),
    getOffer: async (id) => (await openStore()).get(id),
    reminderDays: async () => (await loadPreferences()).reminderDays,
    notify: (id, title, message) =>
      browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message }),
    openOffer: (offerId) => browser.tabs.create({ url: browser.runtime.getURL(offerDetailsPath(offerId) as '/history.html') }),
    message: (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key,
    alarmNames: async () => (await browser.alarms.getAll()).map((alarm) => alarm.name),
    async *sentOffers() {
      for (const status of AWAITING_STATUSES) {
        let cursor: string | undefined;
        do {
          const page = await (await openStore()).page({ cursor, limit: 500, filter: { status } });
          yield* page.offers.filter((offer) => offer.sends.length > 0);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
    },
  };
}
