/**
 * Monte Carlo (蒙特卡洛): seeded samples of five distributions, correlated samples
 * (Iman–Conover), and a percentile summary.
 *
 * Determinism: one xoshiro128** stream per call, seeded from `seed`, consumed in a fixed
 * order; every transform uses portable arithmetic (see random.ts), so a seed gives the same
 * numbers in Excel and in `perfplan calc`. Samples are drawn in sequence, so a run of n
 * trials is the first n values of any longer run with the same seed.
 */
import { ERRORS } from '../i18n/errors';
import { DISTRIBUTION_ROLES, PLACES, listOf, phrase } from '../i18n/glossary';
import { matchOption, optionList } from '../i18n/options';
import type { Phrase } from '../i18n/text';
import { PerfError, divError, numError, valueError } from './errors';
import {
  Arg,
  Cell,
  Place,
  Result,
  ResultGrid,
  cellPlace,
  column,
  isBlank,
  numberAt,
  numberMatrix,
  numberVector,
  optionalNumber,
  scalarOf,
  toGrid,
  writtenValue,
} from './grid';
import { Rng, exp, ln, ln1p, normalQuantile, sinSmall } from './random';

export type DistributionName = 'normal' | 'lognormal' | 'uniform' | 'triangular' | 'pert';

type Role = keyof typeof DISTRIBUTION_ROLES;

