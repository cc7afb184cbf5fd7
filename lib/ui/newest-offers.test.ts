import { afterEach, expect, it, vi } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import { newestOffers } from './newest-offers';

afterEach(() => vi.useRealTimers());

const stored = [makeOffer(2), makeOffer(1)];
const fromBackground = [makeOffer(3)];

it('gives the direct read without asking the background', async () => {
  const ask = vi.fn(() => Promise.resolve(fromBackground));
  expect(await newestOffers({ read: () => Promise.resolve(stored), ask })).toBe(stored);
  expect(ask).not.toHaveBeenCalled();
});

it('asks the background when the database cannot be read directly', async () => {
  expect(await newestOffers({ read: () => Promise.resolve(null), ask: () => Promise.resolve(fromBackground) })).toBe(fromBackground);
  expect(await newestOffers({ read: () => Promise.reject(new Error('no IndexedDB')), ask: () => Promise.resolve(fromBackground) })).toBe(fromBackground);
});

it('asks the background once the direct read has kept it waiting, and ignores the late read', async () => {
  vi.useFakeTimers();
  let finishRead!: (offers: ReturnType<typeof makeOffer>[]) => void;
  const ask = vi.fn((limit: number) => Promise.resolve(fromBackground.slice(0, limit)));
  const answer = newestOffers({ read: () => new Promise((done) => (finishRead = done)), ask, patienceMs: 500 });
  await vi.advanceTimersByTimeAsync(499);
  expect(ask).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(1);
  expect(await answer).toEqual(fromBackground);
  finishRead(stored);
  await vi.advanceTimersByTimeAsync(0);
  expect(ask).toHaveBeenCalledTimes(1);
});

it('passes on the background’s failure', async () => {
  await expect(newestOffers({ read: () => Promise.resolve(null), ask: () => Promise.reject(new Error('blocked')) })).rejects.toThrow('blocked');
});
