/**
 * Cross-department shared commission and bonus pool (三方共享业绩提成、共享奖金池): sales,
 * operations and supply chain share the commission on the deals they close together — each deal
 * listed once per person with that person's share, credited by one =PERF.CREDIT over the team —
 * and one bonus pool, split by score × base salary with a cap and a floor by one =PERF.POOL (a
 * capped person's excess flows to the others). Cross-department points convert to training hours
 * or days of leave.
 */
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  CNY, EXAMPLE_SOURCE, INT, LABEL, PERCENT, type Text, type Words, creditFormula, creditedDealsTable, defineTemplates, growingTables, nonNegative, oneOf, parameterRules, parseExamples,
  peopleTable, percentBetween, planSettings, positive, ruleSource, spillColumns, summarySheet, t, tableGrowth, tableSource, titledSheet, writeParameters, writeTable,
} from '../kit';
import { galleryOf } from './gallery-texts';
import examples from './shared-pool.examples.json';

export const DEPARTMENTS = { sales: t('Sales', '销售'), operations: t('Operations', '运营'), supply: t('Supply chain', '供应链') } as const;
export type Department = keyof typeof DEPARTMENTS;

const EXAMPLES = parseExamples('shared-pool', examples, {
  people: z.array(z.tuple([z.string(), z.string(), z.enum(Object.keys(DEPARTMENTS) as [Department, ...Department[]]), z.number(), z.number(), z.number()])),
  deals: z.array(z.tuple([z.string(), z.number(), z.array(z.tuple([z.number(), z.number()]))])),
});

/** [name en, name zh, department, score, base salary, cross-department points]. */
export const PEOPLE: [string, string, Department, number, number, number][] = EXAMPLES.people;

/** [deal, amount, [person index, share]…]: one row per person on the deal. */
export const DEALS: [string, number, [number, number][]][] = EXAMPLES.deals;

const SHEETS = { plan: t('Plan', '方案'), team: t('Team', '团队'), deals: t('Deals', '订单'), summary: t('Summary', '汇总') };

function layout(w: Words) {
  const sheet = w.sayEach(SHEETS);
  const settings = planSettings(sheet.plan, [
    { name: 'CommissionRate', label: t('Shared commission rate on credited sales', '共享业绩提成比例'), value: 0.02, format: PERCENT, validation: percentBetween() },
    { name: 'BonusPool', label: t('Shared bonus pool (CNY)', '共享奖金池（元）'), value: 300_000, format: CNY, validation: nonNegative },
    { name: 'PoolCap', label: t('Cap per person (CNY)', '每人封顶（元）'), value: 50_000, format: CNY, validation: nonNegative, note: t('a capped person\'s excess goes to the others', '超出封顶的部分分给其他人') },
    { name: 'PoolFloor', label: t('Floor per person (CNY)', '每人保底（元）'), value: 8_000, format: CNY, validation: nonNegative },
    { name: 'TrainingHoursPerPoint', label: t('Training hours per point', '每积分兑换培训学时'), value: 1, format: '0.0', validation: nonNegative, rule: 'payouts.cross-department-points' },
    { name: 'PointsPerLeaveDay', label: t('Points for one day of leave', '兑换一天假期所需积分'), value: 10, format: INT, validation: positive },
  ]);
  const people = peopleTable(
    {
      sheet: sheet.team,
      at: 'A4',
      rows: PEOPLE.length,
      columns: [
        { key: 'department', name: t('Department', '部门'), validation: oneOf(Object.values(DEPARTMENTS), t('sales, operations or supply chain', '销售、运营或供应链'), t('Department', '部门')) },
        { key: 'score', name: LABEL.score, format: PERCENT, validation: nonNegative },
        { key: 'base', name: t('Base salary', '基本工资'), format: CNY, validation: nonNegative },
        { key: 'points', name: t('Points', '协作积分'), format: INT, validation: nonNegative },
        { key: 'share', name: t('Pool share', '奖金池份额'), format: CNY, calculated: (p) => `${p.row('score')}*${p.row('base')}` },
        { key: 'hours', name: t('or training hours', '或培训学时'), format: '0.0', calculated: (p) => `${p.row('points')}*TrainingHoursPerPoint` },
        { key: 'leave', name: t('or leave days', '或假期天数'), format: '0.0', calculated: (p) => `${p.row('points')}/PointsPerLeaveDay` },
      ],
    },
    w.locale,
  );
  const deals = creditedDealsTable(
    {
      sheet: sheet.deals,
      rows: DEALS.reduce((n, [, , rows]) => n + rows.length, 0),
      amount: { name: t('Amount', '订单金额'), validation: nonNegative },
    },
    w.locale,
  );
  const col = { credit: people.next, commission: people.next + 1, pool: people.next + 2, place: people.next + 3, total: people.next + 4 };
  const spill = (c: number) => people.spill(c);
  return { ...w, sheet, settings, people, deals, col, spill };
}
type Layout = ReturnType<typeof layout>;

