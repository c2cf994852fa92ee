/**
 * The Statements view's Excel side (issue 12 item 1, the pane's statement): the person in the
 * selected row of an Excel table, read as `perfplan statements --people "Team[Name]"` reads a
 * person (calc/statements.ts):
 *   - the table is the one containing the selection's first cell (Range.getTables); a selection
 *     outside every table, on the header row or on the totals row names nobody;
 *   - the table's columns, headed by its header row (getHeaderRowRange), with the row's cells
 *     (values, value types, formulas) — a formula cell is a result (a calculated column), any
 *     other cell an input or an identity field (statement-model.ts decides);
 *   - results beside the table: a cell of the row outside the table's columns that holds a
 *     formula, or shows an element of a spilled formula (PERF.PAYOUT(M8#,…) fills its column;
 *     Range.getSpillParentOrNullObject, ExcelApi 1.12), whose area lies within the table's rows.
 *     Its header is the text above it in the table's header row, else its column letter;
 *   - the period, for a table without a period column: the workbook's defined name Period (期间,
 *     所属期间…, STATEMENT_HEADERS.periodNames) when it stands for one cell holding a value.
 * Read only: nothing is written.
 */
import { STATEMENT_HEADERS } from '../../i18n/statements';
import { cellAddress, columnLetters, qualify, rangeAddress } from './a1';

export interface RowCell {
  header: string;
  /** "Team!C5" */
  cell: string;
  value: unknown;
  /** Excel's value type: "Double", "String", "Boolean", "Error", "Empty"… */
  type: string;
  /** The formula as typed, when the cell holds one — or its spill anchor's, for a spilled cell. */
  formula?: string;
  /** A spilled cell: the anchor holding the formula ("Team!F2") and the element this cell shows. */
  spill?: { anchor: string; row: number; col: number };
  /** A column of the table (else a result beside it). */
  inTable: boolean;
  /** The cell's number format ("0.0%", "[$¥-804]#,##0.00"), when not General: the statement shows the value as the cell does. */
  format?: string;
}

export interface ReadRowOptions {
  /** Find the anchors of spilled cells beside the table (Range.getSpillParentOrNullObject, ExcelApi 1.12). */
  spills?: boolean;
}

export interface PersonRow {
  /** The table's name. */
  table: string;
  sheet: string;
  /** The sheet row, 1-based. */
  row: number;
  /** The defined name Period's value (期间…), as text, when the workbook has one for one cell. */
  period?: string;
  /** The table's data rows on the sheet, 1-based (for its column references, People[Sales]). */
  dataRows?: { top: number; bottom: number };
  /** The table's columns in order, then the results beside it, left to right. */
  cells: RowCell[];
}

export type PersonRowProblemKind = 'notInTable' | 'headerRow' | 'totalsRow';

/** Why the selection names no person. */
export class PersonRowProblem extends Error {
  constructor(
    readonly kind: PersonRowProblemKind,
    readonly address: string,
  ) {
    super(
      `${address}: ${
        kind === 'notInTable' ? 'the selection is outside every table' : kind === 'headerRow' ? 'the table’s header row is selected, not a person' : 'the table’s totals row is selected, not a person'
      }`,
    );
    this.name = 'PersonRowProblem';
  }
}

const isFormula = (formula: unknown): formula is string => typeof formula === 'string' && formula.startsWith('=');

