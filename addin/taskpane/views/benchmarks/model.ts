/**
 * What PERF.BENCHMARK answers for a benchmark row, for the view's insert actions: the
 * published percentiles, the value at one (engine code, so "Insert as value" equals what
 * the formula computes) and the formula text. Kept out of api.ts so the engine stays out of
 * the pane's initial chunk.
 */
import { benchmarkValue } from '../../../../engine/benchmarks';
import type { Benchmark } from '../../api';
import { AREAS, type Area, METRICS, SEGMENTS, UNITS } from '../../../../i18n/pane-benchmarks';
import type { Locale } from '../../../../i18n/locale';
import { render } from '../../../../i18n/text';
import { numberFormats } from '../../components/numbers';


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

// ---------------------------------------------------------------------------------------------
// What people read: names, areas, values with their units, search

export { AREAS };
export type { Area };

/** The source of the seeded rows: the plan documents' suggested defaults, not peers' figures. */
export const DEFAULTS_SOURCE = 'PerfPlan domain defaults';

/** Ratios that are multiples (an ROI of 3 reads "3×", not "300%"). */
const MULTIPLES = /(^|_)(roi|multiple)(_|$)|marginal_return/;

export function metricName(metric: string, locale: Locale): string {
  const known = METRICS[metric];
  return known ? known[locale] : metric;
}

export function areaOf(metric: string): Area {
  return METRICS[metric]?.area ?? 'other';
}

export function segmentName(segment: string, locale: Locale): string {
  const known = SEGMENTS[segment];
  return known ? known[locale] : segment;
}

/** A value as its unit reads: ratios in %, CNY as money, counts with their word. */
export function formatBenchmarkValue(row: Pick<Benchmark, 'metric' | 'unit'>, value: number, locale: Locale, numberLocale: string = locale): string {
  const f = numberFormats(numberLocale);
  if (row.unit === 'ratio') return MULTIPLES.test(row.metric) && !/drop|stop/.test(row.metric) ? `${f.number(value)}×` : f.percent(value);
  if (row.unit === 'CNY') return f.money(value);
  const unit = UNITS[row.unit];
  return unit ? render(unit, locale, { value: f.number(value) }) : row.unit ? `${f.number(value)} ${row.unit}` : f.number(value);
}

/** Lower-cased, width-folded text for matching ("ＫＰＩ" = "kpi"). */
function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en-US');
}

/**
 * Whether a row matches a search: every word of the query (split at spaces) occurs in its
 * name in either language, its id, its segment or its area — so "人工成本" and "labour cost"
 * both find labour_cost_share_max, with no pinyin involved.
 */
export function matchesSearch(row: Pick<Benchmark, 'metric' | 'segment'>, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const area = AREAS[areaOf(row.metric)];
  const haystack = fold(
    [row.metric, row.metric.replace(/_/g, ' '), metricName(row.metric, 'en-US'), metricName(row.metric, 'zh-CN'), row.segment, segmentName(row.segment, 'en-US'), segmentName(row.segment, 'zh-CN'), area['en-US'], area['zh-CN']].join(' | '),
  );
  return words.every((word) => haystack.includes(word));
}

/** Rows grouped by area, in the areas' order; empty areas left out. */
export function groupByArea<T extends Pick<Benchmark, 'metric'>>(rows: readonly T[]): { area: Area; rows: T[] }[] {
  const order = Object.keys(AREAS) as Area[];
  return order.map((area) => ({ area, rows: rows.filter((r) => areaOf(r.metric) === area) })).filter((g) => g.rows.length > 0);
}
