import { describe, expect, it } from 'vitest';
import { FirstAnswer } from './first-answer';

describe('FirstAnswer', () => {
  it('hands its answer to the first taker only', async () => {
    const first = new FirstAnswer(Promise.resolve(42));
    await expect(first.take()).resolves.toBe(42);
    expect(first.take()).toBeUndefined();
  });

  it('rejects for its taker', async () => {
    const first = new FirstAnswer(Promise.reject(new Error('worker stopped')));
    await expect(first.take()).rejects.toThrow('worker stopped');
  });

  it('reports no unhandled rejection when nobody takes a failed answer', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      new FirstAnswer(Promise.reject(new Error('never taken')));
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
