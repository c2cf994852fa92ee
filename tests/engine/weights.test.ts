/**
 * Weights family (spec: functions.md § Weights). Each case names the rule it pins down;
 * worked examples cite their published source. Expected values are literal numbers from the
 * source, numbers derived by hand (shown in the comment), or a straightforward textbook
 * re-implementation written here — never the engine itself.
 */
import fc from 'fast-check';
import { PerfError } from '../../engine/errors';
import { Arg, ResultGrid } from '../../engine/grid';
import {
  ahp,
  ahpEigen,
  ahpGeomean,
  ahpRandomIndex,
  ahpcr,
  blend,
  consistencyRatio,
  critic,
  entropy,
  normalize,
  readAhpMatrix,
  roc,
} from '../../engine/weights';
import { expectPerfError } from '../support/errors';

// ---------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------

/** All cells of a result, which must be numbers, in reading order. */
function numbers(grid: ResultGrid): number[] {
  return grid.flat().map((cell) => {
    if (typeof cell !== 'number') throw new Error(`expected a number, got ${String(cell)}`);
    return cell;
  });
}

function total(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function expectClose(actual: number[], expected: number[], digits: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], digits));
}

function expectWeights(values: number[]): void {
  values.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
  expect(Math.abs(total(values) - 1)).toBeLessThanOrEqual(1e-9);
}

/** The consistent matrix a_ij = w_i / w_j. */
function consistentMatrix(w: number[]): number[][] {
  return w.map((wi) => w.map((wj) => wi / wj));
}

/** Upper triangle kept, diagonal and lower triangle blank — how users usually fill it in. */
function upperOnly(matrix: number[][]): Arg {
  return matrix.map((row, r) => row.map((v, c) => (c > r ? v : null)));
}

// Saaty, T. L. (2008). Decision making with the analytic hierarchy process. International
// Journal of Services Sciences 1(1), 83–98 — "Which drink is consumed more in the U.S.?"
// (coffee, wine, tea, beer, sodas, milk, water). The paper reports the eigenvector to three
// decimals and C.R. = 0.022.
const DRINKS = [
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
];
const DRINKS_EIGENVECTOR = [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327];
const DRINKS_CR = 0.022;

// Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and
// Applications. Springer (Lecture Notes in Economics and Mathematical Systems 186) — the
// fighter-aircraft example used throughout the book (and for its entropy weights):
// max speed, ferry range, max payload, acquisition cost (a cost), reliability, maneuverability.
// We could not check the book's printed entropy weights here, so the expected values come
// from the independent re-implementation below, not from the book.
const AIRCRAFT = [
  [2.0, 1500, 20000, 5.5, 5, 9],
  [2.5, 2700, 18000, 6.5, 3, 5],
  [1.8, 2000, 21000, 4.5, 7, 7],
  [2.2, 1800, 20000, 5.0, 5, 5],
];
const AIRCRAFT_DIRECTIONS = [1, 1, 1, -1, 1, 1];

/** Textbook entropy weight method, written independently of the engine. */
function referenceEntropy(data: number[][], directions: number[], normalization: 'minmax' | 'proportion'): number[] {
  const m = data.length;
  const k = data[0].length;
  const divergence: number[] = [];
  for (let j = 0; j < k; j++) {
    const x = data.map((row) => row[j]);
    const lo = Math.min(...x);
    const hi = Math.max(...x);
    if (lo === hi) {
      divergence.push(0);
      continue;
    }
    let y = x;
    if (normalization === 'minmax') y = x.map((v) => (directions[j] === 1 ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo)));
    const s = total(y);
    let e = 0;
    for (const v of y) if (v > 0) e += (v / s) * Math.log(v / s);
    divergence.push(1 + e / Math.log(m));
  }
  const d = total(divergence);
  return divergence.map((v) => v / d);
}

/** Textbook CRITIC (Diakoulaki, Mavrotas & Papayannakis 1995), written independently. */
function referenceCritic(data: number[][], directions: number[]): number[] {
  const m = data.length;
  const k = data[0].length;
  const cols: number[][] = [];
  const flat: boolean[] = [];
  for (let j = 0; j < k; j++) {
    const x = data.map((row) => row[j]);
    const lo = Math.min(...x);
    const hi = Math.max(...x);
    flat.push(lo === hi);
    cols.push(lo === hi ? x.map(() => 0) : x.map((v) => (directions[j] === 1 ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo))));
  }
  const avg = (v: number[]) => total(v) / v.length;
  const sd = (v: number[]) => Math.sqrt(total(v.map((x) => (x - avg(v)) ** 2)) / (m - 1));
  const corr = (a: number[], b: number[]) => {
    const ma = avg(a);
    const mb = avg(b);
    const cov = total(a.map((x, i) => (x - ma) * (b[i] - mb)));
    return cov / Math.sqrt(total(a.map((x) => (x - ma) ** 2)) * total(b.map((x) => (x - mb) ** 2)));
  };
  const c = cols.map((a, j) => sd(a) * total(cols.map((b, l) => 1 - (flat[j] || flat[l] ? 0 : corr(a, b)))));
  const s = total(c);
  return c.map((v) => v / s);
}

// ---------------------------------------------------------------------------------------
// NORMALIZE
// ---------------------------------------------------------------------------------------

