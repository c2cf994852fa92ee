/**
 * Quarterly channel budget allocation (预算分配): a 15% reserve pool, the allocatable 85% split
 * over the channels of a Channels table by PERF.ALLOCATE on their response curves, expected
 * revenue and ROI per channel with the low-ROI (< 1:3) flag, the plans' CAC-driven re-allocation
 * example, and a monthly Tracking table raising the 80/50 spend-vs-conversion alert, the 10%
 * overrun review and the 15% conversion-swing alert. In English and in Chinese.
 */
import type ExcelJS from 'exceljs';
import {
  CNY, EXAMPLE_SOURCE, INT, LABEL, PERCENT, type Words, columnWidths, decimalBetween, defineNames, defineTemplates, formula, growingRange, growingTables, headerRow, highlightText,
  parameterRules, settingsBlock, spillColumns, summaryLines, t, tableGrowth, tableLayout, tableSource, titledSheet, writeParameters, writeTable,
} from '../kit';
import { galleryOf } from './gallery-texts';

/** [name en, name zh, α maximum revenue, κ half-saturation spend, s shape, minimum, maximum] per channel. */
export const CHANNELS: [string, string, number, number, number, number, number][] = [
  ['Short video', '短视频', 90_000_000, 6_000_000, 0.9, 1_000_000, 5_000_000],
  ['Live commerce', '直播电商', 70_000_000, 5_000_000, 0.85, 1_000_000, 4_000_000],
  ['Search', '搜索', 25_000_000, 2_500_000, 0.8, 500_000, 2_500_000],
  ['Social', '社交媒体', 20_000_000, 3_000_000, 0.75, 300_000, 2_000_000],
  ['Private domain', '私域', 30_000_000, 1_500_000, 0.7, 300_000, 1_000_000],
  ['Offline events', '线下活动', 7_000_000, 2_000_000, 1, 600_000, 1_500_000],
];
export const BUDGET = 12_000_000;
export const RESERVE_RATE = 0.15;
export const LOW_ROI = 3;

/**
 * The digest's example, channel by channel: CAC and the share of the budget before and after the
 * re-allocation (short video's CAC is 60% of live commerce's, so its share doubles).
 */
export const EXAMPLE = {
  cac: [180, 300, 260, 240, 120, 450],
  before: [0.2, 0.35, 0.15, 0.15, 0.1, 0.05],
  after: [0.4, 0.25, 0.12, 0.1, 0.1, 0.03],
};

/** Month-1 tracking: [budget, spent, conversion target, conversions, conv. rate last month, this month]. */
export const TRACKING: [number, number, number, number, number, number][] = [
  [1_390_000, 1_020_000, 5_200, 3_900, 0.032, 0.034],
  [1_000_000, 860_000, 3_300, 1_450, 0.041, 0.037],
  [300_000, 228_000, 1_150, 820, 0.026, 0.025],
  [180_000, 150_000, 700, 400, 0.021, 0.017],
  [330_000, 250_000, 1_800, 1_500, 0.08, 0.086],
  [200_000, 232_000, 260, 150, 0.012, 0.011],
];
export const THRESHOLDS = { spent: 0.8, conversion: 0.5, overrun: 0.1, swing: 0.15 };

const money = decimalBetween(0, 1e12, '≥ 0');
const share = decimalBetween(0, 1, '0–100%');
const SHEETS = { plan: t('Plan', '方案'), example: t('Example', '示例'), tracking: t('Tracking', '跟踪'), summary: t('Summary', '汇总') };
export const WORDS = {
  low: t('LOW', '低效'),
  alert: t('ALERT', '预警'),
  review: t('REVIEW', '复核'),
  atMin: t('at min', '触及最低'),
  atMax: t('at max', '触及最高'),
  interior: t('interior', '内部'),
};

