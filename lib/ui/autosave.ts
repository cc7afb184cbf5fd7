/**
 * Saves typed text some time after the last keystroke, one save at a time, always ending with
 * the latest value: a value typed while a save is running is saved right after it. `flush`
 * saves at once (on blur or when the page is hidden), so no edit is lost.
 */
export class Autosaver<T> {
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  /** Counts discards: a save that fails after one keeps nothing for a retry. */
  private discards = 0;

  constructor(
    private readonly save: (value: T) => Promise<void>,
    private readonly onState: (state: 'pending' | 'saving' | 'saved' | 'failed', error?: unknown) => void,
    private readonly delayMs = 400,
  ) {}

  /** Records a new value and saves it once typing pauses. */
  change(value: T): void {
    this.pending = { value };
    this.onState('pending');
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  get hasUnsaved(): boolean {
    return this.pending !== null || this.running !== null;
  }

  /**
   * Drops what is not saved yet (the advisor reloaded a copy another window changed), a save under
   * way included: should it fail, its value is not kept for a retry. Resolves once that save ended,
   * so what is read next includes it if it went through.
   */
  async discard(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.discards++;
    await this.running;
  }

  /** Saves the latest value now; resolves when everything typed so far is stored (or failed). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    const next = this.pending;
    if (!next) return;
    this.pending = null;
    const discards = this.discards;
    this.onState('saving');
    const saving = this.save(next.value).then(
      () => {
        this.running = null;
        if (!this.pending) this.onState('saved');
        return true;
      },
      (error: unknown) => {
        this.running = null;
        // Keep the value so the next change or flush retries it, unless newer text replaced it or it was discarded.
        if (discards === this.discards) this.pending ??= next;
        this.onState('failed', error);
        return false;
      },
    );
    this.running = saving.then(() => undefined);
    const saved = await saving;
    // Text typed during the save goes right after it; a failure waits for the next change or flush.
    if (saved && this.hasUnscheduledChange()) await this.flush();
  }

  // A method, not inline checks: the save's callbacks change these fields behind the compiler's back.
  private hasUnscheduledChange(): boolean {
    return this.pending !== null && this.timer === null;
  }
}
