/** Shared look of the built-in templates: input cells, headers, money formats. */
import type ExcelJS from 'exceljs';

export const GREEN = 'FF107C41';
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: GREEN } };
export const CNY = '"¥"#,##0.00';
export const PERCENT = '0.0%';

export function header(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  });
}

export function input(cell: ExcelJS.Cell, numFmt?: string): void {
  cell.fill = INPUT_FILL;
  cell.border = { bottom: { style: 'thin', color: { argb: 'FFBF9000' } } };
  if (numFmt) cell.numFmt = numFmt;
}

/** A two-language instructions sheet: one paragraph per line, English then Chinese. */
export function instructions(workbook: ExcelJS.Workbook, title: { en: string; zh: string }, lines: [string, string][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('Instructions');
  sheet.getColumn(1).width = 70;
  sheet.getColumn(2).width = 60;
  sheet.getCell('A1').value = title.en;
  sheet.getCell('B1').value = title.zh;
  sheet.getRow(1).font = { bold: true, size: 14, color: { argb: GREEN } };
  lines.forEach(([en, zh], i) => {
    sheet.getCell(i + 3, 1).value = en;
    sheet.getCell(i + 3, 2).value = zh;
    sheet.getRow(i + 3).alignment = { wrapText: true, vertical: 'top' };
  });
  return sheet;
}
