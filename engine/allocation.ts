/**
 * Budget allocation over saturating response curves (渠道投放): RESPONSE evaluates each
 * channel's curve, ALLOCATE splits a budget to maximize the summed response.
 *
 * A channel's curve is the Hill function r(x) = α·x^s / (κ^s + x^s): α the maximum
 * response, κ the spend that earns half of it, s the shape. With u = (x/κ)^s:
 *   r'(x) = α·s·u / (x·(1+u)²),   d ln r' / d ln x = (s − 1) − 2s·u/(1+u).
 * For s ≤ 1 the curve is concave everywhere; for s > 1 it is S-shaped, convex below the
 * inflection point x* = κ·((s−1)/(s+1))^(1/s) and concave above it.
 */
import { ERRORS } from '../i18n/errors';
import { CURVE_COLUMNS } from '../i18n/glossary';
import { numError, valueError } from './errors';
import {
  Arg,
  ResultGrid,
  cellPlace,
  column,
  isBlankArg,
  itemPlace,
  numberTable,
  numberVector,
  numberVectorWithBlanks,
  requiredNumber,
} from './grid';

// The solvers call these millions of times; local bindings skip a global lookup per call.
const { abs, exp, floor, log, log1p, max, min, pow, sqrt } = Math;

export interface ResponseCurve {
  /** α: the response the channel approaches as spend grows. */
  alpha: number;
  /** κ: the spend that earns half of α. */
  kappa: number;
  /** s: ≤ 1 concave, > 1 S-shaped. */
  shape: number;
}

/** A k×3 table of (α, κ, s), every entry > 0. */
export function readResponseCurves(arg: Arg, name = 'curves'): ResponseCurve[] {
  const rows = numberTable(arg, name, 3, 'none');
  return rows.map((row, r) => {
    row.forEach((value, c) => {
      if (!(value > 0)) throw numError(ERRORS.curveParameter, { where: cellPlace(name, r, c), column: CURVE_COLUMNS[c], got: value });
    });
    return { alpha: row[0], kappa: row[1], shape: row[2] };
  });
}

/** r(x), written as α / (1 + (κ/x)^s) so that a huge x cannot overflow x^s. */
export function responseAt(curve: ResponseCurve, x: number): number {
  if (x < 0) throw numError(ERRORS.negative, { what: 'spend', got: x });
  return curve.alpha / (1 + pow(curve.kappa / x, curve.shape));
}

/**
 * ln r'(x), built from ln u = s·ln(x/κ) so that u under- or overflowing (a tiny or huge
 * spend) cannot turn the slope into 0/0 or a false 0.
 */
function logMarginal(curve: ResponseCurve, x: number): number {
  const { alpha, kappa, shape } = curve;
  if (x === 0) return shape > 1 ? -Infinity : shape === 1 ? log(alpha / kappa) : Infinity;
  const logU = shape * (log(x) - log(kappa));
  // u/(1+u)² = e^{ln u}/(1+u)² for u ≤ 1, and e^{−ln u}/(1+1/u)² for u > 1.
  const shapeTerm = logU <= 0 ? logU - 2 * log1p(exp(logU)) : -logU - 2 * log1p(exp(-logU));
  return log(alpha * shape) - log(x) + shapeTerm;
}

/** r'(x), the marginal response at spend x. */
export function marginalAt(curve: ResponseCurve, x: number): number {
  return exp(logMarginal(curve, x));
}

/** d ln r'(x) / d ln x: negative exactly where the curve is concave. */
function logSlope(curve: ResponseCurve, x: number): number {
  const u = pow(x / curve.kappa, curve.shape);
  return curve.shape - 1 - (2 * curve.shape) / (1 + 1 / u);
}

/** Where an S-shaped curve turns concave: κ·((s−1)/(s+1))^(1/s); 0 for a concave curve. */
export function inflection(curve: ResponseCurve): number {
  const s = curve.shape;
  return s > 1 ? curve.kappa * pow((s - 1) / (s + 1), 1 / s) : 0;
}

