export interface RequestState<T> {
  /** The latest answer; kept while a newer request runs or after one fails. */
  data: T | undefined;
  /** Why the latest request failed; cleared by the next answer. */
  error: unknown;
  loading: boolean;
}

export interface RunOptions<T> {
  /** Waits this long before sending (typing in a search box); a newer run in the meantime means it is never sent. */
  delayMs?: number;
  /** Called with the answer only when it is kept, right after it is published, so both changes render together. */
  onAnswer?: (data: T) => void;
}

/**
 * Runs requests whose answers replace one another: only the answer to the latest request is
 * kept, however late an older one arrives, and nothing is kept once closed (its component left
 * the page). State changes go out as updaters so the owner can also edit the data locally.
 */
export class LatestRequest<T> {
  private latest = 0;
  private closed = false;

  constructor(private readonly publish: (update: (state: RequestState<T>) => RequestState<T>) => void) {}

  /** Starts a request that supersedes every earlier one; resolves once it is answered, failed or superseded. */
  readonly run = async (request: () => Promise<T>, { delayMs = 0, onAnswer }: RunOptions<T> = {}): Promise<void> => {
    if (this.closed) return;
    const ticket = ++this.latest;
    const isLatest = () => !this.closed && ticket === this.latest;
    this.publish((state) => ({ ...state, loading: true }));
    if (delayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (!isLatest()) return;
    }
    let data: T;
    try {
      data = await request();
    } catch (error) {
      if (isLatest()) this.publish((state) => ({ ...state, error, loading: false }));
      return;
    }
    if (!isLatest()) return;
    this.publish(() => ({ data, error: undefined, loading: false }));
    onAnswer?.(data);
  };

  /** Drops every answer still to come. */
  close(): void {
    this.closed = true;
  }
}
