/**
 * Cost-benefit (成本效益): payback, benefit-cost ratio, break-even volume, customer lifetime
 * value, and marginal returns along a measured input/output curve.
 */
import { ERRORS } from '../i18n/errors';
import { divError, naError, numError, valueError } from './errors';
import { Arg, ResultGrid, column, elementwise, itemPlace, numberVector, optionalNumber } from './grid';

/** A per-period discount rate; −1 or below would discount by a zero or negative factor. */
function readRate(arg: Arg, name: string): number {
  const rate = optionalNumber(arg ?? null, name, 0);
  if (!(rate > -1)) throw numError(ERRORS.notAboveMinusOne, { name, got: rate });
  return rate;
}

/** cf / (1 + rate)^t, refusing overflow (a rate near −1 over many periods). */
export function discounted(cf: number, rate: number, t: number, name: string): number {
  const value = rate === 0 ? cf : cf / Math.pow(1 + rate, t);
  if (!Number.isFinite(value)) throw numError(ERRORS.discountedNotFinite, { where: itemPlace(name, t) });
  return value;
}

/** PAYBACK's arguments as the function reads them. */
export interface PaybackArgs {
  flows: number[];
  /** The discount rate per period; 0 = undiscounted. */
  rate: number;
}

export function readPaybackArgs(cashflows: Arg, rate: Arg): PaybackArgs {
  return { flows: numberVector(cashflows, 'cashflows'), rate: readRate(rate, 'rate') };
}

/** One period of the payback walk: its (discounted) flow and the cumulative before and after it. */
export interface PaybackPeriod {
  t: number;
  flow: number;
  before: number;
  cumulative: number;
}

/** The walk to payback; the period is `whole + fraction`. */
export interface PaybackWorking {
  /** Periods 0 … the one that pays back. */
  periods: PaybackPeriod[];
  /** Whole periods before the one that pays back (0 when t = 0 already pays back). */
  whole: number;
  /** The part of the paying-back period needed: still unrecovered / that period's flow (0 at t = 0). */
  fraction: number;
}

/**
 * The (discounted) payback walk. cashflows[0] is at t = 0; within the period that turns the
 * cumulative value non-negative, recovery is assumed even through the period, so the
 * fraction is what was still unrecovered over that period's (discounted) flow. #N/A when the
 * flows never pay back.
 */
export function paybackWorking({ flows, rate }: PaybackArgs): PaybackWorking {
  const first = discounted(flows[0], rate, 0, 'cashflows');
  const periods: PaybackPeriod[] = [{ t: 0, flow: first, before: 0, cumulative: first }];
  let cumulative = first;
  if (cumulative >= 0) return { periods, whole: 0, fraction: 0 };
  for (let t = 1; t < flows.length; t++) {
    const flow = discounted(flows[t], rate, t, 'cashflows');
    const before = cumulative;
    cumulative += flow;
    periods.push({ t, flow, before, cumulative });
    // before < 0 ≤ cumulative, so flow > 0 and the fraction lies in (0, 1].
    if (cumulative >= 0) return { periods, whole: t - 1, fraction: -before / flow };
  }
  throw naError(rate === 0 ? ERRORS.neverPaysBack : ERRORS.neverPaysBackDiscounted, { cumulative });
}

/** PAYBACK(cashflows, [rate]) — the (discounted) payback period (see paybackWorking). */
export function payback(cashflows: Arg, rate: Arg): number {
  const { whole, fraction } = paybackWorking(readPaybackArgs(cashflows, rate));
  return whole + fraction;
}

/** Σ v_t / (1 + rate)^t with the first value at t = 0. */
function presentValue(values: number[], rate: number, name: string): number {
  let total = 0;
  for (let t = 0; t < values.length; t++) total += discounted(values[t], rate, t, name);
  if (!Number.isFinite(total)) throw numError(ERRORS.presentValueNotFinite, { name });
  return total;
}

/**
 * BCR(benefits, costs, [rate]) — PV(benefits) / PV(costs). The two series may differ in
 * length (a single up-front cost is common). Items may be negative (a disbenefit, a salvage
 * value), but the costs' present value must be positive: a negative one means costs were
 * typed as outflows, which would silently flip the ratio's sign.
 */
export function bcr(benefits: Arg, costs: Arg, rate: Arg): number {
  const b = numberVector(benefits, 'benefits');
  const c = numberVector(costs, 'costs');
  const r = readRate(rate, 'rate');
  const pvCosts = presentValue(c, r, 'costs');
  if (pvCosts === 0) throw divError(ERRORS.costsPresentValueZero);
  if (pvCosts < 0) throw numError(ERRORS.costsPresentValueNegative, { got: pvCosts });
  return presentValue(b, r, 'benefits') / pvCosts;
}

