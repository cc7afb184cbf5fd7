import { describe, expect, it } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import type { CustomerStatus, Offer } from '../offers/schema';
import { offerDetailsPath } from '../history-link';
import { reminderName, fireReminder, openReminder, rebuildReminders, reminderDelayChanged, reminderTime, scheduleReminder, type ReminderLog, type ReminderPorts } from './reminders';

const DAY = 86_400_000;
const sentAt = '2026-03-02T09:00:00.000Z';
/** An offer whose one customer ("c", Fabrikam) was sent it at `at` and now stands at `status`. */
const sent = ({ id = 'offer-1', at = sentAt, status = 'sent' }: { id?: string; at?: string; status?: CustomerStatus } = {}) =>
  makeOffer(1, { id, customers: [{ ...makeCustomer('c', { company: 'Fabrikam' }, at, 'sent'), status }] });
const name = (offerId: string) => reminderName(offerId, 'c');

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
      yield* offers.filter((o) => o.customers.some((c) => c.status === 'sent'));
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
  it('are due N days after the customer’s latest send while they wait', () => {
    const customer = sent().customers[0]!;
    expect(reminderTime(customer, 3)).toBe(Date.parse(sentAt) + 3 * DAY);
    expect(reminderTime(customer, null)).toBeNull();
    expect(reminderTime({ ...customer, status: 'accepted' }, 3)).toBeNull();
    expect(reminderTime({ ...customer, status: 'drafted', sends: [] }, 3)).toBeNull();
    // Marked sent by hand: counted from that change.
    expect(reminderTime({ ...customer, sends: [] }, 3)).toBe(Date.parse(sentAt) + 3 * DAY);
  });

  it('set an alarm per waiting customer and clear it once that customer answered', async () => {
    const two = makeOffer(1, {
      customers: [makeCustomer('c', { company: 'Fabrikam' }, new Date().toISOString(), 'sent'), makeCustomer('d', { email: 'd@x.example' }, sentAt, 'pending')],
    });
    const { ports, log } = fakePorts([], 5, [name('offer-1'), reminderName('offer-1', 'gone')]);
    await scheduleReminder(ports, two);
    expect(log).toEqual([expect.stringMatching(/^alarm offer-reminder:offer-1\|c \d+$/), `clear ${reminderName('offer-1', 'gone')}`]);
    log.length = 0;
    await scheduleReminder(ports, sent({ status: 'accepted' }));
    expect(log).toEqual([`clear ${name('offer-1')}`, `clear ${reminderName('offer-1', 'gone')}`]);
  });

  it('leave a reminder already due alone for an offer put back by Undo, and set the ones to come', async () => {
    const overdue = makeCustomer('c', { company: 'Fabrikam' }, sentAt, 'sent');
    const recent = makeCustomer('d', { email: 'd@x.example' }, new Date().toISOString(), 'sent');
    const restored = makeOffer(1, { customers: [overdue, recent] });
    const { ports, log } = fakePorts([], 5);
    await scheduleReminder(ports, restored, { leaveDue: true });
    expect(log).toEqual([expect.stringMatching(/^alarm offer-reminder:offer-1\|d \d+$/)]);
    // Any other change shows a reminder already due at once.
    log.length = 0;
    await scheduleReminder(ports, restored);
    expect(log).toEqual([expect.stringMatching(/^alarm offer-reminder:offer-1\|c \d+$/), expect.stringMatching(/^alarm offer-reminder:offer-1\|d \d+$/)]);
  });

  it('notify when the alarm rings only if the customer still waits, and open the offer on click', async () => {
    const waiting = sent();
    const accepted = sent({ id: 'offer-2', status: 'accepted' });
    const { ports, log } = fakePorts([waiting, accepted], 5);
    expect(await fireReminder(ports, name('offer-1'))).toBe(true);
    expect(await fireReminder(ports, name('offer-2'))).toBe(false);
    expect(await fireReminder(ports, name('gone'))).toBe(false);
    expect(await fireReminder(ports, reminderName('offer-1', 'nobody'))).toBe(false);
    expect(await fireReminder(ports, 'someone-else')).toBe(false);
    expect(log).toEqual([`notify ${name('offer-1')} reminder_title() reminder_body(Fabrikam)`]);
    expect(await openReminder(ports, name('offer-1'))).toBe(true);
    expect(log.at(-1)).toBe('open /history.html?offer=offer-1');
  });
});

