// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useEffect } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLatestRequest } from './useLatestRequest';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((ok) => (resolve = ok));
  return { promise, resolve };
}

/** Asks `load(query)` whenever the query changes and shows what it holds. */
function Results({ query, load, onAnswer }: { query: string; load: (query: string) => Promise<string>; onAnswer?: (data: string) => void }) {
  const { data, loading, run } = useLatestRequest<string>({ loadingAtFirst: true });
  useEffect(() => void run(() => load(query), onAnswer ? { onAnswer } : {}), [query, load, onAnswer, run]);
  return <p>{loading ? 'loading' : data}</p>;
}

const root = document.createElement('div');
afterEach(() => render(null, root));

describe('useLatestRequest', () => {
  it('shows loading from the first render, then the answer of the latest query even when an older one answers last', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<string>>>();
    const load = (query: string) => {
      const answer = deferred<string>();
      answers.set(query, answer);
      return answer.promise;
    };
    render(<Results query="a" load={load} />, root);
    expect(root.textContent).toBe('loading');
    await act(() => render(<Results query="ab" load={load} />, root));
    await act(async () => answers.get('ab')?.resolve('results for ab'));
    expect(root.textContent).toBe('results for ab');
    await act(async () => answers.get('a')?.resolve('results for a'));
    expect(root.textContent).toBe('results for ab');
  });

  it('drops an answer that arrives after the component is gone', async () => {
    const answer = deferred<string>();
    const onAnswer = vi.fn();
    const load = () => answer.promise;
    await act(() => render(<Results query="a" load={load} onAnswer={onAnswer} />, root));
    await act(() => render(null, root));
    await act(async () => answer.resolve('too late'));
    expect(onAnswer).not.toHaveBeenCalled();
  });
});
