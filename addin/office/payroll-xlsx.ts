/**
 * The pane's payroll export as an .xlsx (issue 12 item 3, `perfplan export --out payroll.xlsx`
 * on the open workbook): the rows ./export-payroll read and checked, written by the workbook
 * layer's values-only writer (calc/payroll-xlsx.ts) with the browser's zip codec (pako). Its own
 * module so the view loads it only when an .xlsx is asked for (`import()`: a chunk of its own,
 * outside the page's initial JavaScript).
 */
import type { PayrollMap, PayrollRows } from '../../calc/payroll';
import { payrollWorkbook } from '../../calc/payroll-xlsx';
import type { Locale } from '../../i18n/locale';
import { OUTPUTS } from '../../i18n/outputs';
import { render } from '../../i18n/text';
import { browserCodec } from '../../workbook/browser-codec';

/** The .xlsx bytes of the payroll rows: one sheet, named by the map (else 工资表 / Payroll, as the CLI names it). */
export function payrollXlsx(rows: PayrollRows, map: Pick<PayrollMap, 'sheet'>, locale: Locale): Uint8Array {
  return payrollWorkbook(rows, map.sheet ?? render(OUTPUTS.payrollSheet, locale), browserCodec);
}