/** Parameter roles, in argument order (p1, p2, p3). */
const ROLES: Record<DistributionName, readonly Role[]> = {
  normal: ['mean', 'sd'],
  lognormal: ['mean', 'sd'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max'],
};

export const DISTRIBUTIONS = Object.keys(ROLES) as readonly DistributionName[];
export const DEFAULT_TRIALS = 1000;
export const DEFAULT_SEED = 1;

/**
 * The most sample cells one SIM or SIMCORR call returns. Excel limits a custom function's
 * result to about 5 MB (platform-facts.md); a sample travels as a JSON number of at most about
 * 24 bytes with its brackets and separator, so 200,000 cells are about 4.8 MB. SIM returns
 * trials cells, SIMCORR trials × variables. `perfplan calc` sizes its spills by the same cap
 * (cli/result-shapes.ts imports it).
 */
export const MAX_SAMPLE_CELLS = 200_000;

/** The most trials a call with `variables` columns may ask for: ⌊200,000 / variables⌋. */
export function maxTrials(variables: number): number {
  return Math.floor(MAX_SAMPLE_CELLS / variables);
}

/**
 * No deviate of Rng.nextNormal exceeds this: the ziggurat's tail returns R − ln(u)/R with
 * R ≈ 3.4426 and u ≥ 2^-33, at most ≈ 10.09. Used to refuse parameters that would overflow.
 */
const MAX_ABS_NORMAL = 10.1;
const LN_MAX_DOUBLE = 709.78;

/** A validated distribution: its name and its parameters in p1, p2, p3 order. */
export interface Distribution {
  name: DistributionName;
  params: number[];
}

/** How the cells of one distribution are named in messages. */
interface DistributionLabels {
  name: Place;
  params: readonly Place[];
}

const SIM_LABELS: DistributionLabels = { name: 'distribution', params: ['p1', 'p2', 'p3'] };

/** A typed parameter as messages quote it: "text" in quotes, numbers and logical values as written. */
function describe(value: unknown): string | Phrase {
  return typeof value === 'string' ? `"${value}"` : writtenValue(value);
}

/** "p2 (sd)": a parameter's place and what it is for the distribution. */
function rolePlace(place: Place, role: Role): Phrase {
  return phrase(PLACES.withRole, { place, role: DISTRIBUTION_ROLES[role] });
}

function readName(cell: Cell, label: Place): DistributionName {
  if (cell instanceof PerfError) throw cell;
  const options = optionList(DISTRIBUTIONS);
  if (isBlank(cell)) throw valueError(ERRORS.distributionBlank, { what: label, options });
  if (typeof cell !== 'string') throw valueError(ERRORS.distributionNotText, { what: label, options, value: describe(cell) });
  // The same names as every text option: "normal", " Normal ", "正态" (i18n/options.ts).
  const name = matchOption(cell, DISTRIBUTIONS);
  if (name === undefined) throw valueError(ERRORS.distributionUnknown, { what: label, options, got: cell });
  return name;
}

/**
 * Reads and checks p1..p3 for `name`. An unused p3 must be blank: SIM("normal", 0, 1, 5000)
 * is far more likely a misplaced trial count than a deliberate third parameter.
 */
function readDistribution(nameCell: Cell, paramCells: readonly Cell[], labels: DistributionLabels): Distribution {
  const name = readName(nameCell, labels.name);
  const roles = ROLES[name];
  const params: number[] = [];
  for (let i = 0; i < 3; i++) {
    const cell = paramCells[i];
    const label = labels.params[i];
    if (i >= roles.length) {
      if (cell instanceof PerfError) throw cell;
      if (!isBlank(cell)) {
        const used = listOf(roles.map((role) => DISTRIBUTION_ROLES[role]));
        throw valueError(ERRORS.parameterUnused, { what: label, distribution: name, roles: used, value: describe(cell) });
      }
      continue;
    }
    if (isBlank(cell)) throw valueError(ERRORS.parameterRequired, { what: rolePlace(label, roles[i]), distribution: name });
    params.push(numberAt(cell, () => rolePlace(label, roles[i])));
  }
  checkDomain(name, params, labels.params);
  return { name, params };
}

/** Domain rules; messages say which parameter and what it is for. */
function checkDomain(name: DistributionName, p: number[], labels: readonly Place[]): void {
  const roles = ROLES[name];
  const at = (i: number) => rolePlace(labels[i], roles[i]);
  switch (name) {
    case 'normal':
      if (p[1] < 0) throw numError(ERRORS.negative, { what: at(1), got: p[1] });
      if (!Number.isFinite(Math.abs(p[0]) + MAX_ABS_NORMAL * p[1])) throw numError(ERRORS.samplesOverflow, { what: at(1) });
      return;
    case 'lognormal': {
      if (!(p[0] > 0)) throw numError(ERRORS.lognormalMean, { what: at(0), got: p[0] });
      if (p[1] < 0) throw numError(ERRORS.negative, { what: at(1), got: p[1] });
      const { mu, sigma } = lognormalShape(p[0], p[1]);
      if (!(mu + MAX_ABS_NORMAL * sigma < LN_MAX_DOUBLE)) throw numError(ERRORS.lognormalOverflow, { sd: at(1), mean: at(0) });
      return;
    }
    case 'uniform':
      if (p[0] > p[1]) throw numError(ERRORS.greaterThan, { first: at(0), firstValue: p[0], second: at(1), secondValue: p[1] });
      if (!Number.isFinite(p[1] - p[0])) throw numError(ERRORS.rangeTooWide, { from: at(0), to: at(1) });
      return;
    case 'triangular':
    case 'pert':
      if (p[0] > p[2]) throw numError(ERRORS.greaterThan, { first: at(0), firstValue: p[0], second: at(2), secondValue: p[2] });
      if (p[1] < p[0] || p[1] > p[2]) {
        throw numError(ERRORS.modeOutside, { mode: at(1), got: p[1], min: at(0), minValue: p[0], max: at(2), maxValue: p[2] });
      }
      if (!Number.isFinite(p[2] - p[0])) throw numError(ERRORS.rangeTooWide, { from: at(0), to: at(2) });
      return;
  }
}

/**
 * μ and σ of ln X for a lognormal X with the given mean and standard deviation:
 * σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2 (Johnson, Kotz & Balakrishnan, ch. 14).
 */
export function lognormalShape(mean: number, sd: number): { mu: number; sigma: number } {
  const cv = sd / mean;
  // beyond cv 1e150 the square overflows; such a σ fails the overflow check anyway
  const variance = cv > 1e150 ? Infinity : ln1p(cv * cv);
  return { mu: ln(mean) - variance / 2, sigma: Math.sqrt(variance) };
}

// ---------------------------------------------------------------------------------------------
// Samplers: one tight loop per distribution writing into a Float64Array.
// ---------------------------------------------------------------------------------------------

function fillNormal(rng: Rng, out: Float64Array, mean: number, sd: number): void {
  for (let i = 0; i < out.length; i++) out[i] = mean + sd * rng.nextNormal();
}

function fillLognormal(rng: Rng, out: Float64Array, mean: number, sd: number): void {
  const { mu, sigma } = lognormalShape(mean, sd);
  if (sigma === 0) {
    out.fill(mean); // exp(ln(mean)) need not round back to mean
    return;
  }
  for (let i = 0; i < out.length; i++) out[i] = exp(mu + sigma * rng.nextNormal());
}

function fillUniform(rng: Rng, out: Float64Array, min: number, max: number): void {
  const width = max - min;
  for (let i = 0; i < out.length; i++) out[i] = min + width * rng.nextDouble();
}

/**
 * Inverse CDF of the triangular distribution, written as a + w·√(u·(c−a)/w) rather than
 * a + √(u·(b−a)(c−a)) so the product cannot overflow.
 */
function fillTriangular(rng: Rng, out: Float64Array, a: number, c: number, b: number): void {
  const w = b - a;
  if (w === 0) {
    out.fill(a);
    return;
  }
  const left = (c - a) / w; // F(mode)
  const right = (b - c) / w;
  for (let i = 0; i < out.length; i++) {
    const u = rng.nextDouble();
    out[i] = u < left ? a + w * Math.sqrt(u * left) : b - w * Math.sqrt((1 - u) * right);
  }
}

/**
 * Gamma(shape ≥ 1) by Marsaglia & Tsang, "A simple method for generating gamma variables",
 * ACM TOMS 26 (2000): d = shape − 1/3, c = 1/√(9d); the squeeze accepts ~98% without a log.
 */
function gamma(rng: Rng, d: number, c: number): number {
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.nextNormal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextDouble();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (ln(u) < 0.5 * x2 + d * (1 - v + ln(v))) return d * v;
  }
}

