/**
 * The payroll rows as an .xlsx (`perfplan export --out payroll.xlsx`, a run's payroll blob),
 * written by the workbook layer's values-only writer (workbook/plain-book.ts) as Excel 365
 * writes one — no exceljs, so the pane and the API can write it too. One sheet: the map's
 * headers in bold, then one row per person. Amount columns are numbers to the cent (format
 * 0.00), every other column text, as the CSV has it — an employee id "00123" keeps its zeros,
 * a period stays "2025-07".
 */
import type { ZipCodec } from '../workbook/zip';
import { PlainCell, plainWorkbook } from '../workbook/plain-book';
import type { PayrollRows } from './payroll';

export function payrollWorkbook(rows: PayrollRows, sheetName: string, codec: ZipCodec): Uint8Array {
  const header: PlainCell[] = rows.headers.map((h) => ({ value: h, style: 'bold' }));
  const body = rows.rows.map((line) => line.map((text, c): PlainCell => (rows.types[c] === 'amount' ? { value: Number(text), style: 'money' } : { value: text })));
  // Each column as wide as its longest text (a loop: spreading 100,000 rows into Math.max overflows the stack).
  const widths = rows.headers.map((h) => Math.max(10, h.length + 4));
  for (const line of rows.rows) line.forEach((text, c) => (widths[c] = Math.max(widths[c], text.length + 4)));
  return plainWorkbook([{ name: sheetName, rows: [header, ...body], widths }], codec, { moneyFormat: '0.00' });
}