const AT_CAP = t('at the cap', '已封顶');
const AT_FLOOR = t('at the floor', '保底');
const BY_SHARE = t('by share', '按份额');

function writePlan(workbook: ExcelJS.Workbook, L: Layout): void {
  const plan = titledSheet(workbook, L.sheet.plan, [44, 16, 60, 44], t('Shared commission and bonus pool', '三方共享提成与奖金池'));
  writeParameters(workbook, L.settings);
  const note = plan.getCell(10, 1);
  note.value = L.say(ruleSource('payouts.shared-commission'));
  note.font = { italic: true };
}

function writeTeam(workbook: ExcelJS.Workbook, L: Layout): void {
  titledSheet(workbook, L.sheet.team, [16, 14, 10, 14, 12, 14, 16, 14, 16, 16, 16, 14, 16], t('Sales, operations and supply chain', '销售、运营与供应链'));
  writeTable(workbook, L.people, PEOPLE.map(([en, zh, department, score, base, points]) => ({ name: L.say(t(en, zh)), department: L.say(DEPARTMENTS[department]), score, base, points })));
  tableSource(workbook, L.people, EXAMPLE_SOURCE);
  const { people, col, spill } = L;
  const pool = spill(col.pool);
  spillColumns(workbook, people, [
    { col: col.credit, header: t('Credited sales', '归属业绩'), formula: creditFormula(L.deals, people.col('name')), format: CNY },
    { col: col.commission, header: t('Shared commission', '共享提成'), formula: `${spill(col.credit)}*CommissionRate`, format: CNY },
    { col: col.pool, header: t('Pool bonus', '奖金池分配'), formula: `PERF.POOL(BonusPool,${people.col('share')},PoolCap,PoolFloor)`, format: CNY },
    { col: col.place, header: t('Pool', '分配方式'), formula: `IF(${pool}>=PoolCap-0.005,"${L.say(AT_CAP)}",IF(${pool}<=PoolFloor+0.005,"${L.say(AT_FLOOR)}","${L.say(BY_SHARE)}"))` },
    { col: col.total, header: t('Commission + bonus', '提成与奖金合计'), formula: `${spill(col.commission)}+${pool}`, format: CNY },
  ]);
}

function writeDeals(workbook: ExcelJS.Workbook, L: Layout): void {
  titledSheet(workbook, L.sheet.deals, [14, 16, 16, 12, 16], t('Deals closed together: one row per person on the deal', '共同完成的订单：每单每人一行'));
  const rows = DEALS.flatMap(([deal, amount, credited]) => credited.map(([i, share]) => ({ deal, person: L.say(t(PEOPLE[i][0], PEOPLE[i][1])), amount, share })));
  writeTable(workbook, L.deals, rows);
  tableSource(workbook, L.deals, t(`Example — replace with yours (shares here: sales 50%, operations 30%, supply chain 20%)`, '示例——请替换为贵司数据（此处分成：销售50%、运营30%、供应链20%）'));
}

