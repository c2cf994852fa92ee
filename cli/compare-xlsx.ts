/**
 * `perfplan compare -o diff.xlsx`: the comparison as a workbook, written the way our templates
 * are (exceljs authors the cells, workbook/table-writer stores the table as Excel does,
 * calc/excel-save saves it as Excel would: formulas in Excel's stored form, calculated, values
 * cached). Sheet "Comparison" holds one table — key, A, B, Δ (= B − A as a formula), Δ%
 * (= Δ / |A|, or why there is none), status — with a totals row; sheet "Summary" the totals,
 * joiners, leavers, who is better or worse off, and the plan ceilings. Words in `locale`.
 */
import ExcelJS from 'exceljs';
import { saveLikeExcel } from '../calc/excel-save';
import type { Locale } from '../i18n/locale';
import { OUTPUTS } from '../i18n/outputs';
import { Text, render } from '../i18n/text';
import { nodeCodec } from '../workbook/node-codec';
import { TableSpec, structuredColumn, totalsCellFormula, withTables } from '../workbook/table-writer';
import { CompareReport, STATUS_TEXT, ceilingVerdict } from './compare-report';

const AMOUNT = '#,##0.00';
const PERCENT = '0.0%';

/** The table's column names: the key's heading, A, B, Δ, Δ%, status (the key renamed if it clashes). */
function columnNames(report: CompareReport, locale: Locale): string[] {
  const status = render(OUTPUTS.statusHeading, locale);
  const fixed = ['A', 'B', 'Δ', 'Δ%', status];
  let key = report.keyHeader.replace(/[\r\n]+/g, ' ').trim() || render(OUTPUTS.keyHeading, locale);
  while (fixed.some((name) => name.toLowerCase() === key.toLowerCase())) key = `${key} `;
  return [key, ...fixed];
}

export async function comparisonWorkbook(report: CompareReport, locale: Locale): Promise<Uint8Array> {
  const say = (text: Text) => render(text, locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PerfPlan';
  const sheetName = say(OUTPUTS.compareSheet);
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const tableName = sheetName;
  const names = columnNames(report, locale);
  const [, a, b, delta] = names.map(structuredColumn);
  const row = (column: string) => `${tableName}[[#This Row],[${column}]]`;
  const notApplicable = render(OUTPUTS.percentNotApplicable, locale).replace(/"/g, '""');
  const undefinedZero = render(OUTPUTS.percentUndefinedZero, locale).replace(/"/g, '""');
  const percentFormula = `IF(OR(${row(a)}="",${row(b)}=""),"${notApplicable}",IF(${row(a)}=0,"${undefinedZero}",${row(delta)}/ABS(${row(a)})))`;
  const deltaFormula = `${row(b)}-${row(a)}`;

  sheet.addRow(names).font = { bold: true };
  for (const person of report.comparison.people) {
    const line = sheet.addRow([person.key, person.a ?? null, person.b ?? null, null, null, say(STATUS_TEXT[person.status])]);
    line.getCell(4).value = { formula: deltaFormula } as ExcelJS.CellValue;
    line.getCell(5).value = { formula: percentFormula } as ExcelJS.CellValue;
  }
  const last = report.comparison.people.length + 1;
  const totals = sheet.addRow([say(OUTPUTS.totalRow), null, null, null, null, null]);
  totals.font = { bold: true };
  names.slice(1, 4).forEach((name, i) => (totals.getCell(i + 2).value = { formula: totalsCellFormula('sum', name) } as ExcelJS.CellValue));
  for (const column of [2, 3, 4]) sheet.getColumn(column).numFmt = AMOUNT;
  sheet.getColumn(5).numFmt = PERCENT;
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? Math.max(12, ...report.comparison.people.map((p) => p.key.length + 4)) : 14));
  const spec: TableSpec = {
    name: tableName,
    sheet: sheetName,
    ref: `A1:F${last + 1}`,
    totalsRow: true,
    columns: names.map((name, i) => ({
      name,
      ...(i === 3 ? { calculated: deltaFormula } : i === 4 ? { calculated: percentFormula } : {}),
      ...(i === 0 ? { totals: { label: say(OUTPUTS.totalRow) } } : i >= 1 && i <= 3 ? { totals: { function: 'sum' as const } } : {}),
    })),
  };

  const { comparison: c } = report;
  const summary = workbook.addWorksheet(say(OUTPUTS.summarySheet));
  summary.addRow([say(OUTPUTS.summaryWhat), say(OUTPUTS.summaryValue)]).font = { bold: true };
  const lines: [string, string | number | null, string?][] = [
    [say(OUTPUTS.summaryPlanA), report.a],
    [say(OUTPUTS.summaryPlanB), report.b],
    [say(OUTPUTS.summaryCompared), `${report.value} (${report.key})`],
    [say(OUTPUTS.summaryTotalA), c.totals.a, AMOUNT],
    [say(OUTPUTS.summaryTotalB), c.totals.b, AMOUNT],
    [say(OUTPUTS.summaryDelta), c.totals.delta, AMOUNT],
    [say(OUTPUTS.summaryDeltaPercent), c.totals.deltaPercent ?? say(OUTPUTS.percentUndefinedZero), PERCENT],
    [say(OUTPUTS.summaryBoth), c.totals.deltaBoth, AMOUNT],
    [say(OUTPUTS.summaryJoiners), c.joiners.length],
    [say(OUTPUTS.summaryJoinersDelta), c.totals.deltaJoiners, AMOUNT],
    [say(OUTPUTS.summaryLeavers), c.leavers.length],
    [say(OUTPUTS.summaryLeaversDelta), c.totals.deltaLeavers, AMOUNT],
    [say(OUTPUTS.summaryWinners), c.winners.length],
    [say(OUTPUTS.summaryLosers), c.losers.length],
    [say(OUTPUTS.summaryUnchanged), c.unchanged.length],
  ];
  for (const ceiling of report.ceilings) {
    for (const [book, check] of [['A', ceiling.a], ['B', ceiling.b]] as const) {
      lines.push([render(OUTPUTS.summaryCeiling, locale, { label: ceiling.label, book }), ceilingVerdict(check, locale)]);
    }
  }
  for (const [what, value, format] of lines) {
    const line = summary.addRow([what, value]);
    if (format && typeof value === 'number') line.getCell(2).numFmt = format;
  }
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 40;

  const authored = withTables(Buffer.from(await workbook.xlsx.writeBuffer()), nodeCodec, [spec]);
  return saveLikeExcel(authored);
}
