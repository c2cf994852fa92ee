/**
 * The Scenarios view's pure model, free of React and Office:
 *
 * - input rows (address, label, low / base / high as typed text) with defaults taken from the
 *   cell's current value (base = value, low / high = value ∓ 20 %);
 * - validation of the whole scenario as a list of issue codes (the view localizes them);
 * - the ScenarioSpec handed to addin/office/run-scenarios.ts;
 * - the Monte Carlo summary: numbers parsed from pasted text or read from a range, summarized by
 *   the ENGINE's `summary` (the same kernel as PERF.SUMMARY in Excel), so pane and sheet agree.
 */
import { isPerfError } from '../../../../engine/errors';
import { SUMMARY_LABELS, summary } from '../../../../engine/simulation';
import { parseAddress } from '../../../office/a1';
import { type ScenarioResult, type ScenarioSpec, sortBySwing } from '../../../office/run-scenarios';

/** low = base × (1 − 20 %), high = base × (1 + 20 %). */
export const DEFAULT_SPREAD = 0.2;
export const MAX_INPUTS = 20;

export type Field = 'low' | 'base' | 'high';
export const FIELDS: readonly Field[] = ['low', 'base', 'high'];

export interface InputRow {
  /** Stable id (React key); never shown. */
  id: string;
  /** Sheet-qualified address as Excel reports it ("Inputs!B2"). */
  address: string;
  /** Optional display name; blank = the address. */
  label: string;
  low: string;
  base: string;
  high: string;
}

/** Rounds away binary noise (1.2 × 0.8 = 0.96 not 0.9600000000000001). */
export function tidy(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/** The ±20 % defaults around `value` (low ≤ high also for negative values). */
export function defaultRange(value: number, spread = DEFAULT_SPREAD): { low: number; base: number; high: number } {
  const a = tidy(value * (1 - spread));
  const b = tidy(value * (1 + spread));
  return { low: Math.min(a, b), base: tidy(value), high: Math.max(a, b) };
}

/** A new input row for a cell holding `value` (must be a finite number). */
export function createRow(id: string, address: string, value: number): InputRow {
  const { low, base, high } = defaultRange(value);
  return { id, address, label: '', low: String(low), base: String(base), high: String(high) };
}

/**
 * A number typed by the user: trims, accepts full-width digits (NFKC), the minus sign "−",
 * "1,234.5" thousands separators and a trailing "%" (20% → 0.2). undefined when not a number.
 */
export function parseNumber(text: string): number | undefined {
  let s = text.normalize('NFKC').trim().replace(/\u2212/g, '-').replace(/\s+/g, '');
  if (s === '') return undefined;
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  const value = Number(s) * scale;
  return Number.isFinite(value) ? tidy(value) : undefined;
}

/** Compares cell addresses ignoring $, case and sheet-name case ("Sheet1!$B$2" = "sheet1!b2"). */
export function addressKey(address: string): string {
  try {
    const { sheet, start, end } = parseAddress(address.replace(/\$/g, ''));
    return `${sheet === undefined ? '' : sheet.toLocaleLowerCase('en-US')}!${start.row},${start.col}:${end.row},${end.col}`;
  } catch {
    return address.trim().toLocaleLowerCase('en-US');
  }
}

export function isSingleCell(address: string): boolean {
  try {
    const { start, end } = parseAddress(address);
    return start.row === end.row && start.col === end.col;
  } catch {
    return false;
  }
}

export type ScenarioIssue =
  | { code: 'noOutput' }
  | { code: 'noInputs' }
  | { code: 'tooManyInputs'; max: number }
  | { code: 'notNumber'; rowId: string; address: string; field: Field; text: string }
  | { code: 'lowAboveHigh'; rowId: string; address: string }
  | { code: 'noSpread'; rowId: string; address: string }
  | { code: 'baseOutside'; rowId: string; address: string }
  | { code: 'duplicate'; rowId: string; address: string }
  | { code: 'inputIsOutput'; rowId: string; address: string };

/** Everything that stops a run, in reading order (output, then each row); [] = ready. */
export function validateScenario(output: string | null, rows: readonly InputRow[]): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (!output) issues.push({ code: 'noOutput' });
  if (rows.length === 0) issues.push({ code: 'noInputs' });
  if (rows.length > MAX_INPUTS) issues.push({ code: 'tooManyInputs', max: MAX_INPUTS });
  const outputKey = output ? addressKey(output) : null;
  const seen = new Set<string>();
  for (const row of rows) {
    const { id: rowId, address } = row;
    const key = addressKey(address);
    if (key === outputKey) issues.push({ code: 'inputIsOutput', rowId, address });
    else if (seen.has(key)) issues.push({ code: 'duplicate', rowId, address });
    seen.add(key);
    const values: Partial<Record<Field, number>> = {};
    for (const field of FIELDS) {
      const value = parseNumber(row[field]);
      if (value === undefined) issues.push({ code: 'notNumber', rowId, address, field, text: row[field] });
      else values[field] = value;
    }
    const { low, base, high } = values;
    if (low === undefined || base === undefined || high === undefined) continue;
    if (low > high) issues.push({ code: 'lowAboveHigh', rowId, address });
    else if (low === high) issues.push({ code: 'noSpread', rowId, address });
    else if (base < low || base > high) issues.push({ code: 'baseOutside', rowId, address });
  }
  return issues;
}

