/**
 * Cost-benefit (成本效益): payback, benefit-cost ratio, break-even volume, customer lifetime
 * value, and marginal returns along a measured input/output curve.
 */
import { divError, naError, numError, valueError } from './errors';
import { Arg, ResultGrid, column, elementwise, numberVector, optionalNumber } from './grid';

/** A per-period discount rate; −1 or below would discount by a zero or negative factor. */
function readRate(arg: Arg, name: string): number {
  const rate = optionalNumber(arg ?? null, name, 0);
  if (!(rate > -1)) throw numError(`${name} must be greater than -1; got ${rate}`);
  return rate;
}

/** cf / (1 + rate)^t, refusing overflow (a rate near −1 over many periods). Also used to explain PAYBACK. */
export function discounted(cf: number, rate: number, t: number, name: string): number {
  const value = rate === 0 ? cf : cf / Math.pow(1 + rate, t);
  if (!Number.isFinite(value)) throw numError(`${name}, item ${t + 1}: the discounted value is not a finite number`);
  return value;
}

/**
 * PAYBACK(cashflows, [rate]) — the (discounted) payback period. cashflows[0] is at t = 0;
 * within the period that turns the cumulative value non-negative, recovery is assumed even
 * through the period, so the fraction is what was still unrecovered over that period's
 * (discounted) flow.
 */
export function payback(cashflows: Arg, rate: Arg): number {
  const flows = numberVector(cashflows, 'cashflows');
  const r = readRate(rate, 'rate');
  let cumulative = discounted(flows[0], r, 0, 'cashflows');
  if (cumulative >= 0) return 0;
  for (let t = 1; t < flows.length; t++) {
    const flow = discounted(flows[t], r, t, 'cashflows');
    const before = cumulative;
    cumulative += flow;
    // before < 0 ≤ cumulative, so flow > 0 and the fraction lies in (0, 1].
    if (cumulative >= 0) return t - 1 + -before / flow;
  }
  throw naError(`cashflows never pay back: the cumulative ${r === 0 ? '' : 'discounted '}cash flow is still ${cumulative} after the last period`);
}

/** Σ v_t / (1 + rate)^t with the first value at t = 0. */
function presentValue(values: number[], rate: number, name: string): number {
  let total = 0;
  for (let t = 0; t < values.length; t++) total += discounted(values[t], rate, t, name);
  if (!Number.isFinite(total)) throw numError(`${name}: the present value is not a finite number`);
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
  if (pvCosts === 0) throw divError('costs: the present value of the costs is 0');
  if (pvCosts < 0) throw numError(`costs: the present value of the costs is negative (${pvCosts}); enter costs as positive amounts`);
  return presentValue(b, r, 'benefits') / pvCosts;
}

/** Units at which contribution covers fixed cost: fixed / (price − variable). */
export function breakevenUnits(fixedCost: number, unitPrice: number, unitVariableCost: number): number {
  if (fixedCost < 0) throw numError(`fixed_cost cannot be negative; got ${fixedCost}`);
  if (unitVariableCost < 0) throw numError(`unit_variable_cost cannot be negative; got ${unitVariableCost}`);
  if (!(unitPrice > unitVariableCost)) {
    throw numError(`unit_price (${unitPrice}) must be greater than unit_variable_cost (${unitVariableCost}); no volume breaks even`);
  }
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
  if (!(discount > -1)) throw numError(`discount must be greater than -1; got ${discount}`);
  if (retention < 0) throw numError(`retention cannot be negative; got ${retention}`);
  if (!(retention < 1 + discount)) {
    throw numError(`retention (${retention}) must be less than 1 + discount (${1 + discount}); the value would be infinite`);
  }
  const perpetuity = (margin * retention) / (1 + discount - retention);
  if (periods === null) return perpetuity;
  if (!(periods >= 1) || !Number.isInteger(periods)) throw numError(`periods must be a positive whole number; got ${periods}`);
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
  if (ys.length !== xs.length) throw valueError(`outputs has ${ys.length} items but inputs has ${xs.length}`);
  if (xs.length < 2) throw valueError('inputs needs at least 2 points to form a segment');
  for (let i = 1; i < xs.length; i++) {
    if (!(xs[i] > xs[i - 1])) {
      throw valueError(`inputs, item ${i + 1}: inputs must ascend strictly (${xs[i]} after ${xs[i - 1]})`);
    }
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