/**
 * Beta-PERT with λ = 4: min + (max − min)·B, B ~ Beta(α, β), α = 1 + 4(mode − min)/(max − min),
 * β = 1 + 4(max − mode)/(max − min), B = X/(X + Y) with X ~ Gamma(α), Y ~ Gamma(β).
 * α, β ≥ 1 always, so Marsaglia–Tsang needs no small-shape boost.
 */
function fillPert(rng: Rng, out: Float64Array, a: number, m: number, b: number): void {
  const w = b - a;
  if (w === 0) {
    out.fill(a);
    return;
  }
  const dA = 1 + (4 * (m - a)) / w - 1 / 3;
  const dB = 1 + (4 * (b - m)) / w - 1 / 3;
  const cA = 1 / Math.sqrt(9 * dA);
  const cB = 1 / Math.sqrt(9 * dB);
  for (let i = 0; i < out.length; i++) {
    const x = gamma(rng, dA, cA);
    const y = gamma(rng, dB, cB);
    out[i] = a + w * (x / (x + y));
  }
}

/** Fills `out` with samples of `dist`, consuming `rng` in order. */
export function fillSamples(dist: Distribution, rng: Rng, out: Float64Array): Float64Array {
  const p = dist.params;
  switch (dist.name) {
    case 'normal':
      fillNormal(rng, out, p[0], p[1]);
      break;
    case 'lognormal':
      fillLognormal(rng, out, p[0], p[1]);
      break;
    case 'uniform':
      fillUniform(rng, out, p[0], p[1]);
      break;
    case 'triangular':
      fillTriangular(rng, out, p[0], p[1], p[2]);
      break;
    case 'pert':
      fillPert(rng, out, p[0], p[1], p[2]);
      break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Arguments shared by SIM and SIMCORR.
// ---------------------------------------------------------------------------------------------

/** 200000 → "200,000" (grouped the same way in en-US and zh-CN; no locale lookup). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** trials for a result of `variables` columns: a whole number from 1 to maxTrials(variables). */
function readTrials(arg: Arg, variables: number): number {
  const n = optionalNumber(arg, 'trials', DEFAULT_TRIALS);
  const max = maxTrials(variables);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    const cells = thousands(MAX_SAMPLE_CELLS);
    const cap = variables === 1 ? phrase(ERRORS.trialsCapSamples, { cells }) : phrase(ERRORS.trialsCapCells, { variables, cells });
    throw numError(ERRORS.trialsRange, { max: thousands(max), got: n, cap });
  }
  return n;
}

function readSeed(arg: Arg): number {
  const seed = optionalNumber(arg, 'seed', DEFAULT_SEED);
  if (!Number.isSafeInteger(seed)) throw numError(ERRORS.seedWhole, { got: seed });
  return seed;
}

/** SIM(distribution, p1, [p2], [p3], [trials], [seed]) — trials×1 samples. */
export function sim(distribution: Arg, p1: Arg, p2: Arg, p3: Arg, trials: Arg, seed: Arg): ResultGrid {
  const dist = readDistribution(
    scalarOf(distribution, 'distribution'),
    [scalarOf(p1, 'p1'), scalarOf(p2 ?? null, 'p2'), scalarOf(p3 ?? null, 'p3')],
    SIM_LABELS,
  );
  const n = readTrials(trials ?? null, 1);
  const rng = Rng.fromSeed(readSeed(seed ?? null));
  return column(fillSamples(dist, rng, new Float64Array(n)));
}

/**
 * The sampling kernel of SIM without the grid: the same distribution and seed checks and the
 * same numbers as SIM(dist, params…, trials, seed). An internal entry point (the benchmark
 * samples 1,000,000 at once): its Float64Array never becomes a custom-function result, so the
 * 200,000-cell cap of SIM does not apply; trials only has to be a whole number from 1.
 */
export function simulateInto(dist: string, params: readonly number[], trials: number, seed: number): Float64Array {
  const checked = readDistribution(dist, params, SIM_LABELS);
  if (!Number.isSafeInteger(trials) || trials < 1) throw numError(ERRORS.trialsAtLeastOne, { got: trials });
  return fillSamples(checked, Rng.fromSeed(readSeed(seed)), new Float64Array(trials));
}

// ---------------------------------------------------------------------------------------------
// SIMCORR: Iman & Conover, "A distribution-free approach to inducing rank correlation among
// input variables", Communications in Statistics B 11 (1982) 311–334.
// ---------------------------------------------------------------------------------------------

/** Off-diagonal entries closer than this are equal; diagonals closer than this to 1 are 1. */
const MATRIX_TOLERANCE = 1e-9;
/** Cholesky pivots at or below this are zero (a semi-definite matrix). */
const PIVOT_TOLERANCE = 1e-10;

/**
 * Lower-triangular L with L·Lᵀ = A for a symmetric positive semi-definite A, or null when
 * A is not PSD. A zero pivot is allowed when the rest of its column vanishes too, which is
 * what semi-definiteness requires (the Schur complement stays PSD).
 */
export function choleskyPsd(a: readonly (readonly number[])[]): number[][] | null {
  const k = a.length;
  const L = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    let d = a[j][j];
    for (let p = 0; p < j; p++) d -= L[j][p] * L[j][p];
    if (d < -PIVOT_TOLERANCE) return null;
    const pivot = d > PIVOT_TOLERANCE ? Math.sqrt(d) : 0;
    L[j][j] = pivot;
    for (let i = j + 1; i < k; i++) {
      let r = a[i][j];
      for (let p = 0; p < j; p++) r -= L[i][p] * L[j][p];
      if (pivot > 0) L[i][j] = r / pivot;
      else if (Math.abs(r) > Math.sqrt(PIVOT_TOLERANCE)) return null;
    }
  }
  return L;
}

