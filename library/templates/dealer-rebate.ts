/**
 * Dealer price ladder and quarterly rebates (经销商价格体系与季度返利; the channel manager's
 * dealer pricing in the role responsibilities): stepped prices by channel level (总代/分销/零售
 * and group leaders, 团长), a quarterly rebate ladder with one column of rates per level read by
 * one =PERF.REBATE over the whole dealers table, over-target rewards, the 50,000 CNY price
 * deposit with its deductions and the 3-month supply suspension on a price violation, and the 3%
 * commission intermediaries earn per order.
 */
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  CNY, EXAMPLE_SOURCE, INT, LABEL, PERCENT, type Text, type Words, defineNames, defineTemplates, formula, growingRange, growingTables, headerRow, inputCell, label, nonNegative,
  oneOf, option, parameterRules, parseExamples, percentBetween, planSettings, positive, ruleSource, spillColumns, summarySheet, t, tableGrowth, tableLayout, tableSource, titledSheet, warnUnlessOk,
  wholeBetween, writeParameters, writeTable,
} from '../kit';
import { galleryOf } from './gallery-texts';
import examples from './dealer-rebate.examples.json';

/** The channel levels, highest first: their names are the rebate ladder's column headers. */
export const LEVELS: { key: string; name: Text; priceShare: number }[] = [
  { key: 'agent', name: t('General agent', '总代'), priceShare: 0.55 },
  { key: 'distributor', name: t('Distributor', '分销'), priceShare: 0.65 },
  { key: 'retail', name: t('Retail', '零售'), priceShare: 0.8 },
  { key: 'leader', name: t('Group leader', '团长'), priceShare: 0.7 },
];

/** The quarterly rebate ladder: [purchases from (CNY), one rate per level in LEVELS' order]. */
export const LADDER: [number, number[]][] = [
  [0, [0, 0, 0.005, 0.01]],
  [200_000, [0.01, 0.015, 0.01, 0.02]],
  [500_000, [0.02, 0.025, 0.02, 0.03]],
  [1_000_000, [0.03, 0.035, 0.03, 0.04]],
];

const EXAMPLES = parseExamples('dealer-rebate', examples, {
  dealers: z.array(z.tuple([z.string(), z.string(), z.string(), z.number(), z.number(), z.number()])),
  orders: z.array(z.tuple([z.string(), z.string(), z.string(), z.number()])),
});

/** [dealer en, dealer zh, level key, units bought in the quarter, quarterly purchase target, price violations]. */
export const DEALERS: [string, string, string, number, number, number][] = EXAMPLES.dealers;

/** [order en, intermediary en, intermediary zh, order amount]. */
export const ORDERS: [string, string, string, number][] = EXAMPLES.orders;

/** The list price the ladder's levels take their share of (CNY per unit): an example. */
export const LIST_PRICE = 1_000;

const SHEETS = { plan: t('Plan', '方案'), dealers: t('Dealers', '经销商'), orders: t('Orders', '订单'), summary: t('Summary', '汇总') };
const SUSPENDED = (months: string, w: Words) => (w.locale === 'en-US' ? `"⚠ supply suspended "&${months}&" months"` : `"⚠ 停止供货"&${months}&"个月"`);

