/**
 * Compare plans inside Excel (issue 12 item 2, the pane's side of `perfplan compare`).
 *
 * The user names two columns of one sheet: the people (key) and what they are paid (value).
 * copyPlanSheet copies that sheet (Worksheet.copy, ExcelApi 1.7) to the end of the workbook
 * under a free name and activates the copy: plan B is edited there, plan A — the user's
 * original — is only ever read. comparePlanSheets recalculates the workbook, reads the same
 * local addresses on both sheets (values and value types: an error cell is an error, not
 * text), and compares them with calc/compare.ts, exactly as `perfplan compare` does.
 * deletePlanCopy removes the copy again.
 *
 * Nothing here writes to the original sheet: the only writes are on the copy (its name,
 * activation, deletion) and the recalculation.
 */
import { type CellValue } from '../../workbook/read';
import type { DefinedName } from '../../workbook/read';
import { type CeilingCheck, type CellProblem, type Comparison, DEFAULT_TOP, type KeyCell, type NamedCell, ceilingNames, comparePlans, judgeCeiling, keyedValues } from '../../calc/compare';
import { cellAddress, parseAddress, qualify } from './a1';
import { loadSheetNames, uniqueSheetName } from './sheet-names';

/** Excel.CalculationType.full. */
export const FULL_CALCULATION = 'Full' as const;
/** Excel.WorksheetPositionType.end. */
export const COPY_POSITION = 'End' as const;
const BUSY = '#BUSY!';

/** The two columns compared: local addresses ("A2:A20", "F2:F20") on `sheet`. */
export interface PlanColumns {
  sheet: string;
  keys: string;
  values: string;
}

/** Why two selected columns cannot be compared. */
export type ColumnsIssue =
  | { kind: 'notAddress'; address: string }
  | { kind: 'noSheet'; address: string }
  | { kind: 'notOneColumn'; address: string }
  | { kind: 'differentSheets'; keys: string; values: string }
  | { kind: 'differentRows'; keys: string; values: string };

/**
 * The columns named by two selections (Range.address, "Team!A2:A20"): each one column, both on
 * one sheet and over the same rows. Either the columns or the first issue.
 */
export function planColumns(keysAddress: string, valuesAddress: string): PlanColumns | ColumnsIssue {
  const parse = (address: string) => {
    try {
      return parseAddress(address);
    } catch {
      return undefined;
    }
  };
  const keys = parse(keysAddress);
  if (!keys) return { kind: 'notAddress', address: keysAddress };
  const values = parse(valuesAddress);
  if (!values) return { kind: 'notAddress', address: valuesAddress };
  if (keys.sheet === undefined) return { kind: 'noSheet', address: keysAddress };
  if (values.sheet === undefined) return { kind: 'noSheet', address: valuesAddress };
  if (keys.start.col !== keys.end.col) return { kind: 'notOneColumn', address: keysAddress };
  if (values.start.col !== values.end.col) return { kind: 'notOneColumn', address: valuesAddress };
  if (keys.sheet.toLowerCase() !== values.sheet.toLowerCase()) return { kind: 'differentSheets', keys: keysAddress, values: valuesAddress };
  if (keys.start.row !== values.start.row || keys.end.row !== values.end.row) return { kind: 'differentRows', keys: keysAddress, values: valuesAddress };
  const local = (address: string) => address.slice(address.lastIndexOf('!') + 1);
  return { sheet: keys.sheet, keys: local(keysAddress), values: local(valuesAddress) };
}

export function isColumnsIssue(value: PlanColumns | ColumnsIssue): value is ColumnsIssue {
  return 'kind' in value;
}

/**
 * Copies `sheet` to the end of the workbook as `copyName` (or the next free "copyName (n)"),
 * activates the copy and returns its name. The original is not written to.
 */
export async function copyPlanSheet(context: Excel.RequestContext, sheet: string, copyName: string): Promise<string> {
  const taken = new Set((await loadSheetNames(context)).map((name) => name.toLowerCase()));
  const name = uniqueSheetName(copyName, taken);
  const original = context.workbook.worksheets.getItem(sheet);
  const copy = original.copy(COPY_POSITION);
  copy.name = name;
  copy.activate();
  copy.load('name');
  await context.sync();
  return copy.name;
}

/** Deletes the copy (never the original: a copy named like the original is refused). */
export async function deletePlanCopy(context: Excel.RequestContext, copy: string, original: string): Promise<void> {
  if (copy.toLowerCase() === original.toLowerCase()) throw new Error(`Refusing to delete the original sheet ${original}`);
  context.workbook.worksheets.getItem(copy).delete();
  await context.sync();
}

