/**
 * HyperFormula must know an array function's result size before evaluating it. These
 * rules derive it from the arguments' shapes (and, for SIM/SIMCORR, the trials argument),
 * mirroring what each engine function returns.
 */
import { DEFAULT_TRIALS, maxTrials } from '../engine/simulation';

export interface Shape {
  rows: number;
  cols: number;
}

/** What the plugin can tell about one argument before evaluation. */
export interface ArgumentInfo {
  /** Shape of the argument (1×1 for scalars and missing arguments). */
  shape: (index: number) => Shape;
  /** The argument's value when it is a literal or a constant reference; undefined otherwise. */
  number: (index: number) => number | undefined;
  count: number;
}

export type ShapeRule = (args: ArgumentInfo) => Shape;

const SCALAR: Shape = { rows: 1, cols: 1 };

/** Excel broadcasting: the largest extent along each axis among the element-wise arguments. */
function broadcast(...indexes: number[]): ShapeRule {
  return (args) => {
    let rows = 1;
    let cols = 1;
    for (const i of indexes) {
      if (i >= args.count) continue;
      const s = args.shape(i);
      rows = Math.max(rows, s.rows);
      cols = Math.max(cols, s.cols);
    }
    return { rows, cols };
  };
}

const length = (s: Shape) => Math.max(s.rows, s.cols);
const columnOf = (rows: number): Shape => ({ rows: Math.max(1, rows), cols: 1 });

/**
 * Rows of a SIM/SIMCORR result with `variables` columns: the trials the engine will accept
 * (its cap, maxTrials, is the engine's own), or 1 for the cell that shows its #NUM!.
 */
function trialsAt(args: ArgumentInfo, index: number, variables: number): number {
  const value = (index < args.count ? args.number(index) : undefined) ?? DEFAULT_TRIALS;
  return Number.isInteger(value) && value >= 1 && value <= maxTrials(variables) ? value : 1;
}

export const RESULT_SHAPES: Record<string, ShapeRule> = {
  NORMALIZE: broadcast(0),
  AHP: (a) => {
    const s = a.shape(0);
    return columnOf(s.cols);
  },
  AHPCR: () => SCALAR,
  ENTROPY: (a) => ({ rows: 1, cols: a.shape(0).cols }),
  CRITIC: (a) => ({ rows: 1, cols: a.shape(0).cols }),
  ROC: broadcast(0),
  BLEND: broadcast(0),
  ATTAIN: broadcast(0, 1, 2),
  CURVE: broadcast(0),
  SCORECARD: (a) => columnOf(a.shape(0).rows),
  STATUS: broadcast(0),
  RATER: () => SCALAR,
  TIERED: broadcast(0),
  PAYOUT: broadcast(0, 2, 3, 4),
  SPLIT: broadcast(0, 1, 2, 3),
  PROFITSHARE: broadcast(0, 1, 2, 3),
  PRORATE: broadcast(0, 1, 2, 3, 4),
  CLAWBACK: broadcast(0, 1, 2, 3, 4),
  DRAW: (a) => a.shape(0),
  PAYBACK: () => SCALAR,
  BCR: () => SCALAR,
  BREAKEVEN: broadcast(0, 1, 2),
  LTV: broadcast(0, 1, 2, 3),
  MARGINAL: (a) => columnOf(length(a.shape(0)) - 1),
  OPTIMUM: () => SCALAR,
  RESPONSE: (a) => columnOf(a.shape(1).rows),
  ALLOCATE: (a) => columnOf(a.shape(1).rows),
  SIM: (a) => columnOf(trialsAt(a, 4, 1)),
  SIMCORR: (a) => {
    const variables = a.shape(0).rows;
    return { rows: trialsAt(a, 2, variables), cols: variables };
  },
  SUMMARY: () => ({ rows: 9, cols: 2 }),
  PARETO: broadcast(0),
  CHANNELTIER: (a) => columnOf(length(a.shape(0))),
  BENCHMARK: () => SCALAR,
};
