import { describe, expect, it } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import { readPendingFollowUp, setPendingFollowUp, takeFollowUpFor, type KeyValueArea } from './follow-up';

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

describe('trial follow-up', () => {
  it('links the next new purchase offer to the marked trial, once', async () => {
    const area = memoryArea();
    await setPendingFollowUp(area, 'trial-1', '2026-03-01T10:00:00.000Z');
    expect(await readPendingFollowUp(area)).toEqual({ trialId: 'trial-1', at: '2026-03-01T10:00:00.000Z' });
    expect(await takeFollowUpFor(area, { offer: makeOffer(2, { kind: 'trial' }), created: true })).toBeNull();
    expect(await takeFollowUpFor(area, { offer: makeOffer(3), created: false })).toBeNull();
    expect(await takeFollowUpFor(area, { offer: makeOffer(4), created: true })).toBe('trial-1');
    expect(await readPendingFollowUp(area)).toBeNull();
    expect(await takeFollowUpFor(area, { offer: makeOffer(5), created: true })).toBeNull();
  });

  it('ignores a malformed mark', async () => {
    const area = memoryArea();
    area.data.pendingFollowUp = { trialId: '', at: 'soon' };
    expect(await takeFollowUpFor(area, { offer: makeOffer(4), created: true })).toBeNull();
  });
});
