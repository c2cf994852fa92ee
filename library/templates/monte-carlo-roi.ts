/**
 * Monte Carlo campaign ROI (蒙特卡洛): uncertain reach, conversion, order value
 * and cost are sampled with PERF.SIM / PERF.SIMCORR (reach and conversion rank-correlated),
 * ROI = reach × conversion × order value / cost is computed per trial with plain formulas,
 * and PERF.SUMMARY plus COUNTIF give the ROI distribution and the chance of meeting the
 * 1:3 low-efficiency line (cost.low-roi-3) or falling under the 0.8 stop line (cost.stop-roi-0.8).
 * In English and in Chinese: a Chinese workbook offers the distributions by their Chinese names
 * (正态、对数正态、三角、均匀、PERT), which PERF.SIM reads as well as the English codes.
 *
 * No table: the rows that repeat are trials, as many as the trial count says, not people or
 * channels a user adds.
 */
import type ExcelJS from 'exceljs';
import {
  CNY, EXAMPLE_SOURCE, LABEL, PERCENT, type Text, type Words, columnWidths, decimalBetween, defineTemplates, formula, headerRow, inputBlock, inputCell, label, nonNegative,
  nonNegativeOrBlank, oneOf, option, summaryLines, t, titledSheet, wholeBetween, writeParameters,
} from '../kit';
import type { OptionCode } from '../../i18n/options';
import { galleryOf } from './gallery-texts';

/** Fixed: the Model sheet carries one formula row per trial, so trials cannot grow on their own. */
export const TRIALS = 5000;
export const SEED = 2025;
export const ROI_TARGET = 3;
export const ROI_STOP = 0.8;
export const RANK_CORRELATION = 0.5;

/** [label, distribution, p1, p2, p3 (null = unused), number format] in Inputs rows 4–7. */
export const INPUTS: [Text, OptionCode, number, number, number | null, string][] = [
  [t('Reach', '触达人数'), 'pert', 600_000, 1_000_000, 1_800_000, '#,##0'],
  [t('Conversion', '转化率'), 'triangular', 0.004, 0.01, 0.018, '0.00%'],
  [t('Order value', '客单价 (CNY)'), 'lognormal', 168, 55, null, CNY],
  [t('Campaign cost', '活动成本 (CNY)'), 'normal', 500_000, 50_000, null, CNY],
];

const FIRST = 2; // first trial row on Samples and Model
const LAST = FIRST + TRIALS - 1;

/** Summary rows 2–10 name PERF.SUMMARY's nine statistics in this order. */
const STAT_LABELS = [t('mean', '均值'), t('stdev', '标准差'), t('min', '最小值'), t('P5', '第5百分位'), t('P10', '第10百分位'), t('P50', '中位数'), t('P90', '第90百分位'), t('P95', '第95百分位'), t('max', '最大值')];
const REACH = t('Reach', '触达');
const CONVERSION = t('Conversion', '转化');
const DISTRIBUTIONS: OptionCode[] = ['pert', 'triangular', 'lognormal', 'normal', 'uniform'];
export const VERDICT = { stop: t('stop', '止损'), low: t('low efficiency', '低效'), go: t('go', '可执行') };

const SHEETS = { inputs: t('Inputs', '参数'), samples: t('Samples', '样本'), model: t('Model', '模型'), summary: t('Summary', '汇总') };
function layout(w: Words) {
  const sheet = w.sayEach(SHEETS);
  return { ...w, sheet };
}
type Layout = ReturnType<typeof layout>;

