/**
 * The peer-metric registry (functions/data/benchmarks.json § peerMetrics): which metrics and
 * segments organizations may contribute, each metric's unit and plausible range, and the
 * period forms. A contribution outside it is refused with 400 before anything is stored, so
 * a value such as −1e300, a made-up metric or a thousand invented segments never reach the
 * statistics or the listing.
 *
 * Periods: "2025", "2025-H1", "2025-Q3" or "2025-07" (UTC calendar). A period may not start
 * in the future nor more than MAX_PERIOD_AGE_YEARS years back, which also bounds how many
 * groups one organization can create.
 */
import { z } from 'zod';
import data from '../../data/benchmarks.json';
import { badRequest, FieldError } from '../http/problem';
import { nameKey } from './model';

export const MAX_PERIOD_AGE_YEARS = 10;

export interface PeerMetric {
  metric: string;
  unit: string;
  /** Plausible range, inclusive. */
  min: number;
  max: number;
  description?: string;
  /** Segments this metric accepts; the registry's shared list when absent. */
  segments?: string[];
}

export interface RegistryData {
  segments: string[];
  metrics: PeerMetric[];
}

const RegistrySchema = z.object({
  segments: z.array(z.string().trim().min(1).max(100)).min(1),
  metrics: z
    .array(
      z
        .object({
          metric: z.string().trim().min(1).max(100),
          unit: z.string().trim().min(1).max(40),
          min: z.number().finite(),
          max: z.number().finite(),
          description: z.string().optional(),
          segments: z.array(z.string().trim().min(1).max(100)).min(1).optional(),
        })
        .refine((m) => m.min < m.max, 'min must be below max'),
    )
    .min(1),
});

/** A calendar period: its canonical spelling and its [start, end) instants (UTC). */
export interface Period {
  period: string;
  start: Date;
  end: Date;
}

const PERIOD = /^(\d{4})(?:-(?:([QqHh])([1-4])|(0[1-9]|1[0-2])))?$/;

/** Parses "2025", "2025-H1", "2025-Q3", "2025-07" (q/h in either case); null otherwise. */
export function parsePeriod(text: string): Period | null {
  const m = PERIOD.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900) return null;
  let first = 0;
  let months = 12;
  let period = m[1];
  if (m[2]) {
    const kind = m[2].toUpperCase();
    const index = Number(m[3]);
    if (kind === 'H' && index > 2) return null;
    months = kind === 'H' ? 6 : 3;
    first = (index - 1) * months;
    period = `${m[1]}-${kind}${index}`;
  } else if (m[4]) {
    first = Number(m[4]) - 1;
    months = 1;
    period = `${m[1]}-${m[4]}`;
  }
  return { period, start: new Date(Date.UTC(year, first, 1)), end: new Date(Date.UTC(year, first + months, 1)) };
}

/** `date` plus `months` calendar months (UTC). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** A contribution as the registry accepts it: canonical names, a parsed period, a value in range. */
export interface ValidContribution {
  metric: string;
  segment: string;
  period: string;
  value: number;
  unit: string;
  periodStart: Date;
  periodEnd: Date;
}

export class PeerRegistry {
  private readonly byKey: Map<string, PeerMetric & { segmentsByKey: Map<string, string> }>;

  constructor(readonly data: RegistryData) {
    const parsed = RegistrySchema.parse(data);
    this.byKey = new Map();
    for (const metric of parsed.metrics) {
      const segments = metric.segments ?? parsed.segments;
      this.byKey.set(nameKey(metric.metric), { ...metric, segmentsByKey: new Map(segments.map((s) => [nameKey(s), s])) });
    }
  }

  /** The registered metric (case-insensitive), or undefined. */
  metric(name: string): PeerMetric | undefined {
    return this.byKey.get(nameKey(name));
  }

  /** Registered metrics with their segments, for documentation and listings. */
  metrics(): (PeerMetric & { segments: string[] })[] {
    return [...this.byKey.values()].map(({ segmentsByKey, ...m }) => ({ ...m, segments: [...segmentsByKey.values()] }));
  }

  /**
   * Checks a contribution; every problem becomes a FieldError (path = the body's field), so
   * the caller answers one 400 naming them all.
   */
  check(input: { metric: string; segment: string; period: string; value: number }, now: Date): { errors: FieldError[]; valid?: ValidContribution } {
    const errors: FieldError[] = [];
    const metric = this.byKey.get(nameKey(input.metric));
    if (!metric) errors.push({ path: 'metric', message: `"${input.metric}" is not a registered peer metric` });
    const segment = metric?.segmentsByKey.get(nameKey(input.segment));
    if (metric && !segment) {
      errors.push({ path: 'segment', message: `"${input.segment}" is not a registered segment of ${metric.metric} (${[...metric.segmentsByKey.values()].join(', ')})` });
    }
    const period = parsePeriod(input.period);
    if (!period) {
      errors.push({ path: 'period', message: 'must be a year "2025", a half "2025-H1", a quarter "2025-Q3" or a month "2025-07"' });
    } else if (period.start.getTime() > now.getTime()) {
      errors.push({ path: 'period', message: 'must not lie in the future' });
    } else if (period.start.getUTCFullYear() < now.getUTCFullYear() - MAX_PERIOD_AGE_YEARS) {
      errors.push({ path: 'period', message: `must be within the last ${MAX_PERIOD_AGE_YEARS} years` });
    }
    if (metric && !(Number.isFinite(input.value) && input.value >= metric.min && input.value <= metric.max)) {
      errors.push({ path: 'value', message: `must be a number of unit "${metric.unit}" between ${metric.min} and ${metric.max}` });
    }
    if (errors.length || !metric || !segment || !period) return { errors };
    return {
      errors,
      valid: {
        metric: metric.metric,
        segment,
        period: period.period,
        value: input.value,
        unit: metric.unit,
        periodStart: period.start,
        periodEnd: period.end,
      },
    };
  }

  /** Like check, but throws the 400 problem. */
  validate(input: { metric: string; segment: string; period: string; value: number }, now: Date): ValidContribution {
    const { errors, valid } = this.check(input, now);
    if (!valid) throw badRequest('The contribution is invalid.', errors);
    return valid;
  }
}

let shipped: PeerRegistry | undefined;
/** The registry shipped in functions/data/benchmarks.json (compiled into dist with the app). */
export function defaultPeerRegistry(): PeerRegistry {
  shipped ??= new PeerRegistry((data as unknown as { peerMetrics: RegistryData }).peerMetrics);
  return shipped;
}
