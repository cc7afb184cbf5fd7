import { browser } from 'wxt/browser';
import { createOfferHandlers } from '@/lib/offers/handlers';
import { createStoreOpener } from '@/lib/offers/store';
import { answerRuntimeMessages } from '@/lib/messaging/listen';
import { handleMessage } from '@/lib/messaging/server';
import { createCaptureHandlers, createCaptureSaveHandlers } from '@/lib/capture/routing';
import { createGrantBook } from '@/lib/messaging/grants';
import type { Handlers } from '@/lib/messaging/protocol';
import { createOpenOfferHandler } from '@/lib/offers/open-offer';
import { createWebmailHandlers, OPEN_PICKER_COMMAND, openPickerForCommand } from '@/lib/webmail/routing';
import { takeFollowUpFor } from '@/lib/offers/follow-up';
import { withChangeHooks } from '@/lib/offers/change-hooks';
import { browserReminderPorts } from '@/lib/reminders/ports';
import { fireReminder, openReminder, reminderDelayChanged, rescheduleAll, scheduleReminder } from '@/lib/reminders/reminders';

export default defineBackground(() => {
  const openStore = createStoreOpener();
  // Every path that saves an offer gets the desk's follow-ups: reminders move after a send or a
  // status change, and a new purchase offer is linked to the trial the advisor marked.
  const reminders = browserReminderPorts(openStore);
  const offerHandlers = withChangeHooks(createOfferHandlers(openStore), {
    sentOrStatusChanged: (offer) => scheduleReminder(reminders, offer),
    followUpFor: (answer) => takeFollowUpFor(browser.storage.local, answer),
  });
  const grants = createGrantBook(browser.storage.session);
  const handlers: Handlers = {
    ...offerHandlers,
    ...createWebmailHandlers(browser.tabs, grants, offerHandlers['offers.recordSend']),
    ...createCaptureHandlers(browser.tabs),
    ...createCaptureSaveHandlers(offerHandlers, grants),
    ...createOpenOfferHandler((path) => browser.tabs.create({ url: browser.runtime.getURL(path as '/history.html') })),
  };
  browser.alarms.onAlarm.addListener((alarm) => void fireReminder(reminders, alarm.name));
  browser.notifications.onClicked.addListener((id) => void openReminder(reminders, id));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && reminderDelayChanged(changes.preferences)) void rescheduleAll(reminders);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_PICKER_COMMAND) void openPickerForCommand(browser.tabs, tab?.id);
  });

  const own = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  answerRuntimeMessages((message, sender) => (sender.id === own.id ? handleMessage(message, sender, own, handlers) : undefined));
});