/** Inverse of a lower-triangular matrix with a non-zero diagonal (forward substitution). */
function invertLower(L: number[][]): number[][] {
  const k = L.length;
  const inv = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let c = 0; c < k; c++) {
    inv[c][c] = 1 / L[c][c];
    for (let i = c + 1; i < k; i++) {
      let s = 0;
      for (let p = c; p < i; p++) s += L[i][p] * inv[p][c];
      inv[i][c] = -s / L[i][i];
    }
  }
  return inv;
}

function multiply(a: number[][], b: number[][]): number[][] {
  const k = a.length;
  return a.map((row) => {
    const out = new Array<number>(k).fill(0);
    for (let p = 0; p < k; p++) for (let c = 0; c < k; c++) out[c] += row[p] * b[p][c];
    return out;
  });
}

function identity(k: number): number[][] {
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (__, j) => (i === j ? 1 : 0)));
}

/** Checks a k×k correlation matrix (symmetric, unit diagonal, entries in [−1, 1], PSD). */
function readCorrelation(arg: Arg, k: number): number[][] {
  const m = numberMatrix(arg, 'correlation');
  if (m.rows !== k || m.cols !== k) {
    throw valueError(ERRORS.correlationShape, { k, rows: m.rows, columns: m.cols });
  }
  const v = m.values;
  const at = (r: number, c: number) => cellPlace('correlation', r, c);
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) {
      if (Math.abs(v[r][c]) > 1) throw numError(ERRORS.correlationRange, { where: at(r, c), got: v[r][c] });
    }
    if (Math.abs(v[r][r] - 1) > MATRIX_TOLERANCE) throw numError(ERRORS.correlationDiagonal, { where: at(r, r), got: v[r][r] });
    for (let c = 0; c < r; c++) {
      if (Math.abs(v[r][c] - v[c][r]) > MATRIX_TOLERANCE) {
        throw numError(ERRORS.correlationAsymmetric, { row: r + 1, column: c + 1, value: v[r][c], mirror: v[c][r] });
      }
    }
  }
  // use the symmetrized matrix with an exact unit diagonal
  const target = v.map((row, r) => row.map((x, c) => (r === c ? 1 : (x + v[c][r]) / 2)));
  if (!choleskyPsd(target)) {
    throw numError(ERRORS.correlationNotPsd);
  }
  return target;
}

