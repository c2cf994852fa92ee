/**
 * The twelve marketing-role KPI scorecards share one builder (seed rules §1: "twelve marketing
 * roles each with their own KPI set"): a role definition (KPIs, AHP judgements, a sample team,
 * a payout plan) becomes a workbook with the same sheets for every role, so a user who knows
 * one scorecard knows all twelve:
 *
 * - KPIs: the KPI table and the weight checks (kpis-sheet.ts);
 * - AHP: the pairwise matrix → weights and consistency (ahp-sheet.ts);
 * - Team: actuals → score, traffic light, payout and rule flags per person (team-sheet.ts);
 * - Payout: curve, gate, cap and status bands (payout-sheet.ts);
 * - Summary: one line per person plus team totals, with charts (summary-sheet.ts).
 */
import type ExcelJS from 'exceljs';
import { type BuiltInTemplate, type ChartDefinition, type RuleCell, type Text, defineTemplate, parameterRules, t } from '../../kit';
import { writeAhp } from './ahp-sheet';
import type { RoleDefinition } from './definition';
import { roleInstructions } from './instructions';
import { kpiSettings, writeKpis } from './kpis-sheet';
import { roleLayout } from './layout';
import { writePayout } from './payout-sheet';
import { writeSummary } from './summary-sheet';
import { writeTeam } from './team-sheet';

export * from './definition';
export { roleLayout, type RoleLayout } from './layout';

/** Where the role's rules live: the KPI table's targets, pinned weights and flag thresholds. */
function roleRules(role: RoleDefinition, L: ReturnType<typeof roleLayout>): RuleCell[] {
  return [
    { rule: 'scoring.role-kpis', sheet: 'KPIs', cell: `A${L.kpis.first}` },
    ...parameterRules(kpiSettings(role, L)),
    ...role.kpis.flatMap((kpi, j): RuleCell[] => {
      const row = L.kpis.row(j);
      return [
        ...(kpi.targetRule ? [{ rule: kpi.targetRule, sheet: 'KPIs', cell: `F${row}` }] : []),
        ...(kpi.pinned?.rule ? [{ rule: kpi.pinned.rule, sheet: 'KPIs', cell: `H${row}` }] : []),
        ...(kpi.flag?.rule ? [{ rule: kpi.flag.rule, sheet: 'KPIs', cell: `L${row}` }] : []),
      ];
    }),
  ];
}

export function roleScorecard(role: RoleDefinition): BuiltInTemplate {
  const L = roleLayout(role);
  /** A column chart of one Summary column against the people. */
  const byPerson = (title: Text, series: Text, column: string, at: string): ChartDefinition => ({
    sheet: 'Summary',
    type: 'column',
    at,
    title,
    categories: `Summary!$A$${L.summary.first}:$A$${L.summary.last}`,
    series: [{ name: series, values: `Summary!$${column}$${L.summary.first}:$${column}$${L.summary.last}` }],
  });
  const [en, zh] = [role.role['en-US'], role.role['zh-CN']];
  return defineTemplate({
    id: role.id,
    category: 'scorecard',
    title: t(`${en} KPI scorecard`, `${zh}KPI评分卡`),
    description: role.description,
    tags: ['scorecard', 'KPI', 'AHP', 'payout', '评分卡', '绩效考核', ...role.tags],
    instructions: roleInstructions(role, L),
    rules: roleRules(role, L),
    charts: [
      byPerson(t('KPI score by person', '个人综合得分'), t('Score', '得分'), 'B', 'H2:P18'),
      byPerson(t('Payout by person', '个人奖金'), t('Payout', '奖金 (CNY)'), 'D', 'H20:P36'),
    ],
    sheets: [writeKpis, writeAhp, writeTeam, writePayout, writeSummary].map((write) => (workbook: ExcelJS.Workbook) => write(workbook, role, L)),
  });
}
