import { describe, expect, it } from 'vitest';
import { axisTicks, CHART, monthBars } from './overview-chart';

describe('overview chart', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(3)).toEqual([0, 1, 2, 3]);
    expect(axisTicks(17)).toEqual([0, 5, 10, 15, 20]);
    expect(axisTicks(730)).toEqual([0, 200, 400, 600, 800]);
  });

  it('draws two bars per month, the higher value taller, zero on the baseline', () => {
    const { bars } = monthBars(['2026-05', '2026-06'], { sent: [4, 0], accepted: [2, 0], sentAccepted: [1, 0] });
    const [may, june] = bars;
    expect(may!.bars.map((bar) => bar.measure)).toEqual(['sent', 'accepted']);
    expect(may!.bars[0]!.height).toBeCloseTo(2 * may!.bars[1]!.height);
    expect(june!.bars.every((bar) => bar.height === 0 && bar.y === CHART.height - CHART.bottom)).toBe(true);
    expect(june!.x).toBeGreaterThan(may!.x + may!.bars[1]!.width);
  });
});