describe('NORMALIZE(values)', () => {
  it('divides each value by the sum, keeping the shape', () => {
    expect(normalize([[1, 3]])).toEqual([[0.25, 0.75]]);
    expect(normalize([[2], [2]])).toEqual([[0.5], [0.5]]);
  });

  it('values: negative → #NUM!, sum 0 → #DIV/0!, text/blank → #VALUE!, NaN → #NUM!, empty → #VALUE!', () => {
    expectPerfError(() => normalize([[1, -1]]), '#NUM!', /values, column 2/);
    expectPerfError(() => normalize([[0, 0]]), '#DIV/0!', /values/);
    expectPerfError(() => normalize([['x', 1]]), '#VALUE!', /values, column 1/);
    expectPerfError(() => normalize([[null, 1]]), '#VALUE!', /values, column 1 is blank/);
    expectPerfError(() => normalize([[NaN, 1]]), '#NUM!', /values, column 1/);
    expectPerfError(() => normalize([]), '#VALUE!', /values: the range is empty/);
  });

  it('a sum beyond the largest double (≈ 1.797e308) → #NUM!, as Excel\'s SUM overflows, not weights of 0', () => {
    // 1e308 + 1e308 = Infinity in IEEE-754 and 1e308 / Infinity = 0: refused rather than (0, 0).
    expectPerfError(() => normalize([[1e308, 1e308]]), '#NUM!', /^values: the sum is not a finite number \(overflow\)/);
    expect(normalize([[1e307, 1e307]])).toEqual([[0.5, 0.5]]); // 2e307 still fits
  });
});

// ---------------------------------------------------------------------------------------
// AHP / AHPCR
// ---------------------------------------------------------------------------------------

