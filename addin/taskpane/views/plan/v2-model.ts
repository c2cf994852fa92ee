/**
 * The Plan builder's catalog-v2 modes, free of React and Office (issue 11, item 3):
 *
 *   - rebate ladder: levels across, thresholds down, a rate per level and threshold, a volume
 *     and the method → each level's rebate at that volume (engine `rebate`, as PERF.REBATE);
 *   - bonus pool: a pool, one share per person, an optional cap and floor → each one's amount
 *     and whether the cap or the floor holds them (engine `readPoolArgs` / `solvePool` /
 *     `poolPlace`, as PERF.POOL);
 *   - target breakdown: annual targets, twelve seasonality weights, an optional rounding step →
 *     months and quarters (engine `quotasplit`, as PERF.QUOTASPLIT; a quarter is the sum of its
 *     months, as the sheet writes it).
 *
 * Inputs are kept as typed and parsed as the plan builder parses them (plan-model `parseCell`),
 * so the engine itself rejects what it cannot use; its errors come back as PerfErrors and the
 * view shows them in the user's language. Every number shown comes from the engine.
 */
import { isPerfError } from '../../../../engine/errors';
import type { Cell } from '../../../../engine/grid';
import { poolPlace, readPoolArgs, solvePool, type PoolPlace } from '../../../../engine/pool';
import { quotasplit } from '../../../../engine/quotas';
import { rebate } from '../../../../engine/rebates';
import type { PoolSpec } from '../../../office/write-pool';
import type { QuotaSpec } from '../../../office/write-quota';
import type { RebateSpec } from '../../../office/write-rebate';
import { parseCell, parseNumber } from './plan-model';
import { codedMessageOf } from '../../components/error-text';
import type { Locale } from '../../../../i18n/locale';
import { PLAN } from '../../../../i18n/pane-plan';
import { render } from '../../../../i18n/text';

export const MAX_LEVELS = 6;
export const MAX_LADDER_ROWS = 12;
export const MAX_PEOPLE = 30;
export const MAX_TARGETS = 12;
export const MONTHS = 12;

/** What an evaluation gives: the preview, or the problems (engine errors or plain Errors). */
export type Evaluation<P> = { ok: true; preview: P } | { ok: false; problems: unknown[] };

