/**
 * Bonus pools (共享奖金池): POOL splits a pool in proportion to shares, each person held
 * between a floor and a cap: a_i = min(cap_i, max(floor_i, λ·s_i)) with the λ ≥ 0 that makes
 * Σa = pool. What a cap cuts off flows to the others in proportion, through λ.
 *
 * Water-filling without iteration to convergence: Σa(λ) is non-decreasing and piecewise
 * linear, with breakpoints at floor_i/s_i (person i leaves the floor) and cap_i/s_i (i
 * reaches the cap). A binary search over the sorted breakpoints finds the two between which
 * Σa reaches the pool, and on that piece Σa = fixed + λ·Σ(active shares) is solved exactly.
 * Only the breakpoints that matter are sorted: a sorted sample of them brackets λ first, then
 * the breakpoints inside that bracket are sorted and searched (100,000 people sort ~800).
 */
import { ERRORS } from '../i18n/errors';
import { divError, numError, valueError } from './errors';
import { Arg, Grid, Place, ResultGrid, asColumn, column, isBlank, isBlankArg, isGrid, itemPlace, numberAt, requiredNumber, sum } from './grid';

/** POOL's arguments as the function reads them. */
export interface PoolArgs {
  pool: number;
  shares: Float64Array;
  /** Infinity where there is no cap. */
  caps: Float64Array;
  floors: Float64Array;
}

/** Reads a column of numbers (a scalar or one row or column), blanks as `blank` (or an error when null). */
function numbersOf(cells: Grid, name: string, blank: number | null): Float64Array {
  const values = new Float64Array(cells.length);
  const place = (i: number) => () => (cells.length === 1 ? name : itemPlace(name, i));
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i][0];
    if (typeof cell === 'number' && cell - cell === 0) values[i] = cell; // the hot path
    else values[i] = blank !== null && isBlank(cell) ? blank : numberAt(cell, place(i));
  }
  return values;
}

/** A bound given as one number for everyone or one per person; blank cells mean `fallback`. */
function readBound(arg: Arg, name: string, count: number, fallback: number): { values: Float64Array; place: (i: number) => Place } {
  if (arg === null || arg === undefined || isBlankArg(arg)) return { values: new Float64Array(count).fill(fallback), place: () => name };
  const cells = asColumn(arg, name);
  if (cells.length === 1) return { values: new Float64Array(count).fill(numbersOf(cells, name, fallback)[0]), place: () => name };
  if (cells.length !== count) throw valueError(ERRORS.itemsMismatch, { name, count: cells.length, other: 'shares', otherCount: count });
  return { values: numbersOf(cells, name, fallback), place: (i) => itemPlace(name, i) };
}

export function readPoolArgs(pool: Arg, shares: Arg, cap: Arg, floor: Arg): PoolArgs {
  const total = requiredNumber(pool, 'pool');
  if (total < 0) throw numError(ERRORS.negative, { what: 'pool', got: total });
  const list = numbersOf(asColumn(shares, 'shares'), 'shares', null);
  const n = list.length;
  for (let i = 0; i < n; i++) {
    if (list[i] < 0) throw numError(ERRORS.negative, { what: n === 1 ? 'shares' : itemPlace('shares', i), got: list[i] });
  }
  const caps = readBound(cap, 'cap', n, Infinity);
  const floors = readBound(floor, 'floor', n, 0);
  for (let i = 0; i < n; i++) {
    if (floors.values[i] < 0) throw numError(ERRORS.negative, { what: floors.place(i), got: floors.values[i] });
    if (caps.values[i] < floors.values[i]) {
      throw numError(ERRORS.boundsCrossed, { lowerAt: floors.place(i), lower: floors.values[i], upperAt: caps.place(i), upper: caps.values[i] });
    }
  }
  const need = sum(floors.values);
  if (need > total) throw numError(ERRORS.poolFloorsExceed, { need, pool: total });
  if (sum(list) === 0) throw divError(ERRORS.poolSharesZero);
  return { pool: total, shares: list, caps: caps.values, floors: floors.values };
}

/** Where a person ends up: held at the floor, on λ·share, or at the cap. */
export type PoolPlace = 'floor' | 'share' | 'cap';

export interface PoolSolution {
  amounts: Float64Array;
  /** The λ of a_i = min(cap, max(floor, λ·s)); Infinity when the caps cannot hold the pool. */
  lambda: number;
  /** Σ of the amounts held at a floor or a cap (λ = (pool − fixed) / activeShares). */
  fixed: number;
  /** Σ of the shares paid λ·share. */
  activeShares: number;
  /** What stays in the pool (Σcap < pool), else 0. */
  leftover: number;
}

/** Person i's amount at λ (a share of 0 earns its floor whatever λ is). */
function amountAt(args: PoolArgs, i: number, lambda: number): number {
  const s = args.shares[i];
  if (s === 0) return args.floors[i];
  return Math.min(args.caps[i], Math.max(args.floors[i], lambda * s));
}