function layout(w: Words) {
  const sheet = w.sayEach(SHEETS);
  const settings = planSettings(sheet.plan, [
    { name: 'ListPrice', label: t('List price (CNY per unit)', '建议零售价（元/件）'), value: LIST_PRICE, format: CNY, validation: positive },
    {
      name: 'RebateMethod',
      label: t('Rebate method', '返利计算方法'),
      value: option('retro'),
      validation: oneOf([option('retro'), option('marginal')], t('retro or marginal', '追溯或边际'), t('Rebate method', '返利计算方法')),
      note: t('retro: the whole quarter at the rate reached (usual for rebates); marginal: each slice at its own rate', '追溯（全额累进）：全季进货额按达到的档位比例（返利通常如此）；边际（超额累进）：每段按所在档比例'),
    },
    { name: 'OverTargetRate', label: t('Over-target reward (share of purchases above target)', '超额奖励（超出目标部分的比例）'), value: 0.02, format: PERCENT, validation: percentBetween(), rule: 'channels.quarterly-rebates' },
    { name: 'IntermediaryCommission', label: t('Intermediary commission per order', '中间人每单居间费比例'), value: 0.03, format: PERCENT, validation: percentBetween(), rule: 'channels.intermediary-commission-3' },
    { name: 'PriceDeposit', label: t('Price deposit per dealer (CNY)', '每个经销商价格保证金（元）'), value: 50_000, format: CNY, validation: nonNegative, rule: 'channels.price-deposit-50000' },
    { name: 'ForfeitPerViolation', label: t('Deposit forfeited per price violation (CNY)', '每次价格违规扣除保证金（元）'), value: 10_000, format: CNY, validation: nonNegative },
    { name: 'SuspensionMonths', label: t('Supply suspension after a violation (months)', '违规后停止供货（月）'), value: 3, format: INT, validation: wholeBetween(0, 24), rule: 'channels.supply-suspension-3' },
  ]);
  /** The price ladder: one row per level (the levels are the plan's, so a block, not a table). */
  const prices = { header: 12, first: 13, last: 12 + LEVELS.length };
  const ladder = tableLayout<string>(
    {
      name: t('RebateLadder', '返利阶梯'),
      sheet: sheet.plan,
      at: `A${prices.last + 4}`,
      rows: LADDER.length,
      columns: [
        { key: 'from', name: t('Purchases from', '进货额起点'), format: CNY, validation: nonNegative },
        ...LEVELS.map((level) => ({ key: level.key, name: level.name, format: '0.0%', validation: percentBetween() })),
      ],
    },
    w.locale,
  );
  const dealers = tableLayout(
    {
      name: t('Dealers', '经销商'),
      sheet: sheet.dealers,
      at: 'A4',
      rows: DEALERS.length,
      columns: [
        { key: 'dealer', name: t('Dealer', '经销商') },
        { key: 'level', name: t('Level', '级别'), validation: oneOf(LEVELS.map((l) => l.name), t('one of the channel levels on the Plan sheet', '方案表中的渠道级别之一'), t('Level', '级别')) },
        { key: 'units', name: t('Units', '进货数量'), format: INT, validation: nonNegative },
        { key: 'target', name: t('Quarterly target', '季度目标'), format: CNY, validation: nonNegative },
        { key: 'violations', name: t('Price violations', '价格违规次数'), format: INT, validation: wholeBetween(0, 99) },
        { key: 'price', name: t('Unit price', '进货单价'), format: CNY, calculated: (d) => `INDEX(LevelPrices,MATCH(${d.row('level')},LevelNames,0))` },
        { key: 'purchases', name: t('Purchases', '进货额'), format: CNY, calculated: (d) => `${d.row('units')}*${d.row('price')}` },
        { key: 'reward', name: t('Over-target reward', '超额奖励'), format: CNY, calculated: (d) => `MAX(0,${d.row('purchases')}-${d.row('target')})*OverTargetRate` },
        { key: 'deposit', name: t('Deposit kept', '保证金余额'), format: CNY, calculated: (d) => `MAX(0,PriceDeposit-${d.row('violations')}*ForfeitPerViolation)` },
        { key: 'supply', name: t('Supply', '供货'), calculated: (d) => `IF(${d.row('violations')}>0,${SUSPENDED('SuspensionMonths', w)},"OK")` },
      ],
    },
    w.locale,
  );
  const orders = tableLayout(
    {
      name: t('Orders', '订单'),
      sheet: sheet.orders,
      at: 'A4',
      rows: ORDERS.length,
      totalsRow: true,
      columns: [
        { key: 'order', name: t('Order', '订单号'), totals: { label: LABEL.total } },
        { key: 'intermediary', name: t('Intermediary', '中间人') },
        { key: 'amount', name: t('Amount', '金额'), format: CNY, validation: nonNegative, totals: 'sum' },
        { key: 'commission', name: t('Commission', '居间费'), format: CNY, calculated: (o) => `${o.row('amount')}*IntermediaryCommission`, totals: 'sum' },
      ],
    },
    w.locale,
  );
  const col = { rebate: dealers.next, payable: dealers.next + 1, rate: dealers.next + 2 };
  const spill = (c: number) => dealers.spill(c);
  return { ...w, sheet, settings, prices, ladder, dealers, orders, col, spill };
}
type Layout = ReturnType<typeof layout>;

/** Each dealer's rebate on the ladder, with `method` (a cell or an option in quotes). */
const rebate = (L: Layout, method: string) => `PERF.REBATE(${L.dealers.col('purchases')},${L.ladder.name}[#All],${L.dealers.col('level')},${method})`;