describe('AHP(matrix, [method]) and AHPCR(matrix)', () => {
  it('eigen (default): Saaty (2008) drinks example — principal eigenvector and C.R. 0.022', () => {
    const weights = numbers(ahp(DRINKS, null));
    expect(ahp(DRINKS, null)).toHaveLength(7); // n×1
    expectClose(weights, DRINKS_EIGENVECTOR, 3);
    expect(ahpcr(DRINKS)).toBeCloseTo(DRINKS_CR, 3);
  });

  it('eigen: the result is an eigenvector to 1e-12 and sums to 1 (Saaty 2008 drinks)', () => {
    const { weights, lambdaMax } = ahpEigen(DRINKS);
    expect(total(weights)).toBeCloseTo(1, 12);
    DRINKS.forEach((row, i) => {
      const aw = total(row.map((a, j) => a * weights[j]));
      expect(Math.abs(aw - lambdaMax * weights[i])).toBeLessThan(1e-10);
    });
  });

  it('a blank diagonal is 1 and a blank lower triangle is the reciprocal of the upper (Saaty 2008 drinks)', () => {
    expect(numbers(ahp(upperOnly(DRINKS), null))).toEqual(numbers(ahp(DRINKS, null)));
    expect(ahpcr(upperOnly(DRINKS))).toBeCloseTo(ahpcr(DRINKS), 12);
  });

  it('a full matrix may carry rounded reciprocals within 1% (users type 0.33 for 1/3)', () => {
    // 3 × 0.33 = 0.99 and 9 × 0.11 = 0.99: both exactly at the 1% limit.
    const typed = [
      [1, 3, 9],
      [0.33, 1, 3],
      [0.11, 0.33, 1],
    ];
    // The upper triangle is the judgment; with exact reciprocals this matrix is consistent
    // with w ∝ (9, 3, 1): a_12 = 9/3, a_13 = 9/1, a_23 = 3/1. Hand-derived: w = (9, 3, 1)/13.
    expectClose(numbers(ahp(typed, null)), [9 / 13, 3 / 13, 1 / 13], 12);
    expect(ahpcr(typed)).toBeCloseTo(0, 12);
  });

  it('geomean: normalized row geometric means (Saaty 2008 drinks matrix)', () => {
    // Independent computation: g_i = (Π_j a_ij)^(1/n), w = g/Σg.
    const g = DRINKS.map((row) => row.reduce((p, a) => p * a, 1) ** (1 / 7));
    const expected = g.map((v) => v / total(g));
    expectClose(numbers(ahp(DRINKS, 'geomean')), expected, 12);
    expectClose(ahpGeomean(DRINKS), expected, 12);
    // The geometric-mean and eigenvector priorities agree closely on a near-consistent matrix.
    expectClose(numbers(ahp(DRINKS, 'geomean')), DRINKS_EIGENVECTOR, 2);
  });

  it('method is a case-insensitive keyword; blank means "eigen"', () => {
    expect(numbers(ahp(DRINKS, 'EIGEN'))).toEqual(numbers(ahp(DRINKS, null)));
    expect(numbers(ahp(DRINKS, ''))).toEqual(numbers(ahp(DRINKS, 'eigen')));
    expect(numbers(ahp(DRINKS, [['Geomean']]))).toEqual(numbers(ahp(DRINKS, 'geomean')));
  });

  it('CR = ((λmax − n)/(n − 1))/RI(n): a 3×3 circulant matrix, worked by hand', () => {
    // A = [[1,2,1/2],[1/2,1,2],[2,1/2,1]] has equal row sums 3.5, so w = (1/3, 1/3, 1/3)
    // and λmax = 3.5; CI = (3.5 − 3)/2 = 0.25; RI(3) = 0.58 (Saaty 1980); CR = 0.25/0.58.
    const circulant = [
      [1, 2, 1 / 2],
      [1 / 2, 1, 2],
      [2, 1 / 2, 1],
    ];
    expectClose(numbers(ahp(circulant, null)), [1 / 3, 1 / 3, 1 / 3], 12);
    expect(ahpEigen(circulant).lambdaMax).toBeCloseTo(3.5, 12);
    expect(ahpcr(circulant)).toBeCloseTo(0.25 / 0.58, 12);
    expect(consistencyRatio(circulant)).toBeCloseTo(0.25 / 0.58, 12);
  });

  it('RI(n) is the table of the spec — Saaty (1980), The Analytic Hierarchy Process, for n ≤ 10', () => {
    const table = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];
    table.forEach((ri, i) => expect(ahpRandomIndex(i + 1)).toBe(ri));
  });

  it('n ≤ 2 → CR 0; n = 1 → weight 1; n = 2 → a/(1+a), 1/(1+a)', () => {
    expect(ahp([[1]], null)).toEqual([[1]]);
    expect(ahp(1, null)).toEqual([[1]]);
    expect(ahpcr([[1]])).toBe(0);
    expectClose(numbers(ahp([[1, 4], [null, 1]], null)), [0.8, 0.2], 12);
    expect(ahpcr([[1, 4], [null, 1]])).toBe(0);
  });

  it('k·n rows × n columns are k experts, aggregated by element-wise geometric mean (AIJ)', () => {
    // Hand-derived: experts judge a_12 = 2 and a_12 = 8; AIJ gives √(2·8) = 4 → w = (0.8, 0.2).
    const stacked = [
      [1, 2],
      [null, 1],
      [1, 8],
      [null, 1],
    ];
    expectClose(numbers(ahp(stacked, null)), [0.8, 0.2], 12);
    expect(readAhpMatrix(stacked)).toEqual([
      [1, 4],
      [0.25, 1],
    ]);
    // 3 criteria: a_13 = √(9·1) = 3, a_12 = √(3·3) = 3, a_23 = √(1·1) = 1 → rows (1,3,3),(1/3,1,1),(1/3,1,1);
    // consistent with w ∝ (3, 1, 1): w = (0.6, 0.2, 0.2).
    const three = [
      [1, 3, 9],
      [null, 1, 1],
      [null, null, 1],
      [1, 3, 1],
      [null, 1, 1],
      [null, null, 1],
    ];
    expectClose(numbers(ahp(three, null)), [0.6, 0.2, 0.2], 12);
    expect(ahpcr(three)).toBeCloseTo(0, 12);
  });

  it('matrix: wrong shape → #VALUE! (not square, not stacked squares, n > 15, empty, blank)', () => {
    expectPerfError(() => ahp([[1, 2, 3], [1, 1, 1]], null), '#VALUE!', /matrix must be n×n.*got a 2×3 range/);
    expectPerfError(() => ahp([[1, 2], [0.5, 1], [1, 2]], null), '#VALUE!', /matrix must be n×n.*3×2/);
    const big = Array.from({ length: 16 }, () => new Array<number>(16).fill(1));
    expectPerfError(() => ahp(big, null), '#VALUE!', /matrix has 16 columns; AHP compares at most 15/);
    expectPerfError(() => ahpcr(big), '#VALUE!', /matrix has 16 columns/);
    expectPerfError(() => ahp([], null), '#VALUE!', /matrix: the range is empty/);
    expectPerfError(() => ahp(null, null), '#VALUE!', /matrix is blank/);
    expectPerfError(() => ahp([[null]], null), '#VALUE!', /matrix is blank/);
  });

  it('matrix: not reciprocal → #VALUE! naming both cells; a diagonal other than 1 → #VALUE!', () => {
    expectPerfError(() => ahp([[1, 3], [3, 1]], null), '#VALUE!', /matrix, row 2, column 1 \(3\) is not the reciprocal of matrix, row 1, column 2 \(3\)/);
    // 7 × 0.14 = 0.98: 2% off, beyond the 1% tolerance.
    expectPerfError(() => ahpcr([[1, 7], [0.14, 1]]), '#VALUE!', /row 2, column 1/);
    expectPerfError(() => ahp([[1, 2], [0.5, 2]], null), '#VALUE!', /matrix, row 2, column 2 is 2; the diagonal/);
    expectPerfError(() => ahp([[1, 2], [0.5, 1], [1, 3], [3, 1]], null), '#VALUE!', /row 4, column 1 \(expert 2\)/);
  });

  it('matrix: an entry ≤ 0 → #NUM!; text, a blank upper cell → #VALUE!; NaN → #NUM!', () => {
    expectPerfError(() => ahp([[1, 0], [null, 1]], null), '#NUM!', /matrix, row 1, column 2 is 0; .*greater than 0/);
    expectPerfError(() => ahp([[1, -2], [-0.5, 1]], null), '#NUM!', /matrix, row 1, column 2 is -2/);
    expectPerfError(() => ahpcr([[1, 2], [0, 1]]), '#NUM!', /matrix, row 2, column 1 is 0/);
    expectPerfError(() => ahp([[1, 'x'], [null, 1]], null), '#VALUE!', /matrix, row 1, column 2 is text "x"/);
    expectPerfError(() => ahp([[1, null], [2, 1]], null), '#VALUE!', /matrix, row 1, column 2 is blank; fill the upper triangle/);
    expectPerfError(() => ahp([[1, NaN], [null, 1]], null), '#NUM!', /matrix, row 1, column 2 is not a finite number/);
    expectPerfError(() => ahp([[1, 2], [null, 1], [1, -1], [null, 1]], null), '#NUM!', /row 3, column 2 \(expert 2\) is -1/);
  });

  it('method: anything but "eigen"/"geomean" → #VALUE! naming method', () => {
    expectPerfError(() => ahp(DRINKS, 'mean'), '#VALUE!', /method must be one of "eigen", "geomean"/);
    expectPerfError(() => ahp(DRINKS, 3), '#VALUE!', /method/);
    expectPerfError(() => ahp(DRINKS, [['eigen', 'geomean']]), '#VALUE!', /method: expected a single value/);
  });

  it('ahpEigen: an iteration that cannot converge (non-finite input) → #NUM!, never garbage', () => {
    expectPerfError(() => ahpEigen([[1, Infinity], [0, 1]]), '#NUM!', /did not converge/);
  });
});

