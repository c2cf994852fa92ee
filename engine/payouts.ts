/**
 * Incentive payouts (激勵): tiered commissions, payout curves, team/individual splits,
 * excess-profit sharing, proration, clawbacks and draws.
 */
import { ERRORS } from '../i18n/errors';
import { numError, valueError } from './errors';
import {
  Arg,
  ElementArg,
  Kernel,
  Result,
  ResultGrid,
  columnCall,
  columnCell,
  elementwise,
  isGrid,
  numberTable,
  numberVector,
  optionalBoolean,
  optionalChoice,
  requiredNumber,
  resultRow,
  rowPlace,
  toGrid,
} from './grid';
import { Curve, curveAt, readCurve } from './scoring';

export type TierMethod = 'marginal' | 'retro';

/** TIERED's and REBATE's methods (their names in each language: i18n/options.ts). */
export const TIER_METHODS: readonly TierMethod[] = ['marginal', 'retro'];

/** Validated tiers with the commission already earned below each threshold. */
export interface Tiers {
  thresholds: Float64Array;
  rates: Float64Array;
  /** base[i] = commission earned on the amount up to thresholds[i] (marginal method). */
  base: Float64Array;
}

export function readTiers(arg: Arg, name = 'tiers'): Tiers {
  const rows = numberTable(arg, name, 2, 'strict');
  if (rows[0][0] !== 0) throw valueError(ERRORS.firstThreshold, { where: rowPlace(name, 0), got: rows[0][0] });
  rows.forEach(([, rate], r) => {
    if (rate < 0) throw numError(ERRORS.rateNegative, { where: rowPlace(name, r), got: rate });
  });
  return tiersOf(
    Float64Array.from(rows, (r) => r[0]),
    Float64Array.from(rows, (r) => r[1]),
  );
}

/** Tiers from checked thresholds (ascending, the first 0) and rates (≥ 0): adds the base below each threshold. */
export function tiersOf(thresholds: Float64Array, rates: Float64Array): Tiers {
  const base = new Float64Array(thresholds.length);
  for (let i = 1; i < thresholds.length; i++) base[i] = base[i - 1] + rates[i - 1] * (thresholds[i] - thresholds[i - 1]);
  return { thresholds, rates, base };
}

/** TIERED's arguments as the function reads them, in its order (the tiers first). */
export interface TieredArgs {
  tiers: Tiers;
  method: TierMethod;
  /** The amounts, read element by element. */
  amounts: ElementArg;
}

export function readTieredArgs(amount: Arg, tiers: Arg, method: Arg): TieredArgs {
  return {
    tiers: readTiers(tiers),
    method: optionalChoice(method ?? null, 'method', 'marginal', TIER_METHODS),
    amounts: { arg: amount, name: 'amount' },
  };
}

/** The tier an amount reaches: the last threshold ≤ amount (the first threshold is 0). */
export function tierIndex(tiers: Tiers, amount: number): number {
  const { thresholds } = tiers;
  let i = thresholds.length - 1;
  while (thresholds[i] > amount) i--;
  return i;
}

/** Commission on one amount: marginal slices like income tax, or retro on the whole amount. */
export function tieredAmount(tiers: Tiers, amount: number, method: TierMethod): number {
  if (amount < 0) throw numError(ERRORS.negative, { what: 'amount', got: amount });
  const { thresholds, rates, base } = tiers;
  const i = tierIndex(tiers, amount);
  return method === 'marginal' ? base[i] + rates[i] * (amount - thresholds[i]) : amount * rates[i];
}

/** One part of a commission: `width` of the amount at `rate` (the tier's index from 0). */
export interface TierSlice {
  tier: number;
  width: number;
  rate: number;
  earned: number;
}

/**
 * The working of tieredAmount for one (valid) amount: the tier it reaches and the parts
 * it adds. Marginal: one slice per tier up to the reached one, from the bottom — base[i] is
 * the running sum of the full slices below tier i, so adding the slices in this order gives
 * tieredAmount's number exactly. Retro: the whole amount at the reached tier's rate.
 */
export function tieredWorking(tiers: Tiers, amount: number, method: TierMethod): { reached: number; slices: TierSlice[] } {
  const { thresholds, rates } = tiers;
  const reached = tierIndex(tiers, amount);
  if (method === 'retro') return { reached, slices: [{ tier: reached, width: amount, rate: rates[reached], earned: amount * rates[reached] }] };
  const slices: TierSlice[] = [];
  for (let i = 0; i <= reached; i++) {
    const width = i < reached ? thresholds[i + 1] - thresholds[i] : amount - thresholds[i];
    slices.push({ tier: i, width, rate: rates[i], earned: rates[i] * width });
  }
  return { reached, slices };
}