/**
 * Pearson correlation that normal scores need for a target Spearman (rank) correlation:
 * ρ = 2·sin(π·ρs/6), exact for the bivariate normal (Pearson 1907; Kruskal 1958).
 */
function pearsonForRank(target: number[][]): number[][] {
  return target.map((row, r) => row.map((x, c) => (r === c ? 1 : 2 * sinSmall((Math.PI * x) / 6))));
}

/**
 * Cholesky factor of the Pearson correlation the normal scores need. The sine map can push
 * a singular target just outside PSD; then the blend (1 − t)·mapped + t·target nearest the
 * mapped matrix that is still PSD is used (the target itself is PSD, so t = 1 always works).
 */
function scoreFactor(target: number[][]): number[][] {
  const mapped = pearsonForRank(target);
  const direct = choleskyPsd(mapped);
  if (direct) return direct;
  const blend = (t: number) => mapped.map((row, r) => row.map((x, c) => (1 - t) * x + t * target[r][c]));
  let lo = 0;
  let hi = 1;
  for (let step = 0; step < 40; step++) {
    const mid = (lo + hi) / 2;
    if (choleskyPsd(blend(mid))) hi = mid;
    else lo = mid;
  }
  return choleskyPsd(blend(hi))!;
}

/** Index of the high word of a double in a Uint32Array view: 1 on little-endian machines. */
const HIGH_WORD = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;

