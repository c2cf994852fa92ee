/**
 * Weights (權重): direct normalization, AHP, entropy, CRITIC, rank-order centroid, blends.
 *
 * Each PERF.* function reads its arguments (naming them in every error) and hands plain
 * numbers to a pure kernel; the kernels are exported so the task pane can reuse them.
 */
import { ERRORS } from '../i18n/errors';
import { PLACES, phrase } from '../i18n/glossary';
import { divError, numError, valueError } from './errors';
import { mean, pearson } from './statistics';
import {
  Arg,
  Cell,
  ResultGrid,
  column,
  elementwise,
  isBlank,
  isBlankArg,
  isGrid,
  itemPlace,
  numberAt,
  numberMatrix,
  numberVector,
  optionalChoice,
  optionalNumber,
  Place,
  sameOrientation,
  shapeText,
  toGrid,
  where,
} from './grid';

/**
 * Σv beyond the largest double is Infinity, and v / Infinity would quietly give 0 for every
 * weight: refused like Excel's own SUM, which gives #NUM! when it overflows.
 */
function sumOverflow(name: string) {
  return numError(ERRORS.sumOverflow, { name });
}

/** v / Σv for a list of non-negative weights; `name` is the argument the list came from. */
export function normalizeWeights(values: number[], name: string): number[] {
  let total = 0;
  values.forEach((v, i) => {
    if (v < 0) throw numError(ERRORS.weightNegativeInRow, { where: itemPlace(name, i), got: v });
    total += v;
  });
  if (total === Infinity) throw sumOverflow(name);
  if (total === 0) throw divError(ERRORS.weightsSumZero, { name });
  return values.map((v) => v / total);
}

/** NORMALIZE(values) — same shape, v / Σv. */
export function normalize(values: Arg): ResultGrid {
  const grid = toGrid(values, 'values');
  const rows = grid.length;
  const cols = grid[0].length;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = numberAt(grid[r][c], () => where('values', rows, cols, r, c));
      if (v < 0) throw numError(ERRORS.weightNegative, { where: where('values', rows, cols, r, c), got: v });
      total += v;
    }
  }
  if (total === Infinity) throw sumOverflow('values');
  if (total === 0) throw divError(ERRORS.valuesSumZero);
  return elementwise([{ arg: grid, name: 'values' }], (v) => v! / total);
}

// ---------------------------------------------------------------------------------------
// AHP
// ---------------------------------------------------------------------------------------

export const AHP_MAX_CRITERIA = 15;

/** Users type rounded reciprocals (0.33 for 1/3), so a_ij·a_ji may miss 1 by this much. */
const RECIPROCAL_TOLERANCE = 0.01;
/** Slack so that a product sitting exactly on the 1% boundary (3 × 0.33) is not lost to rounding. */
const FLOAT_SLACK = 1e-12;
const EIGEN_TOLERANCE = 1e-12;
/** Power iteration on a positive matrix always converges; this only guards absurd inputs. */
const EIGEN_MAX_ITERATIONS = 100000;

/** Saaty's random consistency index RI(n), n = 1..15 (index 0 unused). */
const RANDOM_INDEX = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

/** RI(n) as the spec tabulates it (Saaty); 0 for n ≤ 2. */
export function ahpRandomIndex(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > AHP_MAX_CRITERIA) {
    throw numError(ERRORS.randomIndexRange, { max: AHP_MAX_CRITERIA, got: n });
  }
  return RANDOM_INDEX[n];
}

function reciprocalEnough(a: number, b: number): boolean {
  return Math.abs(a * b - 1) <= RECIPROCAL_TOLERANCE + FLOAT_SLACK;
}

/**
 * Reads one expert's n×n block starting at grid row `top`. The upper triangle holds the
 * judgments; a blank diagonal is 1 and a blank lower cell is the reciprocal of its mirror.
 * A typed lower cell is only checked (within 1%) and then replaced by the exact reciprocal,
 * so the matrix handed on is exactly reciprocal (λmax ≥ n, CR ≥ 0).
 */
