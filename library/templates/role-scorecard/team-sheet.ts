/**
 * The Team sheet: the people table (actuals per KPI, bonus counts, target incentive) and beside it
 * one spill per result over the whole table — =PERF.SCORECARD (capped), the bonus items, the
 * =PERF.STATUS traffic light, =PERF.PAYOUT on a curve — and one rule flag per flagged KPI.
 */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../../workbook/a1';
import { EXAMPLE_SOURCE, LABEL, PERCENT, CNY, type Text, columnWidths, formula, growingRange, label, sheetTitle, spillColumns, t, tableSource, trafficLights, warnUnlessOk, writeTable } from '../../kit';
import { FLAG_TEXT, type RoleDefinition, targetKind } from './definition';
import { KPI_COL, type RoleLayout } from './layout';

const REFERENCE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF595959' } };

export function writeTeam(workbook: ExcelJS.Workbook, role: RoleDefinition, L: RoleLayout): void {
  const sheet = workbook.addWorksheet(L.sheet.team);
  const { people } = L.team;
  columnWidths(sheet, [18, 22, ...new Array<number>(L.team.lastCol - 2).fill(15)]);
  sheetTitle(sheet, t(`Team scorecard: ${role.role['en-US']}`, `团队评分卡：${role.role['zh-CN']}`));

  // Reference rows: the KPIs sheet's targets, directions and weights, as the row vectors SCORECARD takes.
  const reference: [number, Text, number, (j: number) => string | undefined][] = [
    [L.team.reference.target, t('Target for the period', '本期目标'), KPI_COL.target, (j) => role.kpis[j].format],
    [L.team.reference.direction, LABEL.direction, KPI_COL.direction, () => '0'],
    [L.team.reference.weight, LABEL.weight, KPI_COL.weight, () => PERCENT],
  ];
  for (const [row, text, col, numFmt] of reference) {
    label(sheet.getCell(row, 2), text);
    role.kpis.forEach((_, j) => formula(sheet.getCell(row, L.team.kpiCol(j)), `${L.sheet.kpis}!${columnLetters(col)}${L.kpis.row(j)}`, numFmt(j)));
    sheet.getRow(row).font = REFERENCE_FONT;
  }

  writeTable(
    workbook,
    people,
    role.people.map((person) => ({
      name: L.say(person.name),
      position: L.say(person.position),
      ...Object.fromEntries(role.kpis.map((kpi, j) => [kpi.code, person.actuals[j]])),
      ...Object.fromEntries(role.bonus.map((bonus, b) => [`bonus:${bonus.code}`, person.bonus[b]])),
      incentive: person.incentive,
    })),
  );
  tableSource(workbook, people, EXAMPLE_SOURCE);

  const first = role.kpis[0].code;
  const last = role.kpis[role.kpis.length - 1].code;
  const refRow = (row: number) => `${columnLetters(L.team.kpiCol(0))}${row}:${columnLetters(L.team.kpiCol(role.kpis.length - 1))}${row}`;
  const { spill } = L.team;
  // Per person, up to the cap (MIN would take one minimum over the whole column).
  const bonusPoints = role.bonus.map((bonus, b) => {
    const [points, cap] = [`${L.sheet.kpis}!$D$${L.kpis.bonusFirst + b}`, `${L.sheet.kpis}!$E$${L.kpis.bonusFirst + b}`];
    const earned = `${people.col(`bonus:${bonus.code}`)}*${points}`;
    return `IF(${earned}>${cap},${cap},${earned})`;
  });
  spillColumns(workbook, people, [
    {
      col: L.team.scoreCol,
      header: LABEL.score,
      formula: `PERF.SCORECARD(${people.span(first, last)},${refRow(L.team.reference.target)},${refRow(L.team.reference.weight)},${refRow(L.team.reference.direction)},AttainmentCap)`,
      format: PERCENT,
    },
    ...(L.team.bonusCol === undefined
      ? []
      : [
          { col: L.team.bonusCol, header: t('Bonus points', '专项加分'), formula: bonusPoints.join('+'), format: PERCENT },
          { col: L.team.finalCol, header: t('Final score', '最终得分'), formula: `${spill(L.team.scoreCol)}+${spill(L.team.bonusCol)}`, format: PERCENT },
        ]),
    { col: L.team.statusCol, header: LABEL.status, formula: `PERF.STATUS(${spill(L.team.finalCol)},StatusBands)` },
    { col: L.team.payoutCol, header: t('Payout', '奖金'), formula: `PERF.PAYOUT(${spill(L.team.finalCol)},PayoutCurve,${people.col('incentive')},PayoutGate,PayoutCap)`, format: CNY },
    ...L.team.flags.map(({ kpi, col }) => {
      const definition = role.kpis[kpi];
      const flag = definition.flag!;
      const actual = people.col(definition.code);
      // A per-month threshold grows with the months in the period.
      const threshold = `${L.sheet.kpis}!$${columnLetters(KPI_COL.threshold)}$${L.kpis.row(kpi)}${targetKind(definition.target) === 'perMonth' ? '*SUM(PeriodMask)' : ''}`;
      const target = `${L.sheet.kpis}!$${columnLetters(KPI_COL.target)}$${L.kpis.row(kpi)}`;
      const condition = flag.when === 'above' ? `${actual}>${threshold}` : flag.when === 'below' ? `${actual}<${threshold}` : `ABS(${actual}/${target}-1)>${threshold}`;
      return { col, header: `⚠ ${definition.code}`, formula: `IF(${condition},"${L.say(FLAG_TEXT[flag.when])}","OK")` };
    }),
  ]);
  trafficLights(sheet, growingRange(people, L.team.statusCol));
  if (L.team.flags.length) warnUnlessOk(sheet, growingRange(people, L.team.flags[0].col, L.team.flags[L.team.flags.length - 1].col));
}
