/**
 * Monte Carlo campaign ROI (蒙特卡洛, seed rules §3): uncertain reach, conversion, order value
 * and cost are sampled with PERF.SIM / PERF.SIMCORR (reach and conversion rank-correlated),
 * ROI = reach × conversion × order value / cost is computed per trial with plain formulas,
 * and PERF.SUMMARY plus COUNTIF give the ROI distribution and the chance of meeting the
 * 1:3 low-efficiency line (cost.low-roi-3) or falling under the 0.8 stop line (cost.stop-roi-0.8).
 */
import type ExcelJS from 'exceljs';
import { BuiltInTemplate } from '../kit/types';
import { CNY, PERCENT, header, input, instructions } from '../kit/style';

/** Fixed: the Model sheet carries one formula row per trial, so trials cannot grow on their own. */
export const TRIALS = 5000;
export const SEED = 2025;
export const ROI_TARGET = 3;
export const ROI_STOP = 0.8;
export const RANK_CORRELATION = 0.5;

/** [label, distribution, p1, p2, p3 (null = unused), number format] in Inputs rows 4–7. */
export const INPUTS: [string, string, number, number, number | null, string][] = [
  ['Reach 触达人数', 'pert', 600_000, 1_000_000, 1_800_000, '#,##0'],
  ['Conversion 转化率', 'triangular', 0.004, 0.01, 0.018, '0.00%'],
  ['Order value 客单价 (CNY)', 'lognormal', 168, 55, null, CNY],
  ['Campaign cost 活动成本 (CNY)', 'normal', 500_000, 50_000, null, CNY],
];

const FIRST = 2; // first trial row on Samples and Model
const LAST = FIRST + TRIALS - 1;

/** Summary rows 2–10 hold PERF.SUMMARY's nine statistics in this order. */
const STAT_LABELS = ['均值 mean', '标准差 stdev', '最小值 min', '第5百分位 P5', '第10百分位 P10', '中位数 P50', '第90百分位 P90', '第95百分位 P95', '最大值 max'];

const f = (formula: string) => ({ formula }) as ExcelJS.CellValue;

