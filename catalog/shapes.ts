/**
 * Result shapes. HyperFormula must know an array function's result size before evaluating
 * it; each catalog entry derives it from its arguments' shapes (and, for SIM/SIMCORR, the
 * trials argument) with the rules below, mirroring what its engine function returns.
 */
import { DEFAULT_TRIALS, maxTrials } from '../engine/simulation';

export interface Shape {
  rows: number;
  cols: number;
}

/** What the plugin can tell about the arguments before evaluation. */
export interface ArgumentInfo {
  /** Shape of an argument (1×1 for scalars and missing arguments). */
  shape: (index: number) => Shape;
  /** The argument's value when it is a literal or a constant reference; undefined otherwise. */
  number: (index: number) => number | undefined;
  count: number;
}

export type ShapeRule = (args: ArgumentInfo) => Shape;

/** One value. */
export const scalar: ShapeRule = () => ({ rows: 1, cols: 1 });

/** Excel broadcasting: the largest extent along each axis among the element-wise arguments. */
export function broadcast(...indexes: number[]): ShapeRule {
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

/** The shape of argument `index`. */
export const sameAs = (index: number): ShapeRule => (args) => args.shape(index);

/** A column of `rows` (at least 1). */
export function column(rows: number): Shape {
  return { rows: Math.max(1, rows), cols: 1 };
}

/** The length of a vector argument (one row or one column). */
export function lengthOf(shape: Shape): number {
  return Math.max(shape.rows, shape.cols);
}

/** A column as long as the vector argument `index` (CREDIT: one credit per person). */
export const columnAlong = (index: number): ShapeRule => (args) => column(lengthOf(args.shape(index)));

/** A column with one element per row of argument `index` (SCORECARD: a score per person; RESPONSE, ALLOCATE: one per channel). */
export const columnPerRow = (index: number): ShapeRule => (args) => column(args.shape(index).rows);

/** A row with one element per column of argument `index` (ENTROPY, CRITIC: one weight per criterion). */
export const rowPerColumn = (index: number): ShapeRule => (args) => ({ rows: 1, cols: args.shape(index).cols });

/**
 * QUOTASPLIT: one annual value → the shape of the weights; a column of n annual values →
 * n × (number of weights); any other annual shape is refused (one cell for its #VALUE!).
 */
export function splitOver(annualIndex: number, weightsIndex: number): ShapeRule {
  return (args) => {
    const annual = args.shape(annualIndex);
    const weights = args.shape(weightsIndex);
    if (annual.rows === 1 && annual.cols === 1) return weights;
    if (annual.cols === 1) return { rows: annual.rows, cols: lengthOf(weights) };
    return { rows: 1, cols: 1 };
  };
}

/** A fixed size. */
export const fixed = (rows: number, cols: number): ShapeRule => () => ({ rows, cols });

/**
 * Rows of a SIM/SIMCORR result with `variables` columns: the trials the engine will accept
 * (its cap, maxTrials, is the engine's own), or 1 for the cell that shows its #NUM!.
 */
export function trialsAt(args: ArgumentInfo, index: number, variables: number): number {
  const value = (index < args.count ? args.number(index) : undefined) ?? DEFAULT_TRIALS;
  return Number.isInteger(value) && value >= 1 && value <= maxTrials(variables) ? value : 1;
}