function writeInputs(workbook: ExcelJS.Workbook, L: Layout): void {
  const inputs = titledSheet(workbook, L.sheet.inputs, [34, 14, 16, 16, 16, 40], t('Campaign ROI simulation inputs', '活动ROI模拟输入'));
  headerRow(inputs, 3, [t('Input', '输入'), t('Distribution', '分布'), 'p1', 'p2', 'p3', t('Parameters', '参数含义'), t('Source', '来源')]);
  const names = DISTRIBUTIONS.map((code) => option(code));
  INPUTS.forEach(([text, distribution, p1, p2, p3, format], i) => {
    const row = 4 + i;
    label(inputs.getCell(row, 1), text);
    inputCell(inputs.getCell(row, 2), L.say(option(distribution)), undefined, oneOf(names, t('pert, triangular, lognormal, normal or uniform', 'PERT、三角、对数正态、正态或均匀'), t('Distribution', '分布')));
    inputBlock(inputs, row, [[p1, p2, p3]], [3, 4, 5].map((col) => ({ col, format, validation: nonNegativeOrBlank })));
    label(inputs.getCell(row, 6), p3 === null ? t('mean, sd (p3 blank)', '均值、标准差（p3 留空）') : t('min, most likely, max', '最小、最可能、最大'));
    label(inputs.getCell(row, 7), EXAMPLE_SOURCE);
  });

  // Rank correlation: the user edits C10; B11 mirrors it so the matrix stays symmetric.
  headerRow(inputs, 9, [t('Rank correlation', '秩相关系数'), REACH, CONVERSION]);
  label(inputs.getCell('A10'), REACH);
  label(inputs.getCell('A11'), CONVERSION);
  inputs.getCell('B10').value = 1;
  inputCell(inputs.getCell('C10'), RANK_CORRELATION, '0.00', decimalBetween(-1, 1, '−1 … 1'));
  formula(inputs.getCell('B11'), 'C10', '0.00');
  inputs.getCell('C11').value = 1;

  headerRow(inputs, 13, [t('Setting', '设置'), LABEL.value, '', '', '', t('Note', '说明')]);
  label(inputs.getCell('D10'), EXAMPLE_SOURCE);
  writeParameters(workbook, {
    sheet: L.sheet.inputs,
    firstRow: 14,
    columns: { label: 1, value: 2, note: 6, source: 7 },
    rows: [
      { label: t('Trials', '模拟次数'), value: TRIALS, fixed: true, note: t('Fixed: the Model sheet has one row per trial', '固定：模型表每次试验一行') },
      { label: t('Seed', '随机种子'), value: SEED, format: '0', validation: wholeBetween(1, 999_999_999, '1 … 999,999,999'), note: t('Same seed → same samples', '相同种子得到相同样本') },
      { label: t('ROI target (low-efficiency line)', '目标ROI（低效线）'), value: ROI_TARGET, format: '0.00', validation: nonNegative, note: t('ROI below 1:3 is low-efficiency', '低于1:3为低效'), rule: 'cost.low-roi-3' },
      { label: t('Stop line ROI', '止损线ROI'), value: ROI_STOP, format: '0.00', validation: nonNegative, note: t('ROI below 0.8 two weeks running → stop', '连续两周低于0.8则停止'), rule: 'cost.stop-roi-0.8' },
    ],
  });
}

/** Spilled draws; nothing else may sit in the spill areas. */
function writeSamples(workbook: ExcelJS.Workbook, L: Layout): void {
  const samples = workbook.addWorksheet(L.sheet.samples);
  const I = L.sheet.inputs;
  columnWidths(samples, [16, 14, 16, 16, 16, 16]);
  headerRow(samples, 1, [
    t('Reach (correlated)', '触达（相关）'), t('Conversion (correlated)', '转化率（相关）'), t('Order value', '客单价'), t('Cost', '成本'), t('Reach (independent)', '触达（独立）'), t('Conversion (independent)', '转化率（独立）'),
  ]);
  const trials = `${I}!$B$14`;
  const seed = `${I}!$B$15`;
  const sim = (row: number, offset: number) => `PERF.SIM(${I}!$B$${row},${I}!$C$${row},${I}!$D$${row},${I}!$E$${row},${trials},${seed}+${offset})`;
  formula(samples.getCell('A2'), `PERF.SIMCORR(${I}!$B$4:$E$5,${I}!$B$10:$C$11,${trials},${seed})`);
  // Distinct seeds: two SIM calls with one seed would share one random stream and move together.
  formula(samples.getCell('C2'), sim(6, 1));
  formula(samples.getCell('D2'), sim(7, 2));
  formula(samples.getCell('E2'), sim(4, 3));
  formula(samples.getCell('F2'), sim(5, 4));
  ['#,##0', '0.00%', CNY, CNY, '#,##0', '0.00%'].forEach((format, i) => (samples.getColumn(i + 1).numFmt = format));
}

