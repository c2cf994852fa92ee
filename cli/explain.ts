/**
 * `perfplan explain BOOK.xlsx 'Sheet!C5' [--json] [--lang zh-CN]`: the task pane's "Explain
 * this cell" from the command line. The workbook is calculated as `perfplan calc` does; the
 * target's formula (or, inside a spilled range, its anchor's formula and the element's
 * offset) is parsed as one top-level PERF.NAME(args…) call, every argument is evaluated with
 * HyperFormula and handed to the engine's explainer exactly as Excel would pass it.
 */
import { DetailedCellError, HyperFormula, SimpleCellAddress } from 'hyperformula';
import { EXCEL_ERROR_CODES, ExcelErrorCode, PerfError } from '../engine/errors';
import { ExplainAt, Explanation, explanationLines, formatNumber, stepFormula, stepLabel } from '../engine/explain';
import { EXPLAINABLE_FUNCTIONS, explainCall, isExplainable } from '../catalog/explain';
import type { Arg, Cell } from '../engine/grid';
import { CLI, nameList } from '../i18n/cli';
import { ERRORS } from '../i18n/errors';
import { EXPLAIN } from '../i18n/explain';
import { hyperFormulaPhrase, localizeHyperFormulaMessage } from '../i18n/hyperformula';
import { phrase } from '../i18n/glossary';
import { LocalizedError } from '../i18n/localized-error';
import { DEFAULT_LOCALE, Locale } from '../i18n/locale';
import { Phrase, render } from '../i18n/text';
import type { CalculatedBook } from '../calc/book';
import { toTypedFormula } from '../workbook/formula-text';
import type { Io } from './io';
import { EXIT, commandLine, reasonOf } from './exit-codes';
import { DEFAULT_TIMEOUT_SECONDS, Task } from './isolate';
import { Progress, argumentsLocale, calculateForTask, isPhrase, readArguments, runOnBook } from './calc';
import { parseAddress, toAddress } from '../workbook/a1';

/** The functions explain knows, as the formula names them. */
const EXPLAINABLE = nameList(EXPLAINABLE_FUNCTIONS.map((f) => `PERF.${f}`));

/** `perfplan explain`'s usage in `locale`. */
export function explainUsage(locale: Locale): string {
  return render(CLI.explainUsage, locale, { seconds: DEFAULT_TIMEOUT_SECONDS, functions: EXPLAINABLE });
}

/** The usage in en-US. */
export const EXPLAIN_USAGE = explainUsage('en-US');

/** A problem with what was asked (not a PERF formula, unsupported, bad target): exit 1. */
export class ExplainRequestError extends LocalizedError {
  constructor(message: Phrase) {
    super(message);
    this.name = 'ExplainRequestError';
  }
}

export interface ExplainOptions {
  book: string;
  target: string;
  json: boolean;
  /** --lang, else the environment (LC_ALL, LC_MESSAGES, LANG): one locale for steps and messages. */
  language: Locale;
  /** Seconds before the work stops (--timeout). */
  timeout: number;
}

export function parseExplainArgs(args: string[], env: Record<string, string | undefined> = process.env): ExplainOptions | Phrase {
  const positional: string[] = [];
  let json = false;
  const read = readArguments(args, (arg) => {
    if (arg === '--json') json = true;
    else if (arg.startsWith('-') && arg.length > 1) return phrase(CLI.unknownOption, { option: arg });
    else positional.push(arg);
  });
  if (isPhrase(read)) return read;
  if (positional.length === 0) return phrase(CLI.explainNeedsBook);
  if (positional.length === 1) return phrase(CLI.explainNeedsCell);
  if (positional.length > 2) return phrase(CLI.unexpectedArgument, { argument: positional[2] });
  return { book: positional[0], target: positional[1], json, language: argumentsLocale(args, env), timeout: read.timeout };
}

// ---------------------------------------------------------------------------------------
// Finding the cell, its formula and the element
// ---------------------------------------------------------------------------------------

export interface TargetCell {
  sheet: string;
  sheetId: number;
  /** 0-based */
  row: number;
  col: number;
}