/** Units at which contribution covers fixed cost: fixed / (price − variable). */
export function breakevenUnits(fixedCost: number, unitPrice: number, unitVariableCost: number): number {
  if (fixedCost < 0) throw numError(ERRORS.negative, { what: 'fixed_cost', got: fixedCost });
  if (unitVariableCost < 0) throw numError(ERRORS.negative, { what: 'unit_variable_cost', got: unitVariableCost });
  if (!(unitPrice > unitVariableCost)) throw numError(ERRORS.noBreakeven, { price: unitPrice, cost: unitVariableCost });
  return fixedCost / (unitPrice - unitVariableCost);
}

/** BREAKEVEN(fixed_cost, unit_price, unit_variable_cost) — element-wise. */
export function breakeven(fixedCost: Arg, unitPrice: Arg, unitVariableCost: Arg): ResultGrid {
  return elementwise(
    [
      { arg: fixedCost, name: 'fixed_cost' },
      { arg: unitPrice, name: 'unit_price' },
      { arg: unitVariableCost, name: 'unit_variable_cost' },
    ],
    (f, p, v) => breakevenUnits(f!, p!, v!),
  );
}

/**
 * Lifetime value of one customer (Gupta & Lehmann 2003): margin earned at the end of each
 * period the customer is retained, discounted. With q = r/(1+d), the perpetuity is
 * margin·r/(1+d−r), and T periods are that perpetuity times (1 − q^T); 1 − q^T is taken
 * as −expm1(T·ln q) so that q close to 1 keeps its precision.
 */
export function lifetimeValue(margin: number, retention: number, discount: number, periods: number | null): number {
  if (!(discount > -1)) throw numError(ERRORS.notAboveMinusOne, { name: 'discount', got: discount });
  if (retention < 0) throw numError(ERRORS.negative, { what: 'retention', got: retention });
  if (!(retention < 1 + discount)) throw numError(ERRORS.retentionTooHigh, { retention, limit: 1 + discount });
  const perpetuity = (margin * retention) / (1 + discount - retention);
  if (periods === null) return perpetuity;
  if (!(periods >= 1) || !Number.isInteger(periods)) throw numError(ERRORS.periodsWhole, { got: periods });
  if (retention === 0) return 0;
  const logQ = Math.log(retention) - Math.log1p(discount);
  return perpetuity * -Math.expm1(periods * logQ);
}

/** LTV(margin, retention, discount, [periods]) — element-wise; blank periods = perpetuity. */
export function ltv(margin: Arg, retention: Arg, discount: Arg, periods: Arg): ResultGrid {
  return elementwise(
    [
      { arg: margin, name: 'margin' },
      { arg: retention, name: 'retention' },
      { arg: discount, name: 'discount' },
      { arg: periods ?? null, name: 'periods', blanks: 'null' },
    ],
    (m, r, d, t) => lifetimeValue(m!, r!, d!, t),
  );
}

/** Paired input/output points with inputs strictly ascending and at least one segment. */
function readPoints(inputs: Arg, outputs: Arg): { xs: number[]; ys: number[] } {
  const xs = numberVector(inputs, 'inputs');
  const ys = numberVector(outputs, 'outputs');
  if (ys.length !== xs.length) throw valueError(ERRORS.itemsMismatch, { name: 'outputs', count: ys.length, other: 'inputs', otherCount: xs.length });
  if (xs.length < 2) throw valueError(ERRORS.pointsTooFew);
  for (let i = 1; i < xs.length; i++) {
    if (!(xs[i] > xs[i - 1])) throw valueError(ERRORS.inputsAscend, { where: itemPlace('inputs', i), got: xs[i], previous: xs[i - 1] });
  }
  return { xs, ys };
}

function slopes(xs: number[], ys: number[]): number[] {
  const out = new Array<number>(xs.length - 1);
  for (let i = 1; i < xs.length; i++) out[i - 1] = (ys[i] - ys[i - 1]) / (xs[i] - xs[i - 1]);
  return out;
}

/** MARGINAL(inputs, outputs) — (n−1)×1: Δoutput/Δinput between consecutive points. */
export function marginal(inputs: Arg, outputs: Arg): ResultGrid {
  const { xs, ys } = readPoints(inputs, outputs);
  return column(slopes(xs, ys));
}

/**
 * OPTIMUM(inputs, outputs, [threshold]) — the input where the walk from the start stops:
 * the end of the last segment before the first one whose marginal return is below the
 * threshold (so the start of that segment), or the last input if none falls below.
 */
export function optimum(inputs: Arg, outputs: Arg, threshold: Arg): number {
  const { xs, ys } = readPoints(inputs, outputs);
  const floor = optionalNumber(threshold ?? null, 'threshold', 1);
  const m = slopes(xs, ys);
  for (let i = 0; i < m.length; i++) if (m[i] < floor) return xs[i];
  return xs[xs.length - 1];
}