/** RESPONSE(spend, curves) — k×1: each channel's response to its spend. */
export function response(spend: Arg, curves: Arg): ResultGrid {
  const table = readResponseCurves(curves, 'curves');
  const x = numberVector(spend, 'spend');
  if (x.length !== table.length) throw valueError(ERRORS.itemsVsRows, { name: 'spend', count: x.length, other: 'curves', rows: table.length });
  return column(
    x.map((v, j) => {
      if (v < 0) throw numError(ERRORS.negative, { what: itemPlace('spend', j), got: v });
      return responseAt(table[j], v);
    }),
  );
}

/** Σ r_j(x_j). */
function totalResponse(curves: ResponseCurve[], x: ArrayLike<number>): number {
  let total = 0;
  for (let j = 0; j < curves.length; j++) total += responseAt(curves[j], x[j]);
  return total;
}

function sumOf(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/**
 * The spend in [lo, hi] where ln r' = target (= ln λ), on a stretch where r' decreases.
 * Newton steps are taken in ln x (where ln r' is close to a straight line, so they land
 * almost at once) and fall back to bisection whenever a step leaves the bracket or fails to
 * halve. Geometric means are √a·√b: a·b underflows for spends near 1e-160.
 */
function spendAtMarginal(curve: ResponseCurve, lo: number, hi: number, target: number): number {
  if (!(hi > lo) || logMarginal(curve, lo) <= target) return lo;
  if (logMarginal(curve, hi) >= target) return hi;
  let a = lo;
  let b = hi;
  let x = lo > 0 ? sqrt(lo) * sqrt(hi) : hi / 2;
  let lastStep = hi - lo;
  for (let i = 0; i < 300; i++) {
    const m = logMarginal(curve, x);
    if (m === target) return x;
    if (m > target) a = x;
    else b = x;
    let next = x * exp((target - m) / logSlope(curve, x));
    if (!(next > a && next < b) || abs(next - x) > lastStep / 2) next = a > 0 ? sqrt(a) * sqrt(b) : b / 2;
    lastStep = abs(next - x);
    if (lastStep <= 1e-14 * next || b - a <= 1e-15 * b) return next;
    x = next;
  }
  return x;
}

/**
 * Moves whatever rounding left between Σx and the budget onto channels with room. Channels
 * strictly inside their bounds take it in proportion to their spend, so each moves by the
 * same tiny relative amount (a few ulps) and equal marginal returns stay equal; any
 * remainder goes to the largest channels with room, where it is relatively smallest.
 */
function settle(x: Float64Array, lo: ArrayLike<number>, hi: ArrayLike<number>, budget: number): void {
  let gap = budget - sumOf(x);
  if (gap === 0) return;
  let inside = 0;
  for (let j = 0; j < x.length; j++) if (x[j] > lo[j] && x[j] < hi[j]) inside += x[j];
  if (inside > 0) {
    const share = gap / inside;
    for (let j = 0; j < x.length; j++) {
      if (x[j] > lo[j] && x[j] < hi[j]) x[j] = min(hi[j], max(lo[j], x[j] + x[j] * share));
    }
    gap = budget - sumOf(x);
  }
  const largestFirst = Array.from(x.keys()).sort((p, q) => x[q] - x[p]);
  for (const j of largestFirst) {
    if (gap === 0) break;
    const move = gap > 0 ? min(gap, hi[j] - x[j]) : max(gap, lo[j] - x[j]);
    x[j] += move;
    gap -= move;
  }
}

/**
 * Maximizes Σ r_j(x_j) subject to Σx = budget, lo ≤ x ≤ hi, where every r_j is concave on
 * [lo_j, hi_j]. KKT: each x_j is lo_j, hi_j, or where r'_j = λ; Σx_j(λ) falls continuously
 * as λ rises, so μ = ln λ is found by a safeguarded Newton iteration (bisection in μ as the
 * fallback; working in ln λ keeps slopes of 1e-300 or 1e300 representable) to ~1e-15, then
 * the sum is settled onto the budget exactly.
 */
function equalMarginal(curves: ResponseCurve[], lo: ArrayLike<number>, hi: ArrayLike<number>, budget: number): Float64Array {
  const k = curves.length;
  const x = new Float64Array(k);
  if (budget <= sumOf(lo)) return Float64Array.from(lo);
  if (budget >= sumOf(hi)) return Float64Array.from(hi);

  const excess = (mu: number): number => {
    for (let j = 0; j < k; j++) x[j] = spendAtMarginal(curves[j], lo[j], hi[j], mu);
    return sumOf(x) - budget;
  };

  // At μ = min ln r'(hi) every channel sits at hi; at μ = max ln r'(lo) every one sits at lo.
  let a = Infinity;
  let b = -Infinity;
  for (let j = 0; j < k; j++) {
    if (!(hi[j] > lo[j])) continue;
    a = min(a, logMarginal(curves[j], hi[j]));
    b = max(b, logMarginal(curves[j], lo[j]));
  }
  if (b === Infinity) {
    // r'(0) = ∞ (s < 1 with a zero minimum): climb until the channels spend no more than the budget.
    let step = 1;
    b = a + step;
    while (excess(b) > 0 && step < 2 ** 60) {
      a = b;
      step *= 2;
      b = a + step;
    }
  }

  let mu = (a + b) / 2;
  let lastStep = b - a;
  const tolerance = 1e-14 * budget;
  for (let i = 0; i < 300; i++) {
    const f = excess(mu);
    if (abs(f) <= tolerance) break;
    if (f > 0) a = mu;
    else b = mu;
    // dΣx/dμ = Σ dx_j/d ln r'_j = Σ x_j / slope_j over channels strictly inside their bounds.
    let slope = 0;
    for (let j = 0; j < k; j++) {
      if (x[j] > lo[j] && x[j] < hi[j]) slope += x[j] / logSlope(curves[j], x[j]);
    }
    let next = slope < 0 ? mu - f / slope : NaN;
    if (!(next > a && next < b) || abs(next - mu) > lastStep / 2) next = (a + b) / 2;
    lastStep = abs(next - mu);
    if (b - a <= 1e-15 * max(1, abs(mu))) break;
    mu = next;
  }
  settle(x, lo, hi, budget);
  return x;
}

/** Bits of an integer as a membership test. */
function inMask(mask: number, bit: number): boolean {
  return floor(mask / 2 ** bit) % 2 === 1;
}

/** Best average return r(x)/x of a curve, reached where r'(x) = r(x)/x, i.e. u = s − 1. */
function efficiency(curve: ResponseCurve): number {
  if (curve.shape <= 1) return marginalAt(curve, 0);
  const x = curve.kappa * pow(curve.shape - 1, 1 / curve.shape);
  return responseAt(curve, x) / x;
}

/** Indices of `curves` (or of `among`) from the best average return down; ∞ compares fine. */
function byEfficiency(curves: ResponseCurve[], among: number[] = curves.map((_, j) => j)): number[] {
  const score = among.map((j) => efficiency(curves[j]));
  return among
    .map((j, i) => ({ j, e: score[i] }))
    .sort((p, q) => (q.e > p.e ? 1 : q.e < p.e ? -1 : 0))
    .map(({ j }) => j);
}

/**
 * The best t in [tLo, tHi] for a 1-D function: a scan over `cells` cells, then golden
 * section around the best cell until it is `tolerance` of the interval wide.
 */
function maximizeOnInterval(g: (t: number) => number, tLo: number, tHi: number, cells = 64, tolerance = 1e-15): number {
  let bestIndex = 0;
  let bestValue = -Infinity;
  for (let m = 0; m <= cells; m++) {
    const value = g(tLo + ((tHi - tLo) * m) / cells);
    if (value > bestValue) {
      bestValue = value;
      bestIndex = m;
    }
  }
  let a = tLo + ((tHi - tLo) * max(0, bestIndex - 1)) / cells;
  let b = tLo + ((tHi - tLo) * min(cells, bestIndex + 1)) / cells;
  const phi = (sqrt(5) - 1) / 2;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let gc = g(c);
  let gd = g(d);
  const width = tolerance * max(abs(tLo), abs(tHi), tHi - tLo);
  for (let i = 0; i < 80 && b - a > width; i++) {
    if (gc >= gd) {
      b = d;
      d = c;
      gd = gc;
      c = b - phi * (b - a);
      gc = g(c);
    } else {
      a = c;
      c = d;
      gc = gd;
      d = a + phi * (b - a);
      gd = g(d);
    }
  }
  const refined = gc >= gd ? c : d;
  const best = max(gc, gd) > bestValue ? refined : tLo + ((tHi - tLo) * bestIndex) / cells;
  // tLo + (tHi − tLo)·m/cells can round an ulp past tHi; the answer stays inside the interval.
  return min(tHi, max(tLo, best));
}

/**
 * Pairwise exchange ascent: for each pair of channels, the best transfer of spend between
 * them (a scan, so a transfer across a convex stretch is found too), until a sweep gains
 * nothing. Every move keeps Σx and the bounds.
 */
function polish(curves: ResponseCurve[], x: Float64Array, mins: ArrayLike<number>, maxs: ArrayLike<number>): void {
  const k = curves.length;
  for (let sweep = 0; sweep < 50; sweep++) {
    let improved = false;
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const xi = x[i];
        const xj = x[j];
        const tLo = max(mins[i] - xi, xj - maxs[j]);
        const tHi = min(maxs[i] - xi, xj - mins[j]);
        if (!(tHi > tLo)) continue;
        const g = (t: number) =>
          responseAt(curves[i], min(maxs[i], max(mins[i], xi + t))) +
          responseAt(curves[j], min(maxs[j], max(mins[j], xj - t)));
        const base = g(0);
        const t = maximizeOnInterval(g, tLo, tHi);
        if (g(t) > base + 1e-13 * abs(base)) {
          x[i] = min(maxs[i], max(mins[i], xi + t));
          x[j] = min(maxs[j], max(mins[j], xj - (x[i] - xi)));
          improved = true;
        }
      }
    }
    if (!improved) return;
  }
}

