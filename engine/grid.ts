/**
 * Shapes and argument reading shared by every function family.
 *
 * Arguments arrive as Excel passes them: a scalar, or a 2-D array (rows × columns) for a
 * range; `null`/`undefined`/`""` is a blank (an omitted optional argument arrives as `null`).
 * Every reader names the argument (and the position inside a range) in its error, so a
 * user can find the cell to fix.
 */
import { ERRORS } from '../i18n/errors';
import { PLACES, VALUES, phrase } from '../i18n/glossary';
import { OptionCode, matchOption, optionList } from '../i18n/options';
import type { Phrase } from '../i18n/text';
import { PerfError, numError, valueError } from './errors';

export type Scalar = number | string | boolean | null | undefined;
/** A cell as an adapter hands it over; an error cell from another formula is a PerfError. */
export type Cell = Scalar | PerfError;
export type Grid = Cell[][];
export type Arg = Cell | Grid;
export type Result = number | string | boolean | PerfError;
export type ResultGrid = Result[][];

/**
 * Excel's custom-functions runtime refuses Infinity and NaN as a result, so no engine result
 * may leave the engine as one: a number that overflowed (or became NaN) is `#NUM!` instead.
 * The adapters apply this once, to every result on the way out (addin/custom-functions/adapt.ts,
 * which `perfplan calc`'s HyperFormula plugin calls too): per cell in an array result, for the
 * whole call for a scalar. `value - value === 0` holds exactly for finite numbers.
 */
export function nonFiniteError(value: number): PerfError {
  if (Number.isNaN(value)) return numError(ERRORS.resultNaN);
  return numError(value > 0 ? ERRORS.resultOverflowUp : ERRORS.resultOverflowDown);
}

/** One result cell as it may leave the engine: a non-finite number becomes its #NUM!. */
export function finiteResult(value: Result): Result {
  return typeof value === 'number' && value - value !== 0 ? nonFiniteError(value) : value;
}

/** A scalar result as it may leave the engine; a non-finite number throws its #NUM!. */
export function finiteScalar<T extends number | string>(value: T): T {
  if (typeof value === 'number' && value - value !== 0) throw nonFiniteError(value);
  return value;
}

export function isGrid(arg: unknown): arg is Grid {
  return Array.isArray(arg);
}

export function isBlank(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

/** A blank argument, or a 1×1 range holding a blank. */
export function isBlankArg(arg: Arg): boolean {
  if (!isGrid(arg)) return isBlank(arg);
  return arg.length === 1 && arg[0].length === 1 && isBlank(arg[0][0]);
}

/** A scalar becomes a 1×1 grid; an empty range is refused. */
export function toGrid(arg: Arg, name: string): Grid {
  if (!isGrid(arg)) return [[arg]];
  if (arg.length === 0 || arg[0].length === 0) throw valueError(ERRORS.rangeEmpty, { name });
  // Hosts pass rectangular ranges; a short row would only read as blanks, so rows are not
  // re-measured here (that pass costs as much as a whole element-wise function).
  return arg;
}

export function shapeText(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}

/**
 * How messages name a place: an argument name as the user typed it in the formula, or a
 * phrase for a place inside it ("tiers, row 4, column 2"), which renders in either language.
 */
export type Place = string | Phrase;

/** "name, row 3" (1-based in the phrase; `r` counts from 0). */
export function rowPlace(name: Place, r: number): Phrase {
  return phrase(PLACES.row, { name, row: r + 1 });
}

/** "name, row 3, column 2" (`r` and `c` count from 0). */
export function cellPlace(name: Place, r: number, c: number): Phrase {
  return phrase(PLACES.cell, { name, row: r + 1, column: c + 1 });
}

/** "name, item 3" (`i` counts from 0). */
export function itemPlace(name: Place, i: number): Phrase {
  return phrase(PLACES.item, { name, item: i + 1 });
}

/** "name", "name, row 3", "name, column 2" or "name, row 3, column 2". */
export function where(name: string, rows: number, cols: number, r: number, c: number): Place {
  if (rows === 1 && cols === 1) return name;
  if (cols === 1) return rowPlace(name, r);
  if (rows === 1) return phrase(PLACES.column, { name, column: c + 1 });
  return cellPlace(name, r, c);
}

/** A value that is not what was asked for, as messages show it: TRUE, or text "8%". */
export function describeValue(value: unknown): Phrase {
  if (typeof value === 'boolean') return phrase(value ? VALUES.true : VALUES.false);
  const text = String(value);
  return phrase(VALUES.text, { text: text.length > 20 ? `${text.slice(0, 20)}…` : text });
}

/** A value as String() writes it ("5", "true"); a logical value is a phrase, so Chinese says 逻辑值 TRUE. */
export function writtenValue(value: unknown): string | Phrase {
  if (typeof value === 'boolean') return phrase(value ? VALUES.trueAsWritten : VALUES.falseAsWritten);
  return String(value);
}

/** Reads one numeric cell; `label` is only built when something is wrong. */
export function numberAt(value: Cell, label: () => Place): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw numError(ERRORS.notFinite, { what: label() });
  }
  if (value instanceof PerfError) throw value;
  if (isBlank(value)) throw valueError(ERRORS.numberBlank, { what: label() });
  throw valueError(ERRORS.numberWrong, { what: label(), value: describeValue(value) });
}