/** A cell as calc/compare.ts reads it: an error as { error }, an empty cell as undefined. */
export function cellValueOf(value: unknown, type: string | undefined): CellValue | undefined {
  if (type === 'Error') return { error: String(value) } as CellValue;
  if (type === 'Empty' || value === '' || value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/** One column's cells, "Sheet!A2" … with their values. */
function columnCells(sheet: string, start: { row: number; col: number }, values: unknown[][], types: string[][] | undefined): KeyCell[] {
  return values.map((row, i) => ({ address: `${sheet}!${cellAddress(start.row + i, start.col)}`, value: cellValueOf(row[0], types?.[i]?.[0]) }));
}

export interface PlanSide {
  sheet: string;
  keys: KeyCell[];
  values: KeyCell[];
}

export type PlanComparison =
  | { ok: true; comparison: Comparison; a: PlanSide; b: PlanSide }
  | { ok: false; problemsA: CellProblem[]; problemsB: CellProblem[] };

export interface CompareOptions {
  /** How many largest changes (default 10, as the CLI). */
  top?: number;
  /** A PERF custom function may show #BUSY! right after a recalculation: read again until it settles. */
  busyTimeoutMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Recalculates, reads the key and value columns on the original (plan A) and on the copy
 * (plan B) and compares them. Cells that cannot take part (errors, blanks, text, a key twice)
 * come back as problems of their side instead of a comparison.
 */
export async function comparePlanSheets(context: Excel.RequestContext, columns: PlanColumns, copy: string, options: CompareOptions = {}): Promise<PlanComparison> {
  const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
  const pollMs = options.pollMs ?? 100;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  context.workbook.application.calculate(FULL_CALCULATION);
  await context.sync();
  const keysAt = parseAddress(columns.keys).start;
  const valuesAt = parseAddress(columns.values).start;
  const started = Date.now();
  for (;;) {
    const ranges = [columns.sheet, copy].map((sheet) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const keys = ws.getRange(columns.keys);
      const values = ws.getRange(columns.values);
      keys.load('values, valueTypes');
      values.load('values, valueTypes');
      return { sheet, keys, values };
    });
    await context.sync();
    const busy = ranges.some((r) => r.values.values.some((row) => row[0] === BUSY) || r.keys.values.some((row) => row[0] === BUSY));
    if (busy && Date.now() - started < busyTimeoutMs) {
      await sleep(pollMs);
      continue;
    }
    const [a, b] = ranges.map(
      (r): PlanSide => ({
        sheet: r.sheet,
        keys: columnCells(r.sheet, keysAt, r.keys.values, r.keys.valueTypes as string[][] | undefined),
        values: columnCells(r.sheet, valuesAt, r.values.values, r.values.valueTypes as string[][] | undefined),
      }),
    );
    const keyedA = keyedValues(a.keys, a.values);
    const keyedB = keyedValues(b.keys, b.values);
    if (keyedA.problems.length || keyedB.problems.length) return { ok: false, problemsA: keyedA.problems, problemsB: keyedB.problems };
    return { ok: true, comparison: comparePlans(keyedA.values, keyedB.values, options.top ?? DEFAULT_TOP), a, b };
  }
}

/** One plan ceiling judged in plan A (the original) and plan B (the copy). */
export interface CeilingPair {
  label: string;
  a: CeilingCheck;
  b: CeilingCheck;
}

/**
 * The plan ceilings the workbook names (PlanCeiling_X, PlanActual_X: calc/compare.ts), judged
 * for both plans. A named cell on the original sheet is read for plan B at the same address on
 * the copy (the copy has the changed plan; the workbook's names still point at the original);
 * a named cell on any other sheet is the same for both. A name that is no single cell is
 * "notCell", as for the CLI. Call after comparePlanSheets (the workbook is recalculated).
 */
export async function readCeilings(context: Excel.RequestContext, original: string, copy: string): Promise<CeilingPair[]> {
  const names = context.workbook.names;
  names.load('items/name');
  await context.sync();
  const found = ceilingNames(names.items.map((n) => ({ name: n.name }) as DefinedName));
  if (found.length === 0) return [];
  const wanted = [...new Set(found.flatMap((c) => [c.ceiling, c.actual].filter((n): n is string => n !== undefined)))];
  const ranges = new Map(
    wanted.map((name) => {
      const range = names.getItem(name).getRangeOrNullObject();
      range.load('address, values, valueTypes, cellCount');
      return [name, range] as const;
    }),
  );
  await context.sync();
  const copySheet = context.workbook.worksheets.getItem(copy);
  const cellsA = new Map<string, NamedCell>();
  const onCopy = new Map<string, { address: string; range: Excel.Range }>();
  for (const [name, range] of ranges) {
    if (range.isNullObject === true || range.cellCount !== 1) {
      cellsA.set(name, 'notCell');
      continue;
    }
    cellsA.set(name, { cell: range.address, value: cellValueOf(range.values[0][0], (range.valueTypes as unknown as string[][])[0][0]) });
    const parsed = parseAddress(range.address);
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() === original.toLowerCase()) {
      const local = range.address.slice(range.address.lastIndexOf('!') + 1);
      const there = copySheet.getRange(local);
      there.load('values, valueTypes');
      onCopy.set(name, { address: local, range: there });
    }
  }
  if (onCopy.size) await context.sync();
  const cellsB = new Map<string, NamedCell>(cellsA);
  for (const [name, { address, range }] of onCopy) {
    cellsB.set(name, { cell: qualify(copy, address), value: cellValueOf(range.values[0][0], (range.valueTypes as unknown as string[][])[0][0]) });
  }
  const judge = (cells: Map<string, NamedCell>, label: string) => {
    const entry = found.find((c) => c.label === label);
    return judgeCeiling(label, entry, entry?.ceiling ? cells.get(entry.ceiling) : undefined, entry?.actual ? cells.get(entry.actual) : undefined);
  };
  return found.map((c) => ({ label: c.label, a: judge(cellsA, c.label), b: judge(cellsB, c.label) }));
}