// ---------------------------------------------------------------------------------------
// ENTROPY
// ---------------------------------------------------------------------------------------

describe('ENTROPY(data, [directions], [normalize])', () => {
  it('"proportion": raw shares p = x/Σx — Hwang & Yoon (1981) fighter-aircraft data', () => {
    const expected = referenceEntropy(AIRCRAFT, AIRCRAFT_DIRECTIONS, 'proportion');
    const result = entropy(AIRCRAFT, null, 'proportion');
    expect(result).toHaveLength(1); // 1×k
    expectClose(numbers(result), expected, 12);
    // Reliability and maneuverability vary most, so they weigh most (as the book discusses).
    const w = numbers(result);
    expect(w[4]).toBe(Math.max(...w));
  });

  it('"proportion" ignores directions', () => {
    expect(entropy(AIRCRAFT, [AIRCRAFT_DIRECTIONS], 'proportion')).toEqual(entropy(AIRCRAFT, null, 'proportion'));
  });

  it('"minmax" (default): benefit (x−min)/(max−min), cost (max−x)/(max−min) — Hwang & Yoon (1981) data', () => {
    const expected = referenceEntropy(AIRCRAFT, AIRCRAFT_DIRECTIONS, 'minmax');
    expectClose(numbers(entropy(AIRCRAFT, [AIRCRAFT_DIRECTIONS], 'minmax')), expected, 12);
    expect(entropy(AIRCRAFT, [AIRCRAFT_DIRECTIONS], null)).toEqual(entropy(AIRCRAFT, [AIRCRAFT_DIRECTIONS], 'minmax'));
    // directions in a column work like a row.
    expect(entropy(AIRCRAFT, AIRCRAFT_DIRECTIONS.map((d) => [d]), null)).toEqual(entropy(AIRCRAFT, [AIRCRAFT_DIRECTIONS], null));
  });

  it('a cost direction changes the minmax shares (worked by hand)', () => {
    // Column (1, 2, 4): benefit y = (0, 1/3, 1) → p = (0, 1/4, 3/4); cost y = (1, 2/3, 0) →
    // p = (3/5, 2/5, 0). Column (1, 2, 3): y = (0, 1/2, 1) → p = (0, 1/3, 2/3) either way.
    const h = (p: number[]) => -total(p.filter((v) => v > 0).map((v) => v * Math.log(v))) / Math.log(3);
    const dBenefit = 1 - h([0, 1 / 4, 3 / 4]);
    const dCost = 1 - h([3 / 5, 2 / 5, 0]);
    const dOther = 1 - h([0, 1 / 3, 2 / 3]);
    const data = [
      [1, 1],
      [2, 2],
      [4, 3],
    ];
    expectClose(numbers(entropy(data, null, null)), [dBenefit / (dBenefit + dOther), dOther / (dBenefit + dOther)], 12);
    expectClose(numbers(entropy(data, [[-1, 1]], null)), [dCost / (dCost + dOther), dOther / (dCost + dOther)], 12);
  });

  it('0·ln 0 = 0 (worked by hand)', () => {
    // Column (0, 1, 1) under "proportion": p = (0, 1/2, 1/2), e = ln 2 / ln 3.
    // Column (1, 2, 3): p = (1/6, 2/6, 3/6).
    const e1 = Math.log(2) / Math.log(3);
    const e2 = -total([1 / 6, 2 / 6, 3 / 6].map((p) => p * Math.log(p))) / Math.log(3);
    const d = [1 - e1, 1 - e2];
    expectClose(numbers(entropy([[0, 1], [1, 2], [1, 3]], null, 'proportion')), [d[0] / total(d), d[1] / total(d)], 12);
  });

  it('a constant column gets weight 0; all constant → #DIV/0!', () => {
    expect(entropy([[1, 5], [2, 5], [3, 5]], null, null)).toEqual([[1, 0]]);
    expect(entropy([[1, 5], [2, 5], [3, 5]], null, 'proportion')).toEqual([[1, 0]]);
    expectPerfError(() => entropy([[1, 5], [1, 5]], null, null), '#DIV/0!', /data: every column is constant/);
    expectPerfError(() => entropy([[0], [0]], null, 'proportion'), '#DIV/0!', /data: every column is constant/);
  });

  it('data: fewer than 2 rows, text, blanks, NaN, empty → named errors', () => {
    expectPerfError(() => entropy([[1, 2, 3]], null, null), '#VALUE!', /data needs at least 2 rows/);
    expectPerfError(() => entropy(5, null, null), '#VALUE!', /data needs at least 2 rows/);
    expectPerfError(() => entropy([[1, 2], ['a', 3]], null, null), '#VALUE!', /data, row 2, column 1 is text "a"/);
    expectPerfError(() => entropy([[1, 2], [3, null]], null, null), '#VALUE!', /data, row 2, column 2 is blank/);
    expectPerfError(() => entropy([[1, 2], [3, NaN]], null, null), '#NUM!', /data, row 2, column 2 is not a finite number/);
    expectPerfError(() => entropy([], null, null), '#VALUE!', /data: the range is empty/);
    expectPerfError(() => entropy([[1, 2], [3]], null, null), '#VALUE!', /data: rows have different lengths/);
  });

  it('data: a negative value under "proportion" → #NUM! (minmax accepts negatives)', () => {
    expectPerfError(() => entropy([[1, 2], [-3, 4]], null, 'proportion'), '#NUM!', /data, row 2, column 1 is negative/);
    expectWeights(numbers(entropy([[1, 2], [-3, 4], [0, 1]], null, 'minmax')));
  });

  it('directions: wrong length, text, blanks among values → #VALUE!; not ±1 or NaN → #NUM!', () => {
    expectPerfError(() => entropy(AIRCRAFT, [[1, 1]], null), '#VALUE!', /directions has 2 items but data has 6 columns/);
    expectPerfError(() => entropy(AIRCRAFT, [[1, 1, 1, 'cost', 1, 1]], null), '#VALUE!', /directions, item 4 is text "cost"/);
    expectPerfError(() => entropy(AIRCRAFT, [[1, 1, 1, null, 1, 1]], null), '#VALUE!', /directions, item 4 is blank/);
    expectPerfError(() => entropy(AIRCRAFT, [[1, 1, 1, 0, 1, 1]], null), '#NUM!', /directions, item 4 must be 1 \(benefit\) or -1 \(cost\)/);
    expectPerfError(() => entropy(AIRCRAFT, [[1, 1, 1, -2, 1, 1]], null), '#NUM!', /directions, item 4/);
    expectPerfError(() => entropy(AIRCRAFT, [[1, 1, 1, NaN, 1, 1]], null), '#NUM!', /directions, item 4 is not a finite number/);
    expectPerfError(() => entropy(AIRCRAFT, [[1, 1, 1], [1, 1, 1]], null), '#VALUE!', /directions must be one row or one column/);
    expectPerfError(() => entropy(AIRCRAFT, [], null), '#VALUE!', /directions: the range is empty/);
    // A single direction for a single criterion.
    expectPerfError(() => entropy([[1], [2]], 2, null), '#NUM!', /^directions must be 1/);
  });

  it('directions: omitted, blank or an empty reference means all benefit', () => {
    const benefit = entropy(AIRCRAFT, [[1, 1, 1, 1, 1, 1]], null);
    expect(entropy(AIRCRAFT, null, null)).toEqual(benefit);
    expect(entropy(AIRCRAFT, '', null)).toEqual(benefit);
    expect(entropy(AIRCRAFT, [[null, null, null, null, null, null]], null)).toEqual(benefit);
  });

  it('normalize: anything but "minmax"/"proportion" → #VALUE! naming normalize', () => {
    expectPerfError(() => entropy(AIRCRAFT, null, 'zscore'), '#VALUE!', /normalize must be one of "minmax", "proportion"/);
  });
});