/**
 * Indices 0 … n − 1 in ascending order of `values`, ties in index order. An LSD radix sort
 * (six stable passes of 11, 11 and 10 bits per word) on 64-bit keys that order like the
 * doubles: sign bit flipped for positives, all bits flipped for negatives. Keys travel with
 * their indices so every pass reads sequentially; at a million values this is several times
 * faster than sorting indices with a comparator. −0 sorts just before +0.
 */
export function argsortFloat64(values: Float64Array): Uint32Array {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let hiKeys = new Uint32Array(n);
  let loKeys = new Uint32Array(n);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + HIGH_WORD];
    const lo = words[2 * i + 1 - HIGH_WORD];
    const negative = hi >>> 31 === 1;
    hiKeys[i] = negative ? ~hi : hi ^ 0x80000000;
    loKeys[i] = negative ? ~lo : lo;
    order[i] = i;
  }
  let nextHi = new Uint32Array(n);
  let nextLo = new Uint32Array(n);
  let nextOrder = new Uint32Array(n);
  const counts = new Uint32Array(2049);
  for (const [high, shift, bits] of RADIX_PASSES) {
    const keys = high ? hiKeys : loKeys;
    const mask = (1 << bits) - 1;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((keys[i] >>> shift) & mask) + 1]++;
    if (counts[((keys[0] >>> shift) & mask) + 1] === n) continue; // one bucket: nothing moves
    for (let d = 1; d <= mask + 1; d++) counts[d] += counts[d - 1];
    for (let i = 0; i < n; i++) {
      const slot = counts[(keys[i] >>> shift) & mask]++;
      nextHi[slot] = hiKeys[i];
      nextLo[slot] = loKeys[i];
      nextOrder[slot] = order[i];
    }
    [hiKeys, nextHi] = [nextHi, hiKeys];
    [loKeys, nextLo] = [nextLo, loKeys];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}

/** (high word?, shift, bits) from the least significant digit up. */
const RADIX_PASSES: readonly (readonly [boolean, number, number])[] = [
  [false, 0, 11],
  [false, 11, 11],
  [false, 22, 10],
  [true, 0, 11],
  [true, 11, 11],
  [true, 22, 10],
];

/**
 * Reorders each column of `samples` (independent draws) so their ranks follow correlated
 * normal scores: van der Waerden scores Φ⁻¹(i/(n+1)), shuffled per column, decorrelated by
 * the inverse Cholesky factor of their own sample correlation, then mixed by the Cholesky
 * factor of the target. The marginal samples are kept exactly; only their order changes.
 */
function imanConover(samples: Float64Array[], target: number[][], rng: Rng): void {
  const k = samples.length;
  const n = samples[0].length;
  if (k < 2 || n < 2) return;
  const base = new Float64Array(n);
  for (let i = 0; i < n; i++) base[i] = normalQuantile((i + 1) / (n + 1));
  const scores = samples.map(() => {
    const s = base.slice();
    for (let i = n - 1; i > 0; i--) {
      const j = rng.nextBelow(i + 1);
      const t = s[i];
      s[i] = s[j];
      s[j] = t;
    }
    return s;
  });
  // every column is a permutation of `base`, so they share one mean and one sum of squares
  let mean = 0;
  for (let i = 0; i < n; i++) mean += base[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (base[i] - mean) * (base[i] - mean);
  const sampleCorr = identity(k);
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < r; c++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (scores[r][i] - mean) * (scores[c][i] - mean);
      sampleCorr[r][c] = sampleCorr[c][r] = s / ss;
    }
  }
  // with very few trials the shuffled scores can be collinear: skip the decorrelation then
  const F = choleskyPsd(sampleCorr);
  const unmix = F && F.every((row, i) => row[i] > 1e-8) ? invertLower(F) : identity(k);
  const C = scoreFactor(target);
  const G = multiply(C, unmix);
  const mixed = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    const g = G[j];
    mixed.fill(0);
    for (let p = 0; p <= j; p++) {
      const w = g[p];
      if (w === 0) continue;
      const s = scores[p];
      for (let i = 0; i < n; i++) mixed[i] += w * (s[i] - mean);
    }
    const values = samples[j];
    const byValue = argsortFloat64(values);
    const sorted = new Float64Array(n);
    for (let r = 0; r < n; r++) sorted[r] = values[byValue[r]];
    // the r-th smallest sample goes where the r-th smallest mixed score is
    const byScore = argsortFloat64(mixed);
    for (let r = 0; r < n; r++) values[byScore[r]] = sorted[r];
  }
}

