/**
 * What PERF.BENCHMARK answers for a benchmark row, for the view's insert actions: the
 * published percentiles, the value at one (engine code, so "Insert as value" equals what
 * the formula computes) and the formula text. Kept out of api.ts so the engine stays out of
 * the pane's initial chunk.
 */
import { benchmarkValue } from '../../../../engine/benchmarks';
import type { Benchmark } from '../../api';

export const PERCENTILES = [25, 50, 75, 90] as const;
export type Percentile = (typeof PERCENTILES)[number];

/** The published value at percentile `p` (P50 falls back to a value-only row's value). */
export function publishedAt(row: Benchmark, p: Percentile): number | undefined {
  return p === 50 ? (row.p50 ?? row.value) : row[`p${p}`];
}

/** The percentiles a row publishes (a value-only row answers the median: [50]). */
export function publishedPercentiles(row: Benchmark): Percentile[] {
  return PERCENTILES.filter((p) => publishedAt(row, p) !== undefined);
}

/** True when the row publishes percentiles (rather than a single value). */
export function hasPercentiles(row: Benchmark): boolean {
  return PERCENTILES.some((p) => row[`p${p}`] !== undefined);
}

/** The value PERF.BENCHMARK(metric, segment, percentile) returns for this row (engine code), or null. */
export function benchmarkValueAt(row: Benchmark, percentile: number): number | null {
  try {
    return benchmarkValue(row, percentile);
  } catch {
    return null;
  }
}

const excelString = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** `=PERF.BENCHMARK("metric","segment",50)`, with quotes inside names doubled as Excel wants. */
export function benchmarkFormula(metric: string, segment: string, percentile: number): string {
  return `=PERF.BENCHMARK(${excelString(metric)},${excelString(segment || 'all')},${percentile})`;
}