/** At most 2^10 active sets are enumerated; past that, nested sets by efficiency. */
const MAX_ENUMERATED = 10;
/** Up to this many S-shaped channels, every (active set, convex channel) pair is searched. */
const MAX_PARTIAL_ENUMERATED = 5;

/**
 * S-shaped curves (some s > 1) — the method:
 * 1. Structure of an optimum: each S-shaped channel sits at its minimum, or at its maximum,
 *    or spends on the concave part of its curve (beyond max(min, inflection)) at the common
 *    marginal return λ — except at most ONE channel strictly inside a convex stretch (two
 *    such channels cannot both be optimal: shifting spend between them gains, since
 *    r''_i + r''_j > 0).
 * 2. Active sets: for every subset A of S-shaped channels (all 2^n when n ≤ 10, else the
 *    n+1 nested sets by best average return), channels in A get the domain
 *    [max(min, inflection), max] and the rest are pinned at their minimum; where the budget
 *    fits, the exact equal-marginal solution of that concave sub-problem is a candidate.
 * 3. The convex channel: for each S-shaped channel p outside A (every pair when n ≤ 5,
 *    else only for the active sets of the three best candidates), p's spend t runs over its
 *    convex stretch and the others solve A's equal-marginal problem with budget − t; the
 *    best t (a scan, then golden section) is a candidate.
 * 4. Corner allocations (one channel filled first) are candidates too; the three best
 *    candidates are polished by pairwise exchange ascent (`polish`) and the best result wins.
 * The tests hold this within 0.5% of a brute-force grid optimum on 2–3 channels.
 */