function totalAt(args: PoolArgs, lambda: number): number {
  let total = 0;
  for (let i = 0; i < args.shares.length; i++) total += amountAt(args, i, lambda);
  return total;
}

/** The index of the first of `sorted` where Σa reaches the pool (binary search; sorted.length if none). */
function firstReaching(args: PoolArgs, sorted: Float64Array): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (totalAt(args, sorted[mid]) >= args.pool) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** How many breakpoints the first, coarse search looks at. */
const SAMPLE = 256;

/** Solves POOL: the λ, every amount, and what the explanation shows. */
export function solvePool(args: PoolArgs): PoolSolution {
  const { pool, shares, caps, floors } = args;
  const n = shares.length;
  // The most the people can take: a cap where the share is positive, the floor where it is 0.
  let most = 0;
  for (let i = 0; i < n; i++) most += shares[i] > 0 ? caps[i] : floors[i];
  if (most <= pool) {
    const amounts = new Float64Array(n);
    for (let i = 0; i < n; i++) amounts[i] = shares[i] > 0 ? caps[i] : floors[i];
    return { amounts, lambda: Infinity, fixed: most, activeShares: 0, leftover: pool - most };
  }
  // The floors alone make up the pool: λ = 0, everyone at their floor.
  if (totalAt(args, 0) >= pool) return { amounts: Float64Array.from(floors), lambda: 0, fixed: pool, activeShares: 0, leftover: 0 };
  // For each person with a share, the λ where they leave the floor and the λ where they reach
  // the cap (none without a cap). Σa(0) < pool < Σa(∞), so λ > 0 lies between two of them.
  const breakpoints = new Float64Array(2 * n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (shares[i] === 0) continue;
    breakpoints[count++] = floors[i] / shares[i];
    const reachesCap = caps[i] / shares[i];
    if (reachesCap !== Infinity) breakpoints[count++] = reachesCap;
  }
  // Coarse: a sorted sample of the breakpoints brackets λ in (low, high].
  const stride = Math.max(1, Math.floor(count / SAMPLE));
  const sample = new Float64Array(Math.ceil(count / stride));
  for (let k = 0; k < sample.length; k++) sample[k] = breakpoints[k * stride];
  sample.sort();
  const k = firstReaching(args, sample);
  const low = k > 0 ? sample[k - 1] : 0;
  const high = k < sample.length ? sample[k] : Infinity;
  // Fine: every breakpoint inside the bracket, sorted; λ lies between two neighbours of them.
  let inside = 0;
  for (let i = 0; i < count; i++) {
    const b = breakpoints[i];
    if (b > low && b <= high) breakpoints[inside++] = b;
  }
  const fine = breakpoints.subarray(0, inside).sort();
  const j = firstReaching(args, fine);
  return solution(args, j > 0 ? fine[j - 1] : low, j < fine.length ? fine[j] : Infinity);
}

/**
 * On the piece (below, above) of λ, where Σa(below) < pool ≤ Σa(above) and no breakpoint lies
 * strictly between, every person is either held (at the floor or the cap) or active (λ·share),
 * so Σa = fixed + λ·active is solved exactly.
 */
function solution(args: PoolArgs, below: number, above: number): PoolSolution {
  const { pool, shares, caps, floors } = args;
  const n = shares.length;
  let fixed = 0;
  let active = 0;
  for (let i = 0; i < n; i++) {
    const s = shares[i];
    if (s === 0 || floors[i] / s >= above) fixed += floors[i];
    else if (caps[i] / s <= below) fixed += caps[i];
    else active += s;
  }
  // Σa rises on this piece, so some share is active; the clamp only absorbs rounding.
  const lambda = active === 0 ? below : Math.min(above, Math.max(below, (pool - fixed) / active));
  const amounts = new Float64Array(n);
  for (let i = 0; i < n; i++) amounts[i] = amountAt(args, i, lambda);
  return { amounts, lambda, fixed, activeShares: active, leftover: 0 };
}

/** Where person i ends up in `solution`. */
export function poolPlace(args: PoolArgs, solution: PoolSolution, i: number): PoolPlace {
  const s = args.shares[i];
  if (s === 0) return 'floor';
  if (solution.lambda === Infinity) return 'cap';
  const proportional = solution.lambda * s;
  if (proportional > args.caps[i]) return 'cap';
  if (proportional < args.floors[i]) return 'floor';
  return 'share';
}

/** POOL(pool, shares, [cap], [floor]) — the shape of shares. */
export function pool(total: Arg, shares: Arg, cap: Arg, floor: Arg): ResultGrid {
  const args = readPoolArgs(total, shares, cap ?? null, floor ?? null);
  const { amounts } = solvePool(args);
  // The shape of shares: a row stays a row, anything else is a column.
  return isGrid(shares) && shares.length === 1 && amounts.length > 1 ? [Array.from(amounts)] : column(amounts);
}
