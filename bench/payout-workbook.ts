/**
 * Writes the 100,000-row payout workbook for the `perfplan calc` benchmark (exceljs
 * streaming writer): either three PERF array formulas for the whole population, or the
 * equivalent native formulas on every row.
 */
import ExcelJS from 'exceljs';
import { PayoutData, nativeFormulas, planSheet } from './payout-run';

export async function writePayoutWorkbook(file: string, data: PayoutData, perf: boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const plan = workbook.addWorksheet('Plan');
  for (const line of planSheet()) plan.addRow(line).commit();
  plan.commit();
  const people = workbook.addWorksheet('People');
  people.addRow(['sales', 'kpi1', 'kpi2', 'kpi3', 'kpi4', 'kpi5', 'commission', 'score', 'bonus']).commit();
  const last = data.people + 1;
  for (let i = 0; i < data.people; i++) {
    const row = i + 2;
    const base = i * 5;
    const values: ExcelJS.CellValue[] = [data.sales[i], data.actuals[base], data.actuals[base + 1], data.actuals[base + 2], data.actuals[base + 3], data.actuals[base + 4]];
    if (perf) {
      if (i === 0) {
        values.push(
          { formula: `PERF.TIERED(A2:A${last},Plan!A2:B7)` } as ExcelJS.CellValue,
          { formula: `PERF.SCORECARD(B2:F${last},Plan!E2:I2,Plan!E3:I3,,Plan!E4)` } as ExcelJS.CellValue,
          { formula: `PERF.PAYOUT(H2:H${last},Plan!K2:L7,Plan!E5)` } as ExcelJS.CellValue,
        );
      }
    } else {
      for (const formula of nativeFormulas(row)) values.push({ formula: formula.slice(1) } as ExcelJS.CellValue);
    }
    people.addRow(values).commit();
  }
  people.commit();
  await workbook.commit();
}