function layout(w: Words) {
  const sheet = w.sayEach(SHEETS);
  const plan = settingsBlock(sheet.plan, 3, [
    { label: t('Total quarterly budget', '季度总预算'), value: BUDGET, format: CNY, validation: money, name: 'TotalBudget' },
    { label: t('Reserve pool rate', '预留池比例'), value: RESERVE_RATE, format: PERCENT, validation: share, name: 'ReserveRate', rule: 'budget.reserve-15' },
    { label: t('Reserve pool', '预留池'), formula: 'B3*B4', format: CNY },
    { label: t('Allocatable budget', '可分配预算'), formula: 'B3-B5', format: CNY, name: 'AllocatableBudget' },
    { label: t('Low-ROI line (revenue : spend)', '低效ROI线（收入：投入）'), value: LOW_ROI, format: '0.0', validation: decimalBetween(0, 100, '0–100'), rule: 'cost.low-roi-3', name: 'LowRoiLine' },
  ]);
  const tracking = settingsBlock(sheet.tracking, 2, [
    { label: t('Month', '月份'), value: '2025-04', format: '@' },
    { label: t('Alert: spent at least', '预警：花费进度≥'), value: THRESHOLDS.spent, format: PERCENT, validation: share, rule: 'budget.alert-80-50', name: 'SpentAlertShare' },
    { label: t('…while conversions at most', '且转化进度≤'), value: THRESHOLDS.conversion, format: PERCENT, validation: share, name: 'ConversionAlertShare' },
    { label: t('Review: over budget by more than', '复核：超支>'), value: THRESHOLDS.overrun, format: PERCENT, validation: share, rule: 'budget.overrun-10', name: 'OverrunReviewShare' },
    { label: t('Alert: conversion-rate swing above', '预警：转化率波动>'), value: THRESHOLDS.swing, format: PERCENT, validation: share, rule: 'channels.conversion-alert-15', name: 'SwingAlertShare' },
  ]);
  const channels = tableLayout(
    {
      name: t('Channels', '渠道'),
      sheet: sheet.plan,
      at: 'A9',
      rows: CHANNELS.length,
      columns: [
        { key: 'channel', name: LABEL.channel },
        { key: 'alpha', name: t('α max revenue', 'α 最大收入'), format: CNY, validation: money },
        { key: 'kappa', name: t('κ half-sat. spend', 'κ 半饱和投入'), format: CNY, validation: money },
        { key: 'shape', name: t('s shape', 's 形状'), format: '0.00', validation: decimalBetween(0.01, 10, '0.01–10') },
        { key: 'min', name: t('Min spend', '最低投入'), format: CNY, validation: money },
        { key: 'max', name: t('Max spend', '最高投入'), format: CNY, validation: money },
      ],
    },
    w.locale,
  );
  const example = tableLayout(
    {
      name: t('Reallocation', '预算调整示例'),
      sheet: sheet.example,
      at: 'A8',
      rows: EXAMPLE.cac.length,
      columns: [
        { key: 'channel', name: LABEL.channel },
        { key: 'cac', name: t('CAC', '获客成本'), format: CNY, validation: decimalBetween(0, 1e9, '≥ 0') },
        { key: 'before', name: t('Share before', '调整前占比'), format: PERCENT, validation: share },
        { key: 'after', name: t('Share after', '调整后占比'), format: PERCENT, validation: share },
        { key: 'change', name: t('Change', '变化'), format: '+0.0%;-0.0%;0.0%', calculated: (e) => `${e.row('after')}-${e.row('before')}` },
        { key: 'customersBefore', name: t('Customers before', '调整前获客'), format: INT, calculated: (e) => `IF(${e.row('cac')}>0,AllocatableBudget*${e.row('before')}/${e.row('cac')},0)` },
        { key: 'customersAfter', name: t('Customers after', '调整后获客'), format: INT, calculated: (e) => `IF(${e.row('cac')}>0,AllocatableBudget*${e.row('after')}/${e.row('cac')},0)` },
      ],
    },
    w.locale,
  );
  const alert = w.say(WORDS.alert);
  const track = tableLayout(
    {
      name: t('Tracking', '月度跟踪'),
      sheet: sheet.tracking,
      at: 'A8',
      rows: TRACKING.length,
      columns: [
        { key: 'channel', name: LABEL.channel },
        { key: 'budget', name: t('Budget', '月预算'), format: CNY, validation: money },
        { key: 'spent', name: t('Spent', '已花费'), format: CNY, validation: money },
        { key: 'spentShare', name: t('Spent %', '花费进度'), format: PERCENT, calculated: (r) => `IF(${r.row('budget')}>0,${r.row('spent')}/${r.row('budget')},0)` },
        { key: 'target', name: t('Conv. target', '转化目标'), format: INT, validation: money },
        { key: 'conversions', name: t('Conversions', '已转化'), format: INT, validation: money },
        { key: 'converted', name: t('Conv. %', '转化进度'), format: PERCENT, calculated: (r) => `IF(${r.row('target')}>0,${r.row('conversions')}/${r.row('target')},0)` },
        { key: 'spendAlert', name: t('Spend alert', '花费预警'), calculated: (r) => `IF(AND(${r.row('spentShare')}>=SpentAlertShare,${r.row('converted')}<=ConversionAlertShare),"${alert}","OK")` },
        { key: 'over', name: t('Over budget', '超支率'), format: PERCENT, calculated: (r) => `IF(${r.row('budget')}>0,${r.row('spent')}/${r.row('budget')}-1,0)` },
        { key: 'overrun', name: t('Overrun', '超支复核'), calculated: (r) => `IF(${r.row('over')}>OverrunReviewShare,"${w.say(WORDS.review)}","OK")` },
        { key: 'rateLast', name: t('Conv. rate last', '上月转化率'), format: '0.0%', validation: share },
        { key: 'rateNow', name: t('Conv. rate now', '本月转化率'), format: '0.0%', validation: share },
        { key: 'swing', name: t('Swing', '波动'), format: PERCENT, calculated: (r) => `IF(${r.row('rateLast')}>0,${r.row('rateNow')}/${r.row('rateLast')}-1,0)` },
        { key: 'swingAlert', name: t('Swing alert', '波动预警'), calculated: (r) => `IF(ABS(${r.row('swing')})>SwingAlertShare,"${alert}","OK")` },
      ],
    },
    w.locale,
  );
  const col = { allocation: 7, share: 8, revenue: 9, roi: 10, marginal: 11, bound: 12, check: 13 };
  const spill = (c: number) => channels.spill(c);
  return { ...w, sheet, plan, tracking, channels, example, track, col, spill, summaryFirst: 16 };
}
type Layout = ReturnType<typeof layout>;