function readAhpBlock(grid: Cell[][], top: number, n: number, name: string, expert: number | null): number[][] {
  const label = (r: number, c: number): Place => {
    if (grid.length === 1 && n === 1) return name;
    const row = top + r + 1;
    const column = c + 1;
    return expert === null ? phrase(PLACES.cell, { name, row, column }) : phrase(PLACES.expertCell, { name, row, column, expert });
  };
  const typed: (number | null)[][] = [];
  for (let r = 0; r < n; r++) {
    const line: (number | null)[] = [];
    for (let c = 0; c < n; c++) {
      const cell = grid[top + r][c];
      if (isBlank(cell)) {
        line.push(null);
        continue;
      }
      const v = numberAt(cell, () => label(r, c));
      if (v <= 0) throw numError(ERRORS.comparisonNotPositive, { where: label(r, c), got: v });
      line.push(v);
    }
    typed.push(line);
  }
  const out: number[][] = typed.map(() => new Array<number>(n).fill(1));
  for (let r = 0; r < n; r++) {
    const d = typed[r][r];
    if (d !== null && !reciprocalEnough(d, d)) {
      throw valueError(ERRORS.comparisonDiagonal, { where: label(r, r), got: d });
    }
    for (let c = r + 1; c < n; c++) {
      const upper = typed[r][c];
      const lower = typed[c][r];
      if (upper === null) {
        throw valueError(ERRORS.comparisonUpperBlank, { where: label(r, c) });
      }
      if (lower !== null && !reciprocalEnough(upper, lower)) {
        throw valueError(ERRORS.comparisonNotReciprocal, {
          lowerAt: label(c, r),
          lower,
          upperAt: label(r, c),
          upper,
          product: upper * lower,
        });
      }
      out[r][c] = upper;
      out[c][r] = 1 / upper;
    }
  }
  return out;
}

/**
 * Each expert's validated n×n reciprocal matrix from a range of k·n rows × n columns
 * (one expert: k = 1).
 */
export function readAhpExperts(arg: Arg, name = 'matrix'): number[][][] {
  if (isBlankArg(arg)) throw valueError(ERRORS.matrixBlank, { name });
  const grid = toGrid(arg, name);
  const rows = grid.length;
  const n = grid[0].length;
  if (n > AHP_MAX_CRITERIA) {
    throw valueError(ERRORS.tooManyCriteria, { name, columns: n, max: AHP_MAX_CRITERIA });
  }
  if (rows % n !== 0) {
    throw valueError(ERRORS.matrixShape, { name, shape: shapeText(rows, n) });
  }
  const k = rows / n;
  const experts: number[][][] = [];
  for (let e = 0; e < k; e++) experts.push(readAhpBlock(grid, e * n, n, name, k === 1 ? null : e + 1));
  return experts;
}

/** AIJ: element-wise geometric mean of the experts' matrices (stays exactly reciprocal). */
export function aggregateAhpExperts(experts: number[][][]): number[][] {
  if (experts.length === 1) return experts[0];
  const n = experts[0].length;
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let r = 0; r < n; r++) {
    for (let c = r + 1; c < n; c++) {
      let logSum = 0;
      for (const m of experts) logSum += Math.log(m[r][c]);
      out[r][c] = Math.exp(logSum / experts.length);
      out[c][r] = 1 / out[r][c];
    }
  }
  return out;
}

/** The (aggregated) positive reciprocal matrix of an AHP/AHPCR argument. */
export function readAhpMatrix(arg: Arg, name = 'matrix'): number[][] {
  return aggregateAhpExperts(readAhpExperts(arg, name));
}

/** Each row's geometric mean (ⁿ√(a_i1·…·a_in), computed in logs so large n cannot overflow). */
export function ahpRowGeomeans(matrix: number[][]): number[] {
  const n = matrix.length;
  return matrix.map((row) => Math.exp(row.reduce((s, a) => s + Math.log(a), 0) / n));
}

/** The geomean method's weights: the row geometric means over their sum. */
export function ahpGeomean(matrix: number[][]): number[] {
  const g = ahpRowGeomeans(matrix);
  const total = sumOfAll(g);
  return g.map((v) => v / total);
}