// ---------------------------------------------------------------------------------------
// CRITIC
// ---------------------------------------------------------------------------------------

describe('CRITIC(data, [directions])', () => {
  it('C_j = σ_j·Σ(1 − r_jk) on min-max columns — worked by hand after Diakoulaki et al. (1995)', () => {
    // Diakoulaki, D., Mavrotas, G. & Papayannakis, L. (1995). Determining objective weights in
    // multiple criteria problems: the CRITIC method. Computers & Operations Research 22(7),
    // 763–770. We could not check the paper's own numeric example here, so this one is
    // derived by hand with the paper's definitions:
    //   column 1 (benefit) 10, 20, 30 → (0, ½, 1); column 2 (cost) 10, 20, 30 → (1, ½, 0);
    //   column 3 (benefit) 5, 9, 7 → (0, 1, ½). Each σ = 0.5 (sample).
    //   r12 = −1, r13 = ½, r23 = −½.
    //   C1 = ½·(2 + ½) = 1.25, C2 = ½·(2 + 1.5) = 1.75, C3 = ½·(½ + 1.5) = 1; ΣC = 4.
    const data = [
      [10, 10, 5],
      [20, 20, 9],
      [30, 30, 7],
    ];
    const result = critic(data, [[1, -1, 1]]);
    expect(result).toHaveLength(1); // 1×k
    expectClose(numbers(result), [0.3125, 0.4375, 0.25], 12);
  });

  it('matches a textbook re-implementation on Hwang & Yoon (1981) fighter-aircraft data', () => {
    expectClose(numbers(critic(AIRCRAFT, [AIRCRAFT_DIRECTIONS])), referenceCritic(AIRCRAFT, AIRCRAFT_DIRECTIONS), 12);
    expectClose(numbers(critic(AIRCRAFT, null)), referenceCritic(AIRCRAFT, [1, 1, 1, 1, 1, 1]), 12);
  });

  it('a constant column gets weight 0 and counts as r = 0 for the others', () => {
    // Columns 1 and 2 are perfectly correlated (r = 1); column 3 is constant.
    // C1 = σ·((1 − 1) + (1 − 0)) = σ, C2 = σ, C3 = 0 → (½, ½, 0).
    expectClose(numbers(critic([[1, 2, 7], [2, 4, 7], [3, 6, 7]], null)), [0.5, 0.5, 0], 12);
  });

  it('no information to weight → #DIV/0! (all constant; a single criterion; perfectly correlated columns)', () => {
    expectPerfError(() => critic([[1, 2], [1, 2]], null), '#DIV/0!', /data: every column is constant/);
    expectPerfError(() => critic([[1], [2], [4]], null), '#DIV/0!', /data: no criterion carries CRITIC information/);
    expectPerfError(() => critic([[1, 2], [2, 4], [3, 6]], null), '#DIV/0!', /data: no criterion/);
  });

  it('data and directions: named errors like ENTROPY', () => {
    expectPerfError(() => critic([[1, 2]], null), '#VALUE!', /data needs at least 2 rows/);
    expectPerfError(() => critic([[1, 2], [true, 3]], null), '#VALUE!', /data, row 2, column 1 is TRUE/);
    expectPerfError(() => critic([[1, 2], [null, 3]], null), '#VALUE!', /data, row 2, column 1 is blank/);
    expectPerfError(() => critic([[1, 2], [NaN, 3]], null), '#NUM!', /data, row 2, column 1/);
    expectPerfError(() => critic([], null), '#VALUE!', /data: the range is empty/);
    expectPerfError(() => critic(AIRCRAFT, [[1, -1]]), '#VALUE!', /directions has 2 items but data has 6 columns/);
    expectPerfError(() => critic(AIRCRAFT, [[1, 1, 1, 3, 1, 1]]), '#NUM!', /directions, item 4/);
    expectPerfError(() => critic(AIRCRAFT, [[1, 1, 1, 'x', 1, 1]]), '#VALUE!', /directions, item 4 is text/);
  });
});

