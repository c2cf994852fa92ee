/**
 * Quarterly channel budget allocation (預算分配, seed rules §3 and §4): a 15% reserve pool,
 * the allocatable 85% split over six channels by PERF.ALLOCATE on their response curves,
 * expected revenue and ROI per channel with the low-ROI (< 1:3) flag, the digest's
 * CAC-driven re-allocation example, and a monthly tracking table raising the 80/50
 * spend-vs-conversion alert, the 10% overrun review and the 15% conversion-swing alert.
 */
import type ExcelJS from 'exceljs';
import {
  CNY, INT, LABEL, PERCENT, ParameterBlock, columnWidths, decimalBetween, defineTemplate, formula, heading, headerRow, highlightText, inputBlock, label,
  parameterRules, resultColumn, sheetTitle, summaryLines, t, writeParameters,
} from '../kit';

/** [name, α maximum revenue, κ half-saturation spend, s shape, minimum, maximum] per channel. */
export const CHANNELS: [string, number, number, number, number, number][] = [
  ['Short video 短视频', 90_000_000, 6_000_000, 0.9, 1_000_000, 5_000_000],
  ['Live commerce 直播电商', 70_000_000, 5_000_000, 0.85, 1_000_000, 4_000_000],
  ['Search 搜索', 25_000_000, 2_500_000, 0.8, 500_000, 2_500_000],
  ['Social 社交媒体', 20_000_000, 3_000_000, 0.75, 300_000, 2_000_000],
  ['Private domain 私域', 30_000_000, 1_500_000, 0.7, 300_000, 1_000_000],
  ['Offline events 线下活动', 7_000_000, 2_000_000, 1, 600_000, 1_500_000],
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

const K = CHANNELS.length;
const CH_FIRST = 10;
const CH_LAST = CH_FIRST + K - 1;
const EX_FIRST = 23;
const EX_LAST = EX_FIRST + K - 1;
const TR_FIRST = 9;
const TR_LAST = TR_FIRST + K - 1;
const SUM_FIRST = 16;
const SUM_LAST = SUM_FIRST + K - 1;
const TOTAL = CH_LAST + 1;
const EX_TOTAL = EX_LAST + 1;

const money = decimalBetween(0, 1e12, '≥ 0');
const share = decimalBetween(0, 1, '0–100%');

const PLAN: ParameterBlock = {
  sheet: 'Plan',
  firstRow: 3,
  rows: [
    { label: t('Total quarterly budget', '季度总预算'), value: BUDGET, format: CNY, validation: money, name: 'TotalBudget' },
    { label: t('Reserve pool rate', '预留池比例'), value: RESERVE_RATE, format: PERCENT, validation: share, name: 'ReserveRate', rule: 'budget.reserve-15' },
    { label: t('Reserve pool', '预留池'), formula: 'B3*B4', format: CNY },
    { label: t('Allocatable budget', '可分配预算'), formula: 'B3-B5', format: CNY, name: 'AllocatableBudget' },
    { label: t('Low-ROI line (revenue : spend)', '低效ROI线'), value: LOW_ROI, format: '0.0', validation: decimalBetween(0, 100, '0–100'), rule: 'cost.low-roi-3' },
  ],
};

const TRACKING_SETTINGS: ParameterBlock = {
  sheet: 'Tracking',
  firstRow: 2,
  rows: [
    { label: t('Month', '月份'), value: '2025-04', format: '@' },
    { label: t('Alert: spent at least', '预警：花费进度≥'), value: THRESHOLDS.spent, format: PERCENT, validation: share, rule: 'budget.alert-80-50' },
    { label: t('…while conversions at most', '且转化进度≤'), value: THRESHOLDS.conversion, format: PERCENT, validation: share },
    { label: t('Review: over budget by more than', '复核：超支>'), value: THRESHOLDS.overrun, format: PERCENT, validation: share, rule: 'budget.overrun-10' },
    { label: t('Alert: conversion-rate swing above', '预警：转化率波动>'), value: THRESHOLDS.swing, format: PERCENT, validation: share, rule: 'channels.conversion-alert-15' },
  ],
};

export const budgetAllocation = defineTemplate({
  id: 'budget-allocation',
  category: 'budget',
  title: t('Channel budget allocation and tracking', '渠道预算分配与跟踪'),
  description: t(
    'Keeps a 15% reserve, splits the rest over six channels to maximize expected revenue on their response curves (PERF.ALLOCATE), flags channels with ROI below 1:3 and tracks each month: 80% spent at 50% conversion, 10% overrun, 15% conversion swing.',
    '预留15%预算池，其余按各渠道响应曲线分配以最大化预期收入（PERF.ALLOCATE），标记ROI低于1:3的渠道，并按月跟踪：花费80%而转化仅50%、超支10%、转化率波动15%。',
  ),
  tags: ['budget', 'allocation', 'channels', 'ROI', 'reserve', '预算', '渠道', '分配'],
  instructions: {
    purpose: t('split a quarterly marketing budget over channels by predicted return, keep a reserve, and watch each month for spend running ahead of conversions.', '按预测回报在各渠道间分配季度营销预算，保留预留池，并按月监控花费是否跑在转化前面。'),
    steps: [
      t(`Edit the yellow cells: Plan!B3:B4 and B7 (budget, reserve rate, low-ROI line), Plan!A${CH_FIRST}:F${CH_LAST} (channels, curves, min/max spend), Plan!B${EX_FIRST}:D${EX_LAST} (the re-allocation example), Tracking!B2:B6 and B${TR_FIRST}:G${TR_LAST} (thresholds and this month's figures).`, `编辑黄色单元格：Plan!B3:B4 与 B7（总预算、预留比例、低效ROI线）、Plan!A${CH_FIRST}:F${CH_LAST}（渠道、响应曲线、最低/最高投入）、Plan!B${EX_FIRST}:D${EX_LAST}（调整示例）、Tracking!B2:B6 与 B${TR_FIRST}:G${TR_LAST}（阈值与本月数据）。`),
      t('Response curve: expected revenue r(x) = α·x^s/(κ^s + x^s). α is the most revenue the channel can bring, κ the spend that earns half of it, s the shape (≤ 1 diminishing returns from the first yuan; > 1 S-shaped). Fit them from past campaigns.', '响应曲线：预期收入 r(x) = α·x^s/(κ^s + x^s)。α 为渠道可带来的最大收入，κ 为达到一半所需投入，s 为形状（≤1 从第一元起边际递减；>1 为S形）。可由历史活动拟合。'),
      t('Plan: the reserve pool (15%) is kept back; PERF.ALLOCATE spills the spend per channel that maximizes total expected revenue within the allocatable 85% and the min/max bounds. Channels strictly inside their bounds end with equal marginal returns (column K). PERF.RESPONSE spills the expected revenue; ROI = revenue / spend, below 3 is flagged LOW.', 'Plan：预留池（15%）不参与分配；PERF.ALLOCATE 在可分配的85%预算与最低/最高投入约束下溢出使总预期收入最大的各渠道投入。未触及约束的渠道边际回报相等（K列）。PERF.RESPONSE 溢出预期收入；ROI = 收入/投入，低于3标记为低效。'),
      t('Example (rows below the plan): short video\'s CAC was 60% of live commerce\'s, so its share went 20% → 40% and live commerce 35% → 25%; the table shows the customers each split buys.', '示例（方案下方）：短视频获客成本为直播电商的60%，因此其占比由20%调至40%，直播电商由35%调至25%；表中比较两种分配可获得的客户数。'),
      t('Tracking: ALERT when ≥ 80% of the month\'s budget is spent but conversions are ≤ 50% of target; REVIEW when spend is more than 10% over budget; ALERT when the conversion rate moves more than 15% from last month. Alerts are highlighted red.', 'Tracking：当月预算花费≥80%而转化≤目标50%时预警；花费超预算10%以上时复核；转化率较上月波动超过15%时预警。预警以红色突出显示。'),
    ],
  },
  rules: [...parameterRules(PLAN), { rule: 'budget.roi-driven-allocation', sheet: 'Plan', cell: `G${CH_FIRST}` }, ...parameterRules(TRACKING_SETTINGS)],
  charts: [
    {
      sheet: 'Summary', type: 'column', at: 'G2:O20', title: t('Allocation by channel', '各渠道预算分配'),
      categories: `Summary!$A$${SUM_FIRST}:$A$${SUM_LAST}`,
      series: [{ name: t('Allocation', '分配'), values: `Summary!$B$${SUM_FIRST}:$B$${SUM_LAST}` }],
    },
  ],
  sheets: [writePlan, writeTracking, writeSummary],
  names: {
    ChannelCurves: `Plan!$B$${CH_FIRST}:$D$${CH_LAST}`,
    ChannelMinimums: `Plan!$E$${CH_FIRST}:$E$${CH_LAST}`,
    ChannelMaximums: `Plan!$F$${CH_FIRST}:$F$${CH_LAST}`,
    AlertThresholds: `Tracking!$B$3:$B$6`,
  },
});

function writePlan(workbook: ExcelJS.Workbook): void {
  const plan = workbook.addWorksheet('Plan');
  columnWidths(plan, [26, 16, 16, 10, 15, 15, 16, 10, 18, 10, 14, 16, 12]);
  sheetTitle(plan, t('Quarterly channel budget', '季度渠道预算'));
  writeParameters(workbook, PLAN);

  headerRow(plan, 9, [
    LABEL.channel, t('α max revenue', '最大收入'), t('κ half-sat. spend', '半饱和投入'), t('s shape', '形状'), t('Min spend', '最低投入'), t('Max spend', '最高投入'),
    t('Allocation', '分配'), t('Share', '占比'), t('Expected revenue', '预期收入'), 'ROI', t('Marginal return', '边际回报'), t('Bound', '约束'), t('ROI check', '效率'),
  ]);
  inputBlock(plan, CH_FIRST, CHANNELS, [
    { col: 1 },
    { col: 2, format: CNY, validation: money },
    { col: 3, format: CNY, validation: money },
    { col: 4, format: '0.00', validation: decimalBetween(0.01, 10, '0.01–10') },
    { col: 5, format: CNY, validation: money },
    { col: 6, format: CNY, validation: money },
  ]);
  CHANNELS.forEach((_, i) => {
    const r = CH_FIRST + i;
    formula(plan.getCell(r, 8), `IF($B$6>0,G${r}/$B$6,0)`, PERCENT);
    formula(plan.getCell(r, 10), `IF(G${r}>0,I${r}/G${r},0)`, '0.00');
    // r'(x) = α·s·κ^s·x^(s−1)/(κ^s + x^s)²: revenue from the next yuan in this channel.
    formula(plan.getCell(r, 11), `IF(G${r}>0,B${r}*D${r}*C${r}^D${r}*G${r}^(D${r}-1)/(C${r}^D${r}+G${r}^D${r})^2,0)`, '0.000');
    // Half a yuan of tolerance: the solver lands on a bound up to rounding.
    formula(plan.getCell(r, 12), `IF(G${r}<=E${r}+0.5,"at min 触及最低",IF(G${r}>=F${r}-0.5,"at max 触及最高","interior 内部"))`);
    formula(plan.getCell(r, 13), `IF(J${r}<$B$7,"LOW 低效","OK")`);
  });
  resultColumn(plan, { col: 7, first: CH_FIRST, last: CH_LAST, formula: `PERF.ALLOCATE(B6,B${CH_FIRST}:D${CH_LAST},E${CH_FIRST}:E${CH_LAST},F${CH_FIRST}:F${CH_LAST})`, format: CNY });
  resultColumn(plan, { col: 9, first: CH_FIRST, last: CH_LAST, formula: `PERF.RESPONSE(G${CH_FIRST}:G${CH_LAST},B${CH_FIRST}:D${CH_LAST})`, format: CNY });
  heading(plan.getCell(TOTAL, 1), LABEL.total);
  const totals: [string, string][] = [
    [`SUM(G${CH_FIRST}:G${CH_LAST})`, CNY],
    [`SUM(H${CH_FIRST}:H${CH_LAST})`, PERCENT],
    [`SUM(I${CH_FIRST}:I${CH_LAST})`, CNY],
    [`IF(G${TOTAL}>0,I${TOTAL}/G${TOTAL},0)`, '0.00'],
  ];
  totals.forEach(([text, format], i) => formula(plan.getCell(TOTAL, 7 + i), text, format));
  highlightText(plan, `M${CH_FIRST}:M${CH_LAST}`, 'LOW');
  writeExample(plan);
}

/** The digest's CAC-driven re-allocation, applied to this quarter's allocatable budget. */
function writeExample(plan: ExcelJS.Worksheet): void {
  heading(plan.getCell(EX_FIRST - 3, 1), t('Example: ROI-driven re-allocation', '示例：按ROI预测调整预算'));
  label(plan.getCell(EX_FIRST - 2, 1), t('Short-video CAC / live-commerce CAC', '短视频/直播获客成本比'));
  formula(plan.getCell(EX_FIRST - 2, 2), `IF(B${EX_FIRST + 1}>0,B${EX_FIRST}/B${EX_FIRST + 1},0)`, PERCENT);
  headerRow(plan, EX_FIRST - 1, [
    LABEL.channel, t('CAC', '获客成本'), t('Share before', '调整前占比'), t('Share after', '调整后占比'), t('Change', '变化'), t('Customers before', '调整前获客'), t('Customers after', '调整后获客'),
  ]);
  inputBlock(plan, EX_FIRST, EXAMPLE.cac.map((cac, i) => [cac, EXAMPLE.before[i], EXAMPLE.after[i]]), [
    { col: 2, format: CNY, validation: decimalBetween(0, 1e9, '≥ 0') },
    { col: 3, format: PERCENT, validation: share },
    { col: 4, format: PERCENT, validation: share },
  ]);
  EXAMPLE.cac.forEach((_, i) => {
    const r = EX_FIRST + i;
    formula(plan.getCell(r, 1), `A${CH_FIRST + i}`);
    formula(plan.getCell(r, 5), `D${r}-C${r}`, '+0.0%;-0.0%;0.0%');
    formula(plan.getCell(r, 6), `IF(B${r}>0,$B$6*C${r}/B${r},0)`, INT);
    formula(plan.getCell(r, 7), `IF(B${r}>0,$B$6*D${r}/B${r},0)`, INT);
  });
  heading(plan.getCell(EX_TOTAL, 1), LABEL.total);
  for (const col of ['C', 'D', 'F', 'G']) formula(plan.getCell(`${col}${EX_TOTAL}`), `SUM(${col}${EX_FIRST}:${col}${EX_LAST})`, col < 'E' ? PERCENT : INT);
  label(plan.getCell(EX_TOTAL + 1, 1), t('Customer gain from the re-allocation', '调整带来的获客增幅'));
  formula(plan.getCell(EX_TOTAL + 1, 2), `IF(F${EX_TOTAL}>0,G${EX_TOTAL}/F${EX_TOTAL}-1,0)`, PERCENT);
}

function writeTracking(workbook: ExcelJS.Workbook): void {
  const track = workbook.addWorksheet('Tracking');
  columnWidths(track, [26, 15, 15, 12, 14, 14, 14, 14, 14, 16, 14, 14, 12, 14]);
  sheetTitle(track, t('Monthly budget tracking', '月度预算跟踪'));
  writeParameters(workbook, TRACKING_SETTINGS);
  headerRow(track, 8, [
    LABEL.channel, t('Budget', '月预算'), t('Spent', '已花费'), t('Spent %', '花费进度'), t('Conv. target', '转化目标'), t('Conversions', '已转化'), t('Conv. %', '转化进度'),
    t('Spend alert', '花费预警'), t('Over budget', '超支率'), t('Overrun', '超支复核'), t('Conv. rate last', '上月转化率'), t('Conv. rate now', '本月转化率'), t('Swing', '波动'),
    t('Swing alert', '波动预警'),
  ]);
  inputBlock(track, TR_FIRST, TRACKING, [
    { col: 2, format: CNY, validation: money },
    { col: 3, format: CNY, validation: money },
    { col: 5, format: INT, validation: money },
    { col: 6, format: INT, validation: money },
    { col: 11, format: '0.0%', validation: share },
    { col: 12, format: '0.0%', validation: share },
  ]);
  TRACKING.forEach((_, i) => {
    const r = TR_FIRST + i;
    formula(track.getCell(r, 1), `Plan!A${CH_FIRST + i}`);
    formula(track.getCell(r, 4), `IF(B${r}>0,C${r}/B${r},0)`, PERCENT);
    formula(track.getCell(r, 7), `IF(E${r}>0,F${r}/E${r},0)`, PERCENT);
    formula(track.getCell(r, 8), `IF(AND(D${r}>=$B$3,G${r}<=$B$4),"ALERT 预警","OK")`);
    formula(track.getCell(r, 9), `IF(B${r}>0,C${r}/B${r}-1,0)`, PERCENT);
    formula(track.getCell(r, 10), `IF(I${r}>$B$5,"REVIEW 复核","OK")`);
    formula(track.getCell(r, 13), `IF(K${r}>0,L${r}/K${r}-1,0)`, PERCENT);
    formula(track.getCell(r, 14), `IF(ABS(M${r})>$B$6,"ALERT 预警","OK")`);
  });
  highlightText(track, `H${TR_FIRST}:H${TR_LAST}`, 'ALERT');
  highlightText(track, `J${TR_FIRST}:J${TR_LAST}`, 'REVIEW', 2);
  highlightText(track, `N${TR_FIRST}:N${TR_LAST}`, 'ALERT', 3);
}

function writeSummary(workbook: ExcelJS.Workbook): void {
  const summary = workbook.addWorksheet('Summary');
  columnWidths(summary, [44, 18, 12, 18, 10]);
  headerRow(summary, 1, [LABEL.measure, LABEL.value]);
  summaryLines(summary, 2, [
    { label: t('Total quarterly budget', '季度总预算'), formula: 'Plan!B3', format: CNY }, // 2
    { label: t('Reserve pool', '预留池'), formula: 'Plan!B5', format: CNY }, // 3
    { label: t('Allocatable budget', '可分配预算'), formula: 'Plan!B6', format: CNY }, // 4
    { label: t('Allocated', '已分配'), formula: `Plan!G${TOTAL}`, format: CNY }, // 5
    { label: t('Expected revenue', '预期收入'), formula: `Plan!I${TOTAL}`, format: CNY }, // 6
    { label: t('Overall ROI', '总体ROI'), formula: `Plan!J${TOTAL}`, format: '0.00' }, // 7
    { label: t('Channels below the low-ROI line', '低效渠道数'), formula: `COUNTIF(Plan!M${CH_FIRST}:M${CH_LAST},"LOW 低效")`, format: '0' }, // 8
    { label: t('Spend alerts (80% spent, ≤ 50% converted)', '花费预警数'), formula: `COUNTIF(Tracking!H${TR_FIRST}:H${TR_LAST},"ALERT 预警")`, format: '0' }, // 9
    { label: t('Overrun reviews (> 10% over)', '超支复核数'), formula: `COUNTIF(Tracking!J${TR_FIRST}:J${TR_LAST},"REVIEW 复核")`, format: '0' }, // 10
    { label: t('Conversion-swing alerts (> 15%)', '转化波动预警数'), formula: `COUNTIF(Tracking!N${TR_FIRST}:N${TR_LAST},"ALERT 预警")`, format: '0' }, // 11
    { label: t('Example: customer gain from re-allocation', '示例：调整获客增幅'), formula: `Plan!B${EX_TOTAL + 1}`, format: PERCENT }, // 12
  ]);
  headerRow(summary, SUM_FIRST - 1, [LABEL.channel, t('Allocation', '分配'), t('Share', '占比'), t('Expected revenue', '预期收入'), 'ROI']);
  const formats = ['General', CNY, PERCENT, CNY, '0.00'];
  CHANNELS.forEach((_, i) => {
    const p = CH_FIRST + i;
    ['A', 'G', 'H', 'I', 'J'].forEach((col, c) => formula(summary.getCell(SUM_FIRST + i, c + 1), `Plan!${col}${p}`, formats[c]));
  });
}
