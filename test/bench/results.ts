import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../e2e/harness';

export const RESULTS_FILE = join(ROOT, '.bench', 'results.jsonl');

export interface BenchRow {
  group: string;
  name: string;
  value: number;
  unit: 'KB' | 'MB' | 'ms' | '%';
  /** The row fails the bench when value exceeds it. */
  budget?: number;
}

/** Appends one measured row; scripts/bench.mjs prints the table and checks the budgets. */
export function record(row: BenchRow): void {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  appendFileSync(RESULTS_FILE, `${JSON.stringify(row)}\n`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