function allocateSShaped(budget: number, curves: ResponseCurve[], mins: ArrayLike<number>, maxs: ArrayLike<number>): Float64Array {
  const k = curves.length;
  const concaveFrom = curves.map((c, j) => min(max(mins[j], inflection(c)), maxs[j]));
  const sShaped = curves.map((_, j) => j).filter((j) => concaveFrom[j] > mins[j]);
  if (sShaped.length === 0) return equalMarginal(curves, mins, maxs, budget);
  const slack = 1e-12 * budget;

  /** Domains of the concave sub-problem for active set `mask`. */
  const domains = (mask: number) => {
    const lo = Float64Array.from(mins);
    const hi = Float64Array.from(maxs);
    sShaped.forEach((j, b) => {
      if (inMask(mask, b)) lo[j] = concaveFrom[j];
      else hi[j] = mins[j];
    });
    return { lo, hi };
  };
  const fits = (lo: Float64Array, hi: Float64Array) => sumOf(lo) <= budget + slack && sumOf(hi) >= budget - slack;

  const masks: number[] = [];
  if (sShaped.length <= MAX_ENUMERATED) {
    for (let mask = 0; mask < 2 ** sShaped.length; mask++) masks.push(mask);
  } else {
    let mask = 0;
    masks.push(mask);
    for (const j of byEfficiency(curves, sShaped)) masks.push((mask += 2 ** sShaped.indexOf(j)));
  }

  const candidates: { x: Float64Array; value: number; mask: number }[] = [];
  const add = (x: Float64Array, mask: number) => candidates.push({ x, value: totalResponse(curves, x), mask });
  for (const mask of masks) {
    const { lo, hi } = domains(mask);
    if (fits(lo, hi)) add(equalMarginal(curves, lo, hi, budget), mask);
  }

  // Step 3: channel sShaped[b] held at t on its convex stretch, the others per `mask`.
  const convexSearch = (mask: number, b: number) => {
    const p = sShaped[b];
    const { lo, hi } = domains(mask);
    const restLo = sumOf(lo) - lo[p];
    const restHi = sumOf(hi) - hi[p];
    const tLo = max(mins[p], budget - restHi);
    const tHi = min(concaveFrom[p], budget - restLo);
    if (!(tHi > tLo)) return;
    const at = (t: number) => {
      lo[p] = t;
      hi[p] = t;
      return equalMarginal(curves, lo, hi, budget);
    };
    // Each probe is a full equal-marginal solve, so a coarser finish (the polish follows).
    const t = maximizeOnInterval((v) => totalResponse(curves, at(v)), tLo, tHi, 24, 1e-9);
    add(at(t), mask);
  };
  const searchMasks =
    sShaped.length <= MAX_PARTIAL_ENUMERATED
      ? masks
      : [...new Set([...candidates].sort((p, q) => q.value - p.value).slice(0, 3).map((c) => c.mask))];
  for (const mask of searchMasks) {
    sShaped.forEach((_, b) => {
      if (!inMask(mask, b)) convexSearch(mask, b);
    });
  }

  const ranked = byEfficiency(curves);
  for (let p = 0; p < k; p++) {
    const x = Float64Array.from(mins);
    let left = budget - sumOf(x);
    for (const j of [p, ...ranked]) {
      const more = min(left, maxs[j] - x[j]);
      x[j] += more;
      left -= more;
    }
    add(x, -1);
  }

  candidates.sort((p, q) => q.value - p.value);
  let best = candidates[0];
  for (const candidate of candidates.slice(0, 3)) {
    const x = Float64Array.from(candidate.x);
    polish(curves, x, mins, maxs);
    settle(x, mins, maxs, budget);
    const value = totalResponse(curves, x);
    if (value > best.value) best = { x, value, mask: candidate.mask };
  }
  return best.x;
}