function sumOfAll(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/** A·w: each row of the matrix times the weight vector. */
export function matrixTimes(matrix: number[][], w: number[]): number[] {
  return matrix.map((row) => row.reduce((s, a, j) => s + a * w[j], 0));
}

/**
 * Principal right eigenvector (sum 1) and λmax by power iteration. A positive matrix has a
 * simple dominant eigenvalue (Perron), so the iteration converges; it starts from the
 * geometric-mean weights, which are already close.
 */
export function ahpEigen(matrix: number[][], name = 'matrix'): { weights: number[]; lambdaMax: number } {
  let w = ahpGeomean(matrix);
  for (let iteration = 0; iteration < EIGEN_MAX_ITERATIONS; iteration++) {
    const y = matrixTimes(matrix, w);
    const total = y.reduce((s, v) => s + v, 0);
    if (!Number.isFinite(total) || total <= 0) break;
    let change = 0;
    for (let i = 0; i < y.length; i++) {
      y[i] /= total;
      change = Math.max(change, Math.abs(y[i] - w[i]));
    }
    w = y;
    if (change <= EIGEN_TOLERANCE) {
      // Σw = 1, so λmax = Σ(Aw)_i.
      const lambdaMax = sumOfAll(matrixTimes(matrix, w));
      return { weights: w, lambdaMax };
    }
  }
  throw numError(ERRORS.eigenvectorDiverged, { name });
}

/** A matrix of n ≤ 2 criteria is always consistent: its CR is 0. */
export const ALWAYS_CONSISTENT_UP_TO = 2;

/** CI = (λmax − n)/(n − 1). */
export function consistencyIndex(lambdaMax: number, n: number): number {
  return (lambdaMax - n) / (n - 1);
}

/** CR = ((λmax − n)/(n − 1)) / RI(n); 0 for n ≤ 2, where every reciprocal matrix is consistent. */
export function consistencyRatio(matrix: number[][], name = 'matrix'): number {
  const n = matrix.length;
  if (n <= ALWAYS_CONSISTENT_UP_TO) return 0;
  const { lambdaMax } = ahpEigen(matrix, name);
  // λmax ≥ n for a reciprocal matrix; a negative CR could only be rounding noise.
  return Math.max(0, consistencyIndex(lambdaMax, n) / ahpRandomIndex(n));
}

export type AhpMethod = 'eigen' | 'geomean';

/** AHP's methods (their names in each language: i18n/options.ts). */
export const AHP_METHODS: readonly AhpMethod[] = ['eigen', 'geomean'];

/** AHP's arguments as the function reads them: each expert's matrix, their aggregate, the method. */
export interface AhpArgs {
  experts: number[][][];
  /** The experts' matrices aggregated (the one matrix when there is one expert). */
  matrix: number[][];
  method: AhpMethod;
}

export function readAhpArgs(matrix: Arg, method: Arg): AhpArgs {
  const experts = readAhpExperts(matrix, 'matrix');
  const how = optionalChoice(method ?? null, 'method', 'eigen', AHP_METHODS);
  return { experts, matrix: aggregateAhpExperts(experts), method: how };
}

/** AHP(matrix, [method]) — n×1 weights. */
export function ahp(matrix: Arg, method: Arg): ResultGrid {
  const { matrix: a, method: how } = readAhpArgs(matrix, method);
  return column(how === 'eigen' ? ahpEigen(a, 'matrix').weights : ahpGeomean(a));
}

/** AHPCR(matrix) — consistency ratio of the (aggregated) matrix. */
export function ahpcr(matrix: Arg): number {
  return consistencyRatio(readAhpMatrix(matrix, 'matrix'), 'matrix');
}

// ---------------------------------------------------------------------------------------
// Objective weights: ENTROPY and CRITIC
// ---------------------------------------------------------------------------------------

export type EntropyNormalization = 'minmax' | 'proportion';

/** ENTROPY's normalizations (their names in each language: i18n/options.ts). */
export const ENTROPY_NORMALIZATIONS: readonly EntropyNormalization[] = ['minmax', 'proportion'];

/** Omitted, blank, or a reference to empty cells; an empty array is not blank (toGrid refuses it). */
function allBlank(arg: Arg): boolean {
  if (!isGrid(arg)) return isBlank(arg);
  return arg.length > 0 && arg[0].length > 0 && arg.every((row) => row.every((cell) => isBlank(cell)));
}

/** directions: blank → all benefit (1); otherwise one ±1 per criterion. */
function readCriterionDirections(arg: Arg, k: number): number[] {
  if (allBlank(arg)) return new Array<number>(k).fill(1);
  const dirs = numberVector(arg, 'directions');
  if (dirs.length !== k) throw valueError(ERRORS.itemsVsColumns, { name: 'directions', count: dirs.length, other: 'data', columns: k });
  dirs.forEach((d, j) => {
    if (d !== 1 && d !== -1) {
      const label = dirs.length === 1 ? 'directions' : itemPlace('directions', j);
      throw numError(ERRORS.criterionDirection, { what: label, got: d });
    }
  });
  return dirs;
}

function readData(arg: Arg): number[][] {
  const { rows, values } = numberMatrix(arg, 'data');
  if (rows < 2) throw valueError(ERRORS.dataRows, { got: rows });
  return values;
}

function columnOf(data: number[][], j: number): number[] {
  return data.map((row) => row[j]);
}

function isConstant(values: number[]): boolean {
  return values.every((v) => v === values[0]);
}

/** Benefit (x−min)/(max−min), cost (max−x)/(max−min); a constant column stays all 0. */
function minmaxColumn(values: number[], direction: number): number[] {
  let lo = values[0];
  let hi = values[0];
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === lo) return values.map(() => 0);
  return values.map((x) => (direction === 1 ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo)));
}

