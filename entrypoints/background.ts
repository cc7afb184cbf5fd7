import { browser } from 'wxt/browser';
import { openOfferDatabase } from '@/lib/offers/db';
import { createOfferHandlers } from '@/lib/offers/handlers';
import { OfferStore } from '@/lib/offers/store';
import { handleMessage } from '@/lib/messaging';
import { createCaptureHandlers } from '@/lib/capture/routing';
import { createOpenOfferHandler } from '@/lib/ui/open-offer';
import { createWebmailHandlers, OPEN_PICKER_COMMAND, openPickerForCommand } from '@/lib/webmail/routing';
import { takeFollowUpFor } from '@/lib/offers/follow-up';
import { browserReminderPorts } from '@/lib/reminders/ports';
import { fireReminder, openReminder, scheduleReminder } from '@/lib/reminders/reminders';

export default defineBackground(() => {
  // The connection is a cache, not state: when the worker is stopped it is simply reopened.
  let database: ReturnType<typeof openOfferDatabase> | undefined;
  const openStore = async () => {
    database ??= openOfferDatabase(undefined, () => (database = undefined));
    try {
      return new OfferStore(await database);
    } catch (error) {
      database = undefined;
      throw error;
    }
  };
  const handlers = {
    ...createOfferHandlers(openStore),
    ...createWebmailHandlers(browser.tabs),
    ...createCaptureHandlers(browser.tabs),
    ...createOpenOfferHandler((path) => browser.tabs.create({ url: browser.runtime.getURL(path as '/history.html') })),
  };
  // A send or a status change moves the offer's follow-up reminder.
  const reminders = browserReminderPorts(openStore);
  for (const type of ['offers.recordSend', 'offers.setStatus'] as const) {
    const handle = handlers[type] as (request: never) => Promise<{ offer: Parameters<typeof scheduleReminder>[1] }>;
    handlers[type] = (async (request: never) => {
      const answer = await handle(request);
      await scheduleReminder(reminders, answer.offer).catch((error: unknown) => console.warn('Reminder not scheduled', error));
      return answer;
    }) as never;
  }
  // A new purchase offer follows up the trial the advisor marked, whichever path saved it.
  const upsert = handlers['offers.upsert'];
  handlers['offers.upsert'] = async (request) => {
    const answer = await upsert(request);
    const trialId = await takeFollowUpFor(browser.storage.local, answer);
    if (!trialId) return answer;
    return { ...answer, offer: (await handlers['offers.update']({ type: 'offers.update', id: answer.offer.id, patch: { followUpOf: trialId } })).offer };
  };
  browser.alarms.onAlarm.addListener((alarm) => void fireReminder(reminders, alarm.name));
  browser.notifications.onClicked.addListener((id) => void openReminder(reminders, id));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_PICKER_COMMAND) void openPickerForCommand(browser.tabs, tab?.id);
  });

  browser.runtime.onMessage.addListener((message, sender) =>
    sender.id === browser.runtime.id ? handleMessage(message, sender, browser.runtime.id, handlers) : undefined,
  );
});
