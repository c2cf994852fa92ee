/**
 * What an explanation is made of: steps `{ kind, key, params, formula, amount }`. The label is
 * a key of i18n/explain.ts with its parameters, so the language layer renders it in either
 * language (render.ts); the formula is the computation, language-neutral ("15,000 × 7%"), or a
 * phrase where it has words ("none"). 'add' steps sum to the value, 'info' steps show
 * intermediate quantities, the last step is the 'result'.
 */
import { ERRORS } from '../../i18n/errors';
import { EXPLAIN, ExplainKey } from '../../i18n/explain';
import { ParamsArg, phrase } from '../../i18n/glossary';
import type { Params, Phrase } from '../../i18n/text';
import { PerfError, valueError } from '../errors';
import type { ResultGrid } from '../grid';

export type ExplainStepKind = 'add' | 'info' | 'result';

export interface ExplainStep {
  kind: ExplainStepKind;
  /** The label: a key of EXPLAIN (i18n/explain.ts)… */
  key: ExplainKey;
  /** …and its parameters (numbers formatted as the formula shows them). */
  params: Params;
  /** The computation: "15,000 × 7%" (the same in every language), or a phrase with words. */
  formula: string | Phrase;
  /** 'add' steps sum to the value; 'info' steps show intermediate quantities; 'result' is the value. */
  amount: number;
}

export interface Explanation {
  /** The catalog name without the namespace: "TIERED". */
  function: string;
  /** Exactly what the engine function returns for the explained element. */
  value: number;
  steps: ExplainStep[];
}

/** Which element of an array result to explain (0-based, within the result). */
export interface ExplainAt {
  row: number;
  col: number;
}

export const ORIGIN: ExplainAt = { row: 0, col: 0 };

// ---------------------------------------------------------------------------------------
// Numbers as the formulas show them (the same in en-US and zh-CN)
// ---------------------------------------------------------------------------------------

// One formatter per range, made once: toLocaleString builds a new one on every call, which
// dominates explaining a thousand statements.
const LARGE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const MEDIUM = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const SMALL = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** A readable number: "15,000", "1,050.5", "3.1416", "0.08333". */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  if (n === 0) return '0';
  const a = Math.abs(n);
  return (a >= 100 ? LARGE : a >= 1 ? MEDIUM : SMALL).format(n);
}

/** A ratio as a percentage: 0.07 → "7%", 1.0833 → "108.33%". */
export function formatPercent(n: number): string {
  return `${formatNumber(n * 100)}%`;
}

// ---------------------------------------------------------------------------------------
// Building steps
// ---------------------------------------------------------------------------------------

type Texts = typeof EXPLAIN;

function step(kind: ExplainStepKind, key: ExplainKey, formula: string | Phrase, amount: number, params: readonly unknown[]): ExplainStep {
  return { kind, key, params: (params[0] as Params | undefined) ?? {}, formula, amount };
}

/** A step whose amount is part of the value. */
export function add<K extends ExplainKey>(key: K, formula: string | Phrase, amount: number, ...params: ParamsArg<Texts[K]>): ExplainStep {
  return step('add', key, formula, amount, params);
}

/** A step that shows an intermediate quantity. */
export function info<K extends ExplainKey>(key: K, formula: string | Phrase, amount: number, ...params: ParamsArg<Texts[K]>): ExplainStep {
  return step('info', key, formula, amount, params);
}

/** The last step: the value. */
export function result<K extends ExplainKey>(key: K, formula: string | Phrase, amount: number, ...params: ParamsArg<Texts[K]>): ExplainStep {
  return step('result', key, formula, amount, params);
}

/** A phrase of EXPLAIN, as a formula with words or as a parameter of a label. */
export function words<K extends ExplainKey>(key: K, ...params: ParamsArg<Texts[K]>): Phrase {
  return phrase(EXPLAIN[key] as Texts[K], ...params);
}

// ---------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------

/** Σ amount of the 'add' steps, in order. */
export function sumOfAddSteps(explanation: Explanation): number {
  let total = 0;
  for (const s of explanation.steps) if (s.kind === 'add') total += s.amount;
  return total;
}

/** True when the 'add' steps sum to the value within `tolerance`, relative (absolute near 0). */
export function explanationAddsUp(explanation: Explanation, tolerance = 1e-9): boolean {
  const total = sumOfAddSteps(explanation);
  return Math.abs(total - explanation.value) <= tolerance * Math.max(1, Math.abs(explanation.value));
}

// ---------------------------------------------------------------------------------------
// The element explained
// ---------------------------------------------------------------------------------------

function checkAt(at: ExplainAt): void {
  if (!Number.isInteger(at.row) || !Number.isInteger(at.col) || at.row < 0 || at.col < 0) {
    throw valueError(ERRORS.explainElement, { row: at.row, column: at.col });
  }
}

/** The engine's result for `at`: a number, or its error thrown. */
export function resultAt(grid: ResultGrid, at: ExplainAt, fn: string): number {
  checkAt(at);
  const rows = grid.length;
  const cols = rows > 0 ? grid[0].length : 0;
  if (at.row >= rows || at.col >= cols) {
    throw valueError(ERRORS.explainOutside, { fn, row: at.row + 1, column: at.col + 1, rows, columns: cols });
  }
  const value = grid[at.row][at.col];
  if (value instanceof PerfError) throw value;
  if (typeof value !== 'number') throw valueError(ERRORS.explainNotNumber, { fn, row: at.row + 1, column: at.col + 1 });
  return value;
}
