/**
 * The twelve marketing-role KPI scorecards ("twelve marketing roles each with their own KPI set",
 * role responsibilities) share one builder: a role definition (KPIs, AHP judgements, bonus items,
 * a sample team, a payout plan) becomes a workbook with the same sheets for every role, in English
 * and in Chinese, so a user who knows one scorecard knows all twelve:
 *
 * - KPIs: the KPI table, targets for the period, bonus items and the weight checks (kpis-sheet.ts);
 * - AHP: the pairwise matrix → weights and consistency (ahp-sheet.ts);
 * - Targets: the year's seasonality and the period reported on (kit/targets.ts);
 * - Team: the people table → score, bonus, traffic light, payout and rule flags (team-sheet.ts);
 * - Payout: curve, gate, cap and status bands (payout-sheet.ts);
 * - Summary: team totals and checks, then one line per person, with charts (summary-sheet.ts).
 */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../../workbook/a1';
import { type ChartDefinition, type RuleCell, type TemplateVariants, type Text, defineTemplates, parameterRules, t, tableGrowth } from '../../kit';
import { targetRules, writeTargets } from '../../kit/targets';
import { type RoleDefinition, targetKind } from './definition';
import { writeAhp } from './ahp-sheet';
import { rolePurpose, roleSteps } from './instructions';
import { kpiSettings, writeKpis } from './kpis-sheet';
import { KPI_COL, type RoleLayout, roleLayout } from './layout';
import { writePayout } from './payout-sheet';
import { writeSummary } from './summary-sheet';
import { writeTeam } from './team-sheet';

export * from './definition';
export { KPI_COL, SHEETS, roleLayout, type RoleLayout } from './layout';

/** The period a role workbook reports on when it opens: month 1, the plan's 20% milestone. */
export const FIRST_MONTH = 5;

/** Where the role's rules live: the KPI table's targets, pinned weights, flag thresholds and bonus items. */
function roleRules(role: RoleDefinition, L: RoleLayout): RuleCell[] {
  const at = (col: number, row: number) => `${columnLetters(col)}${row}`;
  return [
    { rule: 'scoring.role-kpis', sheet: L.sheet.kpis, cell: `A${L.kpis.first}` },
    ...parameterRules(kpiSettings(role, L)),
    ...(role.kpis.some((kpi) => targetKind(kpi.target) === 'annual') ? targetRules(L.targets) : []),
    ...role.kpis.flatMap((kpi, j): RuleCell[] => {
      const row = L.kpis.row(j);
      return [
        ...(kpi.targetRule ? [{ rule: kpi.targetRule, sheet: L.sheet.kpis, cell: at(KPI_COL.target, row) }] : []),
        ...(kpi.pinned?.rule ? [{ rule: kpi.pinned.rule, sheet: L.sheet.kpis, cell: at(KPI_COL.pinned, row) }] : []),
        ...(kpi.flag?.rule ? [{ rule: kpi.flag.rule, sheet: L.sheet.kpis, cell: at(KPI_COL.threshold, row) }] : []),
      ];
    }),
    ...role.bonus.flatMap((bonus, b): RuleCell[] => (bonus.rule ? [{ rule: bonus.rule, sheet: L.sheet.kpis, cell: `A${L.kpis.bonusFirst + b}` }] : [])),
  ];
}

export function roleScorecard(role: RoleDefinition): TemplateVariants {
  const [en, zh] = [role.role['en-US'], role.role['zh-CN']];
  return defineTemplates({
    id: role.id,
    category: 'scorecard',
    title: t(`${en} KPI scorecard`, `${zh}KPI评分卡`),
    description: role.description,
    tags: ['scorecard', 'KPI', 'AHP', 'payout', '评分卡', '绩效考核', ...role.tags],
    layout: (w) => roleLayout(role, w),
    purpose: (L) => rolePurpose(role, L),
    steps: (L) => roleSteps(role, L),
    rules: (L) => roleRules(role, L),
    charts: (L) => {
      /** A column chart of one Summary column against the people. */
      const byPerson = (title: Text, series: Text, column: string, at: string): ChartDefinition => ({
        sheet: L.sheet.summary,
        type: 'column',
        at,
        title,
        categories: `${L.sheet.summary}!$A$${L.summary.first}:$A$${L.summary.last}`,
        series: [{ name: series, values: `${L.sheet.summary}!$${column}$${L.summary.first}:$${column}$${L.summary.last}` }],
      });
      return [byPerson(t('KPI score by person', '个人综合得分'), t('Score', '得分'), 'B', 'H2:P18'), byPerson(t('Payout by person', '个人奖金'), t('Payout', '奖金'), 'D', 'H20:P36')];
    },
    sheets: [
      (workbook: ExcelJS.Workbook, L: RoleLayout) => writeKpis(workbook, role, L),
      (workbook, L) => writeAhp(workbook, role, L),
      (workbook, L) => writeTargets(workbook, L.targets, L, { period: FIRST_MONTH, rounding: 1 }),
      (workbook, L) => writeTeam(workbook, role, L),
      (workbook, L) => writePayout(workbook, role, L),
      (workbook, L) => writeSummary(workbook, role, L),
    ],
    growth: (L) => {
      const { people } = L.team;
      const model = role.people[0];
      return [
        tableGrowth(people, {
          name: L.say(t('Xu Lin', '许琳')),
          position: L.say(model.position),
          ...Object.fromEntries(role.kpis.map((kpi, j) => [kpi.code, model.actuals[j]])),
          ...Object.fromEntries(role.bonus.map((bonus, b) => [`bonus:${bonus.code}`, model.bonus[b]])),
          incentive: model.incentive,
        }, [`${L.sheet.summary}!B${L.summary.metric.average}`, `${L.sheet.summary}!B${L.summary.metric.totalPayout}`]),
      ];
    },
  });
}
