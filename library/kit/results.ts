/**
 * Result columns: one PERF dynamic-array formula at the top of a column spills a value per
 * row (one call per range, not one per cell), and every row of the spill gets the column's
 * number format.
 */
import type ExcelJS from 'exceljs';
import { formula } from './cells';

export interface ResultColumn {
  col: number;
  first: number;
  last: number;
  /** The spilling formula, written in the top cell. */
  formula: string;
  format?: string;
}

export function resultColumn(sheet: ExcelJS.Worksheet, column: ResultColumn): void {
  formula(sheet.getCell(column.first, column.col), column.formula);
  if (column.format) for (let row = column.first; row <= column.last; row++) sheet.getCell(row, column.col).numFmt = column.format;
}
