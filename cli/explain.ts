/**
 * `perfplan explain BOOK.xlsx 'Sheet!C5' [--json] [--lang zh-CN]`: the task pane's "Explain
 * this cell" from the command line. The workbook is calculated as `perfplan calc` does; the
 * target's formula (or, inside a spilled range, its anchor's formula and the element's
 * offset) is parsed as one top-level PERF.NAME(args…) call, every argument is evaluated with
 * HyperFormula and handed to the engine's explainer exactly as Excel would pass it — the
 * resolution calc/explain-cell.ts holds for `perfplan statements` too.
 */
import type { HyperFormula } from 'hyperformula';
import { explanationLines, formatNumber, stepFormula, stepLabel } from '../engine/explain';
import { CLI, nameList } from '../i18n/cli';
import { EXPLAIN } from '../i18n/explain';
import { phrase } from '../i18n/glossary';
import { DEFAULT_LOCALE, Locale } from '../i18n/locale';
import { Phrase, isPhrase, render } from '../i18n/text';
import type { CalculatedBook } from '../calc/book';
import { CellExplainer, CellExplanation, EXPLAINABLE, ExplainRequestError } from '../calc/explain-cell';
import { spillPosition } from '../calc/spill-position';
import type { Io } from './io';
import { EXIT, commandLine } from './exit-codes';
import { DEFAULT_TIMEOUT_SECONDS, Task } from './isolate';
import { Progress, argumentsLocale, calculateForTask, readArguments, runOnBook } from './calc';
import { parseAddress } from '../workbook/a1';

/** `perfplan explain`'s usage in `locale`. */
export function explainUsage(locale: Locale): string {
  return render(CLI.explainUsage, locale, { seconds: DEFAULT_TIMEOUT_SECONDS, functions: EXPLAINABLE });
}

/** The usage in en-US. */
export const EXPLAIN_USAGE = explainUsage('en-US');

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

/** Explains `target` ("Sheet!C5") of a calculated workbook; ExplainRequestError for what cannot be explained. */
export function explainCell(book: CalculatedBook, target: string): CellExplanation {
  const cell = resolveTarget(book.calculation.hf, target);
  return new CellExplainer(book).explain(cell.sheetId, cell.row, cell.col);
}

// ---------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------

/** " (row 2 of the array spilled from Sheet!F2)" for a cell inside a spill; '' for the anchor. */
function elementText(result: CellExplanation, locale: Locale): string {
  if (result.anchor === result.cell) return '';
  return render(EXPLAIN['cell.spilled'], locale, { position: spillPosition(result.element), anchor: result.anchor });
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
