/** Writing test workbooks with exceljs (never with the CLI under test). */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { columnLetters } from '../../cli/workbook';

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
  await workbook.xlsx.writeFile(file);
  return file;
}
