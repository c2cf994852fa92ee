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
import { ERRORS } from '../i18n/errors';
import { valueError } from './errors';
import type { Arg } from './grid';
import { explainAllocate } from './explain/allocation';
import { explainPayback } from './explain/costbenefit';
import { explainPayout, explainTiered } from './explain/payouts';
import { explainCurve, explainScorecard } from './explain/scoring';
import { ExplainAt, Explanation, ORIGIN } from './explain/steps';
import { explainAhp } from './explain/weights';

export type { ExplainAt, ExplainStep, ExplainStepKind, Explanation } from './explain/steps';
export { explanationAddsUp, formatNumber, formatPercent, sumOfAddSteps } from './explain/steps';
export * from './explain/render';
export { explainTiered, explainPayout, explainCurve, explainScorecard, explainAhp, explainPayback, explainAllocate };

interface Explainer {
  /** Number of parameters (omitted trailing arguments are null). */
  parameters: number;
  explain: (args: Arg[], at: ExplainAt) => Explanation;
}

const EXPLAINERS: Record<string, Explainer> = {
  TIERED: { parameters: 3, explain: (a, at) => explainTiered(a[0], a[1], a[2], at) },
  PAYOUT: { parameters: 5, explain: (a, at) => explainPayout(a[0], a[1], a[2], a[3], a[4], at) },
  CURVE: { parameters: 3, explain: (a, at) => explainCurve(a[0], a[1], a[2], at) },
  SCORECARD: { parameters: 6, explain: (a, at) => explainScorecard(a[0], a[1], a[2], a[3], a[4], a[5], at) },
  AHP: { parameters: 2, explain: (a, at) => explainAhp(a[0], a[1], at) },
  PAYBACK: { parameters: 2, explain: (a, at) => explainPayback(a[0], a[1], at) },
  ALLOCATE: { parameters: 4, explain: (a, at) => explainAllocate(a[0], a[1], a[2], a[3], at) },
};

/** The functions "Explain this cell" supports, by catalog name. */
export const EXPLAINABLE_FUNCTIONS: readonly string[] = Object.keys(EXPLAINERS);

function bareName(name: string): string {
  return name.trim().toUpperCase().replace(/^PERF\./, '');
}

export function isExplainable(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(EXPLAINERS, bareName(name));
}

/**
 * Explains element `at` of PERF.`name`(...args), args as Excel passes them. An unsupported
 * function or too many arguments → #VALUE!; an error of the function itself is thrown as is.
 */
export function explainCall(name: string, args: Arg[], at: ExplainAt = ORIGIN): Explanation {
  const fn = bareName(name);
  if (!isExplainable(fn)) {
    throw valueError(ERRORS.explainUnsupported, { fn, supported: EXPLAINABLE_FUNCTIONS.map((f) => `PERF.${f}`).join(', ') });
  }
  const explainer = EXPLAINERS[fn];
  if (args.length > explainer.parameters) throw valueError(ERRORS.explainArity, { fn, max: explainer.parameters, got: args.length });
  const padded: Arg[] = Array.from({ length: explainer.parameters }, (_, i) => (i < args.length ? (args[i] ?? null) : null));
  return explainer.explain(padded, at);
}
