/**
 * Scoring (評分): attainment, curves, scorecards, traffic lights, 360° blends.
 */
import { ERRORS } from '../i18n/errors';
import { PerfError, divError, naError, numError, valueError } from './errors';
import {
  Arg,
  Cell,
  ElementArg,
  Grid,
  Result,
  ResultGrid,
  cellPlace,
  elementwise,
  isBlank,
  itemPlace,
  numberAt,
  numberTable,
  numberVector,
  optionalChoice,
  optionalNumber,
  optionalNumberOrNull,
  Place,
  resultRow,
  rowPlace,
  textVector,
  toGrid,
  where,
} from './grid';
import { normalizeWeights } from './weights';

/** Attainment of one actual against one target; direction 1 = higher is better. */
export function attainment(actual: number, target: number, direction: number): number {
  if (target <= 0) throw numError(ERRORS.notPositive, { what: 'target', got: target });
  const ratio = actual / target;
  return direction === 1 ? ratio : Math.max(0, 2 - ratio);
}

function checkDirection(value: number, name: Place): number {
  if (value !== 1 && value !== -1) throw numError(ERRORS.direction, { what: name, got: value });
  return value;
}

/** ATTAIN(actual, target, [direction]) — element-wise. */
export function attain(actual: Arg, target: Arg, direction: Arg): ResultGrid {
  return elementwise(
    [
      { arg: actual, name: 'actual' },
      { arg: target, name: 'target' },
      { arg: direction ?? null, name: 'direction', blanks: 'null' },
    ],
    (a, t, d) => attainment(a!, t!, d === null ? 1 : checkDirection(d, 'direction')),
  );
}

/** SCORECARD's clamp of one KPI's attainment: cap first, then floor. */
export function clampAttainment(attainment: number, cap: number, floor: number): number {
  return attainment > cap ? (cap < floor ? floor : cap) : attainment < floor ? floor : attainment;
}

/** A validated curve: x strictly ascending, y anything. */
export interface Curve {
  xs: Float64Array;
  ys: Float64Array;
}

export function readCurve(arg: Arg, name = 'curve'): Curve {
  const rows = numberTable(arg, name, 2, 'strict');
  return { xs: Float64Array.from(rows, (r) => r[0]), ys: Float64Array.from(rows, (r) => r[1]) };
}