/**
 * The spend per channel maximizing Σ r_j(x_j) with Σx = budget and mins ≤ x ≤ maxs.
 * All s ≤ 1: the exact equal-marginal-return solution. Any s > 1: see `allocateSShaped`.
 * Infeasible bounds → #NUM! naming the argument.
 */
export function allocateSpend(
  budget: number,
  curves: ResponseCurve[],
  mins: ArrayLike<number>,
  maxs: ArrayLike<number>,
): Float64Array {
  const k = curves.length;
  if (!(budget >= 0) || !Number.isFinite(budget)) throw numError(ERRORS.budgetNotFinite, { got: budget });
  if (mins.length !== k) throw valueError(ERRORS.itemsVsRows, { name: 'minimums', count: mins.length, other: 'curves', rows: k });
  if (maxs.length !== k) throw valueError(ERRORS.itemsVsRows, { name: 'maximums', count: maxs.length, other: 'curves', rows: k });
  for (let j = 0; j < k; j++) {
    if (!(mins[j] >= 0)) throw numError(ERRORS.negative, { what: itemPlace('minimums', j), got: mins[j] });
    if (!(maxs[j] >= 0)) throw numError(ERRORS.negative, { what: itemPlace('maximums', j), got: maxs[j] });
    if (mins[j] > maxs[j]) {
      throw numError(ERRORS.boundsCrossed, { lowerAt: itemPlace('minimums', j), lower: mins[j], upperAt: itemPlace('maximums', j), upper: maxs[j] });
    }
  }
  // A relative slack so that e.g. minimums 0.1 + 0.2 still fit a budget of 0.3.
  const slack = 1e-12 * budget;
  const sumMin = sumOf(mins);
  const sumMax = sumOf(maxs);
  if (sumMin > budget + slack) throw numError(ERRORS.minimumsOverBudget, { sum: sumMin, budget });
  if (sumMax < budget - slack) throw numError(ERRORS.maximumsUnderBudget, { sum: sumMax, budget });
  if (sumMin >= budget) return Float64Array.from(mins);
  if (sumMax <= budget) return Float64Array.from(maxs);
  if (curves.every((c) => c.shape <= 1)) return equalMarginal(curves, mins, maxs, budget);
  return allocateSShaped(budget, curves, mins, maxs);
}

