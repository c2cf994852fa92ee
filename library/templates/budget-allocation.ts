/**
 * Quarterly channel budget allocation (預算分配, seed rules §3 and §4): a 15% reserve pool,
 * the allocatable 85% split over six channels by PERF.ALLOCATE on their response curves,
 * expected revenue and ROI per channel with the low-ROI (< 1:3) flag, the digest's
 * CAC-driven re-allocation example, and a monthly tracking table raising the 80/50
 * spend-vs-conversion alert, the 10% overrun review and the 15% conversion-swing alert.
 */
import type ExcelJS from 'exceljs';
import { BuiltInTemplate } from '../kit/types';
import { CNY, PERCENT, header, input, instructions } from '../kit/style';

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

/** The digest's example: [CAC, share before, share after]; short video's CAC is 60% of live's. */
export const EXAMPLE: [number, number, number][] = [
  [180, 0.2, 0.4],
  [300, 0.35, 0.25],
  [260, 0.15, 0.12],
  [240, 0.15, 0.1],
  [120, 0.1, 0.1],
  [450, 0.05, 0.03],
];

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

const f = (formula: string) => ({ formula }) as ExcelJS.CellValue;
const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } };

function between(target: ExcelJS.Cell, lo: number, hi: number, error: string): void {
  target.dataValidation = { type: 'decimal', operator: 'between', formulae: [lo, hi], showErrorMessage: true, error };
}

/**
 * Red fill on every cell of `ref` whose text contains `text` (the alert labels). An
 * expression rule, not containsText: exceljs drops containsText's operator/text attributes
 * when it re-reads the file, an expression survives the build's round trip intact.
 */
function highlight(sheet: ExcelJS.Worksheet, ref: string, text: string, priority = 1): void {
  const topLeft = ref.split(':')[0];
  sheet.addConditionalFormatting({
    ref,
    rules: [{ type: 'expression', formulae: [`ISNUMBER(SEARCH("${text}",${topLeft}))`], priority, style: { fill: RED, font: { bold: true, color: { argb: 'FF9C0006' } } } }],
  });
}

