/**
 * Plan A against plan B, person by person (`perfplan compare`, issue 12 item 2). Pure: the
 * keyed values of each workbook in, the comparison out — no workbook, no I/O.
 *
 * The rules, as the README states them:
 *   - A person is a key (name, employee id): matched as text, trimmed, compatibility-folded
 *     (NFKC: full-width "１００１" is "1001") and without regard to case, as Excel's lookups
 *     match; a number key matches its text ("1001"). A key may name one person only.
 *   - Δ = B − A, to 15 significant digits (as Excel shows numbers: 11,000.1 − 10,000 is 1,000.1,
 *     not 1,000.1000000000004). Δ% = Δ / |A|; when A is 0 it is undefined, and said so.
 *   - Joiners are in B only (their Δ is B), leavers in A only (their Δ is −A); the total Δ is
 *     the Δ of the people in both plus the joiners' minus the leavers'.
 *   - Better off / worse off / unchanged concern the people in both; unchanged means Δ = 0.
 *   - Largest changes: the people in both with Δ ≠ 0, by |Δ| (the larger first); equal |Δ|
 *     keep the order of A.
 *   - Plan ceilings: a workbook names a ceiling with two defined names, PlanCeiling_X (the
 *     ceiling, e.g. 30%) and PlanActual_X (what the plan comes to, e.g. labour cost / revenue),
 *     each one cell; the plan is within when actual ≤ ceiling.
 */
import type { CellValue, DefinedName } from '../workbook/read';

/** One person's value in one workbook. */
export interface KeyedValue {
  /** The key as the workbook shows it. */
  key: string;
  value: number;
  /** Where the value is ("Team!C5"). */
  cell: string;
}

/** A cell that cannot take part, and why. */
export type CellProblem =
  | { kind: 'error'; cell: string; code: string }
  | { kind: 'blank'; cell: string }
  | { kind: 'text'; cell: string }
  | { kind: 'logical'; cell: string }
  | { kind: 'keyBlank'; cell: string; valueCell: string }
  | { kind: 'keyTwice'; key: string; cells: string[] };

/** What is in one cell: a number, or why it is none. */
export function numberIn(cell: string, value: CellValue | undefined): number | CellProblem {
  if (value === undefined || value === '' || (typeof value === 'string' && value.trim() === '')) return { kind: 'blank', cell };
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return { kind: 'logical', cell };
  if (typeof value === 'object') return { kind: 'error', cell, code: value.error };
  return { kind: 'text', cell };
}

/** A key as text, as the workbook shows it (a number without float noise). */
export function keyText(value: CellValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') return value.error;
  return value.trim();
}

/** The form two keys are matched in. */
export function matchingKey(key: string): string {
  return key.normalize('NFKC').trim().toLowerCase();
}

const isBlank = (value: CellValue | undefined) => value === undefined || (typeof value === 'string' && value.trim() === '');

export interface KeyCell {
  address: string;
  value: CellValue | undefined;
}

/**
 * Pairs a key column with a value column of the same length: rows where both are blank are
 * skipped (a table's empty rows); every other row must have a key and a number. The problems
 * list each cell that cannot be compared and each key found twice.
 */
export function keyedValues(keys: readonly KeyCell[], values: readonly KeyCell[]): { values: KeyedValue[]; problems: CellProblem[] } {
  const out: KeyedValue[] = [];
  const problems: CellProblem[] = [];
  const seen = new Map<string, string[]>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = values[i];
    if (isBlank(key.value) && isBlank(value.value)) continue;
    if (isBlank(key.value)) {
      problems.push({ kind: 'keyBlank', cell: key.address, valueCell: value.address });
      continue;
    }
    if (typeof key.value === 'object') {
      problems.push({ kind: 'error', cell: key.address, code: key.value.error });
      continue;
    }
    const text = keyText(key.value);
    const cells = seen.get(matchingKey(text));
    if (cells) cells.push(key.address);
    else seen.set(matchingKey(text), [key.address]);
    const number = numberIn(value.address, value.value);
    if (typeof number === 'number') out.push({ key: text, value: number, cell: value.address });
    else problems.push(number);
  }
  for (const cells of seen.values()) {
    if (cells.length > 1) {
      const first = keys.find((k) => k.address === cells[0])!;
      problems.push({ kind: 'keyTwice', key: keyText(first.value), cells });
    }
  }
  return { values: problems.length ? [] : out, problems };
}

