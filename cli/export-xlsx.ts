/**
 * `perfplan export --out payroll.xlsx`: the payroll rows as a workbook, written the way our
 * templates are (exceljs authors the cells, calc/excel-save saves them as Excel would). One
 * sheet: the map's headers in bold, then one row per person. Amount columns are numbers to the
 * cent (format 0.00), every other column text, as the CSV has it — an employee id "00123" keeps
 * its zeros, a period stays "2025-07".
 */
import ExcelJS from 'exceljs';
import type { PayrollRows } from '../calc/payroll';
import { saveLikeExcel } from '../calc/excel-save';

export async function payrollWorkbook(rows: PayrollRows, sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PerfPlan';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(rows.headers).font = { bold: true };
  for (const line of rows.rows) {
    sheet.addRow(line.map((text, c) => (rows.types[c] === 'amount' ? Number(text) : text)));
  }
  rows.types.forEach((type, c) => {
    const column = sheet.getColumn(c + 1);
    if (type === 'amount') column.numFmt = '0.00';
    else column.numFmt = '@';
    column.width = Math.max(10, ...[rows.headers[c], ...rows.rows.map((line) => line[c])].map((text) => text.length + 4));
  });
  return saveLikeExcel(Buffer.from(await workbook.xlsx.writeBuffer()));
}