/** The single value of a scalar argument or a 1×1 range. */
export function scalarOf(arg: Arg, name: string): Cell {
  if (!isGrid(arg)) return arg;
  const grid = toGrid(arg, name);
  if (grid.length !== 1 || grid[0].length !== 1) {
    throw valueError(ERRORS.singleValue, { name, shape: shapeText(grid.length, grid[0].length) });
  }
  return grid[0][0];
}

export function requiredNumber(arg: Arg, name: string): number {
  return numberAt(scalarOf(arg, name), () => name);
}

/** Blank or omitted means `fallback`. */
export function optionalNumber(arg: Arg, name: string, fallback: number): number {
  const value = scalarOf(arg, name);
  return isBlank(value) ? fallback : numberAt(value, () => name);
}

/** Blank or omitted means "none" (e.g. no cap). */
export function optionalNumberOrNull(arg: Arg, name: string): number | null {
  const value = scalarOf(arg, name);
  return isBlank(value) ? null : numberAt(value, () => name);
}

export function requiredText(arg: Arg, name: string): string {
  const value = scalarOf(arg, name);
  if (value instanceof PerfError) throw value;
  if (isBlank(value)) throw valueError(ERRORS.textBlank, { name });
  if (typeof value !== 'string') throw valueError(ERRORS.textRequired, { name });
  return value;
}

/**
 * A text option (i18n/options.ts): its code or its name in either language, trimmed and in
 * any case ("retro", " Retro ", "追溯"); blank means `fallback`. Anything else → #VALUE!
 * listing the accepted values in the user's language.
 */
export function optionalChoice<T extends OptionCode>(arg: Arg, name: string, fallback: T, allowed: readonly T[]): T {
  const value = scalarOf(arg, name);
  if (value instanceof PerfError) throw value;
  if (isBlank(value)) return fallback;
  const found = matchOption(String(value), allowed);
  if (!found) throw valueError(ERRORS.choice, { name, options: optionList(allowed), value: describeValue(value) });
  return found;
}

/** TRUE/FALSE, 1/0 or the text "true"/"false"; blank means `fallback`. */
export function optionalBoolean(arg: Arg, name: string, fallback: boolean): boolean {
  const value = scalarOf(arg, name);
  if (value instanceof PerfError) throw value;
  if (isBlank(value)) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw valueError(ERRORS.booleanRequired, { name, value: describeValue(value) });
}

