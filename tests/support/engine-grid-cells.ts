/** Ranges in and cells out of engine calls, written the short way the engine tests share. */
import type { Cell } from '../../engine/grid';

/** A one-column range, one row per value, as Excel passes a column to a function. */
export const col = (...values: Cell[]): Cell[][] => values.map((v) => [v]);

/** The cell at row `r`, column `c` of a result grid (the top-left one by default). */
export const at = (grid: unknown[][], r = 0, c = 0) => grid[r][c];
