import { describe, expect, it } from 'vitest';
import { progressMilestone } from './progress-milestone';

describe('progressMilestone', () => {
  it('is the last step of ten percent passed', () => {
    expect(progressMilestone(0, 20_000)).toBe(0);
    expect(progressMilestone(1_999, 20_000)).toBe(0);
    expect(progressMilestone(2_000, 20_000)).toBe(10);
    expect(progressMilestone(19_999, 20_000)).toBe(90);
    expect(progressMilestone(20_000, 20_000)).toBe(100);
  });

  it('rounds down within a tenth, on totals that do not divide evenly', () => {
    expect(progressMilestone(1, 3)).toBe(30);
    expect(progressMilestone(2, 3)).toBe(60);
    expect(progressMilestone(99, 100)).toBe(90);
  });

  it('stays within 0 and 100 when the counts do not fit, and is 0 before the total is known', () => {
    expect(progressMilestone(5, 0)).toBe(0);
    expect(progressMilestone(12, 10)).toBe(100);
    expect(progressMilestone(-1, 10)).toBe(0);
  });

  it('changes at most once a step over every update of a large task', () => {
    const heard = new Set<number>();
    for (let done = 0; done <= 100_000; done += 500) heard.add(progressMilestone(done, 100_000));
    expect([...heard]).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });
});