/** TIERED(amount, tiers, [method]) — element-wise. */
export function tiered(amount: Arg, tiers: Arg, method: Arg): ResultGrid {
  const { tiers: table, method: how, amounts } = readTieredArgs(amount, tiers, method);
  const args: ElementArg[] = [amounts];
  const kernel: Kernel = (a) => tieredAmount(table, a!, how);
  const call = columnCall(args);
  if (call === null) return elementwise(args, kernel);
  // A column of amounts (the usual call): tieredAmount is called right here, where V8 can
  // inline it; in elementwise's shared loop the kernel call stays generic. Cells it would
  // reject (negative, not a finite number) go through columnCell for their error.
  const { rows, column } = call;
  const out: ResultGrid = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = column[r][0];
    out[r] = typeof x === 'number' && x >= 0 && x - x === 0 ? [tieredAmount(table, x, how)] : resultRow(columnCell(call, r, kernel));
  }
  return out;
}

/** Whether an attainment earns anything: at or above the gate. */
export function passesGate(attainment: number, gate: number): boolean {
  return !(attainment < gate);
}

/** The payout factor after the cap: min(cap, factor). */
export function cappedFactor(factor: number, cap: number): number {
  return Math.min(cap, factor);
}

/** One payout: 0 below the gate, else target × min(cap, curve(attainment)). */
export function payoutAmount(curve: Curve, attainment: number, target: number, gate: number, cap: number): number {
  if (target < 0) throw numError(ERRORS.negative, { what: 'target_incentive', got: target });
  if (!passesGate(attainment, gate)) return 0;
  return target * cappedFactor(curveAt(curve, attainment, 'linear'), cap);
}

/** PAYOUT's arguments as the function reads them: the curve, then four element-wise arguments. */
export interface PayoutArgs {
  curve: Curve;
  /** attainment, target_incentive, gate (blank = 0), cap (blank = none). */
  elements: [ElementArg, ElementArg, ElementArg, ElementArg];
}

export function readPayoutArgs(attainment: Arg, curveTable: Arg, targetIncentive: Arg, gate: Arg, cap: Arg): PayoutArgs {
  return {
    curve: readCurve(curveTable),
    elements: [
      { arg: attainment, name: 'attainment' },
      { arg: targetIncentive, name: 'target_incentive' },
      { arg: gate ?? null, name: 'gate', blanks: 'null' },
      { arg: cap ?? null, name: 'cap', blanks: 'null' },
    ],
  };
}

/** PAYOUT's defaults for a blank gate and cap. */
export const NO_GATE = 0;
export const NO_CAP = Infinity;

/** PAYOUT(attainment, curve, target_incentive, [gate], [cap]) — element-wise. */
export function payout(attainment: Arg, curveTable: Arg, targetIncentive: Arg, gate: Arg, cap: Arg): ResultGrid {
  const { curve: table, elements } = readPayoutArgs(attainment, curveTable, targetIncentive, gate, cap);
  const args: ElementArg[] = elements;
  const kernel: Kernel = (a, t, g, c) => payoutAmount(table, a!, t!, g ?? NO_GATE, c ?? NO_CAP);
  const call = columnCall(args);
  const target = call === null ? null : call.b;
  if (call === null || target === null || target < 0) return elementwise(args, kernel);
  // A column of attainments with constant terms (the usual call), as in tiered: with a valid
  // target payoutAmount cannot fail, so only a cell that is not a finite number needs columnCell.
  const gateValue = call.c ?? NO_GATE;
  const capValue = call.d ?? NO_CAP;
  const { rows, column } = call;
  const out: ResultGrid = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = column[r][0];
    out[r] = typeof x === 'number' && x - x === 0 ? [payoutAmount(table, x, target, gateValue, capValue)] : resultRow(columnCell(call, r, kernel));
  }
  return out;
}

