import { describe, expect, it } from 'vitest';
import { readPendingFollowUp, setPendingFollowUp, storedFollowUpMarks, type KeyValueArea } from './follow-up';

function memoryArea(): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => {
      Object.assign(data, items);
    },
    remove: async (key) => {
      Reflect.deleteProperty(data, key);
    },
  };
}

describe('trial follow-up mark', () => {
  it('is read as the mark the store takes, and cleared once applied', async () => {
    const area = memoryArea();
    const marks = storedFollowUpMarks(area);
    expect(await marks.read()).toBeNull();
    await setPendingFollowUp(area, 'trial-1', '2026-03-01T10:00:00.000Z');
    const mark = await marks.read();
    expect(mark).toEqual({ trialId: 'trial-1', since: '2026-03-01T10:00:00.000Z' });
    await marks.applied(mark!);
    expect(await readPendingFollowUp(area)).toBeNull();
  });

  it('stays when the advisor marked another trial meanwhile', async () => {
    const area = memoryArea();
    const marks = storedFollowUpMarks(area);
    await setPendingFollowUp(area, 'trial-1', '2026-03-01T10:00:00.000Z');
    const mark = await marks.read();
    await setPendingFollowUp(area, 'trial-2', '2026-03-01T10:05:00.000Z');
    await marks.applied(mark!);
    expect(await readPendingFollowUp(area)).toEqual({ trialId: 'trial-2', at: '2026-03-01T10:05:00.000Z' });
  });

  it('reads a mark written with an offset in UTC, as the store\'s dates are', async () => {
    const area = memoryArea();
    const marks = storedFollowUpMarks(area);
    await setPendingFollowUp(area, 'trial-1', '2026-03-01T12:00:00.000+02:00');
    const mark = await marks.read();
    expect(mark?.since).toBe('2026-03-01T10:00:00.000Z');
    await marks.applied(mark!);
    expect(await readPendingFollowUp(area)).toBeNull();
  });

  it('ignores a malformed mark', async () => {
    const area = memoryArea();
    area.data.pendingFollowUp = { trialId: '', at: 'soon' };
    expect(await storedFollowUpMarks(area).read()).toBeNull();
  });
});
