import { useCallback, useEffect, useState } from 'preact/hooks';
import { LatestRequest, type RequestState } from '@/lib/ui/latest-request';

export type { RunOptions } from '@/lib/ui/latest-request';

/**
 * Loading, error and data of requests that replace one another (a list reloaded with other
 * filters, a search as it is typed): `run` starts one, and only the latest one's answer is
 * kept, never one that arrives after the component is gone. `update` edits the kept data
 * locally. A component that requests as soon as it mounts starts with `loading` set, so its
 * first render does not claim there is nothing.
 */
export function useLatestRequest<T>({ loadingAtFirst = false }: { loadingAtFirst?: boolean } = {}) {
  const [state, setState] = useState<RequestState<T>>(() => ({ data: undefined, error: undefined, loading: loadingAtFirst }));
  const [requests] = useState(() => new LatestRequest<T>(setState));
  useEffect(() => () => requests.close(), [requests]);
  const update = useCallback((change: (data: T | undefined) => T | undefined) => setState((current) => ({ ...current, data: change(current.data) })), []);
  return { ...state, run: requests.run, update };
}
