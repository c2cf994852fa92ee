/**
 * Tiered commission plan (阶梯式提成): the plan tiers on attainment of the performance target
 * (业绩目标达成率), marginal or retroactive; each salesperson's commission spills from one
 * PERF.TIERED over the whole team table. An amount-tiered table is kept beside it, labelled as
 * the example it is (tiers on the sales amount), and the summary compares both methods.
 */
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  CNY, EXAMPLE_SOURCE, PERCENT, type Words, defineTemplates, growingTables, nonNegative, oneOf, option, parseExamples, peopleTable, percentBetween, ruleSource, settingsBlock, spillColumns,
  summarySheet, t, tableGrowth, tableLayout, tableSource, titledSheet, writeParameters, writeTable,
} from '../kit';
import { galleryOf } from './gallery-texts';
import examples from './tiered-commission.examples.json';

/** The plan's tiers on attainment: [attainment from, rate on that slice of sales]. */
export const ATTAINMENT_TIERS: [number, number][] = [
  [0, 0.02],
  [0.6, 0.03],
  [0.8, 0.045],
  [1, 0.06],
  [1.2, 0.08],
  [1.5, 0.1],
];

/** The example tiers on the sales amount: [CNY from, rate]. */
export const AMOUNT_TIERS: [number, number][] = [
  [0, 0.02],
  [50_000, 0.03],
  [100_000, 0.045],
  [200_000, 0.06],
  [350_000, 0.08],
  [500_000, 0.1],
];

const EXAMPLES = parseExamples('tiered-commission', examples, {
  team: z.array(z.tuple([z.string(), z.string(), z.number(), z.number()])),
});

/** [name en, name zh, performance target, sales]. */
export const TEAM: [string, string, number, number][] = EXAMPLES.team;

const SHEETS = { plan: t('Plan', '方案'), team: t('Team', '团队'), summary: t('Summary', '汇总') };

const tiers = (w: Words, name: ReturnType<typeof t>, at: string, from: ReturnType<typeof t>, fromFormat: string, rows: number) =>
  tableLayout(
    {
      name,
      sheet: w.say(SHEETS.plan),
      at,
      rows,
      columns: [
        { key: 'from', name: from, format: fromFormat, validation: nonNegative },
        { key: 'rate', name: t('Rate', '提成比例'), format: PERCENT, validation: percentBetween() },
      ],
    },
    w.locale,
  );

function layout(w: Words) {
  const sheet = w.sayEach(SHEETS);
  const attainmentTiers = tiers(w, t('AttainmentTiers', '达成率档位'), 'A7', t('Attainment from', '达成率起点'), PERCENT, ATTAINMENT_TIERS.length);
  const amountTiers = tiers(w, t('AmountTiers', '金额档位'), 'D7', t('Sales from', '销售额起点'), CNY, AMOUNT_TIERS.length);
  const people = peopleTable(
    {
      sheet: sheet.team,
      at: 'A4',
      rows: TEAM.length,
      totalsRow: true,
      columns: [
        { key: 'target', name: t('Target', '业绩目标'), format: CNY, validation: nonNegative, totals: 'sum' },
        { key: 'sales', name: t('Sales', '销售额'), format: CNY, validation: nonNegative, totals: 'sum' },
      ],
    },
    w.locale,
  );
  const col = { attainment: people.next, commission: people.next + 1, rate: people.next + 2, amountExample: people.next + 3 };
  /** A result spill beside the table, from any sheet: Team!E5#. */
  const spill = (c: number) => people.spill(c);
  const methodBlock = settingsBlock(sheet.plan, 3, [
    {
      name: 'CommissionMethod',
      label: t('Method', '计算方法'),
      value: w.say(option('marginal')),
      validation: oneOf([option('marginal'), option('retro')], t('marginal or retro', '边际或追溯'), t('Method', '计算方法')),
      note: t('marginal: each slice at its tier\'s rate; retro: all sales at the rate of the tier reached', '边际（超额累进）：每段按所在档的提成比例；追溯（全额累进）：全部按达到的档的提成比例'),
    },
  ]);
  return { ...w, sheet, attainmentTiers, amountTiers, people, col, spill, methodBlock };
}
type Layout = ReturnType<typeof layout>;

/** The commission of each person under the plan tiers, with `method` (a cell, or an option in quotes). */
const commission = (L: Layout, method: string) => `PERF.TIERED(${L.spill(L.col.attainment)},${L.attainmentTiers.name},${method})*${L.people.col('target')}`;

function writePlan(workbook: ExcelJS.Workbook, L: Layout): void {
  titledSheet(workbook, L.sheet.plan, [20, 16, 56, 20, 14], t('Tiered commission plan', '分档提成方案'));
  writeParameters(workbook, L.methodBlock);
  writeTable(workbook, L.attainmentTiers, ATTAINMENT_TIERS.map(([from, rate]) => ({ from, rate })));
  tableSource(workbook, L.attainmentTiers, ruleSource('payouts.tiered-commission'));
  writeTable(workbook, L.amountTiers, AMOUNT_TIERS.map(([from, rate]) => ({ from, rate })));
  tableSource(workbook, L.amountTiers, t('Example: tiers on the sales amount instead — replace with yours', '示例：按销售额分档——请替换为贵司数据'));
}