/** A number as Excel shows it: 15 significant digits, no binary noise. */
export function excelNumber(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  return Number(value.toPrecision(15));
}

export type Status = 'both' | 'joiner' | 'leaver';

export interface PersonChange {
  key: string;
  status: Status;
  /** Absent for a joiner. */
  a?: number;
  /** Absent for a leaver. */
  b?: number;
  /** B − A, with a missing side counted as 0. */
  delta: number;
  /** Δ / |A| for people in both; null when A is 0 (undefined) or for joiners and leavers. */
  deltaPercent: number | null;
  /** Why deltaPercent is null. */
  percentUndefined?: 'a-is-zero' | 'joiner' | 'leaver';
  cellA?: string;
  cellB?: string;
}

export interface Totals {
  a: number;
  b: number;
  delta: number;
  /** Δ / |total A|; null when total A is 0. */
  deltaPercent: number | null;
  /** The total Δ, split: people in both, joiners (+B), leavers (−A). */
  deltaBoth: number;
  deltaJoiners: number;
  deltaLeavers: number;
}

export interface Comparison {
  /** Everyone: A's people in A's order (leavers in place), then the joiners in B's order. */
  people: PersonChange[];
  joiners: PersonChange[];
  leavers: PersonChange[];
  totals: Totals;
  /** People in both with Δ > 0, the largest gain first (equal Δ: A's order). */
  winners: PersonChange[];
  /** People in both with Δ < 0, the largest loss first. */
  losers: PersonChange[];
  unchanged: PersonChange[];
  /** Up to `top` people in both with Δ ≠ 0, by |Δ|. */
  largest: PersonChange[];
}

export const DEFAULT_TOP = 10;

/** Exact sums of many numbers: Neumaier's compensated summation, then Excel's 15 digits. */
export function sum(values: readonly number[]): number {
  let total = 0;
  let compensation = 0;
  for (const v of values) {
    const t = total + v;
    compensation += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return excelNumber(total + compensation);
}

function percent(delta: number, base: number): number | null {
  return base === 0 ? null : delta / Math.abs(base);
}

/** Compares plan A with plan B (each a list of keyed values with unique keys). */
export function comparePlans(a: readonly KeyedValue[], b: readonly KeyedValue[], top: number = DEFAULT_TOP): Comparison {
  const inB = new Map(b.map((entry) => [matchingKey(entry.key), entry]));
  const inA = new Set(a.map((entry) => matchingKey(entry.key)));
  const people: PersonChange[] = [];
  for (const entry of a) {
    const other = inB.get(matchingKey(entry.key));
    if (other) {
      const delta = excelNumber(other.value - entry.value);
      const deltaPercent = percent(delta, entry.value);
      people.push({
        key: other.key,
        status: 'both',
        a: entry.value,
        b: other.value,
        delta,
        deltaPercent,
        ...(deltaPercent === null ? { percentUndefined: 'a-is-zero' as const } : {}),
        cellA: entry.cell,
        cellB: other.cell,
      });
    } else {
      people.push({ key: entry.key, status: 'leaver', a: entry.value, delta: excelNumber(-entry.value), deltaPercent: null, percentUndefined: 'leaver', cellA: entry.cell });
    }
  }
  for (const entry of b) {
    if (inA.has(matchingKey(entry.key))) continue;
    people.push({ key: entry.key, status: 'joiner', b: entry.value, delta: excelNumber(entry.value), deltaPercent: null, percentUndefined: 'joiner', cellB: entry.cell });
  }
  const both = people.filter((p) => p.status === 'both');
  const joiners = people.filter((p) => p.status === 'joiner');
  const leavers = people.filter((p) => p.status === 'leaver');
  const totalA = sum(a.map((e) => e.value));
  const totalB = sum(b.map((e) => e.value));
  const delta = excelNumber(totalB - totalA);
  const order = new Map(people.map((p, i) => [p, i]));
  const byDelta = (sign: 1 | -1) => (x: PersonChange, y: PersonChange) => sign * (y.delta - x.delta) || order.get(x)! - order.get(y)!;
  return {
    people,
    joiners,
    leavers,
    totals: {
      a: totalA,
      b: totalB,
      delta,
      deltaPercent: percent(delta, totalA),
      deltaBoth: sum(both.map((p) => p.delta)),
      deltaJoiners: sum(joiners.map((p) => p.delta)),
      deltaLeavers: sum(leavers.map((p) => p.delta)),
    },
    winners: both.filter((p) => p.delta > 0).sort(byDelta(1)),
    losers: both.filter((p) => p.delta < 0).sort(byDelta(-1)),
    unchanged: both.filter((p) => p.delta === 0),
    largest: both
      .filter((p) => p.delta !== 0)
      .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || order.get(x)! - order.get(y)!)
      .slice(0, Math.max(0, top)),
  };
}

