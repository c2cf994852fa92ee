/**
 * Helpers for the catalog's sample calls (EngineFunction.samples), written as Excel passes
 * arguments: a range is a 2-D array, so one column of values is [[v1], [v2]] and one row [[v1, v2]].
 */
import type { Cell } from '../engine/grid';

/** Values as one column: col(1, 2) = [[1], [2]]. */
export const col = (...values: Cell[]): Cell[][] => values.map((v) => [v]);

/** Values as one row: row(1, 2) = [[1, 2]]. */
export const row = (...values: Cell[]): Cell[][] => [values];