// ---------------------------------------------------------------------------------------
// ROC
// ---------------------------------------------------------------------------------------

describe('ROC(ranks)', () => {
  it('n = 4: 0.5208, 0.2708, 0.1458, 0.0625 — Barron & Barrett (1996), Management Science 42(11), 1515–1523', () => {
    const result = roc([[1], [2], [3], [4]]);
    expectClose(numbers(result), [0.5208, 0.2708, 0.1458, 0.0625], 4);
    // Exact: w(r) = (1/4)·Σ_{i=r..4} 1/i.
    expectClose(numbers(result), [25 / 48, 13 / 48, 7 / 48, 3 / 48], 15);
  });

  it('w(r) = (1/n)·Σ_{i=r..n} 1/i for n = 1, 2, 3 (worked by hand)', () => {
    expect(roc(1)).toEqual([[1]]);
    expectClose(numbers(roc([[1, 2]])), [3 / 4, 1 / 4], 15);
    expectClose(numbers(roc([[1, 2, 3]])), [11 / 18, 5 / 18, 2 / 18], 15);
  });

  it('same shape as ranks, weights follow each cell’s rank', () => {
    const row = roc([[3, 1, 4, 2]]);
    expect(row).toHaveLength(1);
    expectClose(numbers(row), [7 / 48, 25 / 48, 3 / 48, 13 / 48], 15);
    const square = roc([
      [2, 4],
      [1, 3],
    ]);
    expectClose(numbers(square), [13 / 48, 3 / 48, 25 / 48, 7 / 48], 15);
  });

  it('tied ranks share the mean weight of the positions they span (Barron & Barrett 1996 weights)', () => {
    // 1, 2, 2, 4: the tie spans positions 2 and 3 → (13/48 + 7/48)/2 = 10/48 each.
    expectClose(numbers(roc([[1, 2, 2, 4]])), [25 / 48, 10 / 48, 10 / 48, 3 / 48], 15);
    // All tied: everyone shares positions 1..4 → 1/4 each.
    expectClose(numbers(roc([[1, 1, 1, 1]])), [0.25, 0.25, 0.25, 0.25], 15);
    // Dense ranks (1, 2, 2, 3) are read in rank order: the 3 takes position 4.
    expectClose(numbers(roc([[1, 2, 2, 3]])), [25 / 48, 10 / 48, 10 / 48, 3 / 48], 15);
  });

  it('ranks: not a whole number in 1..n → #NUM! naming the cell', () => {
    expectPerfError(() => roc([[1, 2, 5]]), '#NUM!', /ranks, column 3 is 5; ranks must be whole numbers from 1 to 3/);
    expectPerfError(() => roc([[0], [1]]), '#NUM!', /ranks, row 1 is 0/);
    expectPerfError(() => roc([[1], [-2]]), '#NUM!', /ranks, row 2 is -2/);
    expectPerfError(() => roc([[1, 1.5]]), '#NUM!', /ranks, column 2 is 1.5/);
    expectPerfError(() => roc(2), '#NUM!', /^ranks is 2/);
  });

  it('ranks: text, blank, NaN, empty → named errors', () => {
    expectPerfError(() => roc([['first', 2]]), '#VALUE!', /ranks, column 1 is text "first"/);
    expectPerfError(() => roc([[1, null]]), '#VALUE!', /ranks, column 2 is blank/);
    expectPerfError(() => roc(null), '#VALUE!', /ranks is blank/);
    expectPerfError(() => roc([[1, NaN]]), '#NUM!', /ranks, column 2 is not a finite number/);
    expectPerfError(() => roc([]), '#VALUE!', /ranks: the range is empty/);
  });
});

// ---------------------------------------------------------------------------------------
// BLEND
// ---------------------------------------------------------------------------------------

