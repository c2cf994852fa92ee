/**
 * Benchmarks (基準): the pure part of PERF.BENCHMARK — reading its arguments, and picking
 * a percentile from a published benchmark row. Fetching rows is the adapters' job.
 */
import { ERRORS } from '../i18n/errors';
import { PerfError, naError, numError } from './errors';
import { Arg, isBlankArg, optionalNumber, requiredText, scalarOf } from './grid';

export interface BenchmarkQuery {
  metric: string;
  segment: string;
  percentile: number;
}

/** Validates BENCHMARK(metric, [segment], [percentile]); segment defaults to "all", percentile to 50. */
export function benchmarkQuery(metric: Arg, segment: Arg, percentile: Arg): BenchmarkQuery {
  const name = requiredText(metric, 'metric').trim();
  const seg = isBlankArg(segment ?? null) ? 'all' : String(scalarOf(segment, 'segment')).trim() || 'all';
  const p = optionalNumber(percentile ?? null, 'percentile', 50);
  if (p < 0 || p > 100) throw numError(ERRORS.percentileRange, { got: p });
  return { metric: name, segment: seg, percentile: p };
}

export interface BenchmarkRow {
  value?: number | null;
  p25?: number | null;
  p50?: number | null;
  p75?: number | null;
  p90?: number | null;
}

/**
 * The value at a percentile: an exact published percentile when there is one, linear
 * interpolation between published ones otherwise; a row with only a single value answers
 * the median with it. Outside the published range → #N/A (we never extrapolate).
 */
export function benchmarkValue(row: BenchmarkRow, percentile: number): number {
  const points: [number, number][] = [];
  for (const [p, v] of [
    [25, row.p25],
    [50, row.p50 ?? row.value],
    [75, row.p75],
    [90, row.p90],
  ] as [number, number | null | undefined][]) {
    if (typeof v === 'number' && Number.isFinite(v)) points.push([p, v]);
  }
  if (points.length === 0) throw naError(ERRORS.benchmarkWithheld);
  const exact = points.find(([p]) => p === percentile);
  if (exact) return exact[1];
  for (let i = 1; i < points.length; i++) {
    const [p0, v0] = points[i - 1];
    const [p1, v1] = points[i];
    if (percentile > p0 && percentile < p1) return v0 + ((v1 - v0) * (percentile - p0)) / (p1 - p0);
  }
  throw naError(ERRORS.percentileOutside, { got: percentile, published: points.map(([p]) => `P${p}`).join(', ') });
}

/** What the API answers for one query it cannot serve (POST /api/benchmarks/query results). */
export interface BenchmarkAnswer {
  value?: number;
  error?: string;
  message?: string;
}

/**
 * The #N/A for a query the API answered without a value, in the engine's own words (so it
 * reaches a zh-CN user in Chinese): an unknown metric, or one without published peer figures.
 * A reason the API gave in other words is passed on as it is.
 */
export function benchmarkAnswerError(query: BenchmarkQuery, answer: BenchmarkAnswer | undefined): PerfError {
  const params = { metric: query.metric, segment: query.segment };
  const message = answer?.message ?? '';
  if (message.startsWith('unknown metric')) return naError(ERRORS.unknownBenchmark, params);
  if (message.startsWith('no published peer figures')) return naError(ERRORS.unpublishedBenchmark, params);
  if (message) return naError(message);
  return naError(ERRORS.noBenchmark, { metric: query.metric });
}
