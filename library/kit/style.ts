/** The shared look of the built-in templates: input cells, headers, titles, number formats. */
import type ExcelJS from 'exceljs';

export const GREEN = 'FF107C41';
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: GREEN } };
export const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 13 };

/** Number formats: money is always CNY with two decimals. */
export const CNY = '"¥"#,##0.00';
export const PERCENT = '0.0%';
export const DATE = 'yyyy-mm-dd';
export const INT = '#,##0';

export function header(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  });
}

/** A yellow cell the user edits. */
export function input(cell: ExcelJS.Cell, numFmt?: string): void {
  cell.fill = INPUT_FILL;
  cell.border = { bottom: { style: 'thin', color: { argb: 'FFBF9000' } } };
  if (numFmt) cell.numFmt = numFmt;
}
