import { afterEach, describe, expect, it, vi } from 'vitest';
import { LatestRequest, type RequestState } from './latest-request';

afterEach(() => vi.useRealTimers());

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

/** A runner whose published state is kept here, as a component's state would be. */
function runner<T>() {
  let state: RequestState<T> = { data: undefined, error: undefined, loading: false };
  const requests = new LatestRequest<T>((update) => (state = update(state)));
  return { requests, state: () => state };
}

describe('latest request', () => {
  it('keeps the answer, clears loading and the earlier error', async () => {
    const { requests, state } = runner<string>();
    await requests.run(() => Promise.reject(new Error('offline')));
    expect(state()).toEqual({ data: undefined, error: new Error('offline'), loading: false });
    const answer = deferred<string>();
    const running = requests.run(() => answer.promise);
    expect(state().loading).toBe(true);
    answer.resolve('offers');
    await running;
    expect(state()).toEqual({ data: 'offers', error: undefined, loading: false });
  });

  it('never lets a slow old answer replace a newer one', async () => {
    const { requests, state } = runner<string>();
    const old = deferred<string>();
    const newer = deferred<string>();
    const answered: string[] = [];
    const first = requests.run(() => old.promise, { onAnswer: (data) => answered.push(data) });
    const second = requests.run(() => newer.promise, { onAnswer: (data) => answered.push(data) });
    newer.resolve('newer');
    await second;
    old.resolve('old');
    await first;
    expect(state()).toEqual({ data: 'newer', error: undefined, loading: false });
    expect(answered).toEqual(['newer']);
  });

  it('ignores the failure of a superseded request, and stays loading for the newer one', async () => {
    const { requests, state } = runner<string>();
    const old = deferred<string>();
    const first = requests.run(() => old.promise);
    void requests.run(() => new Promise<string>(() => undefined));
    old.reject(new Error('late failure'));
    await first;
    expect(state()).toEqual({ data: undefined, error: undefined, loading: true });
  });

  it('drops an answer that arrives after close', async () => {
    const { requests, state } = runner<string>();
    const answer = deferred<string>();
    const onAnswer = vi.fn();
    const running = requests.run(() => answer.promise, { onAnswer });
    requests.close();
    answer.resolve('too late');
    await running;
    expect(state().data).toBeUndefined();
    expect(onAnswer).not.toHaveBeenCalled();
    const request = vi.fn(() => Promise.resolve('after close'));
    await requests.run(request);
    expect(request).not.toHaveBeenCalled();
  });

  it('waits before sending, and never sends a request superseded while it waited', async () => {
    vi.useFakeTimers();
    const { requests, state } = runner<string>();
    const sent: string[] = [];
    const search = (query: string) => () => (sent.push(query), Promise.resolve(query));
    void requests.run(search('a'), { delayMs: 150 });
    await vi.advanceTimersByTimeAsync(100);
    const latest = requests.run(search('ab'), { delayMs: 150 });
    await vi.advanceTimersByTimeAsync(149);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await latest;
    expect(sent).toEqual(['ab']);
    expect(state().data).toBe('ab');
  });
});
