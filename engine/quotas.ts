/**
 * Target breakdown (目标分解, 年度→季度→月度): QUOTASPLIT splits annual targets over periods in
 * proportion to seasonality weights. With round_to every part is a multiple of it and the
 * parts add up to the annual target exactly: each part is floored to a multiple, then the
 * parts with the largest remainders get one more round_to each (ties: the earlier period).
 *
 * The rounding works in exact integers: amounts in units of round_to and weights as the
 * decimals they are written as (engine/decimal.ts), so a tie is a true tie and 1,234.56 in
 * steps of 0.01 is 123,456 units, not 123,455.99999.
 */
import { ERRORS } from '../i18n/errors';
import { Decimal, decimalOf, decimalToNumber, unitsAt } from './decimal';
import { PerfError, divError, numError, valueError } from './errors';
import { Arg, Grid, Place, Result, ResultGrid, itemPlace, numberAt, numberVector, optionalNumberOrNull, rowPlace, sameOrientation, shapeText, sum, toGrid } from './grid';

/** QUOTASPLIT's arguments as the function reads them. */
export interface QuotaArgs {
  /** The annual targets as a column (one row per region or person); `single` when annual is one value. */
  annual: Grid;
  single: boolean;
  weights: number[];
  /** Σ weights (> 0). */
  weightSum: number;
  /** null: no rounding. */
  roundTo: number | null;
  /** The weights as exact decimals at one scale, and their sum (for the rounding). */
  exactWeights: bigint[];
  exactWeightSum: bigint;
}

export function readQuotaArgs(annual: Arg, weights: Arg, roundTo: Arg): QuotaArgs {
  const annualGrid = toGrid(annual, 'annual');
  const single = annualGrid.length === 1 && annualGrid[0].length === 1;
  if (!single && annualGrid[0].length !== 1) {
    throw valueError(ERRORS.annualShape, { shape: shapeText(annualGrid.length, annualGrid[0].length) });
  }
  const list = numberVector(weights, 'weights');
  list.forEach((w, j) => {
    if (w < 0) throw numError(ERRORS.weightNegative, { where: list.length === 1 ? 'weights' : itemPlace('weights', j), got: w });
  });
  const weightSum = sum(list);
  if (weightSum === 0) throw divError(ERRORS.weightsSumZero, { name: 'weights' });
  if (!Number.isFinite(weightSum)) throw numError(ERRORS.sumOverflow, { name: 'weights' });
  const step = optionalNumberOrNull(roundTo ?? null, 'round_to');
  if (step !== null && step <= 0) throw numError(ERRORS.notPositive, { what: 'round_to', got: step });
  const decimals = list.map(decimalOf);
  const scale = Math.max(...decimals.map((d) => d.scale));
  const exactWeights = decimals.map((d) => unitsAt(d, scale));
  const exactWeightSum = exactWeights.reduce((a, b) => a + b, 0n);
  return { annual: annualGrid, single, weights: list, weightSum, roundTo: step, exactWeights, exactWeightSum };
}

/** How one annual target splits: the parts, and for rounding what each part got. */
export interface QuotaWorking {
  annual: number;
  parts: number[];
  /** annual × w / Σw, before rounding. */
  exact: number[];
  /** With round_to: each part floored to a multiple of it, and whether it got one more. */
  floors: number[] | null;
  extra: boolean[] | null;
  /** The number of parts that get one more round_to. */
  extras: number;
  /** Rank of each part's remainder (1 = largest; ties to the earlier period). */
  rank: number[] | null;
}

/** annual as a count of round_to units; not a whole count → #NUM!. */
function unitsOf(annual: number, step: Decimal, stepValue: number, place: Place): bigint {
  const a = decimalOf(annual);
  const numerator = a.units * 10n ** BigInt(step.scale);
  const denominator = step.units * 10n ** BigInt(a.scale);
  if (numerator % denominator !== 0n) throw numError(ERRORS.notMultiple, { what: place, got: annual, step: stepValue });
  return numerator / denominator;
}

/** The split of annual target row `row` (an error of that row is thrown). */
export function quotaWorking(args: QuotaArgs, row: number): QuotaWorking {
  const place: Place = args.single ? 'annual' : rowPlace('annual', row);
  const annual = numberAt(args.annual[row][0], () => place);
  if (annual < 0) throw numError(ERRORS.negative, { what: place, got: annual });
  const exact = args.weights.map((w) => (annual * w) / args.weightSum);
  if (args.roundTo === null) return { annual, parts: exact, exact, floors: null, extra: null, extras: 0, rank: null };

  const step = decimalOf(args.roundTo);
  const units = unitsOf(annual, step, args.roundTo, place);
  const k = args.weights.length;
  const floorUnits: bigint[] = new Array(k);
  const remainders: bigint[] = new Array(k);
  let given = 0n;
  for (let j = 0; j < k; j++) {
    const share = units * args.exactWeights[j];
    floorUnits[j] = share / args.exactWeightSum;
    remainders[j] = share % args.exactWeightSum;
    given += floorUnits[j];
  }
  // 0 ≤ extras < k: the floors fall short by less than one unit per part.
  const extras = Number(units - given);
  const byRemainder = Array.from({ length: k }, (_, j) => j).sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[a] > remainders[b] ? -1 : 1));
  const rank: number[] = new Array(k);
  byRemainder.forEach((j, position) => (rank[j] = position + 1));
  const extra = rank.map((r) => r <= extras);
  const asNumber = (u: bigint) => decimalToNumber(u * step.units, step.scale);
  return {
    annual,
    parts: floorUnits.map((u, j) => asNumber(extra[j] ? u + 1n : u)),
    exact,
    floors: floorUnits.map(asNumber),
    extra,
    extras,
    rank,
  };
}

/** QUOTASPLIT(annual, weights, [round_to]) — the shape of weights, or n×k for n annual targets. */
export function quotasplit(annual: Arg, weights: Arg, roundTo: Arg): ResultGrid {
  const args = readQuotaArgs(annual, weights, roundTo ?? null);
  if (args.single) return sameOrientation(weights, quotaWorking(args, 0).parts);
  const k = args.weights.length;
  return args.annual.map((_, row): Result[] => {
    try {
      return quotaWorking(args, row).parts;
    } catch (error) {
      if (error instanceof PerfError) return new Array<Result>(k).fill(error);
      throw error;
    }
  });
}