describe('BLEND(subjective, objective, [alpha], [method])', () => {
  it('"linear" (default, α = 0.5): both normalized first, then α·s + (1−α)·o (worked by hand)', () => {
    // s = (1, 3)/4 = (0.25, 0.75); o = (0.5, 0.5) → (0.375, 0.625).
    expectClose(numbers(blend([[1], [3]], [[2], [2]], null, null)), [0.375, 0.625], 15);
    // α = 0.2: 0.2·(0.25, 0.75) + 0.8·(0.5, 0.5) = (0.45, 0.55).
    expectClose(numbers(blend([[1], [3]], [[2], [2]], 0.2, 'linear')), [0.45, 0.55], 15);
    expectClose(numbers(blend([[1], [3]], [[2], [2]], 1, null)), [0.25, 0.75], 15);
    expectClose(numbers(blend([[1], [3]], [[2], [2]], 0, null)), [0.5, 0.5], 15);
  });

  it('"multiplicative": s·o/Σ(s·o) (worked by hand)', () => {
    // s = (0.25, 0.75), o = (0.5, 0.5): products (0.125, 0.375) → (0.25, 0.75).
    expectClose(numbers(blend([[1], [3]], [[2], [2]], null, 'multiplicative')), [0.25, 0.75], 15);
    // s = (0.2, 0.8), o = (0.25, 0.75): products (0.05, 0.6) → (1/13, 12/13).
    expectClose(numbers(blend([[0.2, 0.8]], [[1, 3]], null, 'Multiplicative')), [1 / 13, 12 / 13], 15);
  });

  it('keeps the shape of subjective; a row and a column of the same length blend (AHP × ENTROPY)', () => {
    expect(blend([[0.2, 0.8]], [[0.5, 0.5]], null, null)).toHaveLength(1);
    const mixed = blend([[0.2], [0.8]], [[0.5, 0.5]], null, null);
    expect(mixed).toHaveLength(2);
    expectClose(numbers(mixed), [0.35, 0.65], 15);
    // The usual pipeline: AHP's n×1 with ENTROPY's 1×n.
    const w = blend(ahp(DRINKS, null), entropy([[1, 2, 3, 4, 5, 6, 7], [7, 1, 2, 3, 4, 5, 6]], null, null), null, null);
    expect(w).toHaveLength(7);
    expectWeights(numbers(w));
  });

  it('subjective/objective: lengths differ or not a vector → #VALUE!', () => {
    expectPerfError(() => blend([[1, 2]], [[1, 2, 3]], null, null), '#VALUE!', /objective has 3 items but subjective has 2/);
    expectPerfError(() => blend([[1, 2], [3, 4]], [[1, 2]], null, null), '#VALUE!', /subjective must be one row or one column/);
    expectPerfError(() => blend([[1, 2]], [[1, 2], [3, 4]], null, null), '#VALUE!', /objective must be one row or one column/);
  });

  it('subjective/objective: negative → #NUM!, sum 0 → #DIV/0!, text/blank → #VALUE!, NaN → #NUM!, empty → #VALUE!', () => {
    expectPerfError(() => blend([[1, -1]], [[1, 1]], null, null), '#NUM!', /subjective, item 2: a weight cannot be negative/);
    expectPerfError(() => blend([[1, 1]], [[-1, 1]], null, null), '#NUM!', /objective, item 1/);
    expectPerfError(() => blend([[0, 0]], [[1, 1]], null, null), '#DIV/0!', /subjective: the weights sum to 0/);
    expectPerfError(() => blend([[1, 1]], [[0, 0]], null, null), '#DIV/0!', /objective: the weights sum to 0/);
    expectPerfError(() => blend([[1e308, 1e308]], [[1, 1]], null, null), '#NUM!', /^subjective: the sum is not a finite number \(overflow\)/);
    expectPerfError(() => blend([[1, 1]], [[1e308, 1e308]], null, null), '#NUM!', /^objective: the sum is not a finite number \(overflow\)/);
    expectPerfError(() => blend([['a', 1]], [[1, 1]], null, null), '#VALUE!', /subjective, item 1 is text "a"/);
    expectPerfError(() => blend([[1, 1]], [[1, null]], null, null), '#VALUE!', /objective, item 2 is blank/);
    expectPerfError(() => blend([[1, NaN]], [[1, 1]], null, null), '#NUM!', /subjective, item 2 is not a finite number/);
    expectPerfError(() => blend([], [[1, 1]], null, null), '#VALUE!', /subjective: the range is empty/);
    expectPerfError(() => blend([[1, 1]], [], null, null), '#VALUE!', /objective: the range is empty/);
  });

  it('"multiplicative" with no criterion weighted by both → #DIV/0!', () => {
    expectPerfError(() => blend([[1, 0]], [[0, 1]], null, 'multiplicative'), '#DIV/0!', /subjective and objective/);
  });

  it('alpha: outside 0..1 or NaN → #NUM!, text or a range → #VALUE!', () => {
    expectPerfError(() => blend([[1, 1]], [[1, 1]], 1.5, null), '#NUM!', /alpha must be between 0 and 1; got 1.5/);
    expectPerfError(() => blend([[1, 1]], [[1, 1]], -0.1, null), '#NUM!', /alpha/);
    expectPerfError(() => blend([[1, 1]], [[1, 1]], NaN, null), '#NUM!', /alpha is not a finite number/);
    expectPerfError(() => blend([[1, 1]], [[1, 1]], 'half', null), '#VALUE!', /alpha is text "half"/);
    expectPerfError(() => blend([[1, 1]], [[1, 1]], [[0.1, 0.2]], null), '#VALUE!', /alpha: expected a single value/);
  });

  it('method: anything but "linear"/"multiplicative" → #VALUE!', () => {
    expectPerfError(() => blend([[1, 1]], [[1, 1]], null, 'geometric'), '#VALUE!', /method must be one of "linear", "multiplicative"/);
  });
});

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