/** "Sheet!C5", "'Sales Team'!F3", "Sales Team!F3" (or "C5" on the first sheet). */
export function resolveTarget(hf: HyperFormula, target: string): TargetCell {
  const bang = target.lastIndexOf('!');
  let sheet: string;
  let address: string;
  if (bang < 0) {
    sheet = hf.getSheetNames()[0];
    address = target;
  } else {
    sheet = target.slice(0, bang).trim();
    address = target.slice(bang + 1).trim();
    if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const sheetId = sheet === undefined ? undefined : hf.getSheetId(sheet);
  if (sheetId === undefined) {
    throw new ExplainRequestError(phrase(CLI.noSheet, { sheet: String(sheet), sheets: nameList(hf.getSheetNames().map((n) => `"${n}"`)) }));
  }
  let parsed: { row: number; col: number };
  try {
    parsed = parseAddress(address);
  } catch {
    throw new ExplainRequestError(phrase(CLI.notCellReference, { target }));
  }
  if (parsed.row < 1 || parsed.col < 1 || parsed.row > 1_048_576 || parsed.col > 16_384) {
    throw new ExplainRequestError(phrase(CLI.outsideSheet, { target }));
  }
  return { sheet: hf.getSheetName(sheetId) ?? sheet, sheetId, row: parsed.row - 1, col: parsed.col - 1 };
}

function cellName(sheet: string, row: number, col: number): string {
  return `${sheet}!${toAddress(row + 1, col + 1)}`;
}

// ---------------------------------------------------------------------------------------
// Parsing the PERF call
// ---------------------------------------------------------------------------------------

export interface PerfCall {
  /** Upper-case catalog name without the namespace. */
  name: string;
  /** Argument texts as written (trimmed); '' for an omitted argument. */
  args: string[];
}

/**
 * `=PERF.NAME(a, b, …)` as one top-level call (nothing before or after it), its arguments
 * split at top-level commas (quotes, quoted sheet names, parentheses and array braces are
 * respected); null for any other formula.
 */
export function parsePerfCall(formula: string): PerfCall | null {
  const text = formula.trim().replace(/^=/, '').trim();
  const head = /^PERF\.([A-Za-z][A-Za-z0-9_.]*)\s*\(/i.exec(text);
  if (!head) return null;
  const args: string[] = [];
  let depth = 1;
  let start = head[0].length;
  let i = start;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      // A quoted string ("" escapes a quote) or a quoted sheet name ('' likewise).
      for (i++; i < text.length; i++) {
        if (text[i] === ch) {
          if (text[i + 1] === ch) i++;
          else break;
        }
      }
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      depth--;
      if (depth === 0) break;
    } else if (ch === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0 || text.slice(i + 1).trim() !== '') return null;
  const last = text.slice(start, i).trim();
  if (last !== '' || args.length > 0) args.push(last);
  return { name: head[1].toUpperCase(), args };
}

// ---------------------------------------------------------------------------------------
// Evaluating the arguments
// ---------------------------------------------------------------------------------------

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof DetailedCellError) {
    const code = (EXCEL_ERROR_CODES as readonly string[]).includes(value.value) ? (value.value as ExcelErrorCode) : '#VALUE!';
    if (!value.message) return new PerfError(code, ERRORS.inputCellHolds, { code: value.value });
    // HyperFormula's own message as its text, so that it is said in the output's locale.
    const known = hyperFormulaPhrase(value.message);
    return known ? new PerfError(code, known.text, known.params) : new PerfError(code, value.message);
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** One argument as Excel passes it: a scalar, a 2-D array for a range, null when omitted. */
export function evaluateArgument(hf: HyperFormula, text: string, sheetId: number): Arg {
  if (text === '') return null;
  let value: unknown;
  try {
    value = hf.calculateFormula(`=${text}`, sheetId);
  } catch (error) {
    throw new ExplainRequestError(phrase(CLI.cannotEvaluate, { argument: text, reason: reasonOf(error) }));
  }
  if (Array.isArray(value)) return value.map((row: unknown[]) => row.map(toCell));
  return toCell(value);
}

// ---------------------------------------------------------------------------------------
// Explaining a cell
// ---------------------------------------------------------------------------------------

export interface CellExplanation {
  /** "Sheet!F3" as asked (sheet name as is, never quoted). */
  cell: string;
  /** The cell holding the formula (the cell itself unless it is inside a spilled range). */
  anchor: string;
  /** The element of the formula's result the cell shows (0-based). */
  element: ExplainAt;
  formula: string;
  function: string;
  /** What the calculated workbook shows in the cell. */
  cellValue: number | string | boolean | { error: string; message: string } | null;
  /** The explanation, or the error the function gives for this element (rendered in the output's locale). */
  explanation?: Explanation;
  error?: PerfError;
}

function cellValueOf(hf: HyperFormula, address: SimpleCellAddress, locale: Locale): CellExplanation['cellValue'] {
  const value = hf.getCellValue(address);
  if (value instanceof DetailedCellError) return { error: value.value, message: localizeHyperFormulaMessage(value.message ?? '', locale) };
  if (value === null || value === undefined) return null;
  return value as number | string | boolean;
}

/** Explains `target` ("Sheet!C5") of a calculated workbook; ExplainRequestError for what cannot be explained. */
export function explainCell(book: CalculatedBook, target: string): CellExplanation {
  const { hf } = book.calculation;
  const cell = resolveTarget(hf, target);
  const address = { sheet: cell.sheetId, row: cell.row, col: cell.col };
  const name = cellName(cell.sheet, cell.row, cell.col);
  // The formula whose value covers the cell: its own, or the anchor of the array it is part of.
  const result = book.calculation.resultCovering(cell.sheetId, cell.row + 1, cell.col + 1);
  if (!result) throw new ExplainRequestError(phrase(CLI.noFormula, { cell: name }));
  const anchor: SimpleCellAddress = { sheet: cell.sheetId, row: result.formula.row - 1, col: result.formula.col - 1 };
  // Shown as the user typed it; evaluated in the form HyperFormula computes.
  const formula = `=${toTypedFormula(result.formula.text)}`;
  const call = parsePerfCall(formula) ? parsePerfCall(result.translation.core ?? result.translation.text) : null;
  if (!call) {
    throw new ExplainRequestError(phrase(CLI.notPerfCall, { cell: name, formula }));
  }
  if (!isExplainable(call.name)) {
    throw new ExplainRequestError(phrase(CLI.notExplainable, { cell: name, name: call.name, functions: EXPLAINABLE }));
  }
  const element = { row: cell.row - anchor.row, col: cell.col - anchor.col };
  const args = call.args.map((text) => evaluateArgument(hf, text, anchor.sheet));
  const base = {
    cell: name,
    anchor: cellName(cell.sheet, anchor.row, anchor.col),
    element,
    formula,
    function: call.name,
    cellValue: cellValueOf(hf, address, book.calculation.settings.locale ?? DEFAULT_LOCALE),
  };
  try {
    return { ...base, explanation: explainCall(call.name, args, element) };
  } catch (error) {
    if (error instanceof PerfError) return { ...base, error };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------

/** " (row 2 of the array spilled from Sheet!F2)" for a cell inside a spill; '' for the anchor. */
function elementText(result: CellExplanation, locale: Locale): string {
  if (result.anchor === result.cell) return '';
  const row = result.element.row + 1;
  const column = result.element.col + 1;
  let position: Phrase;
  if (column === 1) position = phrase(EXPLAIN['position.row'], { row });
  else if (row === 1) position = phrase(EXPLAIN['position.column'], { column });
  else position = phrase(EXPLAIN['position.cell'], { row, column });
  return render(EXPLAIN['cell.spilled'], locale, { position, anchor: result.anchor });
}

/** The readable explanation in `locale`: the cell, its formula, one line per step, then "= value". */
export function explanationText(result: CellExplanation, locale: Locale = DEFAULT_LOCALE): string {
  const lines = [`${result.cell}${elementText(result, locale)}`, `  ${result.formula}`];
  if (result.error) {
    lines.push(`  ${render(EXPLAIN['cell.error'], locale, { code: result.error.code, message: result.error.localized(locale) })}`);
    return `${lines.join('\n')}\n`;
  }
  const explanation = result.explanation!;
  // The last line is the 'result' step: "= Commission: 400 + 600 = 1,000".
  for (const line of explanationLines(explanation, locale)) lines.push(`  ${line}`);
  const shown = result.cellValue;
  if (typeof shown === 'number' && Math.abs(shown - explanation.value) > 1e-9 * Math.max(1, Math.abs(shown))) {
    lines.push(`  ${render(EXPLAIN['cell.differs'], locale, { value: formatNumber(shown) })}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * JSON: the cell, anchor, element, formula and function, then value + steps (or the error).
 * Each step keeps its key and gives its label and formula rendered in `locale`; the error's
 * message is in `locale` too.
 */
export function explanationJson(result: CellExplanation, locale: Locale = DEFAULT_LOCALE): Record<string, unknown> {
  const { explanation, error, ...rest } = result;
  if (error) return { ...rest, error: { error: error.code, message: error.localized(locale) } };
  if (!explanation) return rest;
  const steps = explanation.steps.map((s) => ({ kind: s.kind, key: s.key, label: stepLabel(s, locale), formula: stepFormula(s, locale), amount: s.amount }));
  return { ...rest, value: explanation.value, steps };
}

export function explainCommand(args: string[], io: Io): Promise<number> {
  return runOnBook('explain', args, io, parseExplainArgs, explainUsage, (options) => ({
    command: 'explain',
    book: options.book,
    target: options.target,
    json: options.json,
    locale: options.language,
  }));
}

/** The work itself (inside the worker). */
export async function runExplainTask(task: Extract<Task, { command: 'explain' }>, io: Io, progress: Progress): Promise<number> {
  const calculated = await calculateForTask('explain', task, io, progress, { allCells: true });
  if (typeof calculated === 'number') return calculated;
  let result: CellExplanation;
  try {
    result = explainCell(calculated, task.target);
  } catch (error) {
    if (error instanceof ExplainRequestError) {
      io.err(commandLine('explain', error.phrase, task.locale));
      return EXIT.usage;
    }
    throw error;
  }
  const { locale } = task;
  io.out(task.json ? `${JSON.stringify(explanationJson(result, locale))}\n` : explanationText(result, locale));
  return EXIT.calculated;
}
