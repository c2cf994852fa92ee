/**
 * Where the task pane writes: an explicit address ("Weights!B2", or "B2" on the active sheet)
 * or the current selection's top-left cell.
 */
import { parseAddress, rangeAddress } from './a1';

export interface Anchor {
  sheet: Excel.Worksheet;
  sheetName: string;
  /** Top-left cell, 0-based. */
  row: number;
  col: number;
}

/**
 * The top-left cell of `at`, or of the selection when `at` is omitted. An unqualified `at`
 * is on the active worksheet. One round trip unless `at` names its sheet.
 */
export async function resolveAnchor(context: Excel.RequestContext, at?: string): Promise<Anchor> {
  const worksheets = context.workbook.worksheets;
  if (at !== undefined) {
    const { sheet: sheetName, start } = parseAddress(at);
    if (sheetName !== undefined) {
      return { sheet: worksheets.getItem(sheetName), sheetName, row: start.row, col: start.col };
    }
    const sheet = worksheets.getActiveWorksheet();
    sheet.load('name');
    await context.sync();
    return { sheet, sheetName: sheet.name, row: start.row, col: start.col };
  }
  const selection = context.workbook.getSelectedRange();
  selection.load('address');
  await context.sync();
  const { sheet: sheetName, start } = parseAddress(selection.address);
  if (sheetName === undefined) throw new Error(`The selection's address "${selection.address}" names no sheet`);
  return { sheet: worksheets.getItem(sheetName), sheetName, row: start.row, col: start.col };
}

/** The range at `address` ("Inputs!B2" or "B2" on the active worksheet); no round trip. */
export function rangeAt(context: Excel.RequestContext, address: string): Excel.Range {
  const { sheet, start, end } = parseAddress(address);
  const local = rangeAddress(start.row, start.col, end.row - start.row + 1, end.col - start.col + 1);
  const worksheets = context.workbook.worksheets;
  return (sheet === undefined ? worksheets.getActiveWorksheet() : worksheets.getItem(sheet)).getRange(local);
}
