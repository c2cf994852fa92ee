/** The Summary sheet: one line per person, team totals and the AHP and weight checks. */
import type ExcelJS from 'exceljs';
import { CNY, LABEL, PERCENT, type SummaryLine, columnWidths, formula, headerRow, summaryLines, t, trafficLights, warnUnlessOk } from '../../kit';
import type { RoleDefinition } from './definition';
import { type RoleLayout, a1 } from './layout';

export function writeSummary(workbook: ExcelJS.Workbook, role: RoleDefinition, L: RoleLayout): void {
  const sheet = workbook.addWorksheet('Summary');
  columnWidths(sheet, [36, 14, 10, 16, 10]);
  const flags = L.team.flags.length;
  headerRow(sheet, 1, [LABEL.name, LABEL.score, LABEL.status, t('Payout', '奖金'), ...(flags ? [t('Flags', '预警数')] : [])]);
  const { first, last } = L.summary;
  role.people.forEach((_, i) => {
    const row = first + i;
    const teamRow = L.team.first + i;
    formula(sheet.getCell(row, 1), `Team!A${teamRow}`);
    formula(sheet.getCell(row, 2), `Team!${a1(L.team.scoreCol, teamRow)}`, PERCENT);
    formula(sheet.getCell(row, 3), `Team!${a1(L.team.statusCol, teamRow)}`);
    formula(sheet.getCell(row, 4), `Team!${a1(L.team.payoutCol, teamRow)}`, CNY);
    if (flags) formula(sheet.getCell(row, 5), `${flags}-COUNTIF(Team!${a1(L.team.flags[0].col, teamRow)}:${a1(L.team.flags[flags - 1].col, teamRow)},"OK")`, '0');
  });
  trafficLights(sheet, `C${first}:C${last}`);
  const band = (i: number) => `Payout!$E$${L.payout.bandsFirst + i}`;
  const metric = L.summary.metric;
  const metrics: Record<string, SummaryLine> = {
    average: { label: t('Team average score', '团队平均得分'), formula: `AVERAGE(B${first}:B${last})`, format: PERCENT },
    totalPayout: { label: t('Total payout', '奖金合计'), formula: `SUM(D${first}:D${last})`, format: CNY },
    totalTarget: { label: t('Total target incentive', '目标奖金合计'), formula: `SUM(Team!${a1(L.team.incentiveCol, L.team.first)}:${a1(L.team.incentiveCol, L.team.last)})`, format: CNY },
    payoutRate: { label: t('Payout / target incentive', '奖金兑现率'), formula: `IF(B${metric.totalTarget}>0,B${metric.totalPayout}/B${metric.totalTarget},0)`, format: PERCENT },
    green: { label: t('People in green', '绿灯人数'), formula: `COUNTIF(C${first}:C${last},${band(2)})`, format: '0' },
    amber: { label: t('People in amber', '黄灯人数'), formula: `COUNTIF(C${first}:C${last},${band(1)})`, format: '0' },
    red: { label: t('People in red', '红灯人数'), formula: `COUNTIF(C${first}:C${last},${band(0)})`, format: '0' },
    flags: { label: t('Rule flags raised', '规则预警合计'), formula: `SUM(E${first}:E${last})`, format: '0' },
    cr: { label: t('AHP consistency ratio CR', '一致性比率'), formula: `AHP!B${L.ahp.cr}`, format: '0.000' },
    crCheck: { label: t('AHP consistency check', '一致性检查'), formula: `AHP!B${L.ahp.crCheck}` },
    quantShare: { label: t('Quantitative weight share', '定量指标权重占比'), formula: `KPIs!B${L.kpis.quantShare}`, format: PERCENT },
    quantCheck: { label: t('Quantitative check', '定量权重检查'), formula: `KPIs!B${L.kpis.quantCheck}` },
  };
  // The metric rows follow one another in the layout's order.
  summaryLines(sheet, metric.average, Object.keys(metric).map((name) => metrics[name]));
  warnUnlessOk(sheet, `B${metric.crCheck}`, 4);
  warnUnlessOk(sheet, `B${metric.quantCheck}`, 5);
}