function writePlan(workbook: ExcelJS.Workbook, L: Layout): void {
  const plan = titledSheet(workbook, L.sheet.plan, [26, 16, 16, 30, 15, 15, 16, 10, 18, 10, 14, 16, 12], t('Quarterly channel budget', '季度渠道预算'));
  writeParameters(workbook, L.plan);
  const { channels, col, spill } = L;
  writeTable(workbook, channels, CHANNELS.map(([en, zh, alpha, kappa, shape, min, max]) => ({ channel: L.say(t(en, zh)), alpha, kappa, shape, min, max })));
  tableSource(workbook, channels, t('Response curves and bounds: example — replace with yours (fit them from past campaigns)', '响应曲线与上下限：示例——请替换为贵司数据（可由历史活动拟合）'));
  const [a, k, s] = [channels.col('alpha'), channels.col('kappa'), channels.col('shape')];
  const x = spill(col.allocation);
  const curves = channels.span('alpha', 'shape');
  const say = (label: keyof typeof WORDS) => `"${L.say(WORDS[label])}"`;
  spillColumns(workbook, channels, [
    { col: col.allocation, header: t('Allocation', '分配'), formula: `PERF.ALLOCATE(AllocatableBudget,${curves},${channels.col('min')},${channels.col('max')})`, format: CNY },
    { col: col.share, header: t('Share', '占比'), formula: `IF(AllocatableBudget>0,${x}/AllocatableBudget,0)`, format: PERCENT },
    { col: col.revenue, header: t('Expected revenue', '预期收入'), formula: `PERF.RESPONSE(${x},${curves})`, format: CNY },
    { col: col.roi, header: 'ROI', formula: `IF(${x}>0,${spill(col.revenue)}/${x},0)`, format: '0.00' },
    // r'(x) = α·s·κ^s·x^(s−1)/(κ^s + x^s)²: revenue from the next yuan in this channel.
    { col: col.marginal, header: t('Marginal return', '边际回报'), formula: `IF(${x}>0,${a}*${s}*${k}^${s}*${x}^(${s}-1)/(${k}^${s}+${x}^${s})^2,0)`, format: '0.000' },
    // Half a yuan of tolerance: the solver lands on a bound up to rounding.
    { col: col.bound, header: t('Bound', '约束'), formula: `IF(${x}<=${channels.col('min')}+0.5,${say('atMin')},IF(${x}>=${channels.col('max')}-0.5,${say('atMax')},${say('interior')}))` },
    { col: col.check, header: t('ROI check', '效率'), formula: `IF(${spill(col.roi)}<LowRoiLine,${say('low')},"OK")` },
  ]);
  highlightText(plan, growingRange(channels, col.check), L.say(WORDS.low));
  defineNames(workbook, { ChannelCurves: `${L.sheet.plan}!$B$${channels.firstRow}:$D$${channels.lastRow}` });
}

