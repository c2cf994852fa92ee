/**
 * "Explain this cell" on a calculated workbook — the resolution `perfplan explain` and
 * `perfplan statements` share: the formula whose value covers a cell (its own, or the anchor of
 * the array it is part of), parsed as one top-level PERF.NAME(args…) call, its arguments
 * evaluated with HyperFormula exactly as Excel would pass them, then handed to the catalog's
 * explainer (catalog/explain.ts) for the element the cell shows. No engine rule is restated here.
 *
 * A CellExplainer keeps each anchor's parsed call and evaluated arguments, so explaining every
 * element of a 1,000-row spill evaluates its arguments once.
 */
import { DetailedCellError, HyperFormula, SimpleCellAddress } from 'hyperformula';
import { EXCEL_ERROR_CODES, ExcelErrorCode, PerfError } from '../engine/errors';
import type { ExplainAt, Explanation } from '../engine/explain';
import type { Arg, Cell } from '../engine/grid';
import { EXPLAINABLE_FUNCTIONS, explainCall, isExplainable } from '../catalog/explain';
import { CLI, nameList } from '../i18n/cli';
import { ERRORS } from '../i18n/errors';
import { hyperFormulaPhrase, localizeHyperFormulaMessage } from '../i18n/hyperformula';
import { phrase } from '../i18n/glossary';
import { LocalizedError, messageOf } from '../i18n/localized-error';
import { DEFAULT_LOCALE, Locale } from '../i18n/locale';
import type { Phrase } from '../i18n/text';
import { toAddress } from '../workbook/a1';
import { toTypedFormula } from '../workbook/formula-text';
import type { CalculatedBook } from './book';
import type { FormulaResult } from './calculate';

/** The functions explain knows, as the formula names them. */
export const EXPLAINABLE = nameList(EXPLAINABLE_FUNCTIONS.map((f) => `PERF.${f}`));

/** A problem with what was asked (not a PERF formula, unsupported, bad target): `perfplan explain` exits 1. */
export class ExplainRequestError extends LocalizedError {
  constructor(message: Phrase) {
    super(message);
    this.name = 'ExplainRequestError';
  }
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
    const reason: Phrase = error instanceof LocalizedError || error instanceof PerfError ? { text: error.text, params: error.params } : phrase(CLI.foreign, { message: messageOf(error) });
    throw new ExplainRequestError(phrase(CLI.cannotEvaluate, { argument: text, reason }));
  }
  if (Array.isArray(value)) return value.map((row: unknown[]) => row.map(toCell));
  return toCell(value);
}

// ---------------------------------------------------------------------------------------
// Explaining a cell
// ---------------------------------------------------------------------------------------

export interface CellExplanation {
  /** "Sheet!F3" (sheet name as is, never quoted). */
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

/** "Sheet!C5" for a 0-based row and column. */
export function cellName(sheet: string, row: number, col: number): string {
  return `${sheet}!${toAddress(row + 1, col + 1)}`;
}

function cellValueOf(hf: HyperFormula, address: SimpleCellAddress, locale: Locale): CellExplanation['cellValue'] {
  const value = hf.getCellValue(address);
  if (value instanceof DetailedCellError) return { error: value.value, message: localizeHyperFormulaMessage(value.message ?? '', locale) };
  if (value === null || value === undefined) return null;
  return value as number | string | boolean;
}

/** An anchor's call, read once: its name, the formula as typed, its arguments evaluated (or why they could not be). */
interface AnchorCall {
  formula: string;
  name: string;
  args?: Arg[];
  failure?: ExplainRequestError;
}

/** Explains cells of one calculated workbook, reading each anchor's call and arguments once. */
export class CellExplainer {
  private readonly calls = new Map<FormulaResult, AnchorCall>();

  constructor(private readonly book: CalculatedBook) {}

  /** The formula covering a cell (its own or its array's anchor), undefined for a cell no formula covers. */
  covering(sheetId: number, row: number, col: number): FormulaResult | undefined {
    return this.book.calculation.resultCovering(sheetId, row + 1, col + 1);
  }

  /**
   * Explains the cell at (row, col), 0-based, of sheet `sheetId`. ExplainRequestError when it
   * holds no formula, its formula is not one PERF call, or the function has no explanation.
   */
  explain(sheetId: number, row: number, col: number): CellExplanation {
    const result = this.covering(sheetId, row, col);
    if (!result) throw new ExplainRequestError(phrase(CLI.noFormula, { cell: cellName(this.book.calculation.hf.getSheetName(sheetId) ?? '', row, col) }));
    return this.explainResult(result, sheetId, row, col);
  }

  /** Explains the cell at (row, col), 0-based, of sheet `sheetId`, which `result` covers (see covering). */
  explainResult(result: FormulaResult, sheetId: number, row: number, col: number): CellExplanation {
    const { hf } = this.book.calculation;
    const sheet = hf.getSheetName(sheetId) ?? '';
    const name = cellName(sheet, row, col);
    const anchor: SimpleCellAddress = { sheet: sheetId, row: result.formula.row - 1, col: result.formula.col - 1 };
    const call = this.callOf(result, name, anchor.sheet);
    if (call.failure) throw call.failure;
    const element = { row: row - anchor.row, col: col - anchor.col };
    const base = {
      cell: name,
      anchor: cellName(sheet, anchor.row, anchor.col),
      element,
      formula: call.formula,
      function: call.name,
      cellValue: cellValueOf(hf, { sheet: sheetId, row, col }, this.book.calculation.settings.locale ?? DEFAULT_LOCALE),
    };
    try {
      return { ...base, explanation: explainCall(call.name, call.args!, element) };
    } catch (error) {
      if (error instanceof PerfError) return { ...base, error };
      throw error;
    }
  }

  private callOf(result: FormulaResult, cell: string, sheetId: number): AnchorCall {
    let call = this.calls.get(result);
    if (call) return call;
    // Shown as the user typed it; evaluated in the form HyperFormula computes.
    const formula = `=${toTypedFormula(result.formula.text)}`;
    const parsed = parsePerfCall(formula) ? parsePerfCall(result.translation.core ?? result.translation.text) : null;
    if (!parsed) call = { formula, name: '', failure: new ExplainRequestError(phrase(CLI.notPerfCall, { cell, formula })) };
    else if (!isExplainable(parsed.name)) {
      call = { formula, name: parsed.name, failure: new ExplainRequestError(phrase(CLI.notExplainable, { cell, name: parsed.name, functions: EXPLAINABLE })) };
    } else {
      try {
        call = { formula, name: parsed.name, args: parsed.args.map((text) => evaluateArgument(this.book.calculation.hf, text, sheetId)) };
      } catch (error) {
        if (!(error instanceof ExplainRequestError)) throw error;
        call = { formula, name: parsed.name, failure: error };
      }
    }
    // A failure names the cell asked about: kept only for the anchor itself.
    if (!call.failure) this.calls.set(result, call);
    return call;
  }
}