function writePlan(workbook: ExcelJS.Workbook, L: Layout): void {
  const plan = titledSheet(workbook, L.sheet.plan, [44, 16, 16, 16, 16, 60], t('Dealer price ladder and quarterly rebates', '经销商价格体系与季度返利'));
  writeParameters(workbook, L.settings);
  const { header, first, last } = L.prices;
  label(plan.getCell(header - 1, 1), ruleSource('channels.dealer-price-levels'));
  headerRow(plan, header, [t('Channel level', '渠道级别'), t('Share of list price', '占建议零售价比例'), t('Unit price', '进货单价'), t('Source', '来源')]);
  LEVELS.forEach((level, i) => {
    const row = first + i;
    label(plan.getCell(row, 1), level.name);
    inputCell(plan.getCell(row, 2), level.priceShare, PERCENT, percentBetween());
    formula(plan.getCell(row, 3), `ListPrice*B${row}`, CNY);
    label(plan.getCell(row, 4), level.key === 'leader' ? ruleSource('channels.group-leader-rebates') : EXAMPLE_SOURCE);
  });
  defineNames(workbook, { LevelNames: `${L.sheet.plan}!$A$${first}:$A$${last}`, LevelPrices: `${L.sheet.plan}!$C$${first}:$C$${last}` });
  writeTable(workbook, L.ladder, LADDER.map(([from, rates]) => ({ from, ...Object.fromEntries(LEVELS.map((level, i) => [level.key, rates[i]])) })));
  tableSource(workbook, L.ladder, t(`${ruleSource('channels.quarterly-rebates')['en-US']}; thresholds and rates: ${EXAMPLE_SOURCE['en-US']}`, `${ruleSource('channels.quarterly-rebates')['zh-CN']}；档位与比例：${EXAMPLE_SOURCE['zh-CN']}`));
}

function writeDealers(workbook: ExcelJS.Workbook, L: Layout): void {
  const sheet = titledSheet(workbook, L.sheet.dealers, [26, 14, 12, 16, 14, 14, 16, 16, 16, 26, 16, 16, 14], t('Dealers this quarter', '本季度经销商'));
  const level = (key: string) => L.say(LEVELS.find((l) => l.key === key)!.name);
  writeTable(workbook, L.dealers, DEALERS.map(([en, zh, key, units, target, violations]) => ({ dealer: L.say(t(en, zh)), level: level(key), units, target, violations })));
  tableSource(workbook, L.dealers, EXAMPLE_SOURCE);
  const { dealers, col } = L;
  spillColumns(workbook, dealers, [
    { col: col.rebate, header: t('Quarterly rebate', '季度返利'), formula: rebate(L, 'RebateMethod'), format: CNY },
    { col: col.payable, header: t('Rebate + reward', '返利与奖励合计'), formula: `${L.spill(col.rebate)}+${dealers.col('reward')}`, format: CNY },
    { col: col.rate, header: t('Rebate rate', '返利率'), formula: `IF(${dealers.col('purchases')}>0,${L.spill(col.rebate)}/${dealers.col('purchases')},0)`, format: '0.00%' },
  ]);
  warnUnlessOk(sheet, growingRange(dealers, dealers.column('supply')));
}

function writeOrders(workbook: ExcelJS.Workbook, L: Layout): void {
  titledSheet(workbook, L.sheet.orders, [16, 18, 16, 16], t('Orders through intermediaries', '中间人促成的订单'));
  writeTable(workbook, L.orders, ORDERS.map(([order, en, zh, amount]) => ({ order, intermediary: L.say(t(en, zh)), amount })));
  tableSource(workbook, L.orders, EXAMPLE_SOURCE);
}

function writeSummary(workbook: ExcelJS.Workbook, L: Layout): void {
  const { dealers, orders } = L;
  summarySheet(workbook, L.sheet.summary, [48, 18], t('Summary for the quarter', '本季度汇总'), [
    { label: t('Dealers', '经销商数'), formula: `ROWS(${dealers.col('dealer')})`, format: INT },
    { label: t('Total purchases', '进货总额'), formula: `SUM(${dealers.col('purchases')})`, format: CNY },
    { label: t('Quarterly rebates (plan method)', '季度返利合计（方案方法）'), formula: `SUM(${L.spill(L.col.rebate)})`, format: CNY },
    { label: t('Over-target rewards', '超额奖励合计'), formula: `SUM(${dealers.col('reward')})`, format: CNY },
    { label: t('Rebates and rewards', '返利与奖励合计'), formula: 'B5+B6', format: CNY },
    { label: t('Rebates and rewards / purchases', '返利与奖励占进货额比例'), formula: 'IF(B4>0,B7/B4,0)', format: '0.00%' },
    { label: t('Rebates if retro', '追溯法返利合计'), formula: `SUM(${rebate(L, `"${L.say(option('retro'))}"`)})`, format: CNY },
    { label: t('Rebates if marginal', '边际法返利合计'), formula: `SUM(${rebate(L, `"${L.say(option('marginal'))}"`)})`, format: CNY },
    { label: t('Deposits held', '保证金应收合计'), formula: `ROWS(${dealers.col('dealer')})*PriceDeposit`, format: CNY },
    { label: t('Deposits forfeited', '已扣保证金'), formula: `B11-SUM(${dealers.col('deposit')})`, format: CNY },
    { label: t('Dealers with supply suspended', '停止供货的经销商'), formula: `COUNTIF(${dealers.col('violations')},">0")`, format: INT },
    { label: t('Intermediary commission', '中间人居间费合计'), formula: orders.total('commission'), format: CNY },
  ]);
}

