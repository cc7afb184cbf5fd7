import type { MonthSeries, PipelineOverview } from '../offers/stats';

/** The overview chart's geometry, in the SVG's own units: pure, so that the component only draws. */

export const CHART = { width: 640, height: 220, top: 12, bottom: 28, left: 36, right: 8 } as const;

export interface MonthBars {
  month: string;
  sent: number;
  accepted: number;
  /** Left edge of the month's slot, and each bar's box. */
  x: number;
  slot: number;
  bars: { measure: 'sent' | 'accepted'; x: number; y: number; width: number; height: number }[];
}

/** A round top for the vertical axis (1, 2 or 5 times a power of ten) and its ticks, from zero. */
export function axisTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

/** Two bars per month, sent then accepted, scaled to the highest tick. */
export function monthBars(months: readonly string[], series: MonthSeries): { bars: MonthBars[]; ticks: number[]; y: (value: number) => number } {
  const ticks = axisTicks(Math.max(0, ...series.sent, ...series.accepted));
  const top = ticks.at(-1) ?? 1;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const y = (value: number) => CHART.top + plotHeight * (1 - value / top);
  const slot = (CHART.width - CHART.left - CHART.right) / Math.max(1, months.length);
  const barWidth = slot * 0.34;
  const bars = months.map((month, i) => {
    const x = CHART.left + i * slot;
    const sent = series.sent[i] ?? 0;
    const accepted = series.accepted[i] ?? 0;
    const bar = (measure: 'sent' | 'accepted', value: number, offset: number) => ({
      measure,
      x: x + slot * 0.14 + offset,
      y: y(value),
      width: barWidth,
      height: CHART.top + plotHeight - y(value),
    });
    return { month, sent, accepted, x, slot, bars: [bar('sent', sent, 0), bar('accepted', accepted, barWidth)] };
  });
  return { bars, ticks, y };
}

/** The segments the chart can show: every offer, each kind, each usage location with figures. */
export type Segment = { kind: 'all' } | { kind: 'kind'; value: keyof PipelineOverview['byKind'] } | { kind: 'location'; value: string };

export const segmentKey = (segment: Segment) => (segment.kind === 'all' ? 'all' : `${segment.kind}:${segment.value}`);

export function segmentSeries(overview: PipelineOverview, segment: Segment): MonthSeries {
  if (segment.kind === 'kind') return overview.byKind[segment.value];
  if (segment.kind === 'location') return overview.byLocation.find((entry) => entry.location === segment.value)?.series ?? overview.all;
  return overview.all;
}