// ---------------------------------------------------------------------------------------------
// Plan ceilings
// ---------------------------------------------------------------------------------------------

export const CEILING_PREFIX = 'PlanCeiling_';
export const ACTUAL_PREFIX = 'PlanActual_';

/** A ceiling a workbook names: its label (the X of PlanCeiling_X) and the two names, if defined. */
export interface CeilingNames {
  label: string;
  ceiling?: string;
  actual?: string;
}

/**
 * The ceilings a workbook's defined names declare (PlanCeiling_X and PlanActual_X, either alone
 * too, so that a missing half can be reported), in the order the names first appear; labels
 * match without regard to case, as Excel's names do.
 */
export function ceilingNames(names: readonly DefinedName[]): CeilingNames[] {
  const found = new Map<string, CeilingNames>();
  for (const { name } of names) {
    const lower = name.toLowerCase();
    const kind = lower.startsWith(CEILING_PREFIX.toLowerCase()) ? 'ceiling' : lower.startsWith(ACTUAL_PREFIX.toLowerCase()) ? 'actual' : undefined;
    if (!kind) continue;
    const label = name.slice((kind === 'ceiling' ? CEILING_PREFIX : ACTUAL_PREFIX).length);
    if (label === '') continue;
    const entry = found.get(label.toLowerCase()) ?? { label };
    if (!entry[kind]) entry[kind] = name;
    found.set(label.toLowerCase(), entry);
  }
  return [...found.values()];
}

/** The labels of both workbooks' ceilings, A's first, each once. */
export function ceilingLabels(a: readonly CeilingNames[], b: readonly CeilingNames[]): string[] {
  const labels = new Map<string, string>();
  for (const c of [...a, ...b]) if (!labels.has(c.label.toLowerCase())) labels.set(c.label.toLowerCase(), c.label);
  return [...labels.values()];
}

/** One ceiling in one workbook. */
export type CeilingCheck =
  | { label: string; state: 'within' | 'over'; actual: number; ceiling: number; actualCell: string; ceilingCell: string }
  | { label: string; state: 'absent' }
  | { label: string; state: 'noActual' | 'noCeiling' }
  | { label: string; state: 'notNumber'; name: string; cell: string; value: CellValue | undefined }
  | { label: string; state: 'notCell'; name: string };

/** A named cell as read: where it is and its value, or that the name names no single cell. */
export type NamedCell = { cell: string; value: CellValue | undefined } | 'notCell';

/** Judges a ceiling from its two named cells (undefined: the name is not defined). */
export function judgeCeiling(label: string, names: CeilingNames | undefined, ceiling: NamedCell | undefined, actual: NamedCell | undefined): CeilingCheck {
  if (!names) return { label, state: 'absent' };
  if (!names.ceiling || ceiling === undefined) return { label, state: 'noCeiling' };
  if (!names.actual || actual === undefined) return { label, state: 'noActual' };
  if (ceiling === 'notCell') return { label, state: 'notCell', name: names.ceiling };
  if (actual === 'notCell') return { label, state: 'notCell', name: names.actual };
  if (typeof ceiling.value !== 'number') return { label, state: 'notNumber', name: names.ceiling, cell: ceiling.cell, value: ceiling.value };
  if (typeof actual.value !== 'number') return { label, state: 'notNumber', name: names.actual, cell: actual.cell, value: actual.value };
  const within = excelNumber(actual.value) <= excelNumber(ceiling.value);
  return { label, state: within ? 'within' : 'over', actual: actual.value, ceiling: ceiling.value, actualCell: actual.cell, ceilingCell: ceiling.cell };
}
