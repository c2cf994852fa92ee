/**
 * Scoring (評分): attainment, curves, scorecards, traffic lights, 360° blends.
 */
import { PerfError, divError, naError, numError, valueError } from './errors';
import {
  Arg,
  Cell,
  Grid,
  Result,
  ResultGrid,
  column,
  elementwise,
  isBlank,
  numberAt,
  numberTable,
  numberVector,
  optionalChoice,
  optionalNumber,
  optionalNumberOrNull,
  resultRow,
  textVector,
  toGrid,
  vectorCells,
  where,
} from './grid';
import { normalizeWeights } from './weights';

/** Attainment of one actual against one target; direction 1 = higher is better. */
export function attainment(actual: number, target: number, direction: number): number {
  if (target <= 0) throw numError(`target must be greater than 0; got ${target}`);
  const ratio = actual / target;
  return direction === 1 ? ratio : Math.max(0, 2 - ratio);
}

function checkDirection(value: number, name: string): number {
  if (value !== 1 && value !== -1) throw numError(`${name} must be 1 (higher is better) or -1 (lower is better); got ${value}`);
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

/** Piecewise-linear (clamped at both ends) or banded lookup (0 below the first point). */
export function curveAt(curve: Curve, x: number, mode: CurveMode): number {
  const { xs, ys } = curve;
  const i = lastAtOrBelow(xs, x);
  if (mode === 'lookup') return i < 0 ? 0 : ys[i];
  if (i < 0) return ys[0];
  if (i === xs.length - 1) return ys[i];
  return ys[i] + ((ys[i + 1] - ys[i]) * (x - xs[i])) / (xs[i + 1] - xs[i]);
}

/** CURVE(x, curve, [mode]) — element-wise. */
export function curve(x: Arg, curveTable: Arg, mode: Arg): ResultGrid {
  const table = readCurve(curveTable);
  const how = optionalChoice(mode, 'mode', 'linear', ['linear', 'lookup'] as const);
  return elementwise([{ arg: x, name: 'x' }], (v) => curveAt(table, v!, how));
}

/**
 * SCORECARD(actuals, targets, weights, [directions], [cap], [floor]) — one score per row:
 * Σ_j w_j · clamp(attainment_ij, floor, cap).
 */
export function scorecard(actuals: Arg, targets: Arg, weights: Arg, directions: Arg, cap: Arg, floor: Arg): ResultGrid {
  const a = toGrid(actuals, 'actuals');
  const m = a.length;
  const k = a[0].length;
  const w = normalizeWeights(numberVector(weights, 'weights'), 'weights');
  if (w.length !== k) throw valueError(`weights has ${w.length} items but actuals has ${k} columns`);
  const dirs = isBlank(directions) ? new Array<number>(k).fill(1) : numberVector(directions, 'directions');
  if (dirs.length !== k) throw valueError(`directions has ${dirs.length} items but actuals has ${k} columns`);
  dirs.forEach((d, j) => checkDirection(d, `directions, item ${j + 1}`));
  const t = toGrid(targets, 'targets');
  if (t[0].length !== k || (t.length !== 1 && t.length !== m)) {
    throw valueError(`targets must be 1×${k} or ${m}×${k}; got ${t.length}×${t[0].length}`);
  }
  const capValue = optionalNumberOrNull(cap, 'cap') ?? Infinity;
  const floorValue = optionalNumber(floor, 'floor', 0);
  if (capValue < floorValue) throw numError(`cap (${capValue}) is below floor (${floorValue})`);
  const targetRowStep = t.length === 1 ? 0 : 1;
  // One person's score the careful way: every cell checked in reading order, so a bad cell
  // gets its own message. Also the fallback of sharedTargetScores.
  const scoreOf = (i: number): Result => {
    const row = a[i];
    const targetRow = t[i * targetRowStep];
    try {
      let score = 0;
      for (let j = 0; j < k; j++) {
        const actual = row[j];
        const target = targetRow[j];
        const av = typeof actual === 'number' ? actual : numberAt(actual, () => where('actuals', m, k, i, j));
        const tv = typeof target === 'number' ? target : numberAt(target, () => where('targets', t.length, k, i * targetRowStep, j));
        if (!(tv > 0)) throw numError(`${where('targets', t.length, k, i * targetRowStep, j)} must be greater than 0; got ${tv}`);
        const ratio = av / tv;
        score += w[j] * clampAttainment(dirs[j] === 1 ? ratio : Math.max(0, 2 - ratio), capValue, floorValue);
      }
      if (!Number.isFinite(score)) throw numError(`actuals, row ${i + 1}: the score is not a finite number`);
      return score;
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
  if (grid[0].length !== 2) throw valueError(`bands must have 2 columns (lower bound, label); got ${grid[0].length}`);
  const lows = grid.map((row, r) => numberAt(row[0], () => `bands, row ${r + 1}, column 1`));
  const labels = grid.map((row, r) => {
    if (row[1] instanceof PerfError) throw row[1];
    if (isBlank(row[1])) throw valueError(`bands, row ${r + 1}: the label is blank`);
    return String(row[1]);
  });
  for (let r = 1; r < lows.length; r++) {
    if (!(lows[r] > lows[r - 1])) throw valueError(`bands, row ${r + 1}: lower bounds must ascend strictly`);
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
    throw naError(`attainment ${x} is below the lowest band (${lows[0]})`);
  });
}

function labelKey(label: string): string {
  return label.trim().toLowerCase();
}

/** RATER(scores, groups, weights) — 360° blend of one person's ratings. */
export function rater(scores: Arg, groups: Arg, weights: Arg): number {
  const values = numberVector(scores, 'scores');
  const labels = textVector(groups, 'groups');
  if (labels.length !== values.length) throw valueError(`groups has ${labels.length} items but scores has ${values.length}`);
  const table = toGrid(weights, 'weights');
  if (table[0].length !== 2) throw valueError(`weights must have 2 columns (label, weight); got ${table[0].length}`);
  const weightOf = new Map<string, number>();
  table.forEach((row, r) => {
    const label = vectorCells([[row[0]]], `weights, row ${r + 1}`)[0];
    if (label instanceof PerfError) throw label;
    if (isBlank(label)) throw valueError(`weights, row ${r + 1}: the label is blank`);
    const w = numberAt(row[1], () => `weights, row ${r + 1}, column 2`);
    if (w < 0) throw numError(`weights, row ${r + 1}: a weight cannot be negative; got ${w}`);
    weightOf.set(labelKey(String(label)), w);
  });
  const sums = new Map<string, { total: number; count: number }>();
  labels.forEach((label, i) => {
    const key = labelKey(label);
    if (!weightOf.has(key)) throw valueError(`groups, item ${i + 1}: "${label}" has no row in weights`);
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
  if (present === 0) throw divError('weights: the groups present all have weight 0');
  return weighted / present;
}
