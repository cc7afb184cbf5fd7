/**
 * How far a task has come, as the last whole `step` of a percent it passed (0 to 100): a screen
 * reader hears a long import or export at these steps, not at every update of its progress bar.
 */
export function progressMilestone(done: number, total: number, step = 10): number {
  if (total <= 0) return 0;
  const percent = Math.min(100, Math.max(0, (done / total) * 100));
  return Math.floor(percent / step) * step;
}
