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
  /** The formula as typed, when the cell holds one. */
  formula?: string;
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
export async function readPersonRow(context: Excel.RequestContext): Promise<PersonRow> {
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
  return { sheet: sheet.name, row: cell.rowIndex + 1, cells };
}