/** The plans' CAC-driven re-allocation, applied to this quarter's allocatable budget. */
function writeExample(workbook: ExcelJS.Workbook, L: Layout): void {
  const sheet = titledSheet(workbook, L.sheet.example, [44, 14, 14, 14, 12, 16, 16], t('Example: ROI-driven re-allocation', '示例：按ROI预测调整预算'));
  const { example } = L;
  summaryLines(sheet, 3, [
    { label: t('Short-video CAC / live-commerce CAC', '短视频/直播获客成本比'), formula: `IF(INDEX(${example.col('cac')},2)>0,INDEX(${example.col('cac')},1)/INDEX(${example.col('cac')},2),0)`, format: PERCENT },
    { label: t('Customer gain from the re-allocation', '调整带来的获客增幅'), formula: `IF(SUM(${example.col('customersBefore')})>0,SUM(${example.col('customersAfter')})/SUM(${example.col('customersBefore')})-1,0)`, format: PERCENT },
    { label: t('Shares before, total', '调整前占比合计'), formula: `SUM(${example.col('before')})`, format: PERCENT },
    { label: t('Shares after, total', '调整后占比合计'), formula: `SUM(${example.col('after')})`, format: PERCENT },
  ]);
  writeTable(workbook, example, EXAMPLE.cac.map((cac, i) => ({ channel: L.say(t(CHANNELS[i][0], CHANNELS[i][1])), cac, before: EXAMPLE.before[i], after: EXAMPLE.after[i] })));
  tableSource(
    workbook,
    example,
    t(
      "The plans' example: short video's CAC was 60% of live commerce's, so its share went 20% → 40% and live commerce 35% → 25%; the other rows are examples — replace with yours",
      '方案示例：短视频获客成本为直播电商的60%，因此其占比由20%调至40%，直播电商由35%调至25%；其余各行为示例——请替换为贵司数据',
    ),
  );
}

function writeTracking(workbook: ExcelJS.Workbook, L: Layout): void {
  const sheet = titledSheet(workbook, L.sheet.tracking, [26, 15, 15, 12, 14, 14, 14, 14, 14, 16, 14, 14, 12, 14], t('Monthly budget tracking', '月度预算跟踪'));
  writeParameters(workbook, L.tracking);
  const { track } = L;
  writeTable(
    workbook,
    track,
    TRACKING.map(([budget, spent, target, conversions, rateLast, rateNow], i) => ({ channel: L.say(t(CHANNELS[i][0], CHANNELS[i][1])), budget, spent, target, conversions, rateLast, rateNow })),
  );
  tableSource(workbook, track, EXAMPLE_SOURCE);
  highlightText(sheet, growingRange(track, track.column('spendAlert')), L.say(WORDS.alert));
  highlightText(sheet, growingRange(track, track.column('overrun')), L.say(WORDS.review), 2);
  highlightText(sheet, growingRange(track, track.column('swingAlert')), L.say(WORDS.alert), 3);
  defineNames(workbook, { AlertThresholds: `${L.sheet.tracking}!$B$3:$B$6` });
}