describe('reminder tasks one at a time', () => {
  /** Ports whose alarms are kept, and whose store, read by a rebuild, answers once `release` runs. */
  function portsWithGate(offers: Offer[]) {
    const alarms = new Map<string, number>();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ports: ReminderPorts = {
      ...fakePorts([], 3).ports,
      alarmNames: async () => [...alarms.keys()],
      createAlarm: (alarm, when) => void alarms.set(alarm, when),
      clearAlarm: (alarm) => void alarms.delete(alarm),
      async *sentOffers() {
        await gate;
        yield* offers;
      },
    };
    return { ports, alarms, release };
  }

  it('keep the alarm a send sets while a rebuild that read the store before it runs', async () => {
    const { ports, alarms, release } = portsWithGate([]);
    const rebuilding = rebuildReminders(ports, { showMissed: false });
    const scheduling = scheduleReminder(ports, sent({ at: new Date().toISOString() }));
    release();
    await Promise.all([rebuilding, scheduling]);
    expect([...alarms.keys()]).toEqual([name('offer-1')]);
  });

  it('keep the time of a new send, not the one a running rebuild read before it', async () => {
    const before = sent({ at: new Date(Date.now() - DAY).toISOString() });
    const resent = sent({ at: new Date().toISOString() });
    const { ports, alarms, release } = portsWithGate([before]);
    const rebuilding = rebuildReminders(ports, { showMissed: false });
    const scheduling = scheduleReminder(ports, resent);
    release();
    await Promise.all([rebuilding, scheduling]);
    expect(alarms.get(name('offer-1'))).toBe(reminderTime(resent.customers[0]!, 3));
  });

  it('wait for the reminder time when an alarm from an earlier send rings before it', async () => {
    const now = Date.now();
    const resent = sent({ at: new Date(now).toISOString() });
    const { ports, log } = fakePorts([resent], 3);
    expect(await fireReminder(ports, name('offer-1'), now)).toBe(false);
    expect(log).toEqual([`alarm ${name('offer-1')} ${now + 3 * DAY}`]);
    expect(await fireReminder(ports, name('offer-1'), now + 3 * DAY - 30_000)).toBe(true);
  });
});

describe('changing the reminder delay', () => {
  it('reschedules waiting customers whose reminder is still ahead, and only those', async () => {
    const recent = sent({ id: 'recent', at: '2026-03-09T09:00:00.000Z' });
    const old = sent({ id: 'old', at: '2026-01-09T09:00:00.000Z' });
    const { ports, log } = fakePorts([recent, old, sent({ id: 'done', status: 'accepted' })], 7, [name('old'), 'something-else'], {
      checkedAt: Date.parse('2026-01-01T00:00:00.000Z'),
      shown: {},
    });
    const now = Date.parse('2026-03-10T09:00:00.000Z');
    expect(await rebuildReminders(ports, { showMissed: false }, now)).toBe(1);
    expect(log).toEqual([`alarm ${name('recent')} ${Date.parse('2026-03-16T09:00:00.000Z')}`, `clear ${name('old')}`]);
  });

  it('clears every reminder when reminders are turned off', async () => {
    const { ports, log } = fakePorts([sent()], null, [name('a'), name('b')]);
    expect(await rebuildReminders(ports, { showMissed: false })).toBe(0);
    expect(log).toEqual([`clear ${name('a')}`, `clear ${name('b')}`]);
  });
});

describe('rebuilding reminders when the background starts', () => {
  const now = Date.parse('2026-03-10T09:00:00.000Z');
  // With a 3-day delay: one is due later, one fell due on the 8th, one long before the last rebuild.
  const ahead = sent({ id: 'ahead', at: '2026-03-09T09:00:00.000Z' });
  const missed = sent({ id: 'missed', at: '2026-03-05T09:00:00.000Z' });
  const ancient = sent({ id: 'ancient', at: '2026-01-05T09:00:00.000Z' });
  const lastRebuild = { checkedAt: Date.parse('2026-03-06T09:00:00.000Z'), shown: {} };

  it('sets lost alarms again and shows a reminder that fell due meanwhile, once', async () => {
    const { ports, log } = fakePorts([ahead, missed, ancient], 3, [name('gone')], lastRebuild);
    expect(await rebuildReminders(ports, { showMissed: true }, now)).toBe(1);
    expect(log).toEqual([
      `alarm ${name('ahead')} ${Date.parse('2026-03-12T09:00:00.000Z')}`,
      `notify ${name('missed')} reminder_title() reminder_body(Fabrikam)`,
      `clear ${name('gone')}`,
    ]);
    expect(ports.reminderLog()).toEqual({ checkedAt: now, shown: { [name('missed')]: Date.parse('2026-03-08T09:00:00.000Z') } });
    log.length = 0;
    await rebuildReminders(ports, { showMissed: true }, now + 60_000);
    expect(log.filter((line) => line.startsWith('notify'))).toEqual([]);
  });

  it('never shows a reminder its alarm already showed', async () => {
    const { ports, log } = fakePorts([missed], 3, [], lastRebuild);
    await Promise.all([fireReminder(ports, name('missed'), now), rebuildReminders(ports, { showMissed: true }, now)]);
    expect(log.filter((line) => line.startsWith('notify'))).toHaveLength(1);
  });

  it('shows nothing already due the first time it runs (no burst after the update that brings it)', async () => {
    const { ports, log } = fakePorts([ahead, missed, ancient], 3);
    await rebuildReminders(ports, { showMissed: true }, now);
    expect(log).toEqual([`alarm ${name('ahead')} ${Date.parse('2026-03-12T09:00:00.000Z')}`]);
  });

  it('shows a reminder again after a new send moved it', async () => {
    const { ports, log } = fakePorts([missed], 3, [], lastRebuild);
    expect(await fireReminder(ports, name('missed'), now)).toBe(true);
    expect(await fireReminder(ports, name('missed'), now)).toBe(false);
    const customer = missed.customers[0]!;
    const resent = { ...missed, customers: [{ ...customer, sends: [...customer.sends, { at: '2026-03-06T10:00:00.000Z', provider: 'gmail' as const }] }] };
    const again = fakePorts([resent], 3, [], ports.reminderLog());
    expect(await fireReminder(again.ports, name('missed'), now)).toBe(true);
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
