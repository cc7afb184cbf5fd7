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
import { withChangeHooks } from '@/lib/offers/change-hooks';
import { browserReminderPorts } from '@/lib/reminders/ports';
import { clearReminder, fireReminder, openReminder, rebuildReminders, reminderDelayChanged, scheduleReminder } from '@/lib/reminders/reminders';
import { createSettingsOpener } from '@/lib/settings/store';
import { createSettingsHandlers, type SettingsHooks } from '@/lib/settings/handlers';
import { createBackupHandlers } from '@/lib/backup/handlers';
import { openWelcomeOnInstall, type WELCOME_PATH } from '@/lib/onboarding/welcome';
import { postProgressChanged, withProgressSignal } from '@/lib/onboarding/progress-signal';

export default defineBackground(() => {
  const openStore = createStoreOpener();
  // Settings used to live in extension storage; the first access moves them into their database.
  const openSettings = createSettingsOpener(browser.storage.local);
  const reminders = browserReminderPorts(openStore, openSettings);
  // Every path that changes an offer moves its reminder: a send, a status change, a deletion and its Undo.
  // The overview counts a follow-up overdue after the reminder delay.
  const offerHandlers = withChangeHooks(createOfferHandlers(openStore, browser.storage.local, undefined, () => reminders.reminderDays()), {
    sentOrStatusChanged: (offer) => scheduleReminder(reminders, offer),
    restored: (offer) => scheduleReminder(reminders, offer, { leaveDue: true }),
    deleted: (offerId) => clearReminder(reminders, offerId),
    manyChanged: () => rebuildReminders(reminders, { showMissed: false }),
  });
  const settingsHooks: SettingsHooks = {
    preferencesSaved: (before, after) => {
      if (reminderDelayChanged({ oldValue: before, newValue: after })) {
        rebuildReminders(reminders, { showMissed: false }).catch((error: unknown) => console.warn('Reminders not moved to the new delay', error));
      }
    },
  };
  const grants = createGrantBook(browser.storage.session);
  const handlers: Handlers = withProgressSignal({
    ...offerHandlers,
    ...createBackupHandlers(openStore, openSettings, settingsHooks),
    ...createSettingsHandlers(openSettings, settingsHooks),
    ...createWebmailHandlers(browser.tabs, grants, offerHandlers['offers.recordCompose']),
    ...createCaptureHandlers(browser.tabs),
    ...createCaptureSaveHandlers(offerHandlers, grants),
    ...createOpenOfferHandler((path) => browser.tabs.create({ url: browser.runtime.getURL(path as '/history.html') })),
  }, postProgressChanged);
  browser.alarms.onAlarm.addListener((alarm) => {
    fireReminder(reminders, alarm.name).catch((error: unknown) => console.warn('Reminder not shown', error));
  });
  browser.notifications.onClicked.addListener((id) => {
    openReminder(reminders, id).catch((error: unknown) => console.warn('Reminder not opened', error));
  });
  // Alarms do not survive a Firefox restart or a Chrome update: rebuild them whenever the worker
  // starts. The startup and install listeners are what wake the worker at those moments.
  const rebuild = () => void rebuildReminders(reminders, { showMissed: true }).catch((error: unknown) => console.warn('Reminders not rebuilt', error));
  browser.runtime.onStartup.addListener(rebuild);
  browser.runtime.onInstalled.addListener(rebuild);
  const openTab = (path: typeof WELCOME_PATH) => browser.tabs.create({ url: browser.runtime.getURL(path) });
  browser.runtime.onInstalled.addListener((details) => {
    openWelcomeOnInstall(details, openTab).catch((error: unknown) => console.warn('Welcome page not opened', error));
  });
  rebuild();

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_PICKER_COMMAND) void openPickerForCommand(browser.tabs, tab?.id);
  });

  const own = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  answerRuntimeMessages((message, sender) => (sender.id === own.id ? handleMessage(message, sender, own, handlers) : undefined));
});
