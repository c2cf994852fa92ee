/**
 * Sales crediting with roll-up for a team of teams (业绩归属与逐级汇总): deals are credited to
 * reps — split between reps, or credited in full to an overlay specialist as well — returns are
 * negative rows, and credit rolls up the org chart to every manager above (组长提成按全组销售额:
 * a group leader's override is paid on the whole group's sales). One =PERF.CREDIT gives each
 * person's own credit, another with the managers column the rolled-up credit. The span of control
 * (≤ 7 direct reports) is checked per manager.
 */
import type ExcelJS from 'exceljs';
import {
  CNY, EXAMPLE_SOURCE, INT, PERCENT, type Words, creditFormula, creditedDealsTable, defineTemplates, growingRange, growingTables, oneOfRange, parameterRules, peopleTable,
  percentBetween, planSettings, spillColumns, summarySheet, t, tableGrowth, tableSource, titledSheet, warnUnlessOk, wholeBetween, writeParameters, writeTable,
} from '../kit';
import { galleryOf } from './gallery-texts';

/** [name en, name zh, manager index (−1: none), position en, position zh]. */
export const PEOPLE: [string, string, number, string, string][] = [
  ['Zheng Hua', '郑华', -1, 'Sales director', '销售总监'],
  ['Bai Yun', '白云', 0, 'Team lead, East', '华东组长'],
  ['Qiu Feng', '邱枫', 0, 'Team lead, South', '华南组长'],
  ['Xie Ying', '谢莹', 1, 'Rep', '销售代表'],
  ['Pan Jie', '潘杰', 1, 'Rep', '销售代表'],
  ['Du Juan', '杜娟', 1, 'Rep', '销售代表'],
  ['Yu Hang', '于航', 2, 'Rep', '销售代表'],
  ['Shi Lei', '石磊', 2, 'Rep', '销售代表'],
  ['Ren Yu', '任宇', 0, 'Overlay specialist', '产品专家'],
];

/** [deal, person index, amount, share]: a split deal has a row per rep; an overlay gets a row of its own (credit on top). */
export const DEALS: [string, number, number, number][] = [
  ['D-5001', 3, 420_000, 1],
  ['D-5002', 4, 260_000, 1],
  ['D-5003', 3, 300_000, 0.6],
  ['D-5003', 5, 300_000, 0.4],
  ['D-5004', 6, 510_000, 1],
  ['D-5004', 8, 510_000, 1],
  ['D-5005', 7, 180_000, 1],
  ['D-5006', 1, 150_000, 1],
  ['D-5007', 5, -40_000, 1],
];

const SHEETS = { plan: t('Plan', '方案'), team: t('Team', '团队'), deals: t('Deals', '订单'), summary: t('Summary', '汇总') };
const OVER_SPAN = t('⚠ more than the span of control', '⚠ 超出管理幅度');

function layout(w: Words) {
  const sheet = w.sayEach(SHEETS);
  const settings = planSettings(sheet.plan, [
    { name: 'RepRate', label: t('Commission on own credit', '个人业绩提成比例'), value: 0.03, format: PERCENT, validation: percentBetween() },
    {
      name: 'LeaderRate',
      label: t('Leader override on the whole group\'s sales', '组长按全组销售额提成比例'),
      value: 0.01,
      format: PERCENT,
      validation: percentBetween(),
      note: t('paid to anyone with reports, on the credit rolled up to them (their own included)', '凡有下属者，按逐级汇总到其名下的业绩（含本人）计提'),
    },
    { name: 'SpanLimit', label: t('Span of control (direct reports, at most)', '管理幅度（直接下属上限）'), value: 7, format: INT, validation: wholeBetween(1, 50), rule: 'team.span-7' },
  ]);
  const people = peopleTable(
    {
      sheet: sheet.team,
      at: 'A4',
      rows: PEOPLE.length,
      columns: [
        { key: 'position', name: t('Position', '职位') },
        { key: 'manager', name: t('Manager', '上级') },
        { key: 'reports', name: t('Direct reports', '直接下属'), format: INT, calculated: (p) => `COUNTIF(${p.col('manager')},${p.row('name')})` },
        { key: 'span', name: t('Span check', '管理幅度检查'), calculated: (p) => `IF(${p.row('reports')}>SpanLimit,"${w.say(OVER_SPAN)}","OK")` },
      ],
    },
    w.locale,
  );
  // Amounts are not validated: a return is a negative amount.
  const deals = creditedDealsTable(
    {
      sheet: sheet.deals,
      rows: DEALS.length,
      person: oneOfRange(`INDIRECT("${people.col('name')}")`, t('a name of the People table', '人员表格中的姓名')),
      amount: { name: t('Amount', '金额') },
    },
    w.locale,
  );
  const col = { own: people.next, rolled: people.next + 1, group: people.next + 2, commission: people.next + 3 };
  const spill = (c: number) => people.spill(c);
  return { ...w, sheet, settings, people, deals, col, spill };
}
type Layout = ReturnType<typeof layout>;

const credit = (L: Layout, managers: boolean) => creditFormula(L.deals, L.people.col('name'), managers ? L.people.col('manager') : undefined);

function writePlan(workbook: ExcelJS.Workbook, L: Layout): void {
  titledSheet(workbook, L.sheet.plan, [46, 14, 60, 60], t('Crediting and roll-up', '业绩归属与逐级汇总'));
  writeParameters(workbook, L.settings);
}