/** One row per trial. */
function writeModel(workbook: ExcelJS.Workbook, L: Layout): void {
  const model = workbook.addWorksheet(L.sheet.model);
  const S = L.sheet.samples;
  columnWidths(model, [10, 18, 12, 16]);
  headerRow(model, 1, [t('Trial', '试验'), t('Revenue', '收入'), t('ROI', '投资回报率'), t('ROI if independent', '独立假设ROI')]);
  for (let r = FIRST; r <= LAST; r++) {
    model.getCell(r, 1).value = r - 1;
    formula(model.getCell(r, 2), `${S}!A${r}*${S}!B${r}*${S}!C${r}`);
    formula(model.getCell(r, 3), `B${r}/${S}!D${r}`);
    formula(model.getCell(r, 4), `${S}!E${r}*${S}!F${r}*${S}!C${r}/${S}!D${r}`);
  }
  [CNY, '0.00', '0.00'].forEach((format, i) => (model.getColumn(i + 2).numFmt = format));
}

function writeSummary(workbook: ExcelJS.Workbook, L: Layout): void {
  const summary = workbook.addWorksheet(L.sheet.summary);
  const [I, M] = [L.sheet.inputs, L.sheet.model];
  columnWidths(summary, [44, 18, 16, 12, 18]);
  headerRow(summary, 1, [t('Statistic', '统计量'), t('ROI (correlated)', '相关ROI'), t('Label', '说明'), t('Statistic', '统计量'), t('ROI if independent', '独立假设ROI')]);
  const roi = `${M}!$C$${FIRST}:$C$${LAST}`;
  const roiIndependent = `${M}!$D$${FIRST}:$D$${LAST}`;
  formula(summary.getCell('A2'), `PERF.SUMMARY(${roi})`);
  formula(summary.getCell('D2'), `PERF.SUMMARY(${roiIndependent})`);
  STAT_LABELS.forEach((text, i) => {
    label(summary.getCell(2 + i, 3), text);
    summary.getCell(2 + i, 2).numFmt = '0.00';
    summary.getCell(2 + i, 5).numFmt = '0.00';
  });

  headerRow(summary, 12, [t('Key result', '关键结果'), LABEL.value]);
  summaryLines(summary, 13, [
    { label: t('P(ROI ≥ target)', '达到目标ROI的概率'), formula: `COUNTIF(${roi},">="&${I}!$B$16)/COUNT(${roi})`, format: PERCENT },
    { label: t('P(ROI < stop line)', '低于止损线的概率'), formula: `COUNTIF(${roi},"<"&${I}!$B$17)/COUNT(${roi})`, format: PERCENT },
    { label: t('P(ROI ≥ target) if independent', '独立假设下达标概率'), formula: `COUNTIF(${roiIndependent},">="&${I}!$B$16)/COUNT(${roiIndependent})`, format: PERCENT },
    { label: t('Mean revenue', '平均收入'), formula: `AVERAGE(${M}!$B$${FIRST}:$B$${LAST})`, format: CNY },
    { label: t('Mean cost', '平均成本'), formula: `AVERAGE(${L.sheet.samples}!$D$${FIRST}:$D$${LAST})`, format: CNY },
    { label: t('Expected profit', '期望利润'), formula: 'B16-B17', format: CNY },
    { label: t('Verdict (median ROI)', '结论（按中位数ROI）'), formula: `IF(B7<${I}!$B$17,"${L.say(VERDICT.stop)}",IF(B7<${I}!$B$16,"${L.say(VERDICT.low)}","${L.say(VERDICT.go)}"))`, format: 'General' },
  ]);
}

