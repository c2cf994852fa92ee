/**
 * The Statements view's Excel side (issue 12 item 1, the pane's statement): the person in the
 * selected row. readPersonRow reads the used range of the selection's sheet — its first row
 * holds the headers (a table's header row) — and the selected row: each column's header, cell,
 * value, value type and formula. A formula cell is a result, any other cell an input
 * (statement-model.ts decides). Read only: nothing is written.
 */
import { cellAddress, qualify } from './a1';

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
}

export interface ReadRowOptions {
  /** Find the anchors of spilled cells (Range.getSpillParentOrNullObject, ExcelApi 1.12). */
  spills?: boolean;
}

export interface PersonRow {
  sheet: string;
  /** The sheet row, 1-based. */
  row: number;
  cells: RowCell[];
}

/** Why the selection names no person. */
export class PersonRowProblem extends Error {
  constructor(readonly kind: 'headerRow' | 'outside', readonly address: string) {
    super(`${address}: ${kind === 'headerRow' ? 'the header row is selected, not a person' : 'the selection is outside the sheet’s data'}`);
    this.name = 'PersonRowProblem';
  }
}

/** The person in the selected row (the selection's first cell decides the row). */
export async function readPersonRow(context: Excel.RequestContext, options: ReadRowOptions = {}): Promise<PersonRow> {
  const selection = context.workbook.getSelectedRange();
  selection.load('address');
  const cell = selection.getCell(0, 0);
  cell.load('rowIndex, address');
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  const used = sheet.getUsedRange();
  used.load('rowIndex, columnIndex, values, formulas, valueTypes');
  await context.sync();
  const offset = cell.rowIndex - used.rowIndex;
  if (offset === 0) throw new PersonRowProblem('headerRow', selection.address);
  if (offset < 0 || offset >= used.values.length) throw new PersonRowProblem('outside', selection.address);
  const headers = used.values[0];
  const cells: RowCell[] = headers.map((header, j) => {
    const formula = used.formulas[offset][j];
    return {
      header: String(header ?? '').trim(),
      cell: qualify(sheet.name, cellAddress(cell.rowIndex, used.columnIndex + j)),
      value: used.values[offset][j],
      type: String((used.valueTypes as unknown as string[][])[offset][j]),
      ...(typeof formula === 'string' && formula.startsWith('=') ? { formula } : {}),
    };
  });
  if (options.spills) await findSpillAnchors(context, sheet, cells, cell.rowIndex, used.columnIndex);
  return { sheet: sheet.name, row: cell.rowIndex + 1, cells };
}

/** A value cell may be an element of a spilled formula (PERF.PAYOUT(M8#,…) fills its column): its anchor and formula. */
async function findSpillAnchors(context: Excel.RequestContext, sheet: Excel.Worksheet, cells: RowCell[], rowIndex: number, firstColumn: number): Promise<void> {
  const pending = cells
    .map((c, j) => ({ c, j }))
    .filter(({ c }) => !c.formula && c.type !== 'Empty' && c.type !== 'String')
    .map(({ c, j }) => {
      const parent = sheet.getRange(cellAddress(rowIndex, firstColumn + j)).getSpillParentOrNullObject();
      parent.load('address, formulas, rowIndex, columnIndex');
      return { c, j, parent };
    });
  if (pending.length === 0) return;
  await context.sync();
  for (const { c, j, parent } of pending) {
    if (parent.isNullObject === true) continue;
    const formula = parent.formulas?.[0]?.[0];
    if (typeof formula !== 'string' || !formula.startsWith('=')) continue;
    c.formula = formula;
    c.spill = { anchor: parent.address, row: rowIndex - parent.rowIndex, col: firstColumn + j - parent.columnIndex };
  }
}
