/** The Summary sheet: one line per person (spills over the people table), team totals and the AHP and weight checks. */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../../workbook/a1';
import { CNY, LABEL, PERCENT, ROOM_TO_GROW, type SummaryLine, formula, headerRow, summaryLines, t, titledSheet, trafficLights, warnUnlessOk } from '../../kit';
import type { RoleDefinition } from './definition';
import type { RoleLayout } from './layout';

export function writeSummary(workbook: ExcelJS.Workbook, role: RoleDefinition, L: RoleLayout): void {
  const sheet = titledSheet(workbook, L.sheet.summary, [36, 14, 10, 16, 10], t(`Summary: ${role.role['en-US']}`, `汇总：${role.role['zh-CN']}`));
  const flags = L.team.flags.length;
  const { first, header } = L.summary;
  headerRow(sheet, header, [LABEL.name, LABEL.score, LABEL.status, t('Payout', '奖金'), ...(flags ? [t('Flags', '预警数')] : [])]);
  const { spill, people } = L.team;
  const column = (c: number) => `${L.sheet.summary}!${columnLetters(c)}${first}#`;
  formula(sheet.getCell(first, 1), people.col('name'));
  formula(sheet.getCell(first, 2), spill(L.team.finalCol), PERCENT);
  formula(sheet.getCell(first, 3), spill(L.team.statusCol));
  formula(sheet.getCell(first, 4), spill(L.team.payoutCol), CNY);
  if (flags) formula(sheet.getCell(first, 5), L.team.flags.map(({ col }) => `(${spill(col)}<>"OK")*1`).join('+'), '0');
  for (let r = first + 1; r <= L.summary.last + ROOM_TO_GROW; r++) {
    sheet.getCell(r, 2).numFmt = PERCENT;
    sheet.getCell(r, 4).numFmt = CNY;
  }
  trafficLights(sheet, `C${first}:C${L.summary.last + ROOM_TO_GROW}`);
  const band = (i: number) => `INDEX(StatusBands,${i + 1},2)`;
  const metric = L.summary.metric;
  const metrics: Record<string, SummaryLine> = {
    average: { label: t('Team average score', '团队平均得分'), formula: `AVERAGE(${column(2)})`, format: PERCENT },
    totalPayout: { label: t('Total payout', '奖金合计'), formula: `SUM(${column(4)})`, format: CNY },
    totalTarget: { label: t('Total target incentive', '目标奖金合计'), formula: `SUM(${people.col('incentive')})`, format: CNY },
    payoutRate: { label: t('Payout / target incentive', '奖金兑现率'), formula: `IF(B${metric.totalTarget}>0,B${metric.totalPayout}/B${metric.totalTarget},0)`, format: PERCENT },
    green: { label: t('People in green', '绿灯人数'), formula: `COUNTIF(${column(3)},${band(2)})`, format: '0' },
    amber: { label: t('People in amber', '黄灯人数'), formula: `COUNTIF(${column(3)},${band(1)})`, format: '0' },
    red: { label: t('People in red', '红灯人数'), formula: `COUNTIF(${column(3)},${band(0)})`, format: '0' },
    flags: { label: t('Rule flags raised', '规则预警合计'), formula: `SUM(${column(5)})`, format: '0' },
    cr: { label: t('AHP consistency ratio CR', '一致性比率'), formula: 'AhpCR', format: '0.000' },
    crCheck: { label: t('AHP consistency check', '一致性检查'), formula: `${L.sheet.ahp}!B${L.ahp.crCheck}` },
    quantShare: { label: t('Quantitative weight share', '定量指标权重占比'), formula: `${L.sheet.kpis}!B${L.kpis.quantShare}`, format: PERCENT },
    quantCheck: { label: t('Quantitative check', '定量权重检查'), formula: `${L.sheet.kpis}!B${L.kpis.quantCheck}` },
  };
  // The metric rows follow one another in the layout's order.
  summaryLines(sheet, metric.average, Object.keys(metric).map((name) => metrics[name]));
  warnUnlessOk(sheet, `B${metric.crCheck}`, 4);
  warnUnlessOk(sheet, `B${metric.quantCheck}`, 5);
}