function writeSummary(workbook: ExcelJS.Workbook, L: Layout): void {
  const { people, col, spill } = L;
  const byDepartment = (label: (d: Text) => Text, c: number) =>
    (Object.keys(DEPARTMENTS) as Department[]).map((d) => ({ label: label(DEPARTMENTS[d]), formula: `SUMPRODUCT((${people.col('department')}="${L.say(DEPARTMENTS[d])}")*${spill(c)})`, format: CNY }));
  summarySheet(workbook, L.sheet.summary, [44, 18], t('Summary', '汇总'), [
    { label: t('Credited sales (all deals × shares)', '归属业绩合计（订单 × 分成）'), formula: L.deals.total('credited'), format: CNY },
    { label: t('Credited to the team', '归属到团队的业绩'), formula: `SUM(${spill(col.credit)})`, format: CNY },
    { label: t('Shared commission', '共享提成合计'), formula: `SUM(${spill(col.commission)})`, format: CNY },
    ...byDepartment((d) => t(`  of which ${d['en-US']}`, `  其中${d['zh-CN']}`), col.commission),
    { label: t('Bonus pool', '奖金池'), formula: 'BonusPool', format: CNY },
    { label: t('Bonus paid out', '奖金池已分配'), formula: `SUM(${spill(col.pool)})`, format: CNY },
    ...byDepartment((d) => t(`  of which ${d['en-US']}`, `  其中${d['zh-CN']}`), col.pool),
    { label: t('People at the cap', '封顶人数'), formula: `COUNTIF(${spill(col.place)},"${L.say(AT_CAP)}")`, format: INT },
    { label: t('People at the floor', '保底人数'), formula: `COUNTIF(${spill(col.place)},"${L.say(AT_FLOOR)}")`, format: INT },
    { label: t('Points: training hours, or', '积分：可兑换培训学时'), formula: `SUM(${people.col('hours')})`, format: '0.0' },
    { label: t('Points: days of leave', '积分：或可兑换假期天数'), formula: `SUM(${people.col('leave')})`, format: '0.0' },
  ]);
}

const sharedPool = defineTemplates({
  ...galleryOf('shared-commission-pool'),
  layout,
  steps: (L) => [
    t(
      `Edit the yellow cells: the rate, the pool, its cap and floor and the point conversions (${L.sheet.plan}!B3:B8), the people (table ${L.people.name}) and the deals (table ${L.deals.name}: one row per person on a deal, with that person's share).`,
      `编辑黄色单元格：提成比例、奖金池及其封顶与保底、积分兑换（${L.sheet.plan}!B3:B8），人员（表格“${L.people.name}”）与订单（表格“${L.deals.name}”：每单每人一行，填写该人的分成比例）。`,
    ),
    t(
      `Credited sales = PERF.CREDIT(people, deal people, amounts, shares): each person's share of every deal they worked on. Shared commission = credited sales × the rate.`,
      `归属业绩 = PERF.CREDIT(人员, 订单人员, 金额, 分成比例)：每人在其参与的每笔订单中的份额之和。共享提成 = 归属业绩 × 提成比例。`,
    ),
    t(
      'Pool bonus = PERF.POOL(pool, score × base salary, cap, floor): everyone gets the same multiple of their share, except that nobody goes above the cap or below the floor; what a capped person does not take is shared among the others, so the pool is always paid out in full (unless everyone is capped).',
      '奖金池分配 = PERF.POOL(奖金池, 得分 × 基本工资, 封顶, 保底)：每人按份额同比例分配，但不高于封顶、不低于保底；封顶者未领取的部分由其他人分享，因此奖金池总是全额分配（除非所有人都封顶）。',
    ),
    t('Cross-department points convert to training hours or to days of leave, at the rates on the Plan sheet.', '跨部门协作积分按方案表的比例兑换培训学时或假期天数。'),
    growingTables([L.people.name, L.deals.name]),
  ],
  rules: (L) => [...parameterRules(L.settings), { rule: 'payouts.shared-commission', sheet: L.sheet.plan, cell: 'A10' }],
  sheets: [writePlan, writeTeam, writeDeals, writeSummary],
  growth: (L) => [
    tableGrowth(L.people, {
      name: L.say(t('Xu Lin', '许琳')),
      department: L.say(DEPARTMENTS.operations),
      score: 1.2,
      base: 20_000,
      points: 10,
    }, [`${L.sheet.summary}!B16`, `${L.sheet.summary}!B17`]),
    tableGrowth(L.deals, { deal: 'D-3105', person: L.say(t(PEOPLE[2][0], PEOPLE[2][1])), amount: 300_000, share: 1 }, [`${L.sheet.summary}!B3`, `${L.sheet.summary}!B5`, `${L.sheet.summary}!B6`]),
  ],
});

export const sharedCommissionPool = sharedPool['en-US'];
export const sharedCommissionPoolZh = sharedPool['zh-CN'];