/** SPLIT(team_score, individual_score, team_weight, amount) — element-wise. */
export function split(teamScore: Arg, individualScore: Arg, teamWeight: Arg, amount: Arg): ResultGrid {
  return elementwise(
    [
      { arg: teamScore, name: 'team_score' },
      { arg: individualScore, name: 'individual_score' },
      { arg: teamWeight, name: 'team_weight' },
      { arg: amount, name: 'amount' },
    ],
    (team, individual, tw, amt) => {
      if (tw! < 0 || tw! > 1) throw numError(ERRORS.notFraction, { name: 'team_weight', got: tw! });
      return amt! * (tw! * team! + (1 - tw!) * individual!);
    },
  );
}

/** PROFITSHARE(actual, target, rate, [cap]) — element-wise. */
export function profitshare(actual: Arg, target: Arg, rate: Arg, cap: Arg): ResultGrid {
  return elementwise(
    [
      { arg: actual, name: 'actual' },
      { arg: target, name: 'target' },
      { arg: rate, name: 'rate' },
      { arg: cap ?? null, name: 'cap', blanks: 'null' },
    ],
    (a, t, r, c) => {
      if (r! < 0) throw numError(ERRORS.negative, { what: 'rate', got: r! });
      const share = r! * Math.max(0, a! - t!);
      return c === null ? share : Math.min(c, share);
    },
  );
}

/** PRORATE(amount, start, end, period_start, period_end) — element-wise, days inclusive. */
export function prorate(amount: Arg, start: Arg, end: Arg, periodStart: Arg, periodEnd: Arg): ResultGrid {
  return elementwise(
    [
      { arg: amount, name: 'amount' },
      { arg: start ?? null, name: 'start', blanks: 'null' },
      { arg: end ?? null, name: 'end', blanks: 'null' },
      { arg: periodStart, name: 'period_start' },
      { arg: periodEnd, name: 'period_end' },
    ],
    (amt, s, e, ps, pe) => {
      if (pe! < ps!) throw numError(ERRORS.before, { later: 'period_end', laterValue: pe!, earlier: 'period_start', earlierValue: ps! });
      const from = s === null ? ps! : Math.max(s, ps!);
      const to = e === null ? pe! : Math.min(e, pe!);
      if (s !== null && e !== null && e < s) throw numError(ERRORS.before, { later: 'end', laterValue: e, earlier: 'start', earlierValue: s });
      return (amt! * Math.max(0, to - from + 1)) / (pe! - ps! + 1);
    },
  );
}

/** CLAWBACK(commission, paid_date, cancel_date, window_days, [portion]) — element-wise. */
export function clawback(commission: Arg, paidDate: Arg, cancelDate: Arg, windowDays: Arg, portion: Arg): ResultGrid {
  return elementwise(
    [
      { arg: commission, name: 'commission' },
      { arg: paidDate, name: 'paid_date' },
      { arg: cancelDate ?? null, name: 'cancel_date', blanks: 'null' },
      { arg: windowDays, name: 'window_days' },
      { arg: portion ?? null, name: 'portion', blanks: 'null' },
    ],
    (amount, paid, cancel, window, part) => {
      if (window! < 0) throw numError(ERRORS.negative, { what: 'window_days', got: window! });
      const share = part ?? 1;
      if (share < 0 || share > 1) throw numError(ERRORS.notFraction, { name: 'portion', got: share });
      if (cancel === null) return 0;
      if (cancel < paid!) throw numError(ERRORS.before, { later: 'cancel_date', laterValue: cancel, earlier: 'paid_date', earlierValue: paid! });
      return cancel - paid! <= window! ? -amount! * share : 0;
    },
  );
}

/** DRAW(earned, draw, [recoverable]) — what is paid each period against a draw. */
export function draw(earned: Arg, drawAmount: Arg, recoverable: Arg): ResultGrid {
  const values = numberVector(earned, 'earned');
  const guarantee = requiredNumber(drawAmount, 'draw');
  if (guarantee < 0) throw numError(ERRORS.negative, { what: 'draw', got: guarantee });
  const recover = optionalBoolean(recoverable, 'recoverable', false);
  const paid: Result[] = new Array(values.length);
  let deficit = 0;
  for (let t = 0; t < values.length; t++) {
    if (!recover) {
      paid[t] = Math.max(values[t], guarantee);
      continue;
    }
    const net = values[t] - deficit;
    if (net >= guarantee) {
      paid[t] = net;
      deficit = 0;
    } else {
      paid[t] = guarantee;
      deficit = guarantee - net;
    }
  }
  const grid = toGrid(earned, 'earned');
  if (isGrid(earned) && grid.length === 1) return [paid];
  return paid.map((p) => [p]);
}
