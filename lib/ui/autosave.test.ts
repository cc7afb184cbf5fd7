import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from './autosave';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

/** A saver whose saves the test ends by hand: each value saved, and each save's promise to resolve or reject. */
function savingByHand() {
  const calls: string[] = [];
  const pending: ReturnType<typeof deferred>[] = [];
  const saver = new Autosaver<string>(
    (value) => {
      calls.push(value);
      const save = deferred();
      pending.push(save);
      return save.promise;
    },
    () => undefined,
    10,
  );
  return { saver, calls, pending };
}

describe('autosave', () => {
  it('saves once typing pauses, with the latest value', async () => {
    const saved: string[] = [];
    const saver = new Autosaver<string>(async (v) => void saved.push(v), () => undefined, 400);
    saver.change('a');
    saver.change('ab');
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['ab']);
  });

  it('saves text typed during a save right after it, never in parallel', async () => {
    const { saver, calls, pending } = savingByHand();
    saver.change('first');
    await vi.advanceTimersByTimeAsync(10);
    saver.change('second');
    const flushed = saver.flush();
    expect(calls).toEqual(['first']);
    pending[0]!.resolve();
    await vi.waitFor(() => expect(calls).toEqual(['first', 'second']));
    pending[1]!.resolve();
    await flushed;
    expect(saver.hasUnsaved).toBe(false);
  });

  it('keeps a value whose save failed and retries it on flush', async () => {
    const states: string[] = [];
    let fail = true;
    const saved: string[] = [];
    const saver = new Autosaver<string>(
      async (v) => {
        if (fail) throw new Error('disk full');
        saved.push(v);
      },
      (s) => states.push(s),
      10,
    );
    saver.change('notes');
    await vi.advanceTimersByTimeAsync(10);
    expect(states.at(-1)).toBe('failed');
    expect(saver.hasUnsaved).toBe(true);
    fail = false;
    await saver.flush();
    expect(saved).toEqual(['notes']);
    expect(states.at(-1)).toBe('saved');
  });
});

describe('autosave discard', () => {
  it('drops the value not saved yet, so nothing is sent after the advisor reloaded', async () => {
    const saved: string[] = [];
    const saver = new Autosaver<string>(async (v) => void saved.push(v), () => undefined, 400);
    saver.change('refused text');
    await saver.discard();
    expect(saver.hasUnsaved).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    await saver.flush();
    expect(saved).toEqual([]);
  });

  it('keeps nothing of a save under way that fails after the discard, and waits for it to end', async () => {
    const { saver, calls, pending } = savingByHand();
    saver.change('refused text');
    const flushed = saver.flush();
    let discarded = false;
    const discarding = saver.discard().then(() => (discarded = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(discarded).toBe(false);
    pending[0]!.reject(new Error('stale'));
    await Promise.all([flushed, discarding]);
    expect(saver.hasUnsaved).toBe(false);
    await saver.flush();
    expect(calls).toEqual(['refused text']);
  });
});
