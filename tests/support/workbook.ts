/**
 * Test workbooks: authored with exceljs as a user types formulas, then saved the way Excel
 * saves them (formulas in Excel's storage form, add-in calls and spills as dynamic arrays,
 * values cached, the add-in binding) so that every test reads what real Excel would write.
 */
import ExcelJS from 'exceljs';
import { repositoryAddinIdentity } from '../../addin/manifest/identity';
import { saveLikeExcel } from '../../calc/excel-save';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { columnLetters } from '../../workbook/a1';

export type CellInput = number | string | boolean | null | { formula: string };

export function tempDir(prefix = 'perfplan-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes `grid` into `sheet` with its top-left at (row, col), 1-based. */
export function putGrid(sheet: ExcelJS.Worksheet, row: number, col: number, grid: CellInput[][]): string {
  grid.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value === null) return;
      sheet.getCell(row + r, col + c).value = value as ExcelJS.CellValue;
    }),
  );
  const rows = grid.length;
  const cols = grid[0].length;
  return `${columnLetters(col)}${row}:${columnLetters(col + cols - 1)}${row + rows - 1}`;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<string> {
  const authored = Buffer.from(await workbook.xlsx.writeBuffer());
  fs.writeFileSync(file, await saveLikeExcel(authored, { addin: repositoryAddinIdentity() }));
  return file;
}

/** The workbook exactly as exceljs writes it (typed formulas, no dynamic arrays): what Excel would NOT write. */
export async function saveAuthoredOnly(workbook: ExcelJS.Workbook, file: string): Promise<string> {
  await workbook.xlsx.writeFile(file);
  return file;
}