/** The cells of a one-row or one-column range (or a scalar), in reading order. */
export function vectorCells(arg: Arg, name: string): Cell[] {
  const grid = toGrid(arg, name);
  if (grid.length === 1) return grid[0].slice();
  if (grid[0].length === 1) return grid.map((row) => row[0]);
  throw valueError(ERRORS.vectorShape, { name, shape: shapeText(grid.length, grid[0].length) });
}

/**
 * A one-column or one-row range (or a scalar) as a column: rows of one cell. A column is used
 * in place (deal lists run to a million rows), a row copied (Excel's rows are at most 16,384 cells).
 */
export function asColumn(arg: Arg, name: string): Grid {
  const grid = toGrid(arg, name);
  if (grid[0].length === 1) return grid;
  if (grid.length === 1) return grid[0].map((cell) => [cell]);
  throw valueError(ERRORS.vectorShape, { name, shape: shapeText(grid.length, grid[0].length) });
}

export function numberVector(arg: Arg, name: string): number[] {
  const cells = vectorCells(arg, name);
  const label = (i: number) => () => (cells.length === 1 ? name : itemPlace(name, i));
  return cells.map((cell, i) => numberAt(cell, label(i)));
}

/** Like numberVector, but blanks become null (where a rule gives blanks a meaning). */
export function numberVectorWithBlanks(arg: Arg, name: string): (number | null)[] {
  const cells = vectorCells(arg, name);
  return cells.map((cell, i) => (isBlank(cell) ? null : numberAt(cell, () => itemPlace(name, i))));
}

export function textVector(arg: Arg, name: string): string[] {
  const cells = vectorCells(arg, name);
  return cells.map((cell, i) => {
    if (cell instanceof PerfError) throw cell;
    if (isBlank(cell)) throw valueError(ERRORS.labelRequired, { what: itemPlace(name, i) });
    return String(cell);
  });
}

export interface NumberMatrix {
  rows: number;
  cols: number;
  /** values[r][c] */
  values: number[][];
}

/** Ragged input (only possible from direct callers, never from Excel) is refused where shape matters. */
export function rectangular(arg: Arg, name: string): Grid {
  const grid = toGrid(arg, name);
  const cols = grid[0].length;
  for (let r = 1; r < grid.length; r++) {
    if (grid[r].length !== cols) throw valueError(ERRORS.ragged, { name });
  }
  return grid;
}

export function numberMatrix(arg: Arg, name: string): NumberMatrix {
  const grid = rectangular(arg, name);
  const rows = grid.length;
  const cols = grid[0].length;
  const values = grid.map((row, r) => row.map((cell, c) => numberAt(cell, () => where(name, rows, cols, r, c))));
  return { rows, cols, values };
}

/**
 * A numeric table with a fixed number of columns whose first column ascends (tiers,
 * curves, bands). `strict`: strictly ascending; otherwise non-decreasing.
 */
export function numberTable(arg: Arg, name: string, columns: number, ascending: 'strict' | 'none' = 'strict'): number[][] {
  const grid = rectangular(arg, name);
  if (grid[0].length !== columns) {
    throw valueError(ERRORS.columnCount, { name, columns, got: grid[0].length });
  }
  const rows = grid.map((row, r) => row.map((cell, c) => numberAt(cell, () => cellPlace(name, r, c))));
  if (ascending === 'strict') {
    for (let r = 1; r < rows.length; r++) {
      if (!(rows[r][0] > rows[r - 1][0])) {
        throw valueError(ERRORS.ascendStrictly, { where: rowPlace(name, r), got: rows[r][0], previous: rows[r - 1][0] });
      }
    }
  }
  return rows;
}

/** How an element-wise argument treats blanks: an error, or null handed to the kernel. */
export interface ElementArg {
  arg: Arg;
  name: string;
  blanks?: 'error' | 'null';
}

export type Num = number | null;
/** A kernel gets its arguments positionally (at most five); destructuring per cell is far slower. */
export type Kernel = (a: Num, b: Num, c: Num, d: Num, e: Num) => Result;