/** A bound per channel: blank (whole argument or one cell) = `fallback`; one value applies to all. */
export function readBounds(arg: Arg, name: string, k: number, fallback: number): number[] {
  if (isBlankArg(arg ?? null)) return new Array<number>(k).fill(fallback);
  const values = numberVectorWithBlanks(arg, name).map((v) => v ?? fallback);
  if (values.length === 1) return new Array<number>(k).fill(values[0]);
  if (values.length !== k) throw valueError(ERRORS.itemsVsRows, { name, count: values.length, other: 'curves', rows: k });
  return values;
}

/** ALLOCATE's arguments as the function reads them: blank bounds are 0 and the whole budget. */
export interface AllocateArgs {
  budget: number;
  curves: ResponseCurve[];
  mins: number[];
  maxs: number[];
}

export function readAllocateArgs(budget: Arg, curves: Arg, minimums: Arg, maximums: Arg): AllocateArgs {
  const total = requiredNumber(budget, 'budget');
  if (total < 0) throw numError(ERRORS.negative, { what: 'budget', got: total });
  const table = readResponseCurves(curves, 'curves');
  const mins = readBounds(minimums, 'minimums', table.length, 0);
  const maxs = readBounds(maximums, 'maximums', table.length, total);
  return { budget: total, curves: table, mins, maxs };
}

/** ALLOCATE(budget, curves, [minimums], [maximums]) — k×1 spend per channel. */
export function allocate(budget: Arg, curves: Arg, minimums: Arg, maximums: Arg): ResultGrid {
  const { budget: total, curves: table, mins, maxs } = readAllocateArgs(budget, curves, minimums, maximums);
  return column(Array.from(allocateSpend(total, table, mins, maxs)));
}

/** Where one channel's spend sits against the optimality conditions. */
export interface ChannelReading {
  atMin: boolean;
  /** At its maximum (and not at its minimum, when the two coincide). */
  atMax: boolean;
  /** r'(x) at its spend. */
  marginal: number;
}

/**
 * An allocation read against the conditions allocateSpend solves (KKT): every channel sits
 * at its minimum, at its maximum, or strictly inside with its marginal return at the common
 * λ. A bound counts as hit within 1e-9 of the budget (the solver settles to ~1e-15); λ is
 * the mean marginal return of the channels inside, which agree to the solver's tolerance
 * (null when none is inside).
 */
export function allocationReading(
  { budget, curves, mins, maxs }: AllocateArgs,
  spends: readonly number[],
): { channels: ChannelReading[]; lambda: number | null } {
  const near = (a: number, b: number) => abs(a - b) <= 1e-9 * max(1, abs(budget));
  const channels = spends.map((x, j) => {
    const atMin = near(x, mins[j]);
    return { atMin, atMax: !atMin && near(x, maxs[j]), marginal: marginalAt(curves[j], x) };
  });
  const inside = channels.filter((c) => !c.atMin && !c.atMax);
  const lambda = inside.length > 0 ? inside.reduce((s, c) => s + c.marginal, 0) / inside.length : null;
  return { channels, lambda };
}