export const monteCarloRoi: BuiltInTemplate = {
  metadata: {
    id: 'monte-carlo-roi',
    title: { en: 'Monte Carlo campaign ROI', zh: '营销活动ROI蒙特卡洛模拟' },
    description: {
      en: 'Campaign ROI under uncertain reach, conversion, order value and cost: 5,000 seeded trials (reach and conversion rank-correlated), the ROI distribution, and the probability of reaching ROI 1:3 or falling below the 0.8 stop line.',
      zh: '在触达、转化率、客单价和成本均不确定时模拟活动ROI：5,000次固定种子试验（触达与转化率秩相关），给出ROI分布、达到1:3的概率及低于0.8止损线的概率。',
    },
    category: 'simulation',
    tags: ['monte carlo', 'simulation', 'roi', 'campaign', 'risk', '蒙特卡洛', '投资回报率', '活动'],
  },
  rules: [
    { rule: 'cost.low-roi-3', sheet: 'Inputs', cell: 'B16' },
    { rule: 'cost.stop-roi-0.8', sheet: 'Inputs', cell: 'B17' },
  ],
  charts: [
    {
      sheet: 'Summary',
      type: 'column',
      title: 'ROI percentiles 投资回报率分位数',
      categories: 'Summary!$C$4:$C$10',
      series: [
        { name: 'ROI (correlated) 相关ROI', values: 'Summary!$B$4:$B$10' },
        { name: 'ROI if independent 独立假设ROI', values: 'Summary!$E$4:$E$10' },
      ],
      anchor: { from: 'G2', to: 'O20' },
    },
  ],
  build(workbook: ExcelJS.Workbook) {
    instructions(workbook, this.metadata.title, [
      ['What it is for: how likely a campaign is to reach its ROI target when reach, conversion, order value and cost are uncertain.', '用途：在触达、转化率、客单价和成本不确定时，评估活动达到ROI目标的可能性。'],
      ['Edit the yellow cells on Inputs: each input\'s distribution and parameters (B4:E7), the reach–conversion rank correlation (C10), the seed (B15), the ROI target (B16, default 3 = ROI 1:3) and the stop line (B17, default 0.8).', '编辑 Inputs 表中的黄色单元格：各输入的分布及参数（B4:E7）、触达与转化率的秩相关系数（C10）、随机种子（B15）、目标ROI（B16，默认3即1:3）和止损线（B17，默认0.8）。'],
      ['Distributions: "pert" and "triangular" take min, most likely, max; "lognormal" and "normal" take mean and standard deviation (leave p3 blank); "uniform" takes min and max.', '分布："pert" 与 "triangular" 填最小值、最可能值、最大值；"lognormal" 与 "normal" 填均值和标准差（p3 留空）；"uniform" 填最小值和最大值。'],
      ['Samples: A2 spills correlated reach and conversion (=PERF.SIMCORR); C2, D2 spill order value and cost (=PERF.SIM); E2, F2 reach and conversion sampled independently, for comparison. Each call uses its own seed (seed, seed+1, …) so the inputs are not accidentally linked.', 'Samples 表：A2 溢出相关的触达与转化率（=PERF.SIMCORR）；C2、D2 溢出客单价与成本（=PERF.SIM）；E2、F2 为独立抽样的触达与转化率，用于对比。每次调用使用不同种子（种子、种子+1……），避免输入被意外关联。'],
      ['Model: one row per trial: revenue = reach × conversion × order value; ROI = revenue ÷ cost (ROI 3 means 1:3). The trial count is fixed at 5,000 because the Model has 5,000 formula rows.', 'Model 表：每次试验一行：收入 = 触达 × 转化率 × 客单价；ROI = 收入 ÷ 成本（ROI 为3即1:3）。试验次数固定为5,000，因为 Model 表有5,000行公式。'],
      ['Summary: PERF.SUMMARY of ROI (mean, stdev, min, P5…P95, max), with correlation and as if independent; the probability of ROI ≥ target (below 1:3 a channel is low-efficiency) and of ROI below the stop line (projects below 0.8 two weeks running are stopped); a verdict from the median ROI.', 'Summary 表：ROI 的 PERF.SUMMARY（均值、标准差、最小值、P5…P95、最大值），分相关与独立两种假设；ROI ≥ 目标的概率（低于1:3为低效渠道）及低于止损线的概率（连续两周低于0.8的项目应停止）；并根据中位数ROI给出结论。'],
      ['The same seed gives the same numbers in Excel and in perfplan calc. Without the PerfPlan add-in, Excel shows the values computed when the template was built.', '相同种子在 Excel 与 perfplan calc 中得到相同结果。未安装 PerfPlan 加载项时，Excel 显示模板生成时计算的结果。'],
    ]);

    // --- Inputs ------------------------------------------------------------------------------
    const inputs = workbook.addWorksheet('Inputs');
    inputs.columns = [{ width: 34 }, { width: 14 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 40 }];
    inputs.getCell('A1').value = 'Campaign ROI simulation inputs 活动ROI模拟输入';
    inputs.getCell('A1').font = { bold: true, size: 13 };
    inputs.getRow(3).values = ['Input 输入', 'Distribution 分布', 'p1', 'p2', 'p3', 'Parameters 参数含义'];
    header(inputs.getRow(3));
    INPUTS.forEach(([label, dist, p1, p2, p3, format], i) => {
      const row = 4 + i;
      inputs.getCell(row, 1).value = label;
      inputs.getCell(row, 2).value = dist;
      input(inputs.getCell(row, 2));
      inputs.getCell(row, 2).dataValidation = {
        type: 'list', allowBlank: false, formulae: ['"pert,triangular,lognormal,normal,uniform"'],
        showErrorMessage: true, errorTitle: 'Distribution 分布', error: 'pert, triangular, lognormal, normal or uniform',
      };
      [p1, p2, p3].forEach((p, j) => {
        const cell = inputs.getCell(row, 3 + j);
        if (p !== null) cell.value = p;
        input(cell, format);
        cell.dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: '≥ 0' };
      });
      inputs.getCell(row, 6).value = p3 === null ? 'mean, sd 均值、标准差 (p3 blank 留空)' : 'min, most likely, max 最小、最可能、最大';
    });

    // Rank correlation: the user edits C10; B11 mirrors it so the matrix stays symmetric.
    inputs.getCell('A9').value = 'Rank correlation 秩相关系数';
    inputs.getCell('B9').value = 'Reach 触达';
    inputs.getCell('C9').value = 'Conversion 转化';
    header(inputs.getRow(9));
    inputs.getCell('A10').value = 'Reach 触达';
    inputs.getCell('A11').value = 'Conversion 转化';
    inputs.getCell('B10').value = 1;
    inputs.getCell('C10').value = RANK_CORRELATION;
    input(inputs.getCell('C10'), '0.00');
    inputs.getCell('C10').dataValidation = { type: 'decimal', operator: 'between', formulae: [-1, 1], showErrorMessage: true, error: '−1 … 1' };
    inputs.getCell('B11').value = f('C10');
    inputs.getCell('B11').numFmt = '0.00';
    inputs.getCell('C11').value = 1;

    inputs.getRow(13).values = ['Setting 设置', 'Value 数值', '', '', '', 'Note 说明'];
    header(inputs.getRow(13));
    const settings: [string, number, string, boolean][] = [
      ['Trials 模拟次数', TRIALS, 'Fixed: the Model sheet has one row per trial 固定：Model 表每次试验一行', false],
      ['Seed 随机种子', SEED, 'Same seed → same samples 相同种子得到相同样本', true],
      ['ROI target (low-efficiency line) 目标ROI（低效线）', ROI_TARGET, 'ROI below 1:3 is low-efficiency 低于1:3为低效', true],
      ['Stop line ROI 止损线ROI', ROI_STOP, 'ROI below 0.8 two weeks running → stop 连续两周低于0.8则停止', true],
    ];
    settings.forEach(([label, value, note, editable], i) => {
      const cell = inputs.getCell(14 + i, 2);
      inputs.getCell(14 + i, 1).value = label;
      cell.value = value;
      inputs.getCell(14 + i, 6).value = note;
      if (!editable) return;
      input(cell, i === 1 ? '0' : '0.00');
      cell.dataValidation = i === 1
        ? { type: 'whole', operator: 'between', formulae: [1, 999_999_999], showErrorMessage: true, error: '1 … 999,999,999' }
        : { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true, error: '≥ 0' };
    });

    // --- Samples: spilled draws; nothing else may sit in the spill areas --------------------
    const samples = workbook.addWorksheet('Samples');
    samples.columns = [16, 14, 16, 16, 16, 16].map((width) => ({ width }));
    samples.getRow(1).values = ['Reach 触达 (corr.)', 'Conversion 转化率 (corr.)', 'Order value 客单价', 'Cost 成本', 'Reach 触达 (indep.)', 'Conversion 转化率 (indep.)'];
    header(samples.getRow(1));
    const trials = 'Inputs!$B$14';
    const seed = 'Inputs!$B$15';
    const sim = (row: number, offset: number) =>
      `PERF.SIM(Inputs!$B$${row},Inputs!$C$${row},Inputs!$D$${row},Inputs!$E$${row},${trials},${seed}+${offset})`;
    samples.getCell('A2').value = f(`PERF.SIMCORR(Inputs!$B$4:$E$5,Inputs!$B$10:$C$11,${trials},${seed})`);
    // Distinct seeds: two SIM calls with one seed would share one random stream and move together.
    samples.getCell('C2').value = f(sim(6, 1));
    samples.getCell('D2').value = f(sim(7, 2));
    samples.getCell('E2').value = f(sim(4, 3));
    samples.getCell('F2').value = f(sim(5, 4));
    const formats = ['#,##0', '0.00%', CNY, CNY, '#,##0', '0.00%'];
    formats.forEach((format, i) => (samples.getColumn(i + 1).numFmt = format));

    // --- Model: one row per trial ----------------------------------------------------------
    const model = workbook.addWorksheet('Model');
    model.columns = [{ width: 10 }, { width: 18 }, { width: 12 }, { width: 16 }];
    model.getRow(1).values = ['Trial 试验', 'Revenue 收入', 'ROI 投资回报率', 'ROI if independent 独立假设ROI'];
    header(model.getRow(1));
    for (let r = FIRST; r <= LAST; r++) {
      model.getCell(r, 1).value = r - 1;
      model.getCell(r, 2).value = f(`Samples!A${r}*Samples!B${r}*Samples!C${r}`);
      model.getCell(r, 3).value = f(`B${r}/Samples!D${r}`);
      model.getCell(r, 4).value = f(`Samples!E${r}*Samples!F${r}*Samples!C${r}/Samples!D${r}`);
    }
    model.getColumn(2).numFmt = CNY;
    model.getColumn(3).numFmt = '0.00';
    model.getColumn(4).numFmt = '0.00';

    // --- Summary ---------------------------------------------------------------------------
    const summary = workbook.addWorksheet('Summary');
    summary.columns = [{ width: 44 }, { width: 18 }, { width: 16 }, { width: 12 }, { width: 18 }];
    summary.getRow(1).values = ['Statistic 统计量', 'ROI (correlated) 相关ROI', '说明 label', 'Statistic', 'ROI if independent 独立假设ROI'];
    header(summary.getRow(1));
    const roi = `Model!$C$${FIRST}:$C$${LAST}`;
    const roiIndependent = `Model!$D$${FIRST}:$D$${LAST}`;
    summary.getCell('A2').value = f(`PERF.SUMMARY(${roi})`);
    summary.getCell('D2').value = f(`PERF.SUMMARY(${roiIndependent})`);
    STAT_LABELS.forEach((label, i) => {
      summary.getCell(2 + i, 3).value = label;
      summary.getCell(2 + i, 2).numFmt = '0.00';
      summary.getCell(2 + i, 5).numFmt = '0.00';
    });

    summary.getRow(12).values = ['Key result 关键结果', 'Value 数值'];
    header(summary.getRow(12));
    const results: [string, string, string][] = [
      ['P(ROI ≥ target) 达到目标ROI的概率', `COUNTIF(${roi},">="&Inputs!$B$16)/COUNT(${roi})`, PERCENT],
      ['P(ROI < stop line) 低于止损线的概率', `COUNTIF(${roi},"<"&Inputs!$B$17)/COUNT(${roi})`, PERCENT],
      ['P(ROI ≥ target) if independent 独立假设下达标概率', `COUNTIF(${roiIndependent},">="&Inputs!$B$16)/COUNT(${roiIndependent})`, PERCENT],
      ['Mean revenue 平均收入', `AVERAGE(Model!$B$${FIRST}:$B$${LAST})`, CNY],
      ['Mean cost 平均成本', `AVERAGE(Samples!$D$${FIRST}:$D$${LAST})`, CNY],
      ['Expected profit 期望利润', 'B16-B17', CNY],
      ['Verdict (median ROI) 结论（按中位数ROI）', 'IF(B7<Inputs!$B$17,"stop 止损",IF(B7<Inputs!$B$16,"low efficiency 低效","go 可执行"))', 'General'],
    ];
    results.forEach(([label, formula, format], i) => {
      summary.getCell(13 + i, 1).value = label;
      summary.getCell(13 + i, 2).value = f(formula);
      summary.getCell(13 + i, 2).numFmt = format;
    });

    workbook.definedNames.add('Inputs!$B$4:$E$7', 'SimInputs');
    workbook.definedNames.add('Inputs!$C$10', 'ReachConversionCorrelation');
    workbook.definedNames.add('Inputs!$B$14', 'SimTrials');
    workbook.definedNames.add('Inputs!$B$15', 'SimSeed');
    workbook.definedNames.add('Inputs!$B$16', 'RoiTarget');
    workbook.definedNames.add('Inputs!$B$17', 'RoiStopLine');
    workbook.definedNames.add(`Model!$C$${FIRST}:$C$${LAST}`, 'SimulatedROI');
  },
};
