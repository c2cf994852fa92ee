/**
 * A package whose one sheet, S, has a worksheet part the test writes by hand: for the tests
 * of the reader and the patcher, which look at SpreadsheetML no writer here produces.
 */
import { editPackage } from './package-edit';
import { StoredBook, storedWorkbook } from './stored-workbook';

/** One sheet named S whose `xl/worksheets/sheet1.xml` is `worksheetXml`, as given. */
export function withWorksheetPart(worksheetXml: string, book: Partial<StoredBook> = {}): Uint8Array {
  const bytes = storedWorkbook({ ...book, sheets: [{ name: 'S', cells: [] }] });
  return editPackage(bytes, { 'xl/worksheets/sheet1.xml': worksheetXml });
}