const SAATY_SCALE = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** A random positive reciprocal matrix on Saaty's 1–9 scale, 1 ≤ n ≤ 15. */
const reciprocalMatrix = fc.integer({ min: 1, max: 15 }).chain((n) =>
  fc.array(fc.constantFrom(...SAATY_SCALE), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((upper) => {
    const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
    let next = 0;
    for (let r = 0; r < n; r++) {
      for (let c = r + 1; c < n; c++) {
        a[r][c] = upper[next++];
        a[c][r] = 1 / a[r][c];
      }
    }
    return a;
  }),
);

const positiveWeights = fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 15 });

/** m×k data of small integers (m ≥ 2); `min` bounds the values. */
const dataMatrix = (min: number) =>
  fc
    .tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 6 }))
    .chain(([m, k]) => fc.array(fc.array(fc.integer({ min, max: 100 }), { minLength: k, maxLength: k }), { minLength: m, maxLength: m }));

const hasVaryingColumn = (data: number[][]) => data[0].some((_, j) => data.some((row) => row[j] !== data[0][j]));

describe('properties', () => {
  it('AHP (both methods) gives non-negative weights summing to 1, and CR ≥ 0', () => {
    fc.assert(
      fc.property(reciprocalMatrix, fc.constantFrom('eigen', 'geomean'), (a, method) => {
        expectWeights(numbers(ahp(a, method)));
        expect(ahpcr(a)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('AHP on a perfectly consistent matrix a_ij = w_i/w_j: CR ≈ 0 and the generating weights come back', () => {
    fc.assert(
      fc.property(positiveWeights, (raw) => {
        const w = raw.map((v) => v / total(raw));
        const a = consistentMatrix(w);
        expectClose(numbers(ahp(a, 'eigen')), w, 9);
        expectClose(numbers(ahp(a, 'geomean')), w, 9);
        expect(ahpcr(a)).toBeLessThan(1e-9);
      }),
    );
  });

  it('stacking k identical experts gives the single expert’s weights and CR', () => {
    fc.assert(
      fc.property(reciprocalMatrix, fc.integer({ min: 2, max: 4 }), (a, k) => {
        const stacked: number[][] = [];
        for (let e = 0; e < k; e++) stacked.push(...a.map((row) => row.slice()));
        const single = numbers(ahp(a, null));
        numbers(ahp(stacked, null)).forEach((v, i) => expect(Math.abs(v - single[i])).toBeLessThan(1e-12));
        expect(Math.abs(ahpcr(stacked) - ahpcr(a))).toBeLessThan(1e-9);
      }),
    );
  });

  it('ENTROPY (minmax with random directions, proportion) gives non-negative weights summing to 1', () => {
    fc.assert(
      fc.property(dataMatrix(-50), fc.array(fc.constantFrom(1, -1), { minLength: 6, maxLength: 6 }), (data, dirs) => {
        fc.pre(hasVaryingColumn(data));
        expectWeights(numbers(entropy(data, [dirs.slice(0, data[0].length)], 'minmax')));
      }),
    );
    fc.assert(
      fc.property(dataMatrix(0), (data) => {
        fc.pre(hasVaryingColumn(data));
        expectWeights(numbers(entropy(data, null, 'proportion')));
      }),
    );
  });

  it('CRITIC gives non-negative weights summing to 1 whenever some criterion carries information', () => {
    fc.assert(
      fc.property(dataMatrix(-50), fc.array(fc.constantFrom(1, -1), { minLength: 6, maxLength: 6 }), (data, dirs) => {
        let w: ResultGrid;
        try {
          w = critic(data, [dirs.slice(0, data[0].length)]);
        } catch (error) {
          // The only refusal is "nothing to weight".
          expect(error).toBeInstanceOf(PerfError);
          expect((error as PerfError).code).toBe('#DIV/0!');
          return;
        }
        expectWeights(numbers(w));
      }),
    );
  });

  it('ROC gives non-negative weights summing to 1, never more weight to a worse rank', () => {
    const ranks = fc.integer({ min: 1, max: 20 }).chain((n) => fc.array(fc.integer({ min: 1, max: n }), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(ranks, (r) => {
        const w = numbers(roc([r]));
        expectWeights(w);
        r.forEach((ri, i) => r.forEach((rj, j) => {
          if (ri < rj) expect(w[i]).toBeGreaterThanOrEqual(w[j]);
        }));
      }),
    );
  });

  it('BLEND (both methods, any α in [0, 1]) gives non-negative weights summing to 1', () => {
    const pair = fc
      .integer({ min: 1, max: 12 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.double({ min: 0.001, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
          fc.array(fc.double({ min: 0.001, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(pair, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('linear', 'multiplicative'), ([s, o], alpha, method) => {
        expectWeights(numbers(blend([s], o.map((v) => [v]), alpha, method)));
      }),
    );
  });

  it('NORMALIZE gives non-negative weights summing to 1', () => {
    const grid = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([r, c]) => fc.array(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
    fc.assert(
      fc.property(grid, (g) => {
        fc.pre(g.some((row) => row.some((v) => v > 0)));
        expectWeights(numbers(normalize(g)));
      }),
    );
  });
});