export const budgetAllocation: BuiltInTemplate = {
  metadata: {
    id: 'budget-allocation',
    title: { en: 'Channel budget allocation and tracking', zh: '渠道预算分配与跟踪' },
    description: {
      en: 'Keeps a 15% reserve, splits the rest over six channels to maximize expected revenue on their response curves (PERF.ALLOCATE), flags channels with ROI below 1:3 and tracks each month: 80% spent at 50% conversion, 10% overrun, 15% conversion swing.',
      zh: '预留15%预算池，其余按各渠道响应曲线分配以最大化预期收入（PERF.ALLOCATE），标记ROI低于1:3的渠道，并按月跟踪：花费80%而转化仅50%、超支10%、转化率波动15%。',
    },
    category: 'budget',
    tags: ['budget', 'allocation', 'channels', 'ROI', 'reserve', '预算', '渠道', '分配'],
  },
  rules: [
    { rule: 'budget.reserve-15', sheet: 'Plan', cell: 'B4' },
    { rule: 'cost.low-roi-3', sheet: 'Plan', cell: 'B7' },
    { rule: 'budget.roi-driven-allocation', sheet: 'Plan', cell: `G${CH_FIRST}` },
    { rule: 'budget.alert-80-50', sheet: 'Tracking', cell: 'B3' },
    { rule: 'budget.overrun-10', sheet: 'Tracking', cell: 'B5' },
    { rule: 'channels.conversion-alert-15', sheet: 'Tracking', cell: 'B6' },
  ],
  charts: [
    {
      sheet: 'Summary',
      type: 'column',
      title: 'Allocation by channel 各渠道预算分配',
      categories: `Summary!$A$${SUM_FIRST}:$A$${SUM_LAST}`,
      series: [{ name: 'Allocation 分配', values: `Summary!$B$${SUM_FIRST}:$B$${SUM_LAST}` }],
      anchor: { from: 'G2', to: 'O20' },
    },
  ],
  build(workbook: ExcelJS.Workbook) {
    instructions(workbook, this.metadata.title, [
      ['What it is for: split a quarterly marketing budget over channels by predicted return, keep a reserve, and watch each month for spend running ahead of conversions.', '用途：按预测回报在各渠道间分配季度营销预算，保留预留池，并按月监控花费是否跑在转化前面。'],
      [`Edit the yellow cells: Plan!B3:B4 and B7 (budget, reserve rate, low-ROI line), Plan!A${CH_FIRST}:F${CH_LAST} (channels, curves, min/max spend), Plan!B${EX_FIRST}:D${EX_LAST} (the re-allocation example), Tracking!B2:B6 and B${TR_FIRST}:G${TR_LAST} (thresholds and this month's figures).`, `编辑黄色单元格：Plan!B3:B4 与 B7（总预算、预留比例、低效ROI线）、Plan!A${CH_FIRST}:F${CH_LAST}（渠道、响应曲线、最低/最高投入）、Plan!B${EX_FIRST}:D${EX_LAST}（调整示例）、Tracking!B2:B6 与 B${TR_FIRST}:G${TR_LAST}（阈值与本月数据）。`],
      ['Response curve: expected revenue r(x) = α·x^s/(κ^s + x^s). α is the most revenue the channel can bring, κ the spend that earns half of it, s the shape (≤ 1 diminishing returns from the first yuan; > 1 S-shaped). Fit them from past campaigns.', '响应曲线：预期收入 r(x) = α·x^s/(κ^s + x^s)。α 为渠道可带来的最大收入，κ 为达到一半所需投入，s 为形状（≤1 从第一元起边际递减；>1 为S形）。可由历史活动拟合。'],
      ['Plan: the reserve pool (15%) is kept back; PERF.ALLOCATE spills the spend per channel that maximizes total expected revenue within the allocatable 85% and the min/max bounds. Channels strictly inside their bounds end with equal marginal returns (column K). PERF.RESPONSE spills the expected revenue; ROI = revenue / spend, below 3 is flagged LOW.', 'Plan：预留池（15%）不参与分配；PERF.ALLOCATE 在可分配的85%预算与最低/最高投入约束下溢出使总预期收入最大的各渠道投入。未触及约束的渠道边际回报相等（K列）。PERF.RESPONSE 溢出预期收入；ROI = 收入/投入，低于3标记为低效。'],
      ['Example (rows below the plan): short video\'s CAC was 60% of live commerce\'s, so its share went 20% → 40% and live commerce 35% → 25%; the table shows the customers each split buys.', '示例（方案下方）：短视频获客成本为直播电商的60%，因此其占比由20%调至40%，直播电商由35%调至25%；表中比较两种分配可获得的客户数。'],
      ['Tracking: ALERT when ≥ 80% of the month\'s budget is spent but conversions are ≤ 50% of target; REVIEW when spend is more than 10% over budget; ALERT when the conversion rate moves more than 15% from last month. Alerts are highlighted red.', 'Tracking：当月预算花费≥80%而转化≤目标50%时预警；花费超预算10%以上时复核；转化率较上月波动超过15%时预警。预警以红色突出显示。'],
      ['Without the PerfPlan add-in, Excel shows the values computed when the template was built.', '未安装 PerfPlan 加载项时，Excel 显示模板生成时计算的结果。'],
    ]);

    // --- Plan ---
    const plan = workbook.addWorksheet('Plan');
    plan.columns = [{ width: 26 }, { width: 16 }, { width: 16 }, { width: 10 }, { width: 15 }, { width: 15 }, { width: 16 }, { width: 10 }, { width: 18 }, { width: 10 }, { width: 14 }, { width: 16 }, { width: 12 }];
    plan.getCell('A1').value = 'Quarterly channel budget 季度渠道预算';
    plan.getCell('A1').font = { bold: true, size: 13 };
    const top: [string, number | string, string][] = [
      ['Total quarterly budget 季度总预算', BUDGET, CNY], // B3
      ['Reserve pool rate 预留池比例', RESERVE_RATE, PERCENT], // B4
      ['Reserve pool 预留池', 'B3*B4', CNY], // B5
      ['Allocatable budget 可分配预算', 'B3-B5', CNY], // B6
      ['Low-ROI line (revenue : spend) 低效ROI线', LOW_ROI, '0.0'], // B7
    ];
    top.forEach(([label, value, format], i) => {
      const target = plan.getCell(3 + i, 2);
      plan.getCell(3 + i, 1).value = label;
      target.value = typeof value === 'number' ? value : f(value);
      target.numFmt = format;
      if (typeof value === 'number') input(target, format);
    });
    between(plan.getCell('B3'), 0, 1e12, '≥ 0');
    between(plan.getCell('B4'), 0, 1, '0–100%');
    between(plan.getCell('B7'), 0, 100, '0–100');

    plan.getRow(9).values = ['Channel 渠道', 'α max revenue 最大收入', 'κ half-sat. spend 半饱和投入', 's shape 形状', 'Min spend 最低投入', 'Max spend 最高投入', 'Allocation 分配', 'Share 占比', 'Expected revenue 预期收入', 'ROI', 'Marginal return 边际回报', 'Bound 约束', 'ROI check 效率'];
    header(plan.getRow(9));
    CHANNELS.forEach(([name, alpha, kappa, shape, lo, hi], i) => {
      const r = CH_FIRST + i;
      [name, alpha, kappa, shape, lo, hi].forEach((value, c) => {
        const target = plan.getCell(r, c + 1);
        target.value = value;
        input(target, c === 0 ? undefined : c === 3 ? '0.00' : CNY);
        if (c === 3) between(target, 0.01, 10, '0.01–10');
        else if (c > 0) between(target, 0, 1e12, '≥ 0');
      });
      plan.getCell(r, 7).numFmt = CNY;
      plan.getCell(r, 8).value = f(`IF($B$6>0,G${r}/$B$6,0)`);
      plan.getCell(r, 8).numFmt = PERCENT;
      plan.getCell(r, 9).numFmt = CNY;
      plan.getCell(r, 10).value = f(`IF(G${r}>0,I${r}/G${r},0)`);
      plan.getCell(r, 10).numFmt = '0.00';
      // r'(x) = α·s·κ^s·x^(s−1)/(κ^s + x^s)²: revenue from the next yuan in this channel.
      plan.getCell(r, 11).value = f(`IF(G${r}>0,B${r}*D${r}*C${r}^D${r}*G${r}^(D${r}-1)/(C${r}^D${r}+G${r}^D${r})^2,0)`);
      plan.getCell(r, 11).numFmt = '0.000';
      // Half a yuan of tolerance: the solver lands on a bound up to rounding.
      plan.getCell(r, 12).value = f(`IF(G${r}<=E${r}+0.5,"at min 触及最低",IF(G${r}>=F${r}-0.5,"at max 触及最高","interior 内部"))`);
      plan.getCell(r, 13).value = f(`IF(J${r}<$B$7,"LOW 低效","OK")`);
    });
    plan.getCell(`G${CH_FIRST}`).value = f(`PERF.ALLOCATE(B6,B${CH_FIRST}:D${CH_LAST},E${CH_FIRST}:E${CH_LAST},F${CH_FIRST}:F${CH_LAST})`);
    plan.getCell(`I${CH_FIRST}`).value = f(`PERF.RESPONSE(G${CH_FIRST}:G${CH_LAST},B${CH_FIRST}:D${CH_LAST})`);
    const tot = CH_LAST + 1;
    plan.getCell(tot, 1).value = 'Total 合计';
    plan.getCell(tot, 1).font = { bold: true };
    plan.getCell(tot, 7).value = f(`SUM(G${CH_FIRST}:G${CH_LAST})`);
    plan.getCell(tot, 8).value = f(`SUM(H${CH_FIRST}:H${CH_LAST})`);
    plan.getCell(tot, 9).value = f(`SUM(I${CH_FIRST}:I${CH_LAST})`);
    plan.getCell(tot, 10).value = f(`IF(G${tot}>0,I${tot}/G${tot},0)`);
    [CNY, PERCENT, CNY, '0.00'].forEach((format, i) => (plan.getCell(tot, 7 + i).numFmt = format));
    highlight(plan, `M${CH_FIRST}:M${CH_LAST}`, 'LOW');

    // The digest's CAC-driven re-allocation, applied to this quarter's allocatable budget.
    plan.getCell(EX_FIRST - 3, 1).value = 'Example: ROI-driven re-allocation 示例：按ROI预测调整预算';
    plan.getCell(EX_FIRST - 3, 1).font = { bold: true };
    plan.getCell(EX_FIRST - 2, 1).value = 'Short-video CAC / live-commerce CAC 短视频/直播获客成本比';
    plan.getCell(EX_FIRST - 2, 2).value = f(`IF(B${EX_FIRST + 1}>0,B${EX_FIRST}/B${EX_FIRST + 1},0)`);
    plan.getCell(EX_FIRST - 2, 2).numFmt = PERCENT;
    plan.getRow(EX_FIRST - 1).values = ['Channel 渠道', 'CAC 获客成本', 'Share before 调整前占比', 'Share after 调整后占比', 'Change 变化', 'Customers before 调整前获客', 'Customers after 调整后获客'];
    header(plan.getRow(EX_FIRST - 1));
    EXAMPLE.forEach(([cac, before, after], i) => {
      const r = EX_FIRST + i;
      plan.getCell(r, 1).value = f(`A${CH_FIRST + i}`);
      [cac, before, after].forEach((value, c) => {
        const target = plan.getCell(r, 2 + c);
        target.value = value;
        input(target, c === 0 ? CNY : PERCENT);
        if (c === 0) between(target, 0, 1e9, '≥ 0');
        else between(target, 0, 1, '0–100%');
      });
      plan.getCell(r, 5).value = f(`D${r}-C${r}`);
      plan.getCell(r, 5).numFmt = '+0.0%;-0.0%;0.0%';
      plan.getCell(r, 6).value = f(`IF(B${r}>0,$B$6*C${r}/B${r},0)`);
      plan.getCell(r, 7).value = f(`IF(B${r}>0,$B$6*D${r}/B${r},0)`);
      plan.getCell(r, 6).numFmt = '#,##0';
      plan.getCell(r, 7).numFmt = '#,##0';
    });
    const exTot = EX_LAST + 1;
    plan.getCell(exTot, 1).value = 'Total 合计';
    plan.getCell(exTot, 1).font = { bold: true };
    for (const col of ['C', 'D', 'F', 'G']) {
      plan.getCell(`${col}${exTot}`).value = f(`SUM(${col}${EX_FIRST}:${col}${EX_LAST})`);
      plan.getCell(`${col}${exTot}`).numFmt = col < 'E' ? PERCENT : '#,##0';
    }
    plan.getCell(exTot + 1, 1).value = 'Customer gain from the re-allocation 调整带来的获客增幅';
    plan.getCell(exTot + 1, 2).value = f(`IF(F${exTot}>0,G${exTot}/F${exTot}-1,0)`);
    plan.getCell(exTot + 1, 2).numFmt = PERCENT;

    // --- Tracking ---
    const track = workbook.addWorksheet('Tracking');
    track.columns = [{ width: 26 }, { width: 15 }, { width: 15 }, { width: 12 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 16 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 14 }];
    track.getCell('A1').value = 'Monthly budget tracking 月度预算跟踪';
    track.getCell('A1').font = { bold: true, size: 13 };
    const settings: [string, string | number, string][] = [
      ['Month 月份', '2025-04', '@'], // B2
      ['Alert: spent at least 预警：花费进度≥', THRESHOLDS.spent, PERCENT], // B3
      ['…while conversions at most 且转化进度≤', THRESHOLDS.conversion, PERCENT], // B4
      ['Review: over budget by more than 复核：超支>', THRESHOLDS.overrun, PERCENT], // B5
      ['Alert: conversion-rate swing above 预警：转化率波动>', THRESHOLDS.swing, PERCENT], // B6
    ];
    settings.forEach(([label, value, format], i) => {
      track.getCell(2 + i, 1).value = label;
      track.getCell(2 + i, 2).value = value;
      input(track.getCell(2 + i, 2), format);
      if (typeof value === 'number') between(track.getCell(2 + i, 2), 0, 1, '0–100%');
    });
    track.getRow(8).values = ['Channel 渠道', 'Budget 月预算', 'Spent 已花费', 'Spent % 花费进度', 'Conv. target 转化目标', 'Conversions 已转化', 'Conv. % 转化进度', 'Spend alert 花费预警', 'Over budget 超支率', 'Overrun 超支复核', 'Conv. rate last 上月转化率', 'Conv. rate now 本月转化率', 'Swing 波动', 'Swing alert 波动预警'];
    header(track.getRow(8));
    TRACKING.forEach((values, i) => {
      const r = TR_FIRST + i;
      track.getCell(r, 1).value = f(`Plan!A${CH_FIRST + i}`);
      const columns = [2, 3, 5, 6, 11, 12];
      values.forEach((value, j) => {
        const target = track.getCell(r, columns[j]);
        target.value = value;
        input(target, j < 2 ? CNY : j < 4 ? '#,##0' : '0.0%');
        between(target, 0, j < 4 ? 1e12 : 1, j < 4 ? '≥ 0' : '0–100%');
      });
      track.getCell(r, 4).value = f(`IF(B${r}>0,C${r}/B${r},0)`);
      track.getCell(r, 7).value = f(`IF(E${r}>0,F${r}/E${r},0)`);
      track.getCell(r, 8).value = f(`IF(AND(D${r}>=$B$3,G${r}<=$B$4),"ALERT 预警","OK")`);
      track.getCell(r, 9).value = f(`IF(B${r}>0,C${r}/B${r}-1,0)`);
      track.getCell(r, 10).value = f(`IF(I${r}>$B$5,"REVIEW 复核","OK")`);
      track.getCell(r, 13).value = f(`IF(K${r}>0,L${r}/K${r}-1,0)`);
      track.getCell(r, 14).value = f(`IF(ABS(M${r})>$B$6,"ALERT 预警","OK")`);
      for (const c of [4, 7, 9, 13]) track.getCell(r, c).numFmt = PERCENT;
    });
    highlight(track, `H${TR_FIRST}:H${TR_LAST}`, 'ALERT');
    highlight(track, `J${TR_FIRST}:J${TR_LAST}`, 'REVIEW', 2);
    highlight(track, `N${TR_FIRST}:N${TR_LAST}`, 'ALERT', 3);

    // --- Summary ---
    const summary = workbook.addWorksheet('Summary');
    summary.columns = [{ width: 44 }, { width: 18 }, { width: 12 }, { width: 18 }, { width: 10 }];
    summary.getRow(1).values = ['Measure 指标', 'Value 数值'];
    header(summary.getRow(1));
    const lines: [string, string, string][] = [
      ['Total quarterly budget 季度总预算', 'Plan!B3', CNY], // 2
      ['Reserve pool 预留池', 'Plan!B5', CNY], // 3
      ['Allocatable budget 可分配预算', 'Plan!B6', CNY], // 4
      ['Allocated 已分配', `Plan!G${tot}`, CNY], // 5
      ['Expected revenue 预期收入', `Plan!I${tot}`, CNY], // 6
      ['Overall ROI 总体ROI', `Plan!J${tot}`, '0.00'], // 7
      ['Channels below the low-ROI line 低效渠道数', `COUNTIF(Plan!M${CH_FIRST}:M${CH_LAST},"LOW 低效")`, '0'], // 8
      ['Spend alerts (80% spent, ≤ 50% converted) 花费预警数', `COUNTIF(Tracking!H${TR_FIRST}:H${TR_LAST},"ALERT 预警")`, '0'], // 9
      ['Overrun reviews (> 10% over) 超支复核数', `COUNTIF(Tracking!J${TR_FIRST}:J${TR_LAST},"REVIEW 复核")`, '0'], // 10
      ['Conversion-swing alerts (> 15%) 转化波动预警数', `COUNTIF(Tracking!N${TR_FIRST}:N${TR_LAST},"ALERT 预警")`, '0'], // 11
      ['Example: customer gain from re-allocation 示例：调整获客增幅', `Plan!B${exTot + 1}`, PERCENT], // 12
    ];
    lines.forEach(([label, formula, format], i) => {
      summary.getCell(2 + i, 1).value = label;
      summary.getCell(2 + i, 2).value = f(formula);
      summary.getCell(2 + i, 2).numFmt = format;
    });
    summary.getRow(SUM_FIRST - 1).values = ['Channel 渠道', 'Allocation 分配', 'Share 占比', 'Expected revenue 预期收入', 'ROI'];
    header(summary.getRow(SUM_FIRST - 1));
    CHANNELS.forEach((_, i) => {
      const r = SUM_FIRST + i;
      const p = CH_FIRST + i;
      [`Plan!A${p}`, `Plan!G${p}`, `Plan!H${p}`, `Plan!I${p}`, `Plan!J${p}`].forEach((formula, c) => {
        summary.getCell(r, c + 1).value = f(formula);
        summary.getCell(r, c + 1).numFmt = [undefined, CNY, PERCENT, CNY, '0.00'][c] ?? 'General';
      });
    });

    workbook.definedNames.add('Plan!$B$3', 'TotalBudget');
    workbook.definedNames.add('Plan!$B$4', 'ReserveRate');
    workbook.definedNames.add('Plan!$B$6', 'AllocatableBudget');
    workbook.definedNames.add(`Plan!$B$${CH_FIRST}:$D$${CH_LAST}`, 'ChannelCurves');
    workbook.definedNames.add(`Plan!$E$${CH_FIRST}:$E$${CH_LAST}`, 'ChannelMinimums');
    workbook.definedNames.add(`Plan!$F$${CH_FIRST}:$F$${CH_LAST}`, 'ChannelMaximums');
    workbook.definedNames.add(`Tracking!$B$3:$B$6`, 'AlertThresholds');
  },
};
