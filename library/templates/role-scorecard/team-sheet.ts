/**
 * The Team sheet: actuals per person → =PERF.SCORECARD (capped), =PERF.STATUS traffic lights,
 * =PERF.PAYOUT on a curve — each one formula per column — and per-KPI rule flags.
 */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../../workbook/a1';
import {
  CNY, LABEL, PERCENT, type Text, bilingual, columnWidths, defineNames, formula, headerRow, inputBlock, label, nonNegative, resultColumn, sheetTitle, t, trafficLights,
  warnUnlessOk,
} from '../../kit';
import { FLAG_TEXT, type RoleDefinition } from './definition';
import { type RoleLayout, a1, abs } from './layout';

const REFERENCE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF595959' } };

export function writeTeam(workbook: ExcelJS.Workbook, role: RoleDefinition, L: RoleLayout): void {
  const sheet = workbook.addWorksheet('Team');
  columnWidths(sheet, [18, 26, ...new Array<number>(L.team.payoutCol + L.team.flags.length - 2).fill(15)]);
  sheetTitle(sheet, `${bilingual(t('Team scorecard', '团队评分卡'))} — ${bilingual(role.role)}`);
  headerRow(
    sheet,
    3,
    [
      LABEL.name, t('Position', '职位'), ...role.kpis.map((kpi) => `${kpi.code} ${kpi.name['zh-CN']}`), LABEL.score, LABEL.status,
      t('Target incentive', '目标奖金'), t('Payout', '奖金'), ...L.team.flags.map(({ kpi }) => `⚠ ${role.kpis[kpi].code}`),
    ],
    { wrap: 'middle' },
  );

  // Reference rows: the KPI sheet's targets, directions and weights, as the row vectors SCORECARD takes.
  const reference: [number, Text, string, (j: number) => string | undefined][] = [
    [4, LABEL.target, 'F', (j) => role.kpis[j].format],
    [5, LABEL.direction, 'E', () => '0'],
    [6, LABEL.weight, 'J', () => PERCENT],
  ];
  for (const [row, text, col, numFmt] of reference) {
    label(sheet.getCell(row, 1), text);
    role.kpis.forEach((_, j) => formula(sheet.getCell(row, L.team.kpiCol(j)), `KPIs!${col}${L.kpis.row(j)}`, numFmt(j)));
    sheet.getRow(row).font = REFERENCE_FONT;
  }

  inputBlock(sheet, L.team.first, role.people.map((p) => [p.name]), [{ col: 1 }]);
  inputBlock(
    sheet,
    L.team.first,
    role.people.map((p) => [...p.actuals, p.incentive]),
    [...role.kpis.map((kpi, j) => ({ col: L.team.kpiCol(j), format: kpi.format, validation: nonNegative })), { col: L.team.incentiveCol, format: CNY, validation: nonNegative }],
  );
  role.people.forEach((person, i) => {
    const row = L.team.first + i;
    sheet.getCell(row, 2).value = person.position;
    L.team.flags.forEach(({ kpi, col }) => {
      const flag = role.kpis[kpi].flag!;
      const actual = a1(L.team.kpiCol(kpi), row);
      const threshold = `KPIs!$L$${L.kpis.row(kpi)}`;
      const condition =
        flag.when === 'above' ? `${actual}>${threshold}` : flag.when === 'below' ? `${actual}<${threshold}` : `ABS(${actual}/${columnLetters(L.team.kpiCol(kpi))}$4-1)>${threshold}`;
      formula(sheet.getCell(row, col), `IF(${condition},"${FLAG_TEXT[flag.when]}","OK")`);
    });
  });

  const lastKpiCol = columnLetters(L.team.kpiCol(L.k - 1));
  const rows = { first: L.team.first, last: L.team.last };
  const scores = L.team.column(L.team.scoreCol);
  resultColumn(sheet, { col: L.team.scoreCol, ...rows, formula: `PERF.SCORECARD(C${L.team.first}:${lastKpiCol}${L.team.last},C4:${lastKpiCol}4,C6:${lastKpiCol}6,C5:${lastKpiCol}5,KPIs!$B$2)`, format: PERCENT });
  resultColumn(sheet, { col: L.team.statusCol, ...rows, formula: `PERF.STATUS(${scores},Payout!$D$${L.payout.bandsFirst}:$E$${L.payout.bandsLast})` });
  resultColumn(sheet, {
    col: L.team.payoutCol,
    ...rows,
    formula: `PERF.PAYOUT(${scores},Payout!$A$${L.payout.curveFirst}:$B$${L.payout.curveLast},${L.team.column(L.team.incentiveCol)},Payout!$B$3,Payout!$B$4)`,
    format: CNY,
  });
  trafficLights(sheet, L.team.column(L.team.statusCol));
  if (L.team.flags.length) {
    const first = L.team.flags[0].col;
    const last = L.team.flags[L.team.flags.length - 1].col;
    warnUnlessOk(sheet, `${a1(first, L.team.first)}:${a1(last, L.team.last)}`);
  }
  const absolute = (col: number) => `Team!${abs(col, L.team.first)}:${abs(col, L.team.last)}`;
  defineNames(workbook, {
    TeamActuals: `Team!$C$${L.team.first}:$${lastKpiCol}$${L.team.last}`,
    TargetIncentives: absolute(L.team.incentiveCol),
    TeamScores: absolute(L.team.scoreCol),
    TeamPayouts: absolute(L.team.payoutCol),
  });
}