/** Index of the last point with xs[i] ≤ x, or -1 below the first point. */
export function lastAtOrBelow(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  if (x < xs[0]) return -1;
  if (x >= xs[hi]) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

export type CurveMode = 'linear' | 'lookup';

/** CURVE's modes (their names in each language: i18n/options.ts). */
export const CURVE_MODES: readonly CurveMode[] = ['linear', 'lookup'];

/** What a banded lookup gives below its first point. */
export const BELOW_FIRST_BAND = 0;

/** How far y rises from point i along segment i → i + 1 at x (linear interpolation). */
export function segmentRise(curve: Curve, i: number, x: number): number {
  const { xs, ys } = curve;
  return ((ys[i + 1] - ys[i]) * (x - xs[i])) / (xs[i + 1] - xs[i]);
}

/** Piecewise-linear (clamped at both ends) or banded lookup (0 below the first point). */
export function curveAt(curve: Curve, x: number, mode: CurveMode): number {
  const { xs, ys } = curve;
  const i = lastAtOrBelow(xs, x);
  if (mode === 'lookup') return i < 0 ? BELOW_FIRST_BAND : ys[i];
  if (i < 0) return ys[0];
  if (i === xs.length - 1) return ys[i];
  return ys[i] + segmentRise(curve, i, x);
}

/** CURVE's arguments as the function reads them, in its order (the table first). */
export interface CurveArgs {
  curve: Curve;
  mode: CurveMode;
  /** The x values, read element by element. */
  xs: ElementArg;
}

export function readCurveArgs(x: Arg, curveTable: Arg, mode: Arg): CurveArgs {
  return { curve: readCurve(curveTable), mode: optionalChoice(mode ?? null, 'mode', 'linear', CURVE_MODES), xs: { arg: x, name: 'x' } };
}

/** CURVE(x, curve, [mode]) — element-wise. */
export function curve(x: Arg, curveTable: Arg, mode: Arg): ResultGrid {
  const { curve: table, mode: how, xs } = readCurveArgs(x, curveTable, mode);
  return elementwise([xs], (v) => curveAt(table, v!, how));
}

/** SCORECARD's arguments as the function reads them (in its order, so errors come in its order). */
export interface ScorecardArgs {
  actuals: Grid;
  /** People (rows of actuals) and KPIs (columns). */
  m: number;
  k: number;
  targets: Grid;
  /** 0 when one row of targets serves everyone, 1 for a row per person. */
  targetRowStep: number;
  /** The weights as typed, and normalized to sum 1. */
  rawWeights: number[];
  weights: number[];
  /** Per KPI: 1 higher is better, -1 lower is better. */
  directions: number[];
  /** Infinity when there is no cap. */
  cap: number;
  floor: number;
}

export function readScorecardArgs(actuals: Arg, targets: Arg, weights: Arg, directions: Arg, cap: Arg, floor: Arg): ScorecardArgs {
  const a = toGrid(actuals, 'actuals');
  const m = a.length;
  const k = a[0].length;
  const raw = numberVector(weights, 'weights');
  const w = normalizeWeights(raw, 'weights');
  if (w.length !== k) throw valueError(ERRORS.itemsVsColumns, { name: 'weights', count: w.length, other: 'actuals', columns: k });
  const dirs = isBlank(directions) ? new Array<number>(k).fill(1) : numberVector(directions, 'directions');
  if (dirs.length !== k) throw valueError(ERRORS.itemsVsColumns, { name: 'directions', count: dirs.length, other: 'actuals', columns: k });
  dirs.forEach((d, j) => checkDirection(d, itemPlace('directions', j)));
  const t = toGrid(targets, 'targets');
  if (t[0].length !== k || (t.length !== 1 && t.length !== m)) {
    throw valueError(ERRORS.targetsShape, { k, m, rows: t.length, columns: t[0].length });
  }
  const capValue = optionalNumberOrNull(cap ?? null, 'cap') ?? Infinity;
  const floorValue = optionalNumber(floor ?? null, 'floor', 0);
  if (capValue < floorValue) throw numError(ERRORS.capBelowFloor, { cap: capValue, floor: floorValue });
  const targetRowStep = t.length === 1 ? 0 : 1;
  return { actuals: a, m, k, targets: t, targetRowStep, rawWeights: raw, weights: w, directions: dirs, cap: capValue, floor: floorValue };
}

/** One KPI of one person's score, as scorecardRow computes it. */
export interface KpiWorking {
  kpi: number;
  actual: number;
  target: number;
  /** actual / target (higher is better) or max(0, 2 − actual / target) (lower is better). */
  attainment: number;
  /** The attainment after the cap and the floor. */
  clamped: number;
  /** weight × clamped, this KPI's part of the score. */
  contribution: number;
}

/**
 * Person i's score the careful way: every cell checked in reading order, so a bad cell gets
 * its own message; the KPIs' contributions are added in order. `onKpi` sees each KPI's
 * working (explain uses it). Throws the person's error.
 */
export function scorecardRow(args: ScorecardArgs, i: number, onKpi?: (kpi: KpiWorking) => void): number {
  const { actuals: a, m, k, targets: t, targetRowStep, weights: w, directions: dirs, cap, floor } = args;
  const row = a[i];
  const targetRow = t[i * targetRowStep];
  let score = 0;
  for (let j = 0; j < k; j++) {
    const actual = row[j];
    const target = targetRow[j];
    const av = typeof actual === 'number' ? actual : numberAt(actual, () => where('actuals', m, k, i, j));
    const tv = typeof target === 'number' ? target : numberAt(target, () => where('targets', t.length, k, i * targetRowStep, j));
    if (!(tv > 0)) throw numError(ERRORS.notPositive, { what: where('targets', t.length, k, i * targetRowStep, j), got: tv });
    const ratio = av / tv;
    const att = dirs[j] === 1 ? ratio : Math.max(0, 2 - ratio);
    const clamped = clampAttainment(att, cap, floor);
    const contribution = w[j] * clamped;
    score += contribution;
    if (onKpi !== undefined) onKpi({ kpi: j, actual: av, target: tv, attainment: att, clamped, contribution });
  }
  if (!Number.isFinite(score)) throw numError(ERRORS.scoreNotFinite, { where: rowPlace('actuals', i) });
  return score;
}

/**
 * SCORECARD(actuals, targets, weights, [directions], [cap], [floor]) — one score per row:
 * Σ_j w_j · clamp(attainment_ij, floor, cap).
 */
export function scorecard(actuals: Arg, targets: Arg, weights: Arg, directions: Arg, cap: Arg, floor: Arg): ResultGrid {
  const args = readScorecardArgs(actuals, targets, weights, directions, cap, floor);
  const { actuals: a, m, k, targets: t, targetRowStep, weights: w, directions: dirs, cap: capValue, floor: floorValue } = args;
  // Also the fallback of sharedTargetScores.
  const scoreOf = (i: number): Result => {
    try {
      return scorecardRow(args, i);
    } catch (error) {
      if (error instanceof PerfError) return error;
      throw error;
    }
  };
  const shared = targetRowStep === 0 ? sharedTargets(t[0], k) : null;
  if (shared !== null) {
    const up = Uint8Array.from(dirs, (d) => (d === 1 ? 1 : 0));
    return sharedTargetScores(a, k, shared, Float64Array.from(w), up, capValue, floorValue, scoreOf);
  }
  const scores: ResultGrid = new Array(m);
  for (let i = 0; i < m; i++) scores[i] = resultRow(scoreOf(i));
  return scores;
}

/**
 * SCORECARD's usual call: one row of valid targets for everyone. Targets, weights and
 * directions (1 = higher is better) sit in typed arrays and each person's row is read once;
 * the arithmetic is scoreOf's, in the same order, so the results are identical. A person with
 * a cell that is not a number, or a score that is not finite, goes to `careful` for the
 * message. A function of its own so that V8 compiles just this small loop, and early.
 */
function sharedTargetScores(
  a: Grid,
  k: number,
  targets: Float64Array,
  weights: Float64Array,
  up: Uint8Array,
  cap: number,
  floor: number,
  careful: (i: number) => Result,
): ResultGrid {
  const m = a.length;
  const scores: ResultGrid = new Array(m);
  for (let i = 0; i < m; i++) {
    const row = a[i];
    let score = 0;
    let j = 0;
    for (; j < k; j++) {
      const av = row[j];
      if (typeof av !== 'number') break;
      const ratio = av / targets[j];
      score += weights[j] * clampAttainment(up[j] === 1 ? ratio : Math.max(0, 2 - ratio), cap, floor);
    }
    scores[i] = j === k && score - score === 0 ? [score] : resultRow(careful(i));
  }
  return scores;
}

/** A single row of k targets as numbers, or null if any of them would be an error. */
function sharedTargets(row: Cell[], k: number): Float64Array | null {
  const out = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const target = row[j];
    if (typeof target !== 'number' || !(target > 0)) return null;
    out[j] = target;
  }
  return out;
}

