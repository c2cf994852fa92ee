/**
 * Pure formula handling for the Explain view (no DOM, no Office, no React): split a
 * `=PERF.NAME(a, b, …)` formula into its top-level argument texts, classify each argument
 * (omitted, literal, array constant, cell/range reference, defined name, nested expression)
 * and parse literals as Excel passes them to a custom function (numbers, "strings", TRUE /
 * FALSE, {array;constants} with rows split by `;` and columns by `,`).
 *
 * The splitting follows the same rules as cli/explain.ts `parsePerfCall` (quotes with ""
 * escapes, quoted sheet names with '' escapes, parentheses and braces); that module could
 * import `parsePerfFormula` / `splitTopLevel` from here instead of keeping its own copy.
 *
 * Formulas are in Excel's invariant (en-US) syntax, which is what Range.formulas returns in
 * every display language.
 */
import { EXCEL_ERROR_CODES, ExcelErrorCode, PerfError } from '../../../../engine/errors';
import { ExplainAt, Explanation } from '../../../../engine/explain';
import { explainCall, isExplainable } from '../../../../catalog/explain';
import type { Arg, Cell, Grid } from '../../../../engine/grid';
import { ERRORS } from '../../../../i18n/errors';

export interface PerfFormula {
  /** Upper-case catalog name without the namespace: "TIERED". */
  name: string;
  /** Argument texts as written (trimmed); '' for an omitted argument. */
  args: string[];
}

/** Index just past the closing quote of a quoted run starting at `start` ("" / '' escape). */
function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  for (; i < text.length; i++) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i++;
      else return i + 1;
    }
  }
  return i; // unterminated: runs to the end
}

/**
 * Splits `text` at `separator`s that sit outside quotes, parentheses, braces and brackets. Pieces are
 * trimmed; an empty text gives []. Unbalanced brackets give null.
 */
export function splitTopLevel(text: string, separator = ','): string[] | null {
  if (text.trim() === '') return [];
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted(text, i);
      continue;
    }
    // Brackets too: a structured reference's commas (Team[[#This Row],[Sales]]) split nothing.
    if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') {
      depth--;
      if (depth < 0) return null;
    } else if (ch === separator && depth === 0) {
      pieces.push(text.slice(start, i).trim());
      start = i + 1;
    }
    i++;
  }
  if (depth !== 0) return null;
  pieces.push(text.slice(start).trim());
  return pieces;
}

/**
 * `=PERF.NAME(a, b, …)` as one top-level call (nothing before or after it), with its
 * arguments split at top-level commas; null for any other formula.
 */
export function parsePerfFormula(formula: string): PerfFormula | null {
  const text = formula.trim().replace(/^=/, '').trim();
  const head = /^PERF\.([A-Za-z][A-Za-z0-9_.]*)\s*\(/i.exec(text);
  if (!head) return null;
  // Find the parenthesis closing the call.
  let depth = 1;
  let i = head[0].length;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted(text, i);
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      depth--;
      if (depth === 0) break;
    }
    i++;
  }
  if (depth !== 0 || text.slice(i + 1).trim() !== '') return null;
  const args = splitTopLevel(text.slice(head[0].length, i));
  if (args === null) return null;
  return { name: head[1].toUpperCase(), args };
}

// ---------------------------------------------------------------------------------------
// Literals
// ---------------------------------------------------------------------------------------

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/** A scalar literal: number (incl. 7% and 1e3), "string", TRUE/FALSE, #N/A-style error; undefined if not a literal. */
export function parseLiteral(text: string): Cell | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (NUMBER.test(t)) {
    const percent = t.endsWith('%');
    const n = Number(percent ? t.slice(0, -1) : t);
    if (!Number.isFinite(n)) return undefined;
    return percent ? n / 100 : n;
  }
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) {
    const inner = t.slice(1, -1);
    // Every quote inside must be doubled.
    if (/"/.test(inner.replace(/""/g, ''))) return undefined;
    return inner.replace(/""/g, '"');
  }
  const upper = t.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  if ((EXCEL_ERROR_CODES as readonly string[]).includes(upper)) {
    return new PerfError(upper as ExcelErrorCode, ERRORS.formulaHolds, { code: upper });
  }
  return undefined;
}

/**
 * `{1,2;3,4}` → [[1,2],[3,4]]: rows separated by `;`, columns by `,`, every element a
 * literal, every row the same length. undefined if `text` is not a valid array constant.
 */
export function parseArrayConstant(text: string): Grid | undefined {
  const t = text.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) return undefined;
  const body = t.slice(1, -1);
  if (/[{}()]/.test(body.replace(/"(?:[^"]|"")*"/g, '""'))) return undefined;
  const rows = splitTopLevel(body, ';');
  if (!rows || rows.length === 0) return undefined;
  const grid: Grid = [];
  for (const row of rows) {
    const items = splitTopLevel(row, ',');
    if (!items || items.length === 0) return undefined;
    const cells: Cell[] = [];
    for (const item of items) {
      const value = parseLiteral(item);
      if (value === undefined) return undefined;
      cells.push(value);
    }
    grid.push(cells);
  }
  const width = grid[0].length;
  if (grid.some((row) => row.length !== width)) return undefined;
  return grid;
}

// ---------------------------------------------------------------------------------------
// Classifying an argument
// ---------------------------------------------------------------------------------------

export type ArgumentKind =
  | { kind: 'omitted' }
  | { kind: 'literal'; value: Arg }
  /** A cell or range: `sheet` unquoted (null = the formula's own sheet), `address` without `$`. */
  | { kind: 'reference'; sheet: string | null; address: string }
  /** A defined name ("Tiers"). */
  | { kind: 'name'; name: string }
  /** Anything else: a nested call or an expression. */
  | { kind: 'nested'; text: string };