function writeSummary(workbook: ExcelJS.Workbook, L: Layout): void {
  const summary = workbook.addWorksheet(L.sheet.summary);
  columnWidths(summary, [44, 18, 12, 18, 10]);
  headerRow(summary, 1, [LABEL.measure, LABEL.value]);
  const { col, spill, track } = L;
  const count = (key: 'spendAlert' | 'overrun' | 'swingAlert', word: keyof typeof WORDS) => `COUNTIF(${track.col(key)},"${L.say(WORDS[word])}")`;
  summaryLines(summary, 2, [
    { label: t('Total quarterly budget', '季度总预算'), formula: 'TotalBudget', format: CNY }, // 2
    { label: t('Reserve pool', '预留池'), formula: `${L.sheet.plan}!B5`, format: CNY }, // 3
    { label: t('Allocatable budget', '可分配预算'), formula: 'AllocatableBudget', format: CNY }, // 4
    { label: t('Allocated', '已分配'), formula: `SUM(${spill(col.allocation)})`, format: CNY }, // 5
    { label: t('Expected revenue', '预期收入'), formula: `SUM(${spill(col.revenue)})`, format: CNY }, // 6
    { label: t('Overall ROI', '总体ROI'), formula: 'IF(B5>0,B6/B5,0)', format: '0.00' }, // 7
    { label: t('Channels below the low-ROI line', '低效渠道数'), formula: `COUNTIF(${spill(col.check)},"${L.say(WORDS.low)}")`, format: '0' }, // 8
    { label: t('Spend alerts (80% spent, ≤ 50% converted)', '花费预警数（花费80%、转化≤50%）'), formula: count('spendAlert', 'alert'), format: '0' }, // 9
    { label: t('Overrun reviews (> 10% over)', '超支复核数（超支>10%）'), formula: count('overrun', 'review'), format: '0' }, // 10
    { label: t('Conversion-swing alerts (> 15%)', '转化波动预警数（>15%）'), formula: count('swingAlert', 'alert'), format: '0' }, // 11
    { label: t('Example: customer gain from re-allocation', '示例：调整获客增幅'), formula: `${L.sheet.example}!B4`, format: PERCENT }, // 12
  ]);
  const first = L.summaryFirst;
  headerRow(summary, first - 1, [LABEL.channel, t('Allocation', '分配'), t('Share', '占比'), t('Expected revenue', '预期收入'), 'ROI']);
  formula(summary.getCell(first, 1), L.channels.col('channel'));
  [col.allocation, col.share, col.revenue, col.roi].forEach((c, i) => formula(summary.getCell(first, 2 + i), spill(c), [CNY, PERCENT, CNY, '0.00'][i]));
  for (let r = first + 1; r <= first + 100; r++) [CNY, PERCENT, CNY, '0.00'].forEach((format, i) => (summary.getCell(r, 2 + i).numFmt = format));
}