function writeTeam(workbook: ExcelJS.Workbook, L: Layout): void {
  titledSheet(workbook, L.sheet.team, [20, 16, 16, 14, 16, 14, 22], t('Sales team', '销售团队'));
  writeTable(workbook, L.people, TEAM.map(([en, zh, target, sales]) => ({ name: L.say(t(en, zh)), target, sales })));
  tableSource(workbook, L.people, EXAMPLE_SOURCE);
  const { people, col } = L;
  spillColumns(workbook, people, [
    { col: col.attainment, header: t('Attainment', '达成率'), formula: `PERF.ATTAIN(${people.col('sales')},${people.col('target')})`, format: PERCENT },
    { col: col.commission, header: t('Commission', '提成'), formula: commission(L, 'CommissionMethod'), format: CNY },
    { col: col.rate, header: t('Effective rate', '实际提成比例'), formula: `IF(${people.col('sales')}>0,${L.spill(col.commission)}/${people.col('sales')},0)`, format: PERCENT },
    { col: col.amountExample, header: t('On amount (example)', '按金额分档（示例）'), formula: `PERF.TIERED(${people.col('sales')},${L.amountTiers.name},CommissionMethod)`, format: CNY },
  ]);
}

function writeSummary(workbook: ExcelJS.Workbook, L: Layout): void {
  const sum = (c: number) => `SUM(${L.spill(c)})`;
  summarySheet(workbook, L.sheet.summary, [44, 18], t('Summary', '汇总'), [
    { label: t('Total target', '业绩目标合计'), formula: L.people.total('target'), format: CNY },
    { label: t('Total sales', '销售总额'), formula: L.people.total('sales'), format: CNY },
    { label: t('Team attainment', '团队达成率'), formula: 'IF(B3>0,B4/B3,0)', format: PERCENT },
    { label: t('Total commission (plan method)', '提成合计（方案方法）'), formula: sum(L.col.commission), format: CNY },
    { label: t('Total commission, marginal', '边际法合计'), formula: `SUM(${commission(L, `"${L.say(option('marginal'))}"`)})`, format: CNY },
    { label: t('Total commission, retro', '追溯法合计'), formula: `SUM(${commission(L, `"${L.say(option('retro'))}"`)})`, format: CNY },
    { label: t('Commission cost / sales', '提成成本率'), formula: 'IF(B4>0,B6/B4,0)', format: PERCENT },
    { label: t('Example: total on amount tiers', '示例：按金额分档合计'), formula: sum(L.col.amountExample), format: CNY },
  ]);
}

const tiered = defineTemplates({
  ...galleryOf('tiered-commission-plan'),
  layout,
  steps: (L) => [
    t(
      `Edit the yellow cells: the method (${L.sheet.plan}!B3), the attainment tiers (table AttainmentTiers), and each person's target and sales (table People on ${L.sheet.team}).`,
      `编辑黄色单元格：计算方法（${L.sheet.plan}!B3）、达成率档位（表格“达成率档位”），以及每人的业绩目标与销售额（${L.sheet.team} 表中的表格“人员”）。`,
    ),
    t(
      'Attainment = sales ÷ target (=PERF.ATTAIN). Commission = target × PERF.TIERED(attainment, tiers, method): "marginal" pays each slice of attainment at its own band\'s rate, like income tax; "retro" pays all sales at the rate of the band reached.',
      `达成率 = 销售额 ÷ 业绩目标（=PERF.ATTAIN）。提成 = 业绩目标 × PERF.TIERED(达成率, 档位, 方法)："${option('marginal')['zh-CN']}"（超额累进）每段达成率按所在档的提成比例计算（类似个税）；"${option('retro')['zh-CN']}"（全额累进）全部销售额按达到的档的提成比例计算。`,
    ),
    t(
      'The amount tiers (table AmountTiers) are an example of the other way to tier, on the sales amount; the plan tiers on attainment.',
      '金额档位（表格“金额档位”）是另一种分档方式（按销售额）的示例；方案按达成率分档。',
    ),
    growingTables([L.people.name, L.attainmentTiers.name, L.amountTiers.name]),
  ],
  rules: (L) => [{ rule: 'payouts.tiered-commission', sheet: L.sheet.plan, cell: `A${L.attainmentTiers.firstRow}` }],
  sheets: [writePlan, writeTeam, writeSummary],
  growth: (L) => [
    tableGrowth(L.people, { name: L.say(t('Xu Lin', '许琳')), target: 300_000, sales: 330_000 }, [`${L.sheet.summary}!B4`, `${L.sheet.summary}!B6`]),
    tableGrowth(L.attainmentTiers, { from: 1.8, rate: 0.12 }, [`${L.sheet.summary}!B6`]),
    tableGrowth(L.amountTiers, { from: 700_000, rate: 0.12 }, [`${L.sheet.summary}!B10`]),
  ],
});

export const tieredCommission = tiered['en-US'];
export const tieredCommissionZh = tiered['zh-CN'];