const CELL = '\\$?[A-Za-z]{1,3}\\$?\\d{1,7}';
const COLS = '\\$?[A-Za-z]{1,3}:\\$?[A-Za-z]{1,3}';
const ROWS = '\\$?\\d{1,7}:\\$?\\d{1,7}';
const ADDRESS = new RegExp(`^(?:${CELL}(?::${CELL})?|${COLS}|${ROWS})$`);
const SHEET_UNQUOTED = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/;
const DEFINED_NAME = /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/;

/** Splits `Sheet!A1:B2` / `'Sales Team'!A1` / `A1` into sheet and address; null if not a reference. */
export function parseReference(text: string): { sheet: string | null; address: string } | null {
  const t = text.trim();
  let sheet: string | null = null;
  let address = t;
  if (t.startsWith("'")) {
    const end = skipQuoted(t, 0);
    if (t[end] !== '!' || end < 3) return null;
    sheet = t.slice(1, end - 1).replace(/''/g, "'");
    address = t.slice(end + 1);
  } else {
    const bang = t.indexOf('!');
    if (bang >= 0) {
      sheet = t.slice(0, bang);
      if (!SHEET_UNQUOTED.test(sheet)) return null;
      address = t.slice(bang + 1);
    }
  }
  if (!ADDRESS.test(address)) return null;
  return { sheet, address: address.replace(/\$/g, '').toUpperCase() };
}

export function classifyArgument(text: string): ArgumentKind {
  const t = text.trim();
  if (t === '') return { kind: 'omitted' };
  const literal = parseLiteral(t);
  if (literal !== undefined) return { kind: 'literal', value: literal };
  const array = parseArrayConstant(t);
  if (array !== undefined) return { kind: 'literal', value: array };
  const reference = parseReference(t);
  if (reference) return { kind: 'reference', ...reference };
  if (DEFINED_NAME.test(t) && !/^(TRUE|FALSE)$/i.test(t)) return { kind: 'name', name: t };
  return { kind: 'nested', text: t };
}

/** What a caller does with the arguments that need a workbook: read it, or refuse. */
export interface WorkbookArguments<T> {
  reference: (reference: Extract<ArgumentKind, { kind: 'reference' }>) => T;
  name: (name: string) => T;
  /** Called with the argument's text as written. */
  nested: (text: string) => T;
}

/**
 * One argument as the engine receives it: omitted → null, a literal as it is; a reference, a
 * defined name or an expression as `workbook` says (Explain in a browser refuses them, in Excel
 * it reads them). The one switch both ways share, so they classify alike.
 */
export function argumentFrom<T>(text: string, workbook: WorkbookArguments<T>): Arg | T {
  const kind = classifyArgument(text);
  switch (kind.kind) {
    case 'omitted':
      return null;
    case 'literal':
      return kind.value;
    case 'reference':
      return workbook.reference(kind);
    case 'name':
      return workbook.name(kind.name);
    default:
      return workbook.nested(text);
  }
}

// ---------------------------------------------------------------------------------------
// Turning Excel's values into engine cells
// ---------------------------------------------------------------------------------------

/** One cell as Range.values / valueTypes report it, as Excel passes it to a custom function. */
export function cellFromExcel(value: unknown, valueType?: string): Cell {
  if (valueType === 'Empty' || value === null || value === undefined || value === '') return null;
  if (valueType === 'Error' && typeof value === 'string') {
    const code = (EXCEL_ERROR_CODES as readonly string[]).includes(value) ? (value as ExcelErrorCode) : '#VALUE!';
    return new PerfError(code, ERRORS.inputCellHolds, { code: value });
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** A range's values (+ valueTypes) as an engine argument: a 1×1 range is a scalar, like Excel. */
export function argFromRange(values: unknown[][], valueTypes?: string[][]): Arg {
  const grid: Grid = values.map((row, r) => row.map((v, c) => cellFromExcel(v, valueTypes?.[r]?.[c])));
  return grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid;
}

// ---------------------------------------------------------------------------------------
// Explaining
// ---------------------------------------------------------------------------------------

/** Why a formula cannot be explained; the view maps `reason` to a localized message. */
export class ExplainProblem extends Error {
  constructor(
    readonly reason: 'empty' | 'notPerf' | 'unsupported' | 'nested' | 'needsExcel' | 'noSpill',
    /** The function name, or the argument text at fault. */
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'ExplainProblem';
  }
}

/** Parses the formula and checks that the function is explainable. */
export function explainableCall(formula: string | null | undefined): PerfFormula {
  if (!formula || formula.trim() === '' || formula.trim() === '=') throw new ExplainProblem('empty', '');
  const call = parsePerfFormula(formula);
  if (!call) throw new ExplainProblem('notPerf', formula.trim());
  if (!isExplainable(call.name)) throw new ExplainProblem('unsupported', call.name);
  return call;
}

/**
 * Standalone (browser) explanation of a typed formula: every argument must be a literal or an
 * array constant (references need Excel). A PerfError of the function itself is thrown as is.
 */
export function explainFormulaText(formula: string, at: ExplainAt = { row: 0, col: 0 }): { call: PerfFormula; explanation: Explanation } {
  const call = explainableCall(formula);
  const args: Arg[] = call.args.map((text) => {
    const needsExcel = (): never => {
      throw new ExplainProblem('needsExcel', text);
    };
    return argumentFrom(text, {
      reference: needsExcel,
      name: needsExcel,
      nested: () => {
        throw new ExplainProblem('nested', text);
      },
    });
  });
  return { call, explanation: explainCall(call.name, args, at) };
}
