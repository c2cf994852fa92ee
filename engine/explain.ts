/**
 * "Explain this cell" (解释此单元格): the step-by-step working behind one result of a PERF.*
 * function, for the task pane and `perfplan explain`.
 *
 * Each explainer takes the SAME raw arguments as the engine function (scalars and 2-D arrays
 * as Excel passes them, null for an omitted argument) plus the element (row, col) of the
 * result to explain. It first calls the engine function itself, so `value` is exactly what
 * the cell shows (and an error cell throws its own PerfError), then reads the arguments with
 * the family's own reader and lays out the family's own working (see each family module:
 * readTieredArgs/tieredWorking, readScorecardArgs/scorecardRow, paybackWorking, …); it
 * restates no rule. The 'add' steps sum to `value`; steps are keys with parameters, rendered
 * in either language by explain/render.ts.
 */
import { explainAllocate } from './explain/allocation';
import { explainPayback } from './explain/costbenefit';
import { explainCredit } from './explain/crediting';
import { explainPayout, explainTiered } from './explain/payouts';
import { explainPool } from './explain/pool';
import { explainQuotasplit } from './explain/quotas';
import { explainRebate } from './explain/rebates';
import { explainCurve, explainScorecard } from './explain/scoring';
import { explainAhp } from './explain/weights';

export type { ExplainAt, ExplainStep, ExplainStepKind, Explanation } from './explain/steps';
export { ORIGIN, explanationAddsUp, formatNumber, formatPercent, sumOfAddSteps } from './explain/steps';
export * from './explain/render';
export {
  explainTiered,
  explainPayout,
  explainCredit,
  explainPool,
  explainQuotasplit,
  explainRebate,
  explainCurve,
  explainScorecard,
  explainAhp,
  explainPayback,
  explainAllocate,
};
