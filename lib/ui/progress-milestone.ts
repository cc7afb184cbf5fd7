/** A screen reader hears a long import or export at each tenth, not at every update of its progress bar. */
const STEP = 10;

/** How far a task has come, in percent rounded down to the last tenth it passed (0, 10, … 100). */
export function progressMilestone(done: number, total: number): number {
  if (total <= 0) return 0;
  const percent = Math.min(100, Math.max(0, (done / total) * 100));
  return Math.floor(percent / STEP) * STEP;
}