/** The spec for runScenarios; throws when the scenario does not validate. */
export function toSpec(output: string | null, rows: readonly InputRow[]): ScenarioSpec {
  const issues = validateScenario(output, rows);
  if (issues.length > 0 || !output) throw new Error(`The scenario is not valid (${issues.map((i) => i.code).join(', ')})`);
  return {
    output,
    inputs: rows.map((row) => ({
      address: row.address,
      low: parseNumber(row.low) as number,
      base: parseNumber(row.base) as number,
      high: parseNumber(row.high) as number,
      label: row.label.trim() === '' ? row.address : row.label.trim(),
    })),
  };
}

/** Results sorted by swing, largest first (ties keep input order); the sheet uses the same order. */
export function sortResults(results: readonly ScenarioResult[]): ScenarioResult[] {
  return sortBySwing(results);
}

// -------------------------------------------------------------------------------------------
// Monte Carlo summary
// -------------------------------------------------------------------------------------------

export interface ParsedNumbers {
  values: number[];
  /** Tokens that are not numbers (shown to the user, at most a few). */
  invalid: string[];
}

/**
 * Numbers pasted as text: separated by whitespace (a column copied from Excel), commas,
 * semicolons or their full-width forms. Because "," separates values here, write decimals
 * with "." and no thousands separators.
 */
export function parseNumberList(text: string): ParsedNumbers {
  const values: number[] = [];
  const invalid: string[] = [];
  for (const token of text.normalize('NFKC').split(/[\s,;、]+/)) {
    if (token === '') continue;
    const value = parseNumber(token);
    if (value === undefined || token.endsWith('%')) invalid.push(token);
    else values.push(value);
  }
  return { values, invalid };
}

export interface RangeNumbers {
  values: number[];
  /** Blank cells (ignored silently). */
  blanks: number;
  /** Text, logical or error cells (ignored, but reported). */
  skipped: number;
}

/** The finite numbers of a range's `values`, in reading order. */
export function numbersFromRange(grid: readonly (readonly unknown[])[]): RangeNumbers {
  const values: number[] = [];
  let blanks = 0;
  let skipped = 0;
  for (const row of grid) {
    for (const cell of row) {
      if (typeof cell === 'number' && Number.isFinite(cell)) values.push(cell);
      else if (cell === null || cell === undefined || cell === '') blanks++;
      else skipped++;
    }
  }
  return { values, blanks, skipped };
}

export type SummaryLabel = (typeof SUMMARY_LABELS)[number];

export interface MonteCarloSummary {
  n: number;
  /** SUMMARY's rows in order; stdev is null with fewer than 2 values. */
  stats: { label: SummaryLabel; value: number | null }[];
}

/** The engine's SUMMARY of `values`; throws a RangeError when there are none. */
export function summarize(values: readonly number[]): MonteCarloSummary {
  if (values.length === 0) throw new RangeError('There are no numbers to summarize');
  const grid = summary(values.map((v) => [v]));
  return {
    n: values.length,
    stats: grid.map(([label, value]) => ({
      label: label as SummaryLabel,
      value: typeof value === 'number' && !isPerfError(value) ? value : null,
    })),
  };
}
