import { describe, expect, it } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import type { Offer } from '../offers/schema';
import { offerDetailsPath } from '../history-link';
import { reminderName, fireReminder, openReminder, rebuildReminders, reminderDelayChanged, reminderTime, scheduleReminder, type ReminderLog, type ReminderPorts } from './reminders';

const DAY = 86_400_000;
const sentAt = '2026-03-02T09:00:00.000Z';
const sent = (overrides: Partial<Offer> = {}) =>
  makeOffer(1, { status: 'sent', sends: [{ at: sentAt, provider: 'gmail', to: 'a@b.example' }], customer: { company: 'Fabrikam' }, ...overrides });

function fakePorts(offers: Offer[], reminderDays: number | null, alarms: string[] = [], stored: ReminderLog | null = null) {
  const log: string[] = [];
  let reminderLog = stored;
  let queue: Promise<unknown> = Promise.resolve();
  const ports: ReminderPorts & { reminderLog(): ReminderLog | null } = {
    reminderLog: () => reminderLog,
    readLog: async () => reminderLog,
    writeLog: async (next) => void (reminderLog = next),
    exclusive: (task) => {
      const run = queue.then(task);
      queue = run.catch(() => undefined);
      return run;
    },
    alarmNames: async () => alarms,
    async *sentOffers() {
      yield* offers.filter((o) => o.status === 'sent');
    },
    createAlarm: (name, when) => void log.push(`alarm ${name} ${when}`),
    clearAlarm: (name) => void log.push(`clear ${name}`),
    getOffer: async (id) => offers.find((o) => o.id === id) ?? null,
    reminderDays: async () => reminderDays,
    notify: (id, title, message) => void log.push(`notify ${id} ${title} ${message}`),
    openOffer: (id) => void log.push(`open ${offerDetailsPath(id)}`),
    message: (key, subs) => `${key}(${subs.join(',')})`,
  };
  return { ports, log };
}

describe('reminders', () => {
  it('are due N days after the latest send while the offer waits for the customer', () => {
    expect(reminderTime(sent(), 3)).toBe(Date.parse(sentAt) + 3 * DAY);
    expect(reminderTime(sent(), null)).toBeNull();
    expect(reminderTime(sent({ status: 'accepted' }), 3)).toBeNull();
    expect(reminderTime(sent({ sends: [] }), 3)).toBeNull();
  });

  it('set an alarm per offer after a send and clear it once the offer is settled', async () => {
    const { ports, log } = fakePorts([], 5);
    await scheduleReminder(ports, { ...sent(), sends: [{ at: new Date(Date.now()).toISOString(), provider: 'outlook' }] });
    expect(log[0]).toMatch(/^alarm offer-reminder:offer-1 \d+$/);
    await scheduleReminder(ports, sent({ status: 'accepted' }));
    expect(log[1]).toBe(`clear ${reminderName('offer-1')}`);
  });

  it('notify when the alarm rings only if the offer still waits, and open it on click', async () => {
    const waiting = sent();
    const accepted = sent({ id: 'offer-2', status: 'accepted' });
    const { ports, log } = fakePorts([waiting, accepted], 5);
    expect(await fireReminder(ports, reminderName('offer-1'))).toBe(true);
    expect(await fireReminder(ports, reminderName('offer-2'))).toBe(false);
    expect(await fireReminder(ports, reminderName('gone'))).toBe(false);
    expect(await fireReminder(ports, 'someone-else')).toBe(false);
    expect(log).toEqual(['notify offer-reminder:offer-1 reminder_title() reminder_body(Fabrikam)']);
    expect(await openReminder(ports, 'offer-reminder:offer-1')).toBe(true);
    expect(log.at(-1)).toBe('open /history.html?offer=offer-1');
  });
});

