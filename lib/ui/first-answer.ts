/**
 * An answer asked for before a page's first render, so that the worker reads while the page
 * draws: handed to the first request that wants it, never again (later ones ask afresh).
 */
export class FirstAnswer<T> {
  private answer: Promise<T> | undefined;

  constructor(answer: Promise<T>) {
    // Not taken (the page went away first), its failure is nobody's to report; taken, it still rejects.
    answer.catch(() => undefined);
    this.answer = answer;
  }

  /** The early answer on the first call; undefined after. */
  take(): Promise<T> | undefined {
    const answer = this.answer;
    this.answer = undefined;
    return answer;
  }
}