/** One element-wise argument, prepared for the loop: a constant, or a grid with broadcast steps. */
interface Prepared {
  grid: Grid;
  rowStep: number;
  colStep: number;
  allowNull: boolean;
  name: string;
  /** For a 1×1 argument: its value, read once (or the error reading it); undefined if it varies. */
  constant: Num | PerfError | undefined;
}

function readElement(p: Prepared, r: number, c: number): Num {
  const row = p.grid[r * p.rowStep];
  const cell = row[c * p.colStep];
  if (typeof cell === 'number' && cell - cell === 0) return cell; // finite number: the hot path
  if (p.allowNull && isBlank(cell)) return null;
  return numberAt(cell, () => where(p.name, p.grid.length, row.length, r * p.rowStep, c * p.colStep));
}

/** An element-wise argument ready for the loop: a single row or column repeats (broadcasts). */
function prepare(arg: ElementArg, grid: Grid): Prepared {
  return {
    grid,
    rowStep: grid.length > 1 ? 1 : 0,
    colStep: grid[0].length > 1 ? 1 : 0,
    allowNull: arg.blanks === 'null',
    name: arg.name,
    constant: undefined,
  };
}

/**
 * What elementwise hands its kernel from `arg` for result element (row, col): the broadcast
 * cell, read with the same checks (and the same message) — how "explain this cell" reads the
 * element it explains.
 */
export function broadcastElement(arg: ElementArg, row: number, col: number): Num {
  return readElement(prepare(arg, toGrid(arg.arg ?? null, arg.name)), row, col);
}

/**
 * One result row of a column. Numbers and other results are built at two different array
 * literals on purpose: V8 tracks the element kind per literal, so the number literal keeps
 * its rows as unboxed doubles even after a text or error result has been seen (a shared
 * literal would turn generic and box every number into a separate heap object).
 */
export function resultRow(value: Result): Result[] {
  return typeof value === 'number' ? [value] : [value];
}

/**
 * Applies `kernel` cell by cell over arguments broadcast to one shape, Excel-style: a
 * scalar (or 1×1) repeats everywhere, a single row repeats down, a single column across.
 * A kernel error (or a bad cell) becomes that cell's error; other cells still compute.
 */
export function elementwise(args: ElementArg[], kernel: Kernel): ResultGrid {
  if (args.length > 5) throw new Error('elementwise takes at most five arguments');
  const call = columnCall(args);
  if (call !== null) {
    const column: ResultGrid = new Array(call.rows);
    for (let r = 0; r < call.rows; r++) column[r] = resultRow(columnCell(call, r, kernel));
    return column;
  }
  const grids = args.map((a) => toGrid(a.arg, a.name));
  let rows = 1;
  let cols = 1;
  let rowsFrom = '';
  let colsFrom = '';
  grids.forEach((grid, i) => {
    const r = grid.length;
    const c = grid[0].length;
    if (r > 1) {
      if (rows > 1 && r !== rows) throw valueError(ERRORS.rowsMismatch, { name: args[i].name, rows: r, other: rowsFrom, otherRows: rows });
      rows = r;
      rowsFrom = args[i].name;
    }
    if (c > 1) {
      if (cols > 1 && c !== cols) {
        throw valueError(ERRORS.columnsMismatch, { name: args[i].name, columns: c, other: colsFrom, otherColumns: cols });
      }
      cols = c;
      colsFrom = args[i].name;
    }
  });
  const prepared: Prepared[] = grids.map((grid, i) => {
    const p = prepare(args[i], grid);
    if (p.rowStep === 0 && p.colStep === 0) {
      try {
        p.constant = readElement(p, 0, 0);
      } catch (error) {
        if (!(error instanceof PerfError)) throw error;
        p.constant = error;
      }
    }
    return p;
  });
  // Constants are read once and sit in their slot for the whole loop; only the varying
  // arguments are read per cell.
  const slots: Num[] = [null, null, null, null, null];
  const varying: number[] = [];
  let constantError: PerfError | null = null;
  prepared.forEach((p, i) => {
    if (p.constant === undefined) varying.push(i);
    else if (p.constant instanceof PerfError) constantError ??= p.constant;
    else slots[i] = p.constant;
  });
  const out: ResultGrid = new Array(rows);
  if (constantError) {
    for (let r = 0; r < rows; r++) out[r] = new Array<Result>(cols).fill(constantError);
    return out;
  }
  const nv = varying.length;
  const cellAt = (r: number, c: number): Result => {
    try {
      for (let k = 0; k < nv; k++) slots[varying[k]] = readElement(prepared[varying[k]], r, c);
      return kernel(slots[0], slots[1], slots[2], slots[3], slots[4]);
    } catch (error) {
      if (error instanceof PerfError) return error;
      throw error;
    }
  };
  if (cols === 1) {
    for (let r = 0; r < rows; r++) out[r] = resultRow(cellAt(r, 0));
    return out;
  }
  for (let r = 0; r < rows; r++) {
    const line: Result[] = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = cellAt(r, c);
    out[r] = line;
  }
  return out;
}

