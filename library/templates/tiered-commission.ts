/**
 * Tiered commission plan (階梯式提成, seed rules §2): a six-tier table, marginal or
 * retroactive, a sales team whose commission spills from one PERF.TIERED formula, and a
 * summary that compares both methods.
 */
import type ExcelJS from 'exceljs';
import {
  CNY, LABEL, PERCENT, columnWidths, defineTemplate, formula, headerRow, inputBlock, nonNegative, oneOf, percentBetween, resultColumn, sheetTitle, summaryLines, t,
  writeParameters,
} from '../kit';

export const TIERS: [number, number][] = [
  [0, 0.02],
  [50_000, 0.03],
  [100_000, 0.045],
  [200_000, 0.06],
  [350_000, 0.08],
  [500_000, 0.1],
];

export const SALES: [string, number][] = [
  ['Chen Jing 陈静', 42_000],
  ['Li Wei 李伟', 128_500],
  ['Wang Fang 王芳', 236_000],
  ['Zhang Min 张敏', 388_000],
  ['Liu Yang 刘洋', 512_750],
  ['Zhao Lei 赵磊', 95_300],
  ['Sun Li 孙丽', 0],
  ['Zhou Tao 周涛', 760_000],
];

const LAST = 1 + SALES.length; // Team rows 2..9

export const tieredCommission = defineTemplate({
  id: 'tiered-commission-plan',
  category: 'incentive',
  title: t('Tiered commission plan', '阶梯式提成方案'),
  description: t(
    'Six commission tiers applied marginally (each slice at its own rate) or retroactively (the whole amount at the reached rate), per salesperson and in total.',
    '六档提成：按边际（每段按本档费率）或追溯（全额按达到的档位费率）计算每位销售的提成及合计。',
  ),
  tags: ['commission', 'tiers', 'sales', '提成', '阶梯'],
  instructions: {
    purpose: t('commission per salesperson from a tiered rate table.', '按阶梯费率表计算每位销售的提成。'),
    steps: [
      t('Edit the yellow cells: tier thresholds and rates (Plan!A5:B10), the method (Plan!B2), names and sales (Team!A2:B9).', '编辑黄色单元格：档位门槛与费率（Plan!A5:B10）、计算方法（Plan!B2）、姓名与销售额（Team!A2:B9）。'),
      t(
        'Method "marginal": each slice of sales earns its own tier rate, like income tax. "retro": the whole amount earns the rate of the highest tier reached.',
        '方法 "marginal"：每段销售额按所在档费率计算（类似个税）；"retro"：全额按达到的最高档费率计算。',
      ),
      t(
        'Outputs: Team!C2 spills one commission per person (=PERF.TIERED); Team!D2 the effective rate; Summary shows totals for both methods.',
        '输出：Team!C2 按人溢出提成（=PERF.TIERED）；Team!D2 为实际费率；Summary 显示两种方法的合计。',
      ),
    ],
  },
  rules: [{ rule: 'payouts.tiered-commission', sheet: 'Plan', cell: 'A5' }],
  sheets: [writePlan, writeTeam, writeSummary],
  names: { CommissionTiers: 'Plan!$A$5:$B$10', CommissionMethod: 'Plan!$B$2', TeamSales: `Team!$B$2:$B$${LAST}` },
});

function writePlan(workbook: ExcelJS.Workbook): void {
  const plan = workbook.addWorksheet('Plan');
  columnWidths(plan, [18, 14]);
  sheetTitle(plan, t('Tiered commission plan', '阶梯式提成方案'));
  writeParameters(workbook, {
    sheet: 'Plan',
    firstRow: 2,
    rows: [{ label: t('Method', '方法'), value: 'marginal', validation: oneOf(['marginal', 'retro'], 'marginal or retro', 'Method') }],
  });
  headerRow(plan, 4, [t('Threshold', '门槛 (CNY)'), t('Rate', '费率')]);
  inputBlock(plan, 5, TIERS, [
    { col: 1, format: CNY, validation: nonNegative },
    { col: 2, format: PERCENT, validation: percentBetween() },
  ]);
}

function writeTeam(workbook: ExcelJS.Workbook): void {
  const team = workbook.addWorksheet('Team');
  columnWidths(team, [22, 16, 16, 14]);
  headerRow(team, 1, [LABEL.name, t('Sales', '销售额'), t('Commission', '提成'), t('Effective rate', '实际费率')]);
  inputBlock(team, 2, SALES, [{ col: 1 }, { col: 2, format: CNY }]);
  resultColumn(team, { col: 3, first: 2, last: LAST, formula: `PERF.TIERED(B2:B${LAST},Plan!A5:B10,Plan!B2)`, format: CNY });
  for (let r = 2; r <= LAST; r++) formula(team.getCell(r, 4), `IF(B${r}>0,C${r}/B${r},0)`, PERCENT);
}

function writeSummary(workbook: ExcelJS.Workbook): void {
  const summary = workbook.addWorksheet('Summary');
  columnWidths(summary, [36, 18]);
  headerRow(summary, 1, [LABEL.measure, LABEL.value]);
  summaryLines(summary, 2, [
    { label: t('Total sales', '销售总额'), formula: `SUM(Team!B2:B${LAST})`, format: CNY },
    { label: t('Total commission (plan method)', '提成合计（方案方法）'), formula: `SUM(Team!C2:C${LAST})`, format: CNY },
    { label: t('Total commission, marginal', '边际法合计'), formula: `SUM(PERF.TIERED(Team!B2:B${LAST},Plan!A5:B10,"marginal"))`, format: CNY },
    { label: t('Total commission, retro', '追溯法合计'), formula: `SUM(PERF.TIERED(Team!B2:B${LAST},Plan!A5:B10,"retro"))`, format: CNY },
    { label: t('Commission cost / sales', '提成成本率'), formula: 'IF(B2>0,B3/B2,0)', format: PERCENT },
  ]);
}
