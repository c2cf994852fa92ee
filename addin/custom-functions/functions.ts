/**
 * PERF.* custom functions. Each JSDoc block is the user's documentation and the source of
 * functions.json (custom-functions-metadata); `perfplan calc` registers these very exports
 * in HyperFormula. Each function only adapts: coerce, call the engine, return.
 *
 * Ranges are declared `any[][]` (literal types: the metadata generator reads no aliases) so the engine sees blanks and text as they are and can
 * name the offending cell; omitted optional arguments arrive as null.
 */
import * as engine from '../../engine';
import { excelGrid, excelScalar } from './adapt';
import { lookupBenchmark } from './benchmark-client';

// The task pane page also loads this bundle; opened in a plain browser (standalone mode)
// there is no custom-functions runtime, and the associations the build appends must not
// throw there. Excel's runtime defines CustomFunctions before this runs; Node (perfplan calc)
// installs its own stand-in, so only browsers get the no-op.
if (typeof CustomFunctions === 'undefined' && typeof window !== 'undefined') {
  (window as unknown as { CustomFunctions: Pick<typeof CustomFunctions, 'associate'> }).CustomFunctions = { associate: () => undefined };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads these literal types */

// ── Weights ────────────────────────────────────────────────────────────────────────────

/**
 * Normalizes weights so they sum to 1 (v / Σv).
 * @customfunction NORMALIZE
 * @param values Non-negative weights (a range).
 * @returns The weights divided by their sum, in the same shape.
 */
export function normalize(values: any[][]): any[][] {
  return excelGrid(() => engine.normalize(values));
}

/**
 * AHP weights from a pairwise comparison matrix (Saaty 1–9 scale). Stack several experts' matrices to aggregate them by geometric mean.
 * @customfunction AHP
 * @param matrix n×n reciprocal matrix (blank lower triangle = reciprocals), or k stacked matrices.
 * @param [method] "eigen" (default) or "geomean".
 * @returns n×1 weights summing to 1.
 */
export function ahp(matrix: any[][], method?: any): any[][] {
  return excelGrid(() => engine.ahp(matrix, method ?? null));
}

/**
 * AHP consistency ratio; below 0.1 is usually acceptable.
 * @customfunction AHPCR
 * @param matrix n×n reciprocal matrix, or k stacked matrices.
 * @returns The consistency ratio CR = CI / RI.
 */
export function ahpcr(matrix: any[][]): number {
  return excelScalar(() => engine.ahpcr(matrix));
}

/**
 * Entropy weight method (熵权法) on alternatives × criteria data.
 * @customfunction ENTROPY
 * @param data m×k data, one row per alternative.
 * @param [directions] 1×k of 1 (benefit, default) or -1 (cost).
 * @param [normalize] "minmax" (default) or "proportion".
 * @returns 1×k weights summing to 1.
 */
export function entropy(data: any[][], directions?: any[][], normalize?: any): any[][] {
  return excelGrid(() => engine.entropy(data, directions ?? null, normalize ?? null));
}

/**
 * CRITIC weights: contrast (standard deviation) times conflict (1 - correlation).
 * @customfunction CRITIC
 * @param data m×k data, one row per alternative.
 * @param [directions] 1×k of 1 (benefit, default) or -1 (cost).
 * @returns 1×k weights summing to 1.
 */
export function critic(data: any[][], directions?: any[][]): any[][] {
  return excelGrid(() => engine.critic(data, directions ?? null));
}

/**
 * Rank-order centroid weights from importance ranks (1 = most important).
 * @customfunction ROC
 * @param ranks Ranks 1..n; ties share their positions' mean weight.
 * @returns Weights in the same shape.
 */
export function roc(ranks: any[][]): any[][] {
  return excelGrid(() => engine.roc(ranks));
}

/**
 * Blends subjective and objective weights.
 * @customfunction BLEND
 * @param subjective Subjective weights (e.g. AHP).
 * @param objective Objective weights (e.g. entropy), same shape.
 * @param [alpha] Share of the subjective weights, 0..1 (default 0.5).
 * @param [method] "linear" (default) or "multiplicative".
 * @returns Blended weights summing to 1.
 */
export function blend(subjective: any[][], objective: any[][], alpha?: any, method?: any): any[][] {
  return excelGrid(() => engine.blend(subjective, objective, alpha ?? null, method ?? null));
}

// ── Scoring ────────────────────────────────────────────────────────────────────────────

/**
 * Attainment of actuals against targets.
 * @customfunction ATTAIN
 * @param actual Actual values (a cell or a range).
 * @param target Targets, greater than 0.
 * @param [direction] 1 = higher is better (default), -1 = lower is better.
 * @returns actual/target, or max(0, 2 - actual/target) when lower is better.
 */
export function attain(actual: any[][], target: any[][], direction?: any[][]): any[][] {
  return excelGrid(() => engine.attain(actual, target, direction ?? null));
}

/**
 * Reads a value off a curve table.
 * @customfunction CURVE
 * @param x Values to look up (a cell or a range).
 * @param curve Two columns: x (strictly ascending) and y.
 * @param [mode] "linear" (default, interpolate, clamped) or "lookup" (banded).
 * @returns y for each x.
 */
export function curve(x: any[][], curve: any[][], mode?: any): any[][] {
  return excelGrid(() => engine.curve(x, curve, mode ?? null));
}

/**
 * Weighted KPI scorecard, one score per person.
 * @customfunction SCORECARD
 * @param actuals m×k actuals, one row per person.
 * @param targets m×k or 1×k targets.
 * @param weights 1×k KPI weights (normalized).
 * @param [directions] 1×k of 1 (higher is better, default) or -1.
 * @param [cap] Maximum attainment counted per KPI (blank = no cap).
 * @param [floor] Minimum attainment counted per KPI (default 0).
 * @returns m×1 scores.
 */
export function scorecard(actuals: any[][], targets: any[][], weights: any[][], directions?: any[][], cap?: any, floor?: any): any[][] {
  return excelGrid(() => engine.scorecard(actuals, targets, weights, directions ?? null, cap ?? null, floor ?? null));
}

/**
 * Traffic light for attainment.
 * @customfunction STATUS
 * @param attainment Attainment values (a cell or a range).
 * @param [bands] Two columns: lower bound (ascending) and label. Default: 0.95 green, 0.85 amber, else red.
 * @returns A label per value.
 */
export function status(attainment: any[][], bands?: any[][]): any[][] {
  return excelGrid(() => engine.status(attainment, bands ?? null));
}

/**
 * 360° review: blends one person's ratings by rater group.
 * @customfunction RATER
 * @param scores n×1 ratings.
 * @param groups n×1 rater group labels (e.g. manager, peer, customer).
 * @param weights Two columns: group label and weight.
 * @returns The weighted mean of group means over the groups present.
 */
export function rater(scores: any[][], groups: any[][], weights: any[][]): number {
  return excelScalar(() => engine.rater(scores, groups, weights));
}

// ── Payouts ────────────────────────────────────────────────────────────────────────────

/**
 * Tiered commission on an amount.
 * @customfunction TIERED
 * @param amount Amounts (a cell or a range), not negative.
 * @param tiers Two columns: threshold (ascending, first 0) and rate.
 * @param [method] "marginal" (default, each slice at its rate) or "retro" (whole amount at the reached rate).
 * @returns Commission per amount.
 */
export function tiered(amount: any[][], tiers: any[][], method?: any): any[][] {
  return excelGrid(() => engine.tiered(amount, tiers, method ?? null));
}

/**
 * Incentive payout on a payout curve with gate and cap.
 * @customfunction PAYOUT
 * @param attainment Attainment values (a cell or a range).
 * @param curve Two columns: attainment (ascending) and payout factor.
 * @param target_incentive Target incentive amount.
 * @param [gate] Attainment below which nothing is paid (default 0).
 * @param [cap] Maximum payout factor (blank = none).
 * @returns target_incentive × min(cap, curve(attainment)), or 0 below the gate.
 */
export function payout(attainment: any[][], curve: any[][], target_incentive: any[][], gate?: any[][], cap?: any[][]): any[][] {
  return excelGrid(() => engine.payout(attainment, curve, target_incentive, gate ?? null, cap ?? null));
}

/**
 * Splits a bonus between team and individual performance.
 * @customfunction SPLIT
 * @param team_score Team score or attainment.
 * @param individual_score Individual score or attainment.
 * @param team_weight Team weight, 0..1.
 * @param amount Bonus amount.
 * @returns amount × (team_weight × team + (1 - team_weight) × individual).
 */
export function split(team_score: any[][], individual_score: any[][], team_weight: any[][], amount: any[][]): any[][] {
  return excelGrid(() => engine.split(team_score, individual_score, team_weight, amount));
}

/**
 * Excess-profit share (超额利润分享).
 * @customfunction PROFITSHARE
 * @param actual Actual profit.
 * @param target Target profit.
 * @param rate Share of the excess, not negative.
 * @param [cap] Maximum share (blank = none).
 * @returns min(cap, rate × max(0, actual - target)).
 */
export function profitshare(actual: any[][], target: any[][], rate: any[][], cap?: any[][]): any[][] {
  return excelGrid(() => engine.profitshare(actual, target, rate, cap ?? null));
}

/**
 * Prorates an amount by days in role within a period (days inclusive).
 * @customfunction PRORATE
 * @param amount Full-period amount.
 * @param start Start date in role (blank = before the period).
 * @param end End date in role (blank = still in role).
 * @param period_start First day of the period.
 * @param period_end Last day of the period.
 * @returns amount × days in role / days in period.
 */
export function prorate(amount: any[][], start: any[][], end: any[][], period_start: any[][], period_end: any[][]): any[][] {
  return excelGrid(() => engine.prorate(amount, start, end, period_start, period_end));
}

/**
 * Commission clawback when a deal is cancelled within the window.
 * @customfunction CLAWBACK
 * @param commission Commission paid.
 * @param paid_date Date the commission was paid.
 * @param cancel_date Date the deal was cancelled (blank = not cancelled).
 * @param window_days Clawback window in days.
 * @param [portion] Share clawed back, 0..1 (default 1).
 * @returns -commission × portion inside the window, else 0.
 */
export function clawback(commission: any[][], paid_date: any[][], cancel_date: any[][], window_days: any[][], portion?: any[][]): any[][] {
  return excelGrid(() => engine.clawback(commission, paid_date, cancel_date, window_days, portion ?? null));
}

/**
 * Pay per period against a draw.
 * @customfunction DRAW
 * @param earned Earnings by period (a row or a column).
 * @param draw Guaranteed draw per period.
 * @param [recoverable] TRUE: later earnings repay earlier draws; FALSE (default): non-recoverable.
 * @returns Pay per period, in the shape of earned.
 */
export function draw(earned: any[][], draw: any, recoverable?: any): any[][] {
  return excelGrid(() => engine.draw(earned, draw, recoverable ?? null));
}

// ── Cost-benefit ───────────────────────────────────────────────────────────────────────

/**
 * Payback period in periods, interpolated; optionally discounted.
 * @customfunction PAYBACK
 * @param cashflows Cash flows, the first at t = 0.
 * @param [rate] Discount rate per period (default 0).
 * @returns Periods until cumulative cash flow reaches 0; #N/A if never.
 */
export function payback(cashflows: any[][], rate?: any): number {
  return excelScalar(() => engine.payback(cashflows, rate ?? null));
}

/**
 * Benefit-cost ratio PV(benefits) / PV(costs).
 * @customfunction BCR
 * @param benefits Benefits by period, the first at t = 0.
 * @param costs Costs by period, the first at t = 0.
 * @param [rate] Discount rate per period (default 0).
 * @returns The benefit-cost ratio.
 */
export function bcr(benefits: any[][], costs: any[][], rate?: any): number {
  return excelScalar(() => engine.bcr(benefits, costs, rate ?? null));
}

/**
 * Break-even volume.
 * @customfunction BREAKEVEN
 * @param fixed_cost Fixed cost.
 * @param unit_price Price per unit.
 * @param unit_variable_cost Variable cost per unit, below the price.
 * @returns fixed_cost / (unit_price - unit_variable_cost).
 */
export function breakeven(fixed_cost: any[][], unit_price: any[][], unit_variable_cost: any[][]): any[][] {
  return excelGrid(() => engine.breakeven(fixed_cost, unit_price, unit_variable_cost));
}

/**
 * Customer lifetime value.
 * @customfunction LTV
 * @param margin Margin per period.
 * @param retention Retention rate per period.
 * @param discount Discount rate per period.
 * @param [periods] Number of periods (blank = infinite horizon).
 * @returns The discounted value of retained margins.
 */
export function ltv(margin: any[][], retention: any[][], discount: any[][], periods?: any[][]): any[][] {
  return excelGrid(() => engine.ltv(margin, retention, discount, periods ?? null));
}

/**
 * Marginal return between consecutive points.
 * @customfunction MARGINAL
 * @param inputs Inputs, strictly ascending.
 * @param outputs Outputs at those inputs.
 * @returns (n-1)×1 Δoutput/Δinput.
 */
export function marginal(inputs: any[][], outputs: any[][]): any[][] {
  return excelGrid(() => engine.marginal(inputs, outputs));
}

/**
 * Input level where marginal return falls below a threshold (optimal staffing).
 * @customfunction OPTIMUM
 * @param inputs Inputs, strictly ascending.
 * @param outputs Outputs at those inputs.
 * @param [threshold] Marginal return threshold (default 1).
 * @returns The input at the end of the last segment returning at least the threshold.
 */
export function optimum(inputs: any[][], outputs: any[][], threshold?: any): number {
  return excelScalar(() => engine.optimum(inputs, outputs, threshold ?? null));
}

/**
 * Saturating response per channel: α·x^s / (κ^s + x^s).
 * @customfunction RESPONSE
 * @param spend k×1 spend per channel.
 * @param curves k×3: max response α, half-saturation spend κ, shape s.
 * @returns k×1 responses.
 */
export function response(spend: any[][], curves: any[][]): any[][] {
  return excelGrid(() => engine.response(spend, curves));
}

/**
 * Budget allocation that maximizes total response.
 * @customfunction ALLOCATE
 * @param budget Total budget to spend.
 * @param curves k×3: max response α, half-saturation spend κ, shape s.
 * @param [minimums] k×1 minimum spend (default 0).
 * @param [maximums] k×1 maximum spend (default the budget).
 * @returns k×1 spend per channel, summing to the budget.
 */
export function allocate(budget: any, curves: any[][], minimums?: any[][], maximums?: any[][]): any[][] {
  return excelGrid(() => engine.allocate(budget, curves, minimums ?? null, maximums ?? null));
}

// ── Simulation ─────────────────────────────────────────────────────────────────────────

/**
 * Seeded Monte Carlo samples from a distribution.
 * @customfunction SIM
 * @param distribution "normal", "lognormal", "uniform", "triangular" or "pert".
 * @param p1 mean (normal, lognormal) or min (uniform, triangular, pert).
 * @param [p2] sd (normal, lognormal), max (uniform) or mode (triangular, pert).
 * @param [p3] max (triangular, pert).
 * @param [trials] Number of samples (default 1,000, at most 200,000).
 * @param [seed] Seed (default 1): the same seed gives the same samples everywhere.
 * @returns trials×1 samples.
 */
export function sim(distribution: any, p1: any, p2?: any, p3?: any, trials?: any, seed?: any): any[][] {
  return excelGrid(() => engine.sim(distribution, p1, p2 ?? null, p3 ?? null, trials ?? null, seed ?? null));
}

/**
 * Correlated Monte Carlo samples.
 * @customfunction SIMCORR
 * @param distributions k×4: name, p1, p2, p3 per variable.
 * @param correlation k×k rank correlation matrix.
 * @param [trials] Number of samples (default 1,000; trials × k at most 200,000).
 * @param [seed] Seed (default 1).
 * @returns trials×k samples.
 */
export function simcorr(distributions: any[][], correlation: any[][], trials?: any, seed?: any): any[][] {
  return excelGrid(() => engine.simcorr(distributions, correlation, trials ?? null, seed ?? null));
}

/**
 * Summary statistics of samples.
 * @customfunction SUMMARY
 * @param samples Samples (e.g. a spilled SIM range).
 * @returns 9×2: mean, stdev, min, P5, P10, P50, P90, P95, max.
 */
export function summary(samples: any[][]): any[][] {
  return excelGrid(() => engine.summary(samples));
}

// ── Channels ───────────────────────────────────────────────────────────────────────────

/**
 * ABC (Pareto) class per item by cumulative share.
 * @customfunction PARETO
 * @param values Values such as revenue per channel.
 * @param [a_share] Cumulative share for class A (default 0.8).
 * @param [b_share] Cumulative share for class B (default 0.95).
 * @returns "A", "B" or "C" per value.
 */
export function pareto(values: any[][], a_share?: any, b_share?: any): any[][] {
  return excelGrid(() => engine.pareto(values, a_share ?? null, b_share ?? null));
}

/**
 * Channel tier: exit-review, low-roi, strategic, incubate or maintain.
 * @customfunction CHANNELTIER
 * @param revenue Revenue per channel.
 * @param growth Yearly growth per channel.
 * @param roi ROI per channel (3 means 1:3).
 * @param change_prev_q Change in the previous quarter.
 * @param change_last_q Change in the last quarter.
 * @param [rules] Two columns (name, value) overriding exit_decline, min_roi, strategic_share, incubate_growth.
 * @returns m×1 tiers.
 */
export function channeltier(revenue: any[][], growth: any[][], roi: any[][], change_prev_q: any[][], change_last_q: any[][], rules?: any[][]): any[][] {
  return excelGrid(() => engine.channeltier(revenue, growth, roi, change_prev_q, change_last_q, rules ?? null));
}

// ── Benchmarks ─────────────────────────────────────────────────────────────────────────

/**
 * A shared benchmark value from the PerfPlan service.
 * @customfunction BENCHMARK
 * @param metric Metric name, e.g. "labour_cost_share".
 * @param [segment] Segment (default "all").
 * @param [percentile] Percentile 0..100 (default 50).
 * @returns The benchmark value.
 */
export async function benchmark(metric: any, segment?: any, percentile?: any): Promise<number> {
  return lookupBenchmark(metric, segment ?? null, percentile ?? null);
}