/** The person in the selected row of the table the selection's first cell lies in. */
export async function readPersonRow(context: Excel.RequestContext, options: ReadRowOptions = {}): Promise<PersonRow> {
  const selection = context.workbook.getSelectedRange();
  selection.load('address');
  const cell = selection.getCell(0, 0);
  cell.load('rowIndex, columnIndex, address');
  const tables = cell.getTables(false);
  const count = tables.getCount();
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  const used = sheet.getUsedRange();
  used.load('columnIndex, columnCount');
  const names = context.workbook.names;
  names.load('items/name');
  await context.sync();
  if (count.value === 0) throw new PersonRowProblem('notInTable', selection.address);

  const table = tables.getFirst();
  table.load('name');
  const header = table.getHeaderRowRange();
  header.load('values, rowIndex, columnIndex, columnCount');
  const body = table.getDataBodyRange();
  body.load('rowIndex, rowCount');
  const periods = periodNames(names.items.map((n) => n.name)).map((name) => {
    const range = names.getItem(name).getRangeOrNullObject();
    range.load('values, valueTypes, rowCount, columnCount');
    return range;
  });
  await context.sync();
  const rowIndex = cell.rowIndex;
  if (rowIndex === header.rowIndex) throw new PersonRowProblem('headerRow', selection.address);
  if (rowIndex < body.rowIndex || rowIndex >= body.rowIndex + body.rowCount) throw new PersonRowProblem('totalsRow', selection.address);

  // The row across the table and the sheet's used columns beside it, and the header row above those.
  const tableLeft = header.columnIndex;
  const tableRight = header.columnIndex + header.columnCount - 1;
  const left = Math.min(tableLeft, used.columnIndex);
  const right = Math.max(tableRight, used.columnIndex + used.columnCount - 1);
  const width = right - left + 1;
  const line = sheet.getRange(rangeAddress(rowIndex, left, 1, width));
  line.load('values, formulas, valueTypes, numberFormat');
  const beside = width > header.columnCount ? sheet.getRange(rangeAddress(header.rowIndex, left, 1, width)) : undefined;
  beside?.load('values');
  await context.sync();

  const types = line.valueTypes as unknown as string[][];
  // Excel's invariant (English) codes, as the workbook stores them; General is no format to apply.
  const formats = (line.numberFormat as unknown as unknown[][] | undefined)?.[0];
  const address = (col: number) => qualify(sheet.name, cellAddress(rowIndex, col));
  const cellAt = (col: number, headerText: string, inTable: boolean): RowCell => {
    const j = col - left;
    const formula = line.formulas[0][j];
    return {
      header: headerText,
      cell: address(col),
      value: line.values[0][j],
      type: String(types[0][j]),
      ...(isFormula(formula) ? { formula } : {}),
      inTable,
      ...(typeof formats?.[j] === 'string' && formats[j] !== '' && formats[j] !== 'General' ? { format: formats[j] as string } : {}),
    };
  };
  const cells: RowCell[] = [];
  for (let col = tableLeft; col <= tableRight; col++) cells.push(cellAt(col, String(header.values[0][col - tableLeft] ?? '').trim(), true));

  const besideHeader = (col: number) => {
    const above = beside?.values[0][col - left];
    return typeof above === 'string' && above.trim() !== '' ? above.trim() : columnLetters(col);
  };
  const outside: Beside[] = [];
  for (let col = left; col <= right; col++) {
    if (col >= tableLeft && col <= tableRight) continue;
    const c = cellAt(col, besideHeader(col), false);
    if (c.formula || (options.spills && c.type !== 'Empty')) outside.push({ c, col });
  }
  const tableRows = { top: header.rowIndex, bottom: body.rowIndex + body.rowCount - 1 };
  cells.push(...(options.spills ? await resultsBeside(context, sheet, outside, rowIndex, tableRows) : outside.map((b) => b.c)));
  const period = periods.map(periodText).find((text) => text !== undefined);
  return { table: table.name, sheet: sheet.name, row: rowIndex + 1, ...(period !== undefined ? { period } : {}), dataRows: { top: body.rowIndex + 1, bottom: body.rowIndex + body.rowCount }, cells };
}

/** A cell of the row beside the table, and its column (0-based). */
interface Beside {
  c: RowCell;
  col: number;
}

interface Extent {
  rowIndex: number;
  rowCount: number;
  isNullObject?: boolean;
}

/**
 * The cells beside the table that are results over the table's rows, as the CLI counts them: a
 * formula whose spill (or its one cell) stays within the rows; a value that is an element of
 * such a spill, with its anchor's formula and the element it shows.
 */
async function resultsBeside(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  cells: Beside[],
  rowIndex: number,
  rows: { top: number; bottom: number },
): Promise<RowCell[]> {
  if (cells.length === 0) return [];
  const pending = cells.map(({ c, col }) => {
    const range = sheet.getRange(cellAddress(rowIndex, col));
    if (c.formula) {
      const spill = range.getSpillingToRangeOrNullObject();
      spill.load('rowIndex, rowCount');
      return { c, col, spill };
    }
    const parent = range.getSpillParentOrNullObject();
    parent.load('address, formulas, rowIndex, columnIndex');
    return { c, col, parent };
  });
  await context.sync();
  const parents = pending.map((p) => {
    // A null parent (isNullObject) is no spill; neither is a parent without a formula.
    if (!p.parent || p.parent.isNullObject === true || !isFormula(p.parent.formulas?.[0]?.[0])) return p;
    const spill = p.parent.getSpillingToRangeOrNullObject();
    spill.load('rowIndex, rowCount');
    return { ...p, spill };
  });
  if (parents.some((p) => p.parent && p.spill)) await context.sync();
  const within = (spill: Extent | undefined) =>
    !spill || spill.isNullObject === true || (spill.rowIndex >= rows.top && spill.rowIndex + spill.rowCount - 1 <= rows.bottom);
  const results: RowCell[] = [];
  for (const { c, col, parent, spill } of parents) {
    if (c.formula) {
      if (within(spill as Extent | undefined)) results.push(c);
      continue;
    }
    if (!parent || parent.isNullObject === true || !spill) continue;
    const formula = parent.formulas?.[0]?.[0];
    if (!isFormula(formula) || !within(spill as Extent)) continue;
    results.push({ ...c, formula, spill: { anchor: parent.address, row: rowIndex - parent.rowIndex, col: col - parent.columnIndex } });
  }
  return results;
}

/** The workbook's names that may hold the period, in the order perfplan statements tries them. */
function periodNames(names: readonly string[]): string[] {
  return STATEMENT_HEADERS.periodNames.map((wanted) => names.find((n) => n.toLowerCase() === wanted.toLowerCase())).filter((n): n is string => n !== undefined);
}

/** A period name's cell as text (numbers as JavaScript writes them, as the CLI does); undefined unless one cell with a value. */
function periodText(range: Excel.Range): string | undefined {
  if (range.isNullObject === true || range.rowCount !== 1 || range.columnCount !== 1) return undefined;
  const value = range.values[0][0];
  const type = String((range.valueTypes as unknown as string[][])[0][0]);
  if (type === 'Error' || type === 'Empty' || value === '' || value === null || value === undefined) return undefined;
  return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
}