const DEFAULT_BANDS: [number, string][] = [
  [0.85, 'amber'],
  [0.95, 'green'],
];

function readBands(arg: Arg): { lows: number[]; labels: string[]; below: string | null } {
  if (isBlank(arg) || (Array.isArray(arg) && arg.length === 1 && arg[0].length === 1 && isBlank(arg[0][0]))) {
    return { lows: DEFAULT_BANDS.map((b) => b[0]), labels: DEFAULT_BANDS.map((b) => b[1]), below: 'red' };
  }
  const grid = toGrid(arg, 'bands');
  if (grid[0].length !== 2) throw valueError(ERRORS.bandsColumns, { got: grid[0].length });
  const lows = grid.map((row, r) => numberAt(row[0], () => cellPlace('bands', r, 0)));
  const labels = grid.map((row, r) => {
    if (row[1] instanceof PerfError) throw row[1];
    if (isBlank(row[1])) throw valueError(ERRORS.rowLabelBlank, { where: rowPlace('bands', r) });
    return String(row[1]);
  });
  for (let r = 1; r < lows.length; r++) {
    if (!(lows[r] > lows[r - 1])) throw valueError(ERRORS.bandsAscend, { where: rowPlace('bands', r) });
  }
  return { lows, labels, below: null };
}

/** STATUS(attainment, [bands]) — element-wise traffic light. */
export function status(attainmentArg: Arg, bands: Arg): ResultGrid {
  const { lows, labels, below } = readBands(bands);
  return elementwise([{ arg: attainmentArg, name: 'attainment' }], (x) => {
    let found = -1;
    for (let i = 0; i < lows.length; i++) if (x! >= lows[i]) found = i;
    if (found >= 0) return labels[found];
    if (below !== null) return below;
    throw naError(ERRORS.belowLowestBand, { got: x!, lowest: lows[0] });
  });
}

function labelKey(label: string): string {
  return label.trim().toLowerCase();
}

/** RATER(scores, groups, weights) — 360° blend of one person's ratings. */
export function rater(scores: Arg, groups: Arg, weights: Arg): number {
  const values = numberVector(scores, 'scores');
  const labels = textVector(groups, 'groups');
  if (labels.length !== values.length) {
    throw valueError(ERRORS.itemsMismatch, { name: 'groups', count: labels.length, other: 'scores', otherCount: values.length });
  }
  const table = toGrid(weights, 'weights');
  if (table[0].length !== 2) throw valueError(ERRORS.weightsColumns, { got: table[0].length });
  const weightOf = new Map<string, number>();
  table.forEach((row, r) => {
    const label = row[0];
    if (label instanceof PerfError) throw label;
    if (isBlank(label)) throw valueError(ERRORS.rowLabelBlank, { where: rowPlace('weights', r) });
    const w = numberAt(row[1], () => cellPlace('weights', r, 1));
    if (w < 0) throw numError(ERRORS.weightNegativeInRow, { where: rowPlace('weights', r), got: w });
    weightOf.set(labelKey(String(label)), w);
  });
  const sums = new Map<string, { total: number; count: number }>();
  labels.forEach((label, i) => {
    const key = labelKey(label);
    if (!weightOf.has(key)) throw valueError(ERRORS.groupWithoutWeight, { where: itemPlace('groups', i), label });
    const entry = sums.get(key) ?? { total: 0, count: 0 };
    entry.total += values[i];
    entry.count += 1;
    sums.set(key, entry);
  });
  let weighted = 0;
  let present = 0;
  for (const [key, { total, count }] of sums) {
    const w = weightOf.get(key)!;
    weighted += (w * total) / count;
    present += w;
  }
  if (present === 0) throw divError(ERRORS.groupsWeightZero);
  return weighted / present;
}