const monteCarlo = defineTemplates({
  ...galleryOf('monte-carlo-roi'),
  layout,
  steps: (L) => [
    t(`Edit the yellow cells on ${L.sheet.inputs}: each input's distribution and parameters (B4:E7), the reach–conversion rank correlation (C10), the seed (B15), the ROI target (B16, default 3 = ROI 1:3) and the stop line (B17, default 0.8).`, `编辑 ${L.sheet.inputs} 表中的黄色单元格：各输入的分布及参数（B4:E7）、触达与转化率的秩相关系数（C10）、随机种子（B15）、目标ROI（B16，默认3即1:3）和止损线（B17，默认0.8）。`),
    t('Distributions: "pert" and "triangular" take min, most likely, max; "lognormal" and "normal" take mean and standard deviation (leave p3 blank); "uniform" takes min and max.', '分布："PERT" 与 "三角" 填最小值、最可能值、最大值；"对数正态" 与 "正态" 填均值和标准差（p3 留空）；"均匀" 填最小值和最大值。'),
    t(`${L.sheet.samples}: A2 spills correlated reach and conversion (=PERF.SIMCORR); C2, D2 spill order value and cost (=PERF.SIM); E2, F2 reach and conversion sampled independently, for comparison. Each call uses its own seed (seed, seed+1, …) so the inputs are not accidentally linked.`, `${L.sheet.samples} 表：A2 溢出相关的触达与转化率（=PERF.SIMCORR）；C2、D2 溢出客单价与成本（=PERF.SIM）；E2、F2 为独立抽样的触达与转化率，用于对比。每次调用使用不同种子（种子、种子+1……），避免输入被意外关联。`),
    t(`${L.sheet.model}: one row per trial: revenue = reach × conversion × order value; ROI = revenue ÷ cost (ROI 3 means 1:3). The trial count is fixed at 5,000 because the ${L.sheet.model} sheet has 5,000 formula rows.`, `${L.sheet.model} 表：每次试验一行：收入 = 触达 × 转化率 × 客单价；ROI = 收入 ÷ 成本（ROI 为3即1:3）。试验次数固定为5,000，因为 ${L.sheet.model} 表有5,000行公式。`),
    t(`${L.sheet.summary}: PERF.SUMMARY of ROI (mean, stdev, min, P5…P95, max), with correlation and as if independent; the probability of ROI ≥ target (below 1:3 a channel is low-efficiency) and of ROI below the stop line (projects below 0.8 two weeks running are stopped); a verdict from the median ROI.`, `${L.sheet.summary} 表：ROI 的 PERF.SUMMARY（均值、标准差、最小值、P5…P95、最大值），分相关与独立两种假设；ROI ≥ 目标的概率（低于1:3为低效渠道）及低于止损线的概率（连续两周低于0.8的项目应停止）；并根据中位数ROI给出结论。`),
    t('The same seed gives the same numbers in Excel and in perfplan calc.', '相同种子在 Excel 与 perfplan calc 中得到相同结果。'),
  ],
  rules: (L) => [
    { rule: 'cost.low-roi-3', sheet: L.sheet.inputs, cell: 'B16' },
    { rule: 'cost.stop-roi-0.8', sheet: L.sheet.inputs, cell: 'B17' },
  ],
  charts: (L) => [
    {
      sheet: L.sheet.summary, type: 'column', at: 'G2:O20', title: t('ROI percentiles', '投资回报率分位数'),
      categories: `${L.sheet.summary}!$C$4:$C$10`,
      series: [
        { name: t('ROI (correlated)', '相关ROI'), values: `${L.sheet.summary}!$B$4:$B$10` },
        { name: t('ROI if independent', '独立假设ROI'), values: `${L.sheet.summary}!$E$4:$E$10` },
      ],
    },
  ],
  sheets: [writeInputs, writeSamples, writeModel, writeSummary],
  names: (L) => ({
    SimInputs: `${L.sheet.inputs}!$B$4:$E$7`,
    ReachConversionCorrelation: `${L.sheet.inputs}!$C$10`,
    SimTrials: `${L.sheet.inputs}!$B$14`,
    SimSeed: `${L.sheet.inputs}!$B$15`,
    RoiTarget: `${L.sheet.inputs}!$B$16`,
    RoiStopLine: `${L.sheet.inputs}!$B$17`,
    SimulatedROI: `${L.sheet.model}!$C$${FIRST}:$C$${LAST}`,
  }),
});

export const monteCarloRoi = monteCarlo['en-US'];
export const monteCarloRoiZh = monteCarlo['zh-CN'];