/** Distinct problems, in order. */
function distinct(problems: unknown[]): unknown[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = codedMessageOf(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A number the engine returned, or throw its error. */
function numberOf(value: unknown): number {
  if (isPerfError(value)) throw value;
  if (typeof value !== 'number') throw new Error(`unexpected engine result ${String(value)}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Rebate ladder

export type RebateMethod = 'retro' | 'marginal';

export interface RebateModel {
  /** Level names as typed (总代 / 分销 / 零售…). */
  levels: string[];
  /** One row per threshold: the threshold and a rate per level, as typed. */
  rows: { threshold: string; rates: string[] }[];
  volume: string;
  method: RebateMethod;
}

/** The example a new draft starts from, its names in the pane's language (i18n/messages/pane-plan.json). */
export function createRebateModel(locale: Locale): RebateModel {
  return {
    levels: [PLAN.exampleLevelMaster, PLAN.exampleLevelDistributor, PLAN.exampleLevelRetailer].map((name) => render(name, locale)),
    rows: [
      { threshold: '0', rates: ['1%', '1.5%', '2%'] },
      { threshold: '1,000,000', rates: ['2%', '2.5%', '3%'] },
      { threshold: '5,000,000', rates: ['3%', '3.5%', '4%'] },
    ],
    volume: '3,000,000',
    method: 'retro',
  };
}

export function isRebateModel(value: unknown): value is RebateModel {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<RebateModel>;
  const strings = (xs: unknown, max: number) => Array.isArray(xs) && xs.length >= 1 && xs.length <= max && xs.every((x) => typeof x === 'string');
  return (
    strings(m.levels, MAX_LEVELS) &&
    Array.isArray(m.rows) &&
    m.rows.length >= 1 &&
    m.rows.length <= MAX_LADDER_ROWS &&
    m.rows.every((r) => typeof r === 'object' && r !== null && typeof r.threshold === 'string' && strings(r.rates, MAX_LEVELS) && r.rates.length === m.levels!.length) &&
    typeof m.volume === 'string' &&
    (m.method === 'retro' || m.method === 'marginal')
  );
}

export function addLevel(m: RebateModel, name: string): RebateModel {
  if (m.levels.length >= MAX_LEVELS) return m;
  return { ...m, levels: [...m.levels, name], rows: m.rows.map((r) => ({ ...r, rates: [...r.rates, r.rates[r.rates.length - 1] ?? ''] })) };
}

export function removeLevel(m: RebateModel, index: number): RebateModel {
  if (m.levels.length <= 1) return m;
  return { ...m, levels: m.levels.filter((_, k) => k !== index), rows: m.rows.map((r) => ({ ...r, rates: r.rates.filter((_, k) => k !== index) })) };
}

/** A threshold row after the last, continuing its step, with its rates. */
export function addLadderRow(m: RebateModel): RebateModel {
  if (m.rows.length >= MAX_LADDER_ROWS) return m;
  const last = m.rows[m.rows.length - 1];
  const lx = parseNumber(last.threshold);
  const px = m.rows.length > 1 ? parseNumber(m.rows[m.rows.length - 2].threshold) : null;
  const step = lx !== null && px !== null && lx > px ? lx - px : Math.max(lx ?? 0, 1_000_000);
  const threshold = lx === null ? '' : String(Number((lx + step).toPrecision(12)));
  return { ...m, rows: [...m.rows, { threshold, rates: [...last.rates] }] };
}

export function removeLadderRow(m: RebateModel, index: number): RebateModel {
  if (m.rows.length <= 1) return m;
  return { ...m, rows: m.rows.filter((_, k) => k !== index) };
}

/** The ladder as PERF.REBATE reads it: a corner, the level names across, thresholds down. */
export function ladderOf(m: RebateModel): Cell[][] {
  return [[null, ...m.levels.map((l) => l)], ...m.rows.map((r) => [parseCell(r.threshold), ...r.rates.map(parseCell)])];
}

export interface RebateLevelPreview {
  level: string;
  /** The rebate at the volume. */
  rebate: number;
  /** rebate ÷ volume (0 at a volume of 0). */
  effectiveRate: number;
  /** The threshold reached (the highest ≤ the volume). */
  reached: number;
}

export interface RebatePreview {
  volume: number;
  levels: RebateLevelPreview[];
  spec: RebateSpec;
}

export function evaluateRebate(m: RebateModel): Evaluation<RebatePreview> {
  const problems: unknown[] = [];
  const ladder = ladderOf(m);
  const volume = parseCell(m.volume);
  let values: number[] = [];
  try {
    // One volume per level, each level's name: the engine pays each on its own column.
    values = rebate(
      m.levels.map(() => [volume]),
      ladder,
      m.levels.map((l) => [l]),
      m.method,
    ).map((row) => numberOf(row[0]));
  } catch (error) {
    problems.push(error);
  }
  if (problems.length > 0) return { ok: false, problems: distinct(problems) };
  const v = volume as number;
  const thresholds = m.rows.map((r) => parseCell(r.threshold) as number);
  const reached = Math.max(...thresholds.filter((t) => t <= v));
  return {
    ok: true,
    preview: {
      volume: v,
      levels: m.levels.map((level, k) => ({ level: level.trim(), rebate: values[k], effectiveRate: v > 0 ? values[k] / v : 0, reached })),
      spec: {
        levels: m.levels.map((l) => l.trim()),
        thresholds,
        rates: m.rows.map((r) => r.rates.map((x) => parseCell(x) as number)),
        amount: v,
        method: m.method,
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Bonus pool

export interface PoolModel {
  pool: string;
  cap: string;
  floor: string;
  people: { name: string; share: string }[];
}

/** The example pool's departments and their shares. */
const POOL_EXAMPLE = [
  { name: PLAN.exampleDepartmentSales, share: '40' },
  { name: PLAN.exampleDepartmentOperations, share: '25' },
  { name: PLAN.exampleDepartmentSupplyChain, share: '20' },
  { name: PLAN.exampleDepartmentFinance, share: '5' },
];

/** The example a new draft starts from, its names in the pane's language. */
export function createPoolModel(locale: Locale): PoolModel {
  return {
    pool: '1,000,000',
    cap: '350,000',
    floor: '80,000',
    people: POOL_EXAMPLE.map(({ name, share }) => ({ name: render(name, locale), share })),
  };
}

export function isPoolModel(value: unknown): value is PoolModel {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<PoolModel>;
  return (
    [m.pool, m.cap, m.floor].every((v) => typeof v === 'string') &&
    Array.isArray(m.people) &&
    m.people.length >= 1 &&
    m.people.length <= MAX_PEOPLE &&
    m.people.every((p) => typeof p === 'object' && p !== null && typeof p.name === 'string' && typeof p.share === 'string')
  );
}

export interface PoolPersonPreview {
  name: string;
  share: number;
  amount: number;
  /** Held at the cap, at the floor, or paid by share. */
  place: PoolPlace;
}

export interface PoolPreview {
  people: PoolPersonPreview[];
  /** Σ amounts (the pool, or Σcap when the caps cannot take it all). */
  paid: number;
  /** What stays in the pool when every cap is reached (Σcap < pool). */
  leftover: number;
  spec: PoolSpec;
}

export function evaluatePool(m: PoolModel): Evaluation<PoolPreview> {
  const total = parseCell(m.pool);
  const cap = parseCell(m.cap);
  const floor = parseCell(m.floor);
  const shares = m.people.map((p) => [parseCell(p.share)]);
  try {
    const args = readPoolArgs(total, shares, cap, floor);
    const solution = solvePool(args);
    const people = m.people.map((p, i) => ({ name: p.name.trim(), share: args.shares[i], amount: solution.amounts[i], place: poolPlace(args, solution, i) }));
    const paid = people.reduce((s, p) => s + p.amount, 0);
    const spec: PoolSpec = { pool: total as number, people: m.people.map((p, i) => ({ name: p.name.trim(), share: args.shares[i] })) };
    if (typeof cap === 'number') spec.cap = cap;
    if (typeof floor === 'number') spec.floor = floor;
    return { ok: true, preview: { people, paid, leftover: solution.leftover, spec } };
  } catch (error) {
    return { ok: false, problems: [error] };
  }
}

// ---------------------------------------------------------------------------------------------
// Target breakdown

export interface QuotaModel {
  targets: { name: string; annual: string }[];
  /** Twelve monthly weights, as typed. */
  weights: string[];
  roundTo: string;
}

/** A retail-like year: quiet after the New Year, busy in the fourth quarter. */
export const DEFAULT_WEIGHTS = ['0.8', '0.6', '0.9', '1', '1', '0.9', '0.9', '1', '1.1', '1.2', '1.2', '1.4'];

/** The example breakdown's regions and their annual targets. */
const QUOTA_EXAMPLE = [
  { name: PLAN.exampleRegionEast, annual: '8,000,000' },
  { name: PLAN.exampleRegionSouth, annual: '5,000,000' },
];

/** The example a new draft starts from, its names in the pane's language. */
export function createQuotaModel(locale: Locale): QuotaModel {
  return {
    targets: QUOTA_EXAMPLE.map(({ name, annual }) => ({ name: render(name, locale), annual })),
    weights: [...DEFAULT_WEIGHTS],
    roundTo: '10,000',
  };
}

export function isQuotaModel(value: unknown): value is QuotaModel {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<QuotaModel>;
  return (
    Array.isArray(m.targets) &&
    m.targets.length >= 1 &&
    m.targets.length <= MAX_TARGETS &&
    m.targets.every((t) => typeof t === 'object' && t !== null && typeof t.name === 'string' && typeof t.annual === 'string') &&
    Array.isArray(m.weights) &&
    m.weights.length === MONTHS &&
    m.weights.every((w) => typeof w === 'string') &&
    typeof m.roundTo === 'string'
  );
}

export interface QuotaTargetPreview {
  name: string;
  annual: number;
  months: number[];
  /** Sums of three months each. */
  quarters: number[];
}

export interface QuotaPreview {
  targets: QuotaTargetPreview[];
  spec: QuotaSpec;
}

export function evaluateQuota(m: QuotaModel): Evaluation<QuotaPreview> {
  const annual = m.targets.map((t) => [parseCell(t.annual)]);
  const weights = [m.weights.map(parseCell)];
  const roundTo = parseCell(m.roundTo);
  const problems: unknown[] = [];
  let grid: number[][] = [];
  try {
    // n×1 annual targets and 1×12 weights: n×12, one row per target (each row's error on its own).
    grid = quotasplit(annual, weights, roundTo).map((row) => row.map(numberOf));
  } catch (error) {
    problems.push(error);
  }
  if (problems.length > 0) return { ok: false, problems: distinct(problems) };
  const targets = m.targets.map((t, i) => {
    const months = grid[i];
    const quarters = [0, 1, 2, 3].map((q) => months[3 * q] + months[3 * q + 1] + months[3 * q + 2]);
    return { name: t.name.trim(), annual: annual[i][0] as number, months, quarters };
  });
  const spec: QuotaSpec = { weights: weights[0] as number[], targets: targets.map((t) => ({ name: t.name, annual: t.annual })) };
  if (typeof roundTo === 'number') spec.roundTo = roundTo;
  return { ok: true, preview: { targets, spec } };
}
