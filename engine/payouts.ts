/**
 * Incentive payouts (激勵): tiered commissions, payout curves, team/individual splits,
 * excess-profit sharing, proration, clawbacks and draws.
 */
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
  toGrid,
} from './grid';
import { Curve, curveAt, readCurve } from './scoring';

export type TierMethod = 'marginal' | 'retro';

/** Validated tiers with the commission already earned below each threshold. */
export interface Tiers {
  thresholds: Float64Array;
  rates: Float64Array;
  /** base[i] = commission earned on the amount up to thresholds[i] (marginal method). */
  base: Float64Array;
}

export function readTiers(arg: Arg, name = 'tiers'): Tiers {
  const rows = numberTable(arg, name, 2, 'strict');
  if (rows[0][0] !== 0) throw valueError(`${name}, row 1: the first threshold must be 0; got ${rows[0][0]}`);
  rows.forEach(([, rate], r) => {
    if (rate < 0) throw numError(`${name}, row ${r + 1}: a rate cannot be negative; got ${rate}`);
  });
  const thresholds = Float64Array.from(rows, (r) => r[0]);
  const rates = Float64Array.from(rows, (r) => r[1]);
  const base = new Float64Array(rows.length);
  for (let i = 1; i < rows.length; i++) base[i] = base[i - 1] + rates[i - 1] * (thresholds[i] - thresholds[i - 1]);
  return { thresholds, rates, base };
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
  if (amount < 0) throw numError(`amount cannot be negative; got ${amount}`);
  const { thresholds, rates, base } = tiers;
  const i = tierIndex(tiers, amount);
  return method === 'marginal' ? base[i] + rates[i] * (amount - thresholds[i]) : amount * rates[i];
}

/** TIERED(amount, tiers, [method]) — element-wise. */
export function tiered(amount: Arg, tiers: Arg, method: Arg): ResultGrid {
  const table = readTiers(tiers);
  const how = optionalChoice(method, 'method', 'marginal', ['marginal', 'retro'] as const);
  const args: ElementArg[] = [{ arg: amount, name: 'amount' }];
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

/** One payout: 0 below the gate, else target × min(cap, curve(attainment)). */
export function payoutAmount(curve: Curve, attainment: number, target: number, gate: number, cap: number): number {
  if (target < 0) throw numError(`target_incentive cannot be negative; got ${target}`);
  if (attainment < gate) return 0;
  return target * Math.min(cap, curveAt(curve, attainment, 'linear'));
}

/** PAYOUT(attainment, curve, target_incentive, [gate], [cap]) — element-wise. */
export function payout(attainment: Arg, curveTable: Arg, targetIncentive: Arg, gate: Arg, cap: Arg): ResultGrid {
  const table = readCurve(curveTable);
  const args: ElementArg[] = [
    { arg: attainment, name: 'attainment' },
    { arg: targetIncentive, name: 'target_incentive' },
    { arg: gate ?? null, name: 'gate', blanks: 'null' },
    { arg: cap ?? null, name: 'cap', blanks: 'null' },
  ];
  const kernel: Kernel = (a, t, g, c) => payoutAmount(table, a!, t!, g ?? 0, c ?? Infinity);
  const call = columnCall(args);
  const target = call === null ? null : call.b;
  if (call === null || target === null || target < 0) return elementwise(args, kernel);
  // A column of attainments with constant terms (the usual call), as in tiered: with a valid
  // target payoutAmount cannot fail, so only a cell that is not a finite number needs columnCell.
  const gateValue = call.c ?? 0;
  const capValue = call.d ?? Infinity;
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
      if (tw! < 0 || tw! > 1) throw numError(`team_weight must be between 0 and 1; got ${tw}`);
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
      if (r! < 0) throw numError(`rate cannot be negative; got ${r}`);
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
      if (pe! < ps!) throw numError(`period_end (${pe}) is before period_start (${ps})`);
      const from = s === null ? ps! : Math.max(s, ps!);
      const to = e === null ? pe! : Math.min(e, pe!);
      if (s !== null && e !== null && e < s) throw numError(`end (${e}) is before start (${s})`);
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
      if (window! < 0) throw numError(`window_days cannot be negative; got ${window}`);
      const share = part ?? 1;
      if (share < 0 || share > 1) throw numError(`portion must be between 0 and 1; got ${share}`);
      if (cancel === null) return 0;
      if (cancel < paid!) throw numError(`cancel_date (${cancel}) is before paid_date (${paid})`);
      return cancel - paid! <= window! ? -amount! * share : 0;
    },
  );
}

/** DRAW(earned, draw, [recoverable]) — what is paid each period against a draw. */
export function draw(earned: Arg, drawAmount: Arg, recoverable: Arg): ResultGrid {
  const values = numberVector(earned, 'earned');
  const guarantee = requiredNumber(drawAmount, 'draw');
  if (guarantee < 0) throw numError(`draw cannot be negative; got ${guarantee}`);
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
