/**
 * Bonus pools (共享奖金池): POOL splits a pool in proportion to shares, each person held
 * between a floor and a cap: a_i = min(cap_i, max(floor_i, λ·s_i)) with the λ ≥ 0 that makes
 * Σa = pool. What a cap cuts off flows to the others in proportion, through λ.
 *
 * Water-filling without iteration to convergence: Σa(λ) is non-decreasing and piecewise
 * linear, with breakpoints at floor_i/s_i (person i leaves the floor) and cap_i/s_i (i
 * reaches the cap). The breakpoints are sorted, a binary search finds the two between which
 * Σa reaches the pool, and on that piece Σa = fixed + λ·Σ(active shares) is solved exactly.
 */
import { ERRORS } from '../i18n/errors';
import { divError, numError, valueError } from './errors';
import { Arg, Cell, Place, ResultGrid, isBlank, isBlankArg, isGrid, itemPlace, numberAt, numberVector, requiredNumber, sameOrientation, sum, vectorCells } from './grid';

/** POOL's arguments as the function reads them. */
export interface PoolArgs {
  pool: number;
  shares: Float64Array;
  /** Infinity where there is no cap. */
  caps: Float64Array;
  floors: Float64Array;
}

/** A bound given as one number for everyone or one per person; blank cells mean `fallback`. */
function readBound(arg: Arg, name: string, count: number, fallback: number): { values: Float64Array; place: (i: number) => Place } {
  const values = new Float64Array(count).fill(fallback);
  if (arg === null || arg === undefined || isBlankArg(arg)) return { values, place: () => name };
  const cells: Cell[] = vectorCells(arg, name);
  if (cells.length === 1) {
    const cell = cells[0];
    if (!isBlank(cell)) values.fill(numberAt(cell, () => name));
    return { values, place: () => name };
  }
  if (cells.length !== count) throw valueError(ERRORS.itemsMismatch, { name, count: cells.length, other: 'shares', otherCount: count });
  const place = (i: number) => itemPlace(name, i);
  cells.forEach((cell, i) => {
    if (!isBlank(cell)) values[i] = numberAt(cell, () => place(i));
  });
  return { values, place };
}

export function readPoolArgs(pool: Arg, shares: Arg, cap: Arg, floor: Arg): PoolArgs {
  const total = requiredNumber(pool, 'pool');
  if (total < 0) throw numError(ERRORS.negative, { what: 'pool', got: total });
  const list = numberVector(shares, 'shares');
  list.forEach((s, i) => {
    if (s < 0) throw numError(ERRORS.negative, { what: list.length === 1 ? 'shares' : itemPlace('shares', i), got: s });
  });
  const n = list.length;
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
  return { pool: total, shares: Float64Array.from(list), caps: caps.values, floors: floors.values };
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
  // λ = 0, then for each person with a share the λ where they leave the floor and the λ where
  // they reach the cap (none without a cap).
  const breakpoints = new Float64Array(2 * n + 1);
  let count = 1;
  for (let i = 0; i < n; i++) {
    if (shares[i] === 0) continue;
    breakpoints[count++] = floors[i] / shares[i];
    const reachesCap = caps[i] / shares[i];
    if (reachesCap !== Infinity) breakpoints[count++] = reachesCap;
  }
  const sorted = breakpoints.subarray(0, count).sort();
  // The first breakpoint where Σa reaches the pool (Σa(0) = Σfloor ≤ pool, Σa(∞) = most > pool).
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (totalAt(args, sorted[mid]) >= pool) hi = mid;
    else lo = mid + 1;
  }
  if (lo === 0) return solution(args, 0, 0, Infinity);
  const below = sorted[lo - 1];
  const above = lo < sorted.length ? sorted[lo] : Infinity;
  return solution(args, lo, below, above);
}

/**
 * On the piece (below, above) of λ every person is either held (floor or cap) or active
 * (λ·share); each breakpoint is ≤ below or ≥ above, so the split is exact. `k` = 0: the floors
 * alone make up the pool (λ = 0).
 */
function solution(args: PoolArgs, k: number, below: number, above: number): PoolSolution {
  const { pool, shares, caps, floors } = args;
  const n = shares.length;
  let fixed = 0;
  let active = 0;
  for (let i = 0; i < n; i++) {
    const s = shares[i];
    if (s === 0) fixed += floors[i];
    else if (k === 0 || floors[i] / s >= above) fixed += floors[i];
    else if (caps[i] / s <= below) fixed += caps[i];
    else active += s;
  }
  // Σa rises on this piece, so some share is active; the clamp only absorbs rounding.
  const lambda = k === 0 || active === 0 ? below : Math.min(above, Math.max(below, (pool - fixed) / active));
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
  const values = Array.from(amounts);
  return isGrid(shares) ? sameOrientation(shares, values) : [[values[0]]];
}
