/**
 * Arguments several test files hand the PERF functions, as Excel passes them (2-D arrays):
 * one column or one row of values, and the tables the examples share.
 */

/** Values as one column: col(1, 2) = [[1], [2]]. */
export const col = <T extends unknown[]>(...values: T): T[number][][] => values.map((v) => [v]);
/** Values as one row: row(1, 2) = [[1, 2]]. */
export const row = <T extends unknown[]>(...values: T): T[number][][] => [values];

/** A commission ladder: [threshold, rate] from 0, 20,000 and 50,000. */
export const TIERS = [
  [0, 0.02],
  [20000, 0.04],
  [50000, 0.06],
];

/** Three salespeople: name, sales and three KPI scores (the workbooks' targets are 100 each, weights 50/30/20). */
export const SALES_TEAM = [
  ['Li', 10000, 110, 90, 130],
  ['Wang', 35000, 80, 100, 95],
  ['Zhao', 80000, 100, 100, 100],
];

/** A payout curve: [attainment, factor]. */
export const CURVE = [
  [0.5, 0],
  [1, 1],
  [1.5, 2],
];


/** Four alternatives × three criteria, for ENTROPY and CRITIC. */
export const DATA = [
  [10, 200, 0.3],
  [12, 180, 0.5],
  [9, 260, 0.4],
  [15, 150, 0.2],
];

/** Three channels' response curves: [max response α, half-saturation spend κ, shape s]. */
export const CURVES3 = [
  [1000, 200, 0.8],
  [1500, 400, 1],
  [800, 100, 0.6],
];

/** One expert's AHP judgements of three criteria: the upper triangle (the engine fills the reciprocals). */
export const AHP_ONE_EXPERT = [
  [1, 3, 5],
  [null, 1, 2],
  [null, null, 1],
];

/** The same 3×3 comparison matrix, lower triangle blank, as the PERF functions' runtime tests name it. */
export const AHP3 = AHP_ONE_EXPERT;

/** Two experts' judgements stacked (PERF.AHP aggregates them): the one above, then a second's. */
export const AHP_TWO_EXPERTS = [
  ...AHP_ONE_EXPERT,
  [1, 5, 7],
  [null, 1, 3],
  [null, null, 1],
];