const budget = defineTemplates({
  ...galleryOf('budget-allocation'),
  layout,
  steps: (L) => {
    const S = L.sheet;
    return [
      t(
        `Edit the yellow cells: ${S.plan}!B3:B4 and B7 (budget, reserve rate, low-ROI line), the ${L.channels.name} table (channels, curves, min/max spend), the ${L.example.name} table on ${S.example}, ${S.tracking}!B2:B6 and the ${L.track.name} table (thresholds and this month's figures).`,
        `编辑黄色单元格：${S.plan}!B3:B4 与 B7（总预算、预留比例、低效ROI线）、表格“${L.channels.name}”（渠道、响应曲线、最低/最高投入）、${S.example} 表中的表格“${L.example.name}”、${S.tracking}!B2:B6 与表格“${L.track.name}”（阈值与本月数据）。`,
      ),
      t('Response curve: expected revenue r(x) = α·x^s/(κ^s + x^s). α is the most revenue the channel can bring, κ the spend that earns half of it, s the shape (≤ 1 diminishing returns from the first yuan; > 1 S-shaped). Fit them from past campaigns.', '响应曲线：预期收入 r(x) = α·x^s/(κ^s + x^s)。α 为渠道可带来的最大收入，κ 为达到一半所需投入，s 为形状（≤1 从第一元起边际递减；>1 为S形）。可由历史活动拟合。'),
      t(
        `${S.plan}: the reserve pool (15%) is kept back; PERF.ALLOCATE (${L.channels.spillStart(L.col.allocation)}) spills the spend per channel that maximizes total expected revenue within the allocatable 85% and the min/max bounds. Channels strictly inside their bounds end with equal marginal returns. PERF.RESPONSE spills the expected revenue; ROI = revenue / spend, below 3 is flagged.`,
        `${S.plan}：预留池（15%）不参与分配；PERF.ALLOCATE（${L.channels.spillStart(L.col.allocation)}）在可分配的85%预算与最低/最高投入约束下溢出使总预期收入最大的各渠道投入。未触及约束的渠道边际回报相等。PERF.RESPONSE 溢出预期收入；ROI = 收入/投入，低于3标记为低效。`,
      ),
      t(`${S.example}: short video's CAC was 60% of live commerce's, so its share went 20% → 40% and live commerce 35% → 25%; the table compares the customers each split buys.`, `${S.example}：短视频获客成本为直播电商的60%，因此其占比由20%调至40%，直播电商由35%调至25%；表中比较两种分配可获得的客户数。`),
      t(
        `${S.tracking}: ALERT when ≥ 80% of the month's budget is spent but conversions are ≤ 50% of target; REVIEW when spend is more than 10% over budget; ALERT when the conversion rate moves more than 15% from last month. Alerts are highlighted red.`,
        `${S.tracking}：当月预算花费≥80%而转化≤目标50%时预警；花费超预算10%以上时复核；转化率较上月波动超过15%时预警。预警以红色突出显示。`,
      ),
      growingTables([L.channels.name, L.example.name, L.track.name]),
    ];
  },
  rules: (L) => [...parameterRules(L.plan), { rule: 'budget.roi-driven-allocation', sheet: L.sheet.plan, cell: `G${L.channels.firstRow}` }, ...parameterRules(L.tracking)],
  charts: (L) => [
    {
      sheet: L.sheet.summary, type: 'column', at: 'G2:O20', title: t('Allocation by channel', '各渠道预算分配'),
      categories: `${L.sheet.summary}!$A$${L.summaryFirst}:$A$${L.summaryFirst + CHANNELS.length - 1}`,
      series: [{ name: t('Allocation', '分配'), values: `${L.sheet.summary}!$B$${L.summaryFirst}:$B$${L.summaryFirst + CHANNELS.length - 1}` }],
    },
  ],
  sheets: [writePlan, writeExample, writeTracking, writeSummary],
  growth: (L) => [
    tableGrowth(L.channels, {
      channel: L.say(t('Outdoor', '户外广告')),
      alpha: 15_000_000,
      kappa: 3_000_000,
      shape: 0.8,
      min: 200_000,
      max: 1_500_000,
    }, [`${L.sheet.summary}!B6`, `${L.sheet.plan}!G${L.channels.firstRow}`]),
    tableGrowth(L.example, { channel: L.say(t('Outdoor', '户外广告')), cac: 500, before: 0.05, after: 0.02 }, [`${L.sheet.example}!B4`, `${L.sheet.example}!B5`]),
    tableGrowth(L.track, {
      channel: L.say(t('Outdoor', '户外广告')),
      budget: 100_000,
      spent: 95_000,
      target: 400,
      conversions: 150,
      rateLast: 0.02,
      rateNow: 0.015,
    }, [`${L.sheet.summary}!B9`, `${L.sheet.summary}!B11`]),
  ],
});

export const budgetAllocation = budget['en-US'];
export const budgetAllocationZh = budget['zh-CN'];