/**
 * The common shape of an element-wise call (TIERED over a column of amounts, PAYOUT over a
 * column of scores, …): the first argument is an m×1 column (m > 1) and every other argument
 * is a valid 1×1 constant. Such a call cannot fail as a whole, so its cells can be computed
 * in one flat loop: the constants read once, the cell read inline, no per-cell closure.
 */
export interface ColumnCall {
  rows: number;
  /** The first argument's m×1 grid: column[r][0] is row r's cell. */
  column: Grid;
  /** The other arguments (up to four) as elementwise reads them: null for an allowed blank and past the last one. */
  b: Num;
  c: Num;
  d: Num;
  e: Num;
  /** The column as elementwise reads it, naming the cell in errors. */
  first: Prepared;
}

/**
 * `args` as a ColumnCall, or null when the call has any other shape or a constant that would
 * be an error (elementwise then takes its general path, with the same results and messages).
 */
export function columnCall(args: ElementArg[]): ColumnCall | null {
  const column = args.length > 0 ? args[0].arg : null;
  if (!isGrid(column) || column.length < 2 || column[0].length !== 1) return null;
  const constants: Num[] = [null, null, null, null];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i].arg;
    let cell: Cell;
    if (!isGrid(arg)) cell = arg;
    else if (arg.length === 1 && arg[0].length === 1) cell = arg[0][0];
    else return null;
    if (typeof cell === 'number' && cell - cell === 0) constants[i - 1] = cell;
    else if (!(args[i].blanks === 'null' && isBlank(cell))) return null;
  }
  const first: Prepared = {
    grid: column,
    rowStep: 1,
    colStep: 0,
    allowNull: args[0].blanks === 'null',
    name: args[0].name,
    constant: undefined,
  };
  return { rows: column.length, column, b: constants[0], c: constants[1], d: constants[2], e: constants[3], first };
}

/**
 * Row r of a ColumnCall, exactly as elementwise computes it: the kernel's result, or the
 * error of a bad cell or of the kernel. Families with a dedicated loop use it for any cell
 * their loop does not handle inline.
 */
export function columnCell(call: ColumnCall, r: number, kernel: Kernel): Result {
  try {
    return kernel(readElement(call.first, r, 0), call.b, call.c, call.d, call.e);
  } catch (error) {
    if (error instanceof PerfError) return error;
    throw error;
  }
}

/** An m×1 result grid from a list of values. */
export function column(values: ArrayLike<Result>): ResultGrid {
  const out: ResultGrid = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = [values[i]];
  return out;
}

/** Lays `values` out in the orientation of `arg` (a row stays a row, a column a column). */
export function sameOrientation(arg: Arg, values: Result[]): ResultGrid {
  if (isGrid(arg) && arg.length === 1 && values.length > 1) return [values.slice()];
  return column(values);
}

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
