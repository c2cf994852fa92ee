/**
 * Benchmarks (api.md § Benchmarks): published rows (seeded from functions/data with a
 * source on every row), organizations' contributions, and the peer rows the scheduled
 * releases compute from them under the disclosure rules of disclosure.ts.
 */
import { z } from 'zod';

/** Distinct organizations needed before any peer figure (the median) is published. */
export const PEER_MIN_ORGANIZATIONS = 5;
export const PEER_SOURCE = 'PerfPlan peer contributions';
export const DEFAULT_SEGMENT = 'all';

const NO_CONTROL_CHARS = /^[^\u0000-\u001f\u007f-\u009f]*$/;

/** At most `max` characters as sent and under NFKC (names are compared in NFKC, where U+FDFA is 18 characters). */
const nfkcAtMost = (max: number) => [(s: string) => s.normalize('NFKC').length <= max, `must be at most ${max} characters after Unicode compatibility normalization (NFKC)`] as const;

/** A metric or segment name: 1–100 characters (also under NFKC), no control characters. */
export const BenchmarkName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(NO_CONTROL_CHARS, 'must not contain control characters')
  .refine(...nfkcAtMost(100));
/** A period as sent ("2025", "2025-H1", "2025-Q3", "2025-07"; the registry checks the form): at most 32 characters, also under NFKC. */
export const PeriodText = z.string().trim().min(1).max(32).regex(NO_CONTROL_CHARS, 'must not contain control characters').refine(...nfkcAtMost(32));
/** A segment; missing, null or blank → "all". */
const Segment = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || DEFAULT_SEGMENT)
  .pipe(BenchmarkName);
const Finite = z.number().finite();
const OptionalFinite = Finite.nullish().transform((v) => (v === null ? undefined : v));
const IsoDate = z.string().trim().min(1).refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date');

const PERCENTILE_KEYS = ['p25', 'p50', 'p75', 'p90'] as const;

export const BenchmarkRowInput = z
  .object({
    metric: BenchmarkName,
    segment: Segment,
    unit: z.string().trim().max(40),
    value: OptionalFinite,
    p25: OptionalFinite,
    p50: OptionalFinite,
    p75: OptionalFinite,
    p90: OptionalFinite,
    n: z.number().int().nonnegative(),
    source: z.string().trim().min(1).max(500),
    /** Defaults to the time of the upsert. */
    updatedAt: IsoDate.optional(),
  })
  .superRefine((row, ctx) => {
    if (row.value === undefined && PERCENTILE_KEYS.every((k) => row[k] === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a row needs a value or at least one percentile' });
    }
    let previous: number | undefined;
    for (const k of PERCENTILE_KEYS) {
      const v = row[k];
      if (v === undefined) continue;
      if (previous !== undefined && v < previous) ctx.addIssue({ code: 'custom', path: [k], message: 'percentiles must not decrease' });
      previous = v;
    }
  });
export type BenchmarkRowInput = z.input<typeof BenchmarkRowInput>;

export interface BenchmarkRow {
  metric: string;
  segment: string;
  unit: string;
  value?: number;
  p25?: number;
  p50?: number;
  p75?: number;
  p90?: number;
  n: number;
  source: string;
  updatedAt: string;
}

export const ContributionInput = z.object({
  metric: BenchmarkName,
  segment: Segment,
  /** "2025", "2025-H1", "2025-Q3" or "2025-07" (checked by the registry). */
  period: PeriodText,
  value: Finite,
  /** The contributing organization (Entra ID `tid`). */
  tid: z.string().trim().min(1).max(100).regex(NO_CONTROL_CHARS, 'must not contain control characters'),
});
export type ContributionInput = z.input<typeof ContributionInput>;

export interface Contribution {
  metric: string;
  segment: string;
  period: string;
  unit: string;
  value: number;
  tid: string;
  updatedAt: string;
}

/**
 * Peer figures for one (metric, segment, period) as the current release publishes them.
 * Only groups with at least one published figure exist for readers; `n` is the number of
 * organizations the figures were computed from and `updatedAt` the release that computed them.
 */
export interface PeerRow {
  metric: string;
  segment: string;
  period: string;
  unit: string;
  n: number;
  source: typeof PEER_SOURCE;
  updatedAt: string;
  p10?: number;
  p25?: number;
  p50?: number;
  p75?: number;
  p90?: number;
}

/** One of the caller's own contributions with its group's state in the current release (`?mine=true`). */
export interface OwnContribution {
  metric: string;
  segment: string;
  period: string;
  unit: string;
  value: number;
  updatedAt: string;
  /** published: the group has figures; withheld: not (yet) — too few organizations, too recent, or a rule withheld it. */
  status: 'published' | 'withheld';
  /** Organizations contributing to the group at the current release (0 before the first release that saw it). */
  n: number;
}

/** Excel's PERCENTILE.INC: linear interpolation between closest ranks of the sorted values. */
export function percentileInc(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentileInc of an empty list');
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must be within [0, 1]');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Table keys may not contain / \ # ? or control characters; we also reserve | (our key
 * separator) and % (the escape). Each is percent-encoded as encodeURIComponent would.
 */
export function escapeKey(s: string): string {
  return s.replace(/[%/\\#?|\u0000-\u001f\u007f-\u009f]/g, (ch) => encodeURIComponent(ch));
}

/** The key form of a name: matching is case- and width-insensitive ("Attrition" = "attrition"). */
export function nameKey(name: string): string {
  return escapeKey(name.trim().normalize('NFKC').toLowerCase());
}
