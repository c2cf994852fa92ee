/**
 * Plan workbooks for the compare and export tests, written as our templates are (exceljs, the
 * table stored by workbook/table-writer, saved like Excel by calc/excel-save): a people table
 * whose payout is a calculated column (sales × the plan's rate), a totals row, a PERF.TIERED
 * spill beside it, and an Inputs sheet with revenue, labour cost, its share and the plan
 * ceilings as defined names (PlanCeiling_X, PlanActual_X). English or Chinese names throughout.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import { saveLikeExcel } from '../../calc/excel-save';
import { nodeCodec } from '../../workbook/node-codec';
import { withTables } from '../../workbook/table-writer';
import { type Captured, captured } from '../support/captured-io';

export interface Person {
  name: string;
  id?: string | number;
  /** A number, or text (which makes the payout #VALUE!), or null (blank). */
  sales: number | string | null;
  costCentre?: string;
}

export interface PlanBook {
  language?: 'en' | 'zh';
  rate: number;
  revenue: number;
  people: Person[];
  /** PlanCeiling_LabourCost (default 0.3); null: not named. */
  labourCeiling?: number | null;
  /** Also name a marketing-spend ceiling (PlanCeiling_Spend 15%, PlanActual_Spend). */
  spend?: number;
  /** A cell Summary!B2 holding this typed total (for export's total check). */
  typedTotal?: number;
}

export const WORDS = {
  en: { sheet: 'Team', table: 'Team', name: 'Name', id: 'ID', sales: 'Sales', payout: 'Payout', centre: 'CostCentre', total: 'Total', labour: 'LabourCost', spend: 'Spend' },
  zh: { sheet: '团队', table: '团队', name: '姓名', id: '工号', sales: '销售额', payout: '奖金', centre: '成本中心', total: '合计', labour: '人工成本', spend: '营销费用' },
};

/** Writes the plan workbook to `file`. */
export async function writePlanBook(file: string, plan: PlanBook): Promise<string> {
  const w = WORDS[plan.language ?? 'en'];
  const workbook = new ExcelJS.Workbook();
  const team = workbook.addWorksheet(w.sheet);
  const payout = `${w.table}[[#This Row],[${w.sales}]]*Inputs!$B$1`;
  team.addRow([w.name, w.id, w.sales, w.payout, w.centre]);
  plan.people.forEach((person) => {
    const row = team.addRow([person.name, person.id ?? null, person.sales, null, person.costCentre ?? 'CC-100']);
    row.getCell(4).value = { formula: payout } as ExcelJS.CellValue;
    if (typeof person.id === 'string') row.getCell(2).numFmt = '@';
  });
  const last = plan.people.length + 1;
  team.getCell(last + 1, 1).value = w.total;
  team.getCell(last + 1, 4).value = { formula: `SUBTOTAL(109,[${w.payout}])` } as ExcelJS.CellValue;
  // A PERF spill beside the table: tiered commission on every person's sales.
  team.getCell('H2').value = { formula: `PERF.TIERED(${w.table}[${w.sales}],Tiers!A2:B3)` } as ExcelJS.CellValue;
  const tiers = workbook.addWorksheet('Tiers');
  tiers.addRow(['from', 'rate']);
  tiers.addRow([0, 0.02]);
  tiers.addRow([10000, 0.04]);
  const inputs = workbook.addWorksheet('Inputs');
  inputs.getCell('B1').value = plan.rate;
  inputs.getCell('B2').value = plan.revenue;
  inputs.getCell('B3').value = { formula: `SUM(${w.table}[${w.payout}])` } as ExcelJS.CellValue;
  inputs.getCell('B4').value = { formula: 'B3/B2' } as ExcelJS.CellValue;
  if (plan.labourCeiling !== null) {
    inputs.getCell('B5').value = plan.labourCeiling ?? 0.3;
    workbook.definedNames.add('Inputs!$B$5', `PlanCeiling_${w.labour}`);
    workbook.definedNames.add('Inputs!$B$4', `PlanActual_${w.labour}`);
  }
  if (plan.spend !== undefined) {
    inputs.getCell('B6').value = plan.spend;
    inputs.getCell('B7').value = { formula: 'B6/B2' } as ExcelJS.CellValue;
    inputs.getCell('B8').value = 0.15;
    workbook.definedNames.add('Inputs!$B$8', `PlanCeiling_${w.spend}`);
    workbook.definedNames.add('Inputs!$B$7', `PlanActual_${w.spend}`);
  }
  inputs.getCell('B9').value = 45869; // 2025-07-31, the period's last day
  if (plan.typedTotal !== undefined) {
    const summary = workbook.addWorksheet('Summary');
    summary.getCell('A2').value = w.total;
    summary.getCell('B2').value = plan.typedTotal;
  }
  const authored = withTables(Buffer.from(await workbook.xlsx.writeBuffer()), nodeCodec, [
    {
      name: w.table,
      sheet: w.sheet,
      ref: `A1:E${last + 1}`,
      totalsRow: true,
      columns: [{ name: w.name, totals: { label: w.total } }, { name: w.id }, { name: w.sales }, { name: w.payout, calculated: payout, totals: { function: 'sum' } }, { name: w.centre }],
    },
  ]);
  fs.writeFileSync(file, await saveLikeExcel(authored));
  return file;
}

/** What a command wrote: its exit status and both streams. */
export type Run = Captured;

/** Runs `perfplan args…` in this process (the calculation in its worker, as the bin does). */
export async function perfplan(args: string[]): Promise<Run> {
  const { main } = await import('../../cli/main');
  return captured((io) => main(args, io));
}

/**
 * The language check of tests/i18n/typed-as-is.ts (englishIn), plus what compare and export
 * show a zh-CN user as it is typed: the command words, the defined-name convention
 * (PlanCeiling_X, PlanActual_X), map keys in quotes are already skipped, file names of the map
 * and the output (payroll.json, payroll.csv, p.txt), table references typed on the command line.
 */
export function englishForZh(text: string, englishIn: (zh: string) => string[]): string[] {
  const rest = text
    .replace(/\S*\.(?:json|csv|txt)\b/g, ' ')
    .replace(/[\w\u4e00-\u9fff]+\[[^\]\s]+\]/g, ' ')
    .replace(/\bPlan(?:Ceiling|Actual)_[\w\u3400-\u9fff]*/g, ' ');
  return englishIn(rest).filter((word) => !['compare', 'export'].includes(word));
}