/** Shannon entropy of a column's shares, scaled by 1/ln m to [0, 1]; 0·ln0 = 0. */
function columnEntropy(y: number[]): number {
  const total = y.reduce((s, v) => s + v, 0);
  let h = 0;
  for (const v of y) {
    if (v > 0) {
      const p = v / total;
      h -= p * Math.log(p);
    }
  }
  return h / Math.log(y.length);
}

/**
 * Entropy weights of m×k data (m ≥ 2). A constant column carries no information and gets
 * weight 0; when every column is constant there is nothing to weight (#DIV/0!).
 */
export function entropyWeights(data: number[][], directions: number[], normalization: EntropyNormalization): number[] {
  const m = data.length;
  const k = data[0].length;
  const d = new Array<number>(k).fill(0);
  for (let j = 0; j < k; j++) {
    const x = columnOf(data, j);
    if (normalization === 'proportion') {
      x.forEach((v, i) => {
        if (v < 0) throw numError(ERRORS.proportionNegative, { where: where('data', m, k, i, j), got: v });
      });
    }
    if (isConstant(x)) continue;
    const y = normalization === 'minmax' ? minmaxColumn(x, directions[j]) : x;
    // e ≤ 1 in exact arithmetic; clamp so rounding cannot produce a negative weight.
    d[j] = Math.max(0, 1 - columnEntropy(y));
  }
  const total = d.reduce((s, v) => s + v, 0);
  if (total === 0) throw divError(ERRORS.entropyConstant);
  return d.map((v) => v / total);
}

/** ENTROPY(data, [directions], [normalize]) — 1×k weights. */
export function entropy(data: Arg, directions: Arg, normalization: Arg): ResultGrid {
  const x = readData(data);
  const dirs = readCriterionDirections(directions, x[0].length);
  const how = optionalChoice(normalization, 'normalize', 'minmax', ENTROPY_NORMALIZATIONS);
  return [entropyWeights(x, dirs, how)];
}

/**
 * CRITIC weights (Diakoulaki et al. 1995) of m×k data (m ≥ 2): min-max normalized columns,
 * C_j = σ_j·Σ_k(1 − r_jk) with σ the sample standard deviation and r = 0 against a constant
 * column; w = C/ΣC.
 */
export function criticWeights(data: number[][], directions: number[]): number[] {
  const m = data.length;
  const k = data[0].length;
  const cols: number[][] = [];
  const constant: boolean[] = [];
  for (let j = 0; j < k; j++) {
    const x = columnOf(data, j);
    constant.push(isConstant(x));
    cols.push(minmaxColumn(x, directions[j]));
  }
  if (constant.every(Boolean)) throw divError(ERRORS.criticConstant);
  const c = cols.map((y, j) => {
    if (constant[j]) return 0;
    const mu = mean(y);
    const sigma = Math.sqrt(y.reduce((s, v) => s + (v - mu) ** 2, 0) / (m - 1));
    let conflict = 0;
    for (let other = 0; other < k; other++) {
      if (other === j) continue; // 1 − r_jj = 0
      conflict += 1 - (constant[other] ? 0 : pearson(y, cols[other]));
    }
    return sigma * conflict;
  });
  const total = c.reduce((s, v) => s + v, 0);
  if (!(total > 0)) {
    throw divError(ERRORS.criticUninformative);
  }
  return c.map((v) => v / total);
}