const dealerRebate = defineTemplates({
  ...galleryOf('dealer-rebate-plan'),
  layout,
  steps: (L) => [
    t(
      `Edit the yellow cells: the settings (${L.sheet.plan}!B3:B9), each level's share of the list price (${L.sheet.plan}!B${L.prices.first}:B${L.prices.last}), the rebate ladder (table ${L.ladder.name}), the dealers (table ${L.dealers.name}) and the orders through intermediaries (table ${L.orders.name}).`,
      `编辑黄色单元格：参数（${L.sheet.plan}!B3:B9）、各级别占建议零售价的比例（${L.sheet.plan}!B${L.prices.first}:B${L.prices.last}）、返利阶梯（表格“${L.ladder.name}”）、经销商（表格“${L.dealers.name}”）及中间人订单（表格“${L.orders.name}”）。`,
    ),
    t(
      `Prices step down the channel: a dealer's unit price is the list price × its level's share; purchases = units × unit price.`,
      `价格按渠道级别分层：经销商进货单价 = 建议零售价 × 所在级别的比例；进货额 = 进货数量 × 进货单价。`,
    ),
    t(
      `Quarterly rebate = PERF.REBATE(purchases, ${L.ladder.name}[#All], level, method): the ladder's header names the levels, its first column the thresholds, each level its own column of rates — group leaders have theirs. "retro" pays the whole quarter at the rate reached, "marginal" each slice at its own rate; the Summary shows both. Purchases above the quarterly target earn the over-target reward on top.`,
      `季度返利 = PERF.REBATE(进货额, ${L.ladder.name}[#All], 级别, 方法)：阶梯首行为级别名称，首列为档位起点，每个级别一列返利比例（团长单独一列）。"${option('retro')['zh-CN']}"（全额累进）全季进货额按达到的档位比例，"${option('marginal')['zh-CN']}"（超额累进）每段按所在档比例；汇总表同时列出两种算法。超出季度目标的进货额另得超额奖励。`,
    ),
    t(
      'A price violation forfeits part of the dealer\'s price deposit (per violation, down to nothing) and suspends its supply for the months set on the Plan sheet.',
      '每次价格违规扣除经销商部分价格保证金（扣完为止），并按方案表设定的月数停止供货。',
    ),
    t('Intermediaries earn their commission on each order they bring (table Orders, its totals row).', '中间人按其促成的每笔订单获得居间费（订单表格及其合计行）。'),
    growingTables([L.dealers.name, L.ladder.name, L.orders.name]),
  ],
  rules: (L) => [
    ...parameterRules(L.settings),
    { rule: 'channels.dealer-price-levels', sheet: L.sheet.plan, cell: `B${L.prices.first}` },
    { rule: 'channels.group-leader-rebates', sheet: L.sheet.plan, cell: `${L.ladder.letter('leader')}${L.ladder.headerRow}` },
    { rule: 'channels.quarterly-rebates', sheet: L.sheet.plan, cell: `A${L.ladder.firstRow}` },
  ],
  sheets: [writePlan, writeDealers, writeOrders, writeSummary],
  growth: (L) => [
    tableGrowth(L.dealers, {
      dealer: L.say(t('Nanjing Group Buy', '南京团购')),
      level: L.say(LEVELS[1].name),
      units: 1_000,
      target: 500_000,
      violations: 0,
    }, [`${L.sheet.summary}!B4`, `${L.sheet.summary}!B5`, `${L.sheet.summary}!B6`]),
    tableGrowth(L.ladder, { from: 2_000_000, ...Object.fromEntries(LEVELS.map((level, i) => [level.key, [0.04, 0.045, 0.04, 0.05][i]])) }, [`${L.sheet.summary}!B5`]),
    tableGrowth(L.orders, { order: 'SO-2405', intermediary: L.say(t('Zhao Qing', '赵青')), amount: 50_000 }, [`${L.sheet.summary}!B14`]),
  ],
});

export const dealerRebatePlan = dealerRebate['en-US'];
export const dealerRebatePlanZh = dealerRebate['zh-CN'];