describe('changing the reminder delay', () => {
  it('reschedules sent offers whose reminder is still ahead, and only those', async () => {
    const recent = sent({ id: 'recent', sends: [{ at: '2026-03-09T09:00:00.000Z', provider: 'gmail' }] });
    const old = sent({ id: 'old', sends: [{ at: '2026-01-09T09:00:00.000Z', provider: 'gmail' }] });
    const { ports, log } = fakePorts([recent, old, sent({ id: 'done', status: 'accepted' })], 7, ['offer-reminder:old', 'something-else'], {
      checkedAt: Date.parse('2026-01-01T00:00:00.000Z'),
      shown: {},
    });
    const now = Date.parse('2026-03-10T09:00:00.000Z');
    expect(await rebuildReminders(ports, { showMissed: false }, now)).toBe(1);
    expect(log).toEqual([`alarm offer-reminder:recent ${Date.parse('2026-03-16T09:00:00.000Z')}`, 'clear offer-reminder:old']);
  });

  it('clears every reminder when reminders are turned off', async () => {
    const { ports, log } = fakePorts([sent()], null, ['offer-reminder:a', 'offer-reminder:b']);
    expect(await rebuildReminders(ports, { showMissed: false })).toBe(0);
    expect(log).toEqual(['clear offer-reminder:a', 'clear offer-reminder:b']);
  });
});

describe('rebuilding reminders when the background starts', () => {
  const now = Date.parse('2026-03-10T09:00:00.000Z');
  const offerSentAt = (id: string, at: string) => sent({ id, sends: [{ at, provider: 'gmail' }] });
  // With a 3-day delay: one is due later, one fell due on the 8th, one long before the last rebuild.
  const ahead = offerSentAt('ahead', '2026-03-09T09:00:00.000Z');
  const missed = offerSentAt('missed', '2026-03-05T09:00:00.000Z');
  const ancient = offerSentAt('ancient', '2026-01-05T09:00:00.000Z');
  const lastRebuild = { checkedAt: Date.parse('2026-03-06T09:00:00.000Z'), shown: {} };

  it('sets lost alarms again and shows a reminder that fell due meanwhile, once', async () => {
    const { ports, log } = fakePorts([ahead, missed, ancient], 3, ['offer-reminder:gone'], lastRebuild);
    expect(await rebuildReminders(ports, { showMissed: true }, now)).toBe(1);
    expect(log).toEqual([
      `alarm offer-reminder:ahead ${Date.parse('2026-03-12T09:00:00.000Z')}`,
      'notify offer-reminder:missed reminder_title() reminder_body(Fabrikam)',
      'clear offer-reminder:gone',
    ]);
    expect(ports.reminderLog()).toEqual({ checkedAt: now, shown: { missed: Date.parse('2026-03-08T09:00:00.000Z') } });
    log.length = 0;
    await rebuildReminders(ports, { showMissed: true }, now + 60_000);
    expect(log.filter((line) => line.startsWith('notify'))).toEqual([]);
  });

  it('never shows a reminder its alarm already showed', async () => {
    const { ports, log } = fakePorts([missed], 3, [], lastRebuild);
    await Promise.all([fireReminder(ports, reminderName('missed'), now), rebuildReminders(ports, { showMissed: true }, now)]);
    expect(log.filter((line) => line.startsWith('notify'))).toHaveLength(1);
  });

  it('shows nothing already due the first time it runs (no burst after the update that brings it)', async () => {
    const { ports, log } = fakePorts([ahead, missed, ancient], 3);
    await rebuildReminders(ports, { showMissed: true }, now);
    expect(log).toEqual([`alarm offer-reminder:ahead ${Date.parse('2026-03-12T09:00:00.000Z')}`]);
  });

  it('shows a reminder again after a new send moved it', async () => {
    const { ports, log } = fakePorts([missed], 3, [], lastRebuild);
    expect(await fireReminder(ports, reminderName('missed'), now)).toBe(true);
    expect(await fireReminder(ports, reminderName('missed'), now)).toBe(false);
    const resent = { ...missed, sends: [...missed.sends, { at: '2026-03-06T10:00:00.000Z', provider: 'gmail' as const }] };
    const again = fakePorts([resent], 3, [], ports.reminderLog());
    expect(await fireReminder(again.ports, reminderName('missed'), now)).toBe(true);
    expect(log.filter((line) => line.startsWith('notify'))).toHaveLength(1);
  });
});

describe('preference changes', () => {
  it('count only when the reminder delay moves', () => {
    expect(reminderDelayChanged({ oldValue: { reminderDays: null }, newValue: { reminderDays: 3 } })).toBe(true);
    expect(reminderDelayChanged({ newValue: { reminderDays: 3 } })).toBe(true);
    expect(reminderDelayChanged({ oldValue: { reminderDays: 3 }, newValue: { reminderDays: 3, messageLanguage: 'fr' } })).toBe(false);
    expect(reminderDelayChanged(undefined)).toBe(false);
  });
});