function writeTeam(workbook: ExcelJS.Workbook, L: Layout): void {
  const sheet = titledSheet(workbook, L.sheet.team, [14, 22, 14, 12, 28, 16, 16, 16, 16], t('A team of teams: each person\'s manager', '多级团队：每人的上级'));
  const name = (i: number) => L.say(t(PEOPLE[i][0], PEOPLE[i][1]));
  writeTable(workbook, L.people, PEOPLE.map(([en, zh, manager, pen, pzh]) => ({ name: L.say(t(en, zh)), position: L.say(t(pen, pzh)), manager: manager < 0 ? null : name(manager) })));
  tableSource(workbook, L.people, EXAMPLE_SOURCE);
  const { people, col, spill } = L;
  spillColumns(workbook, people, [
    { col: col.own, header: t('Own credit', '个人业绩'), formula: credit(L, false), format: CNY },
    { col: col.rolled, header: t('Rolled-up credit', '逐级汇总业绩'), formula: credit(L, true), format: CNY },
    { col: col.group, header: t('From their teams', '来自下属'), formula: `${spill(col.rolled)}-${spill(col.own)}`, format: CNY },
    { col: col.commission, header: t('Commission', '提成'), formula: `${spill(col.own)}*RepRate+IF(${people.col('reports')}>0,${spill(col.rolled)}*LeaderRate,0)`, format: CNY },
  ]);
  warnUnlessOk(sheet, growingRange(people, people.column('span')));
}

function writeDeals(workbook: ExcelJS.Workbook, L: Layout): void {
  titledSheet(workbook, L.sheet.deals, [14, 14, 16, 12, 16], t('Deals: a row per person credited (split deals, overlays, returns as negative amounts)', '订单：每个归属人一行（分单、叠加归属、退货为负数）'));
  writeTable(workbook, L.deals, DEALS.map(([deal, person, amount, share]) => ({ deal, person: L.say(t(PEOPLE[person][0], PEOPLE[person][1])), amount, share })));
  tableSource(workbook, L.deals, EXAMPLE_SOURCE);
}

function writeSummary(workbook: ExcelJS.Workbook, L: Layout): void {
  const { people, col, spill } = L;
  summarySheet(workbook, L.sheet.summary, [48, 18], t('Summary', '汇总'), [
    { label: t('Credited on all deal rows', '全部订单行归属业绩'), formula: L.deals.total('credited'), format: CNY },
    { label: t('Own credit, everyone', '个人业绩合计'), formula: `SUM(${spill(col.own)})`, format: CNY },
    { label: t('Rolled up to the top (no manager)', '汇总到最高层（无上级者）'), formula: `SUMPRODUCT((${people.col('manager')}="")*${spill(col.rolled)})`, format: CNY },
    { label: t('Commission, everyone', '提成合计'), formula: `SUM(${spill(col.commission)})`, format: CNY },
    { label: t('Managers over the span of control', '超出管理幅度的经理'), formula: `COUNTIF(${people.col('span')},"<>OK")`, format: INT },
  ]);
}

const teamCrediting = defineTemplates({
  ...galleryOf('team-crediting-rollup'),
  layout,
  steps: (L) => [
    t(
      `Edit the yellow cells: the rates and the span limit (${L.sheet.plan}!B3:B5), the people and their managers (table ${L.people.name}; leave the manager blank at the top) and the deals (table ${L.deals.name}).`,
      `编辑黄色单元格：提成比例与管理幅度（${L.sheet.plan}!B3:B5）、人员及其上级（表格“${L.people.name}”；最高层的上级留空）与订单（表格“${L.deals.name}”）。`,
    ),
    t(
      'A deal is one row per person credited: split it with shares that add up to 100%, or credit an overlay specialist in full on a row of their own (credit on top); a return is a negative amount.',
      '每个归属人一行：分单时各行分成比例合计100%；产品专家叠加归属时单独一行、按100%归属（额外计入）；退货填负数金额。',
    ),
    t(
      'Own credit = PERF.CREDIT(people, deal people, amounts, shares). Rolled-up credit = the same with the managers column: everyone\'s credit plus all of their reports\', level by level, so the top of the chart holds the sum of the whole tree.',
      '个人业绩 = PERF.CREDIT(人员, 订单人员, 金额, 分成比例)。逐级汇总业绩 = 再加上上级列：本人业绩加上所有下属的业绩，逐级向上，因此最高层为整棵树的合计。',
    ),
    t(
      'Commission = own credit × the rep rate, plus for anyone with reports the leader rate × their rolled-up credit (the whole group\'s sales). Direct reports above the span limit are flagged.',
      '提成 = 个人业绩 × 个人提成比例；有下属者另加 组长提成比例 × 逐级汇总业绩（全组销售额）。直接下属超过管理幅度上限时标记。',
    ),
    growingTables([L.people.name, L.deals.name]),
  ],
  rules: (L) => parameterRules(L.settings),
  sheets: [writePlan, writeTeam, writeDeals, writeSummary],
  growth: (L) => [
    tableGrowth(L.people, { name: L.say(t('Xu Lin', '许琳')), position: L.say(t('Rep', '销售代表')), manager: L.say(t(PEOPLE[2][0], PEOPLE[2][1])) }, [`${L.sheet.team}!D7`]),
    tableGrowth(L.deals, { deal: 'D-5008', person: L.say(t(PEOPLE[6][0], PEOPLE[6][1])), amount: 90_000, share: 1 }, [`${L.sheet.summary}!B3`, `${L.sheet.summary}!B5`, `${L.sheet.summary}!B6`]),
  ],
});

export const teamCreditingRollup = teamCrediting['en-US'];
export const teamCreditingRollupZh = teamCrediting['zh-CN'];
