/**
 * The payout workbook for the `perfplan calc` benchmark, in Excel's storage form: a People
 * sheet of 11 input columns (id, name, region, start date, sales, five KPI actuals, target
 * incentive) and either three PERF dynamic-array formulas for the whole population or the
 * equivalent native formulas on every row. Written with exceljs' streaming writer as a user
 * would type it, then given Excel's storage form (workbook/excel-form.ts).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import { toExcelForm } from '../workbook/excel-form';
import { nodeCodec } from '../workbook/node-codec';
import { PayoutData, planSheet } from './payout-run';

/** Input columns A–K; results go to L (commission), M (score), N (bonus). */
export const PEOPLE_HEADER = ['id', 'name', 'region', 'start', 'sales', 'kpi1', 'kpi2', 'kpi3', 'kpi4', 'kpi5', 'target incentive', 'commission', 'score', 'bonus'];
export const RESULT_COLUMNS = { commission: 'L', score: 'M', bonus: 'N' };
const REGIONS = ['East 华东', 'North 华北', 'South 华南', 'West 西部'];

/** Native formulas for one row, reading the same Plan sheet as the PERF formulas. */
function nativeRow(row: number): string[] {
  const ratio = `F${row}:J${row}/Plan!$E$2:$I$2`;
  return [
    `SUMPRODUCT((E${row}>Plan!$A$2:$A$7)*(E${row}-Plan!$A$2:$A$7)*Plan!$C$2:$C$7)`,
    `SUMPRODUCT(Plan!$E$3:$I$3,IF(${ratio}>Plan!$E$4,Plan!$E$4,IF(${ratio}<0,0,${ratio})))`,
    `K${row}*(VLOOKUP(M${row},Plan!$K$2:$M$7,2,1)+(M${row}-VLOOKUP(M${row},Plan!$K$2:$M$7,1,1))*VLOOKUP(M${row},Plan!$K$2:$M$7,3,1))`,
  ];
}

export async function writePayoutWorkbook(file: string, data: PayoutData, perf: boolean, targetIncentive: number): Promise<void> {
  const authored = `${file}.authored.xlsx`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: authored, useSharedStrings: true, useStyles: false });
  const plan = workbook.addWorksheet('Plan');
  for (const line of planSheet()) plan.addRow(line).commit();
  plan.commit();
  const people = workbook.addWorksheet('People');
  people.addRow(PEOPLE_HEADER).commit();
  const last = data.people + 1;
  for (let i = 0; i < data.people; i++) {
    const row = i + 2;
    const base = i * 5;
    const values: ExcelJS.CellValue[] = [
      `E${String(i + 1).padStart(6, '0')}`,
      `Person ${i + 1}`,
      REGIONS[i % REGIONS.length],
      45_658 + (i % 365), // 2025-01-01 + n days, as Excel stores dates
      data.sales[i],
      data.actuals[base],
      data.actuals[base + 1],
      data.actuals[base + 2],
      data.actuals[base + 3],
      data.actuals[base + 4],
      targetIncentive,
    ];
    if (perf) {
      if (i === 0) {
        values.push(
          { formula: `PERF.TIERED(E2:E${last},Plan!A2:B7)` } as ExcelJS.CellValue,
          { formula: `PERF.SCORECARD(F2:J${last},Plan!E2:I2,Plan!E3:I3,,Plan!E4)` } as ExcelJS.CellValue,
          { formula: `PERF.PAYOUT(M2:M${last},Plan!K2:L7,K2:K${last})` } as ExcelJS.CellValue,
        );
      }
    } else {
      for (const formula of nativeRow(row)) values.push({ formula } as ExcelJS.CellValue);
    }
    people.addRow(values).commit();
  }
  people.commit();
  await workbook.commit();
  fs.writeFileSync(file, toExcelForm(fs.readFileSync(authored), nodeCodec));
  fs.rmSync(authored);
}