/** SIMCORR(distributions, correlation, [trials], [seed]) — trials×k correlated samples. */
export function simcorr(distributions: Arg, correlation: Arg, trials: Arg, seed: Arg): ResultGrid {
  const table = toGrid(distributions, 'distributions');
  if (table[0].length !== 4) {
    throw valueError(ERRORS.distributionsColumns, { got: table[0].length });
  }
  const dists = table.map((row, r) =>
    readDistribution(row[0], row.slice(1), {
      name: cellPlace('distributions', r, 0),
      params: [1, 2, 3].map((c) => cellPlace('distributions', r, c)),
    }),
  );
  const k = dists.length;
  const target = readCorrelation(correlation, k);
  const n = readTrials(trials ?? null, k);
  const rng = Rng.fromSeed(readSeed(seed ?? null));
  const samples = dists.map((d) => fillSamples(d, rng, new Float64Array(n)));
  imanConover(samples, target, rng);
  const out: ResultGrid = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Result[] = new Array(k);
    for (let j = 0; j < k; j++) row[j] = samples[j][i];
    out[i] = row;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// SUMMARY
// ---------------------------------------------------------------------------------------------

export const SUMMARY_LABELS = ['mean', 'stdev', 'min', 'P5', 'P10', 'P50', 'P90', 'P95', 'max'] as const;
const SUMMARY_PERCENTS = [5, 10, 50, 90, 95];

/**
 * PERCENTILE.INC on ascending `sorted` for `percent` in 0..100: rank h = (n − 1)·p, linear
 * interpolation between the neighbours. h is computed as (n − 1)·percent/100 so a whole rank
 * stays exact (0.05·20 would not).
 */
export function percentileInc(sorted: ArrayLike<number>, percent: number): number {
  const n = sorted.length;
  const h = ((n - 1) * percent) / 100;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/** SUMMARY(samples) — 9×2: labels and mean, stdev (sample), min, P5, P10, P50, P90, P95, max. */
export function summary(samples: Arg): ResultGrid {
  const values = numberVector(samples, 'samples');
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i];
  const mean = total / n;
  let stdev: Result;
  if (n < 2) {
    stdev = divError(ERRORS.stdevTooFew);
  } else {
    // two-pass: Σ(x − mean)² avoids the cancellation of Σx² − n·mean²
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (values[i] - mean) * (values[i] - mean);
    stdev = Math.sqrt(ss / (n - 1));
  }
  const sorted = Float64Array.from(values).sort();
  const results: Result[] = [
    Number.isFinite(mean) ? mean : numError(ERRORS.meanOverflow),
    typeof stdev === 'number' && !Number.isFinite(stdev) ? numError(ERRORS.stdevOverflow) : stdev,
    sorted[0],
    ...SUMMARY_PERCENTS.map((p) => percentileInc(sorted, p)),
    sorted[n - 1],
  ];
  return SUMMARY_LABELS.map((label, i) => [label, results[i]]);
}