/** CRITIC(data, [directions]) — 1×k weights. */
export function critic(data: Arg, directions: Arg): ResultGrid {
  const x = readData(data);
  return [criticWeights(x, readCriterionDirections(directions, x[0].length))];
}

// ---------------------------------------------------------------------------------------
// Rank-order centroid
// ---------------------------------------------------------------------------------------

/**
 * ROC weights for ranks 1..n (1 = most important). Items are placed in rank order; a tie
 * group shares the mean ROC weight of the positions it occupies. With standard competition
 * ranks (1, 2, 2, 4) those are exactly the positions the tie spans; dense ranks (1, 2, 2, 3)
 * are read the same way, the last item taking position 4.
 */
export function rocWeights(ranks: number[]): number[] {
  const n = ranks.length;
  // tail[p] = Σ_{i=p..n} 1/i, so w(p) = tail[p]/n.
  const tail = new Array<number>(n + 2).fill(0);
  for (let i = n; i >= 1; i--) tail[i] = tail[i + 1] + 1 / i;
  const order = ranks.map((r, i) => ({ r, i })).sort((a, b) => a.r - b.r || a.i - b.i);
  const out = new Array<number>(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && order[end + 1].r === order[start].r) end++;
    let share = 0;
    for (let p = start + 1; p <= end + 1; p++) share += tail[p] / n;
    share /= end - start + 1;
    for (let q = start; q <= end; q++) out[order[q].i] = share;
    start = end + 1;
  }
  return out;
}

/** ROC(ranks) — same shape as ranks. */
export function roc(ranks: Arg): ResultGrid {
  const grid = toGrid(ranks, 'ranks');
  const rows = grid.length;
  const cols = grid[0].length;
  const n = rows * cols;
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const label = () => where('ranks', rows, cols, r, c);
      const v = numberAt(grid[r][c], label);
      if (!Number.isInteger(v) || v < 1 || v > n) {
        throw numError(ERRORS.rankRange, { where: label(), got: v, count: n });
      }
      values.push(v);
    }
  }
  const w = rocWeights(values);
  return grid.map((row, r) => row.map((_, c) => w[r * cols + c]));
}

// ---------------------------------------------------------------------------------------
// Blends
// ---------------------------------------------------------------------------------------

export type BlendMethod = 'linear' | 'multiplicative';

/** BLEND's methods (their names in each language: i18n/options.ts). */
export const BLEND_METHODS: readonly BlendMethod[] = ['linear', 'multiplicative'];

/** Combines two already-normalized weight lists of equal length. */
export function blendWeights(subjective: number[], objective: number[], alpha: number, method: BlendMethod): number[] {
  if (method === 'linear') return subjective.map((s, i) => alpha * s + (1 - alpha) * objective[i]);
  const product = subjective.map((s, i) => s * objective[i]);
  const total = product.reduce((s, v) => s + v, 0);
  if (total === 0) {
    throw divError(ERRORS.blendSumZero);
  }
  return product.map((v) => v / total);
}

/**
 * BLEND(subjective, objective, [alpha], [method]) — both are weight vectors of the same
 * length; like every vector argument either orientation is accepted (so AHP's column blends
 * with ENTROPY's row). The result takes the orientation of subjective.
 */
export function blend(subjective: Arg, objective: Arg, alpha: Arg, method: Arg): ResultGrid {
  const s = normalizeWeights(numberVector(subjective, 'subjective'), 'subjective');
  const o = normalizeWeights(numberVector(objective, 'objective'), 'objective');
  if (s.length !== o.length) {
    throw valueError(ERRORS.blendShapes, { count: o.length, otherCount: s.length });
  }
  const a = optionalNumber(alpha, 'alpha', 0.5);
  if (a < 0 || a > 1) throw numError(ERRORS.notFraction, { name: 'alpha', got: a });
  const how = optionalChoice(method, 'method', 'linear', BLEND_METHODS);
  return sameOrientation(subjective, blendWeights(s, o, a, how));
}
