/**
 * Objective weights (Entropy / CRITIC) for the Weights view, free of React and Office:
 * parsing pasted rows or a selected range's values into criterion labels + data, and the
 * weights — computed by the engine's `entropy` / `critic` (the same code as PERF.ENTROPY /
 * PERF.CRITIC in Excel), whose PerfError comes back with its en-US message (the view renders it in the pane's language).
 */
import type { Cell, Grid } from '../../../../engine/grid';
import { PerfError } from '../../../../engine/errors';
import { critic, entropy } from '../../../../engine/weights';
import { messageOf } from '../../components/error-text';

export type ObjectiveMethod = 'entropy-minmax' | 'entropy-proportion' | 'critic';
export const OBJECTIVE_METHODS: readonly ObjectiveMethod[] = ['entropy-minmax', 'entropy-proportion', 'critic'];

export function isObjectiveMethod(value: string): value is ObjectiveMethod {
  return (OBJECTIVE_METHODS as readonly string[]).includes(value);
}

/** A labelled data set: one label per column, data rows below (cells as the engine reads them). */
export interface ObjectiveTable {
  labels: string[];
  /** True when the labels came from a text header row. */
  hasHeader: boolean;
  data: Grid;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A pasted cell: trimmed; plain numbers become numbers, blank stays "", anything else stays text. */
export function parseCell(text: string): Cell {
  const s = text.trim();
  if (s === '') return '';
  return NUMBER.test(s) ? Number(s) : s;
}

/**
 * Rows pasted from Excel (tab-separated) or a CSV (comma-separated). If any line holds a tab,
 * tabs separate cells; otherwise commas do. Blank lines are skipped; short rows are padded
 * with blanks so the grid is rectangular.
 */
export function parsePasted(text: string): Grid {
  const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  const separator = lines.some((line) => line.includes('\t')) ? '\t' : ',';
  const rows = lines.map((line) => line.split(separator).map(parseCell));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...new Array<Cell>(width - r.length).fill('')] : r));
}

/** Values as Office.js returns them (numbers, strings, booleans) as engine cells. */
export function fromRangeValues(values: readonly (readonly unknown[])[]): Grid {
  return values.map((row) =>
    row.map((v): Cell => (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' || v === null ? v : String(v))),
  );
}

/** A header row: at least one text cell, and every non-blank cell is text (not a number). */
export function isHeaderRow(row: readonly Cell[]): boolean {
  const filled = row.filter((c) => !(c === '' || c === null || c === undefined));
  return filled.length > 0 && filled.every((c) => typeof c === 'string' && !NUMBER.test(c.trim()));
}

/**
 * Splits a grid into labels and data: the first row gives the labels when it is text; blank
 * header cells and headerless columns get `defaultLabel(position)` (1-based).
 */
export function toTable(grid: Grid, defaultLabel: (position: number) => string): ObjectiveTable {
  const width = grid.length > 0 ? grid[0].length : 0;
  const hasHeader = grid.length > 0 && isHeaderRow(grid[0]);
  const labels = Array.from({ length: width }, (_, j) => {
    const cell = hasHeader ? grid[0][j] : '';
    const text = typeof cell === 'string' ? cell.trim() : '';
    return text === '' ? defaultLabel(j + 1) : text;
  });
  return { labels, hasHeader, data: hasHeader ? grid.slice(1) : grid };
}

/**
 * Directions typed as "1, -1, 1" (commas, tabs, spaces or semicolons); blank → null (the
 * engine's default: every criterion a benefit). Anything else goes to the engine as typed,
 * so its message names the wrong item.
 */
export function parseDirections(text: string): Grid | null {
  const items = text.split(/[\s,;]+/).filter((s) => s !== '');
  if (items.length === 0) return null;
  return [items.map((s) => parseCell(s.replace('−', '-')))];
}

/** The weights, or the engine's error: its en-US message, and the error itself to render in the pane's language. */
export type ObjectiveOutcome = { weights: number[] } | { error: string; cause?: PerfError };

/** The engine's weights for the table; an engine error's message comes back as it is. */
export function computeObjective(method: ObjectiveMethod, data: Grid, directions: Grid | null): ObjectiveOutcome {
  try {
    const result =
      method === 'critic' ? critic(data, directions) : entropy(data, directions, method === 'entropy-proportion' ? 'proportion' : 'minmax');
    return { weights: result[0].map((v) => v as number) };
  } catch (error) {
    const outcome: { error: string; cause?: PerfError } = { error: messageOf(error) };
    // The error itself rides along (not enumerable: the outcome reads as the engine's message).
    if (error instanceof PerfError) Object.defineProperty(outcome, 'cause', { value: error, enumerable: false });
    return outcome;
  }
}
