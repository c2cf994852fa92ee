/**
 * Balanced scorecard for sales roles (平衡計分卡, seed rules §1): financial 50 / customer 30 /
 * learning & growth 20 with PERF.SCORECARD, a 360° review with PERF.RATER, a response-time
 * ranking, a blended final rating where quantitative KPIs weigh at least 60%, a compliance
 * veto (一票否決) and a PERF.STATUS traffic light.
 */
import type ExcelJS from 'exceljs';
import { BuiltInTemplate } from '../kit/types';
import { PERCENT, header, input, instructions } from '../kit/style';

type Validation = ExcelJS.DataValidation;
const rate = (min = 0, max = 1): Validation => ({ type: 'decimal', operator: 'between', allowBlank: false, formulae: [min, max], showErrorMessage: true, error: `${min * 100}–${max * 100}%` });
const positive: Validation = { type: 'decimal', operator: 'greaterThan', allowBlank: false, formulae: [0], showErrorMessage: true, error: '> 0' };
const nonNegative: Validation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: false, formulae: [0], showErrorMessage: true, error: '≥ 0' };
const yesNo: Validation = { type: 'list', allowBlank: false, formulae: ['"no,yes"'], showErrorMessage: true, error: 'yes or no' };

interface Param {
  name: string;
  label: string;
  value?: number | string;
  /** A computed row instead of an input. */
  formula?: string;
  format?: string;
  validation?: Validation;
  note: string;
}

/** Inputs!B4 downwards: one named row each. */
export const PARAMS: Param[] = [
  { name: 'FinancialWeight', label: 'Financial perspective 财务维度', value: 0.5, format: PERCENT, validation: rate(), note: 'Balanced scorecard 50 / 30 / 20 (sales, collections). 平衡计分卡：财务50%（销售额、回款）' },
  { name: 'CustomerWeight', label: 'Customer perspective 客户维度', value: 0.3, format: PERCENT, validation: rate(), note: 'Satisfaction, repurchase. 客户30%（满意度、复购率）' },
  { name: 'LearningWeight', label: 'Learning & growth perspective 学习与成长维度', value: 0.2, format: PERCENT, validation: rate(), note: 'Training hours, certifications. 学习与成长20%（培训学时、认证）' },
  { name: 'PerspectiveWeightSum', label: 'Perspective weights total 维度权重合计', formula: 'FinancialWeight+CustomerWeight+LearningWeight', format: PERCENT, note: 'Should be 100% (scores are normalized either way). 应为100%' },
  { name: 'SalesShare', label: 'Sales share of financial 销售额占财务维度', value: 0.5, format: PERCENT, validation: rate(), note: 'Collections get the rest. 其余为回款额' },
  { name: 'SatisfactionShare', label: 'Satisfaction share of customer 满意度占客户维度', value: 0.5, format: PERCENT, validation: rate(), note: 'Repurchase gets the rest. 其余为复购率' },
  { name: 'TrainingShare', label: 'Training share of learning 培训学时占学习维度', value: 0.5, format: PERCENT, validation: rate(), note: 'Certifications get the rest. 其余为认证数' },
  { name: 'AttainmentCap', label: 'Attainment cap per KPI 单项达成上限', value: 1.2, format: PERCENT, validation: { type: 'decimal', operator: 'between', allowBlank: false, formulae: [1, 3], showErrorMessage: true, error: '100–300%' }, note: 'Each KPI counts at most this attainment. 单项指标达成率封顶' },
  { name: 'QuantitativeWeight', label: 'Scorecard (quantitative) weight 量化指标权重', value: 0.6, format: PERCENT, validation: rate(), note: 'Quantitative KPIs weigh at least 60% of the final rating. 量化指标不低于60%' },
  { name: 'ResponseWeight', label: 'Response ranking weight 响应排名权重', value: 0.2, format: PERCENT, validation: rate(), note: 'Weekly response ranking counts 20% of the quarterly review. 每周响应排名占季度考核20%' },
  { name: 'ReviewWeight', label: '360° review weight 360度评估权重', value: 0.2, format: PERCENT, validation: rate(), note: 'Ability via manager / peers / customers. 能力维度：上级/同事/客户' },
  { name: 'QuantitativeMin', label: 'Minimum quantitative share 量化指标最低占比', value: 0.6, format: PERCENT, validation: rate(), note: 'Policy floor. 制度下限' },
  { name: 'QuantitativeShare', label: 'Quantitative share (computed) 量化指标实际占比', formula: 'QuantitativeWeight/(QuantitativeWeight+ResponseWeight+ReviewWeight)', format: PERCENT, note: '' },
  { name: 'QuantitativeCheck', label: 'Quantitative share check 量化占比检查', formula: 'IF(QuantitativeShare>=QuantitativeMin,"OK 合规","Below minimum 低于下限")', note: '' },
  { name: 'ResponseHours', label: 'First-contact target (hours) 首次响应时限（小时）', value: 2, format: '0.0', validation: positive, note: 'First customer contact ≤ 2 h. 首次联系客户≤2小时' },
  { name: 'PeakSeason', label: 'Peak season this quarter? 本季度是否旺季', value: 'yes', validation: yesNo, note: 'Q4 includes Double 11. 第四季度含双十一' },
  { name: 'PeakRelax', label: 'Peak-season relaxation 旺季放宽比例', value: 0.2, format: PERCENT, validation: rate(), note: 'Thresholds relax 20% in peak season. 旺季时限放宽20%' },
  { name: 'ResponseThreshold', label: 'Response threshold used (hours) 适用时限（小时）', formula: 'ResponseHours*IF(PeakSeason="yes",1+PeakRelax,1)', format: '0.00', note: '' },
  { name: 'MinResolution', label: 'Minimum resolution rate 最低解决率', value: 0.9, format: PERCENT, validation: rate(), note: 'An effective response also needs resolution ≥ 90%. 有效响应须同时满足解决率≥90%' },
];
export const PARAM_ROW: Record<string, number> = Object.fromEntries(PARAMS.map((p, i) => [p.name, 4 + i]));

export const RATER_WEIGHTS: [string, number][] = [
  ['manager', 0.5],
  ['peer', 0.3],
  ['customer', 0.2],
];
/** Lower bound (rating points) and label, ascending: Inputs!E10:F12. */
export const STATUS_BANDS: [number, string][] = [
  [0, 'red 红'],
  [75, 'amber 黄'],
  [90, 'green 绿'],
];

export const KPIS = ['Sales 销售额', 'Collections 回款额', 'Satisfaction 满意度', 'Repurchase rate 复购率', 'Training hours 培训学时', 'Certifications 认证数'];
export const PERSPECTIVES = ['Financial 财务', 'Financial 财务', 'Customer 客户', 'Customer 客户', 'Learning 学习与成长', 'Learning 学习与成长'];
export const TARGETS = [1_200_000, 1_100_000, 90, 0.35, 40, 2];
export const DIRECTIONS = [1, 1, 1, 1, 1, 1];
const KPI_FORMATS = ['"¥"#,##0', '"¥"#,##0', '0', PERCENT, '0', '0'];

export interface Person {
  name: string;
  actuals: number[];
  breach: 'yes' | 'no';
  responseHours: number;
  resolution: number;
  ratings: [string, number][];
}

export const PEOPLE: Person[] = [
  { name: 'Chen Jing 陈静', actuals: [1_380_000, 1_250_000, 93, 0.38, 44, 2], breach: 'no', responseHours: 1.6, resolution: 0.94, ratings: [['manager', 88], ['peer', 84], ['peer', 90], ['customer', 92]] },
  { name: 'Li Wei 李伟', actuals: [1_050_000, 980_000, 86, 0.31, 36, 1], breach: 'no', responseHours: 2.3, resolution: 0.91, ratings: [['manager', 75], ['peer', 80], ['customer', 78]] },
  { name: 'Wang Fang 王芳', actuals: [1_260_000, 1_190_000, 95, 0.42, 52, 3], breach: 'no', responseHours: 1.2, resolution: 0.96, ratings: [['manager', 92], ['peer', 89], ['peer', 91], ['customer', 95]] },
  { name: 'Zhang Min 张敏', actuals: [1_520_000, 1_300_000, 88, 0.36, 30, 2], breach: 'no', responseHours: 2.6, resolution: 0.93, ratings: [['manager', 80], ['peer', 72], ['peer', 76], ['customer', 85]] },
  { name: 'Liu Yang 刘洋', actuals: [890_000, 760_000, 82, 0.28, 24, 1], breach: 'no', responseHours: 3.1, resolution: 0.85, ratings: [['manager', 68], ['peer', 74], ['customer', 70]] },
  { name: 'Zhao Lei 赵磊', actuals: [1_190_000, 1_150_000, 91, 0.33, 40, 2], breach: 'no', responseHours: 1.9, resolution: 0.88, ratings: [['manager', 85], ['peer', 82], ['peer', 80]] },
  { name: 'Sun Li 孙丽', actuals: [1_310_000, 1_220_000, 97, 0.4, 48, 4], breach: 'no', responseHours: 0.9, resolution: 0.97, ratings: [['manager', 94], ['peer', 90], ['customer', 96]] },
  // Top seller with a compliance breach (unauthorised discount): the veto zeroes the rating.
  { name: 'Zhou Tao 周涛', actuals: [1_640_000, 1_580_000, 90, 0.37, 42, 2], breach: 'yes', responseHours: 1.4, resolution: 0.92, ratings: [['manager', 86], ['peer', 83], ['peer', 85], ['customer', 88]] },
];

const FIRST = 9; // Scorecard people rows 9..16
const LAST = FIRST + PEOPLE.length - 1;
const N = PEOPLE.length;
/** Review360 rows of each person's block of ratings (rows from 2). */
export const REVIEW_BLOCKS: { from: number; to: number }[] = [];
{
  let row = 2;
  for (const p of PEOPLE) {
    REVIEW_BLOCKS.push({ from: row, to: row + p.ratings.length - 1 });
    row += p.ratings.length;
  }
}

const formula = (cell: ExcelJS.Cell, text: string, format?: string) => {
  cell.value = { formula: text } as ExcelJS.CellValue;
  if (format) cell.numFmt = format;
};
const inputCell = (cell: ExcelJS.Cell, value: ExcelJS.CellValue, format: string | undefined, validation?: Validation) => {
  cell.value = value;
  input(cell, format);
  if (validation) cell.dataValidation = validation;
};

export const balancedScorecard: BuiltInTemplate = {
  metadata: {
    id: 'balanced-scorecard',
    title: { en: 'Balanced scorecard with 360° review', zh: '平衡计分卡与360度评估' },
    description: {
      en: 'Sales-role balanced scorecard (financial 50 / customer 30 / learning 20), response-time ranking, 360° review by manager, peers and customers, a blended rating with at least 60% quantitative weight, compliance veto and a traffic light.',
      zh: '销售岗位平衡计分卡（财务50/客户30/学习与成长20）、响应时效排名、上级/同事/客户360度评估，量化指标不低于60%的综合评分，合规一票否决及红黄绿灯。',
    },
    category: 'scorecard',
    tags: ['scorecard', 'balanced scorecard', '360', 'KPI', 'compliance', '平衡计分卡', '绩效考核', '一票否决'],
  },
  rules: [
    { rule: 'weights.bsc-50-30-20', sheet: 'Inputs', cell: `B${PARAM_ROW.FinancialWeight}` },
    { rule: 'scoring.360-review', sheet: 'Review360', cell: 'G2' },
    { rule: 'scoring.compliance-veto', sheet: 'Summary', cell: 'G2' },
    { rule: 'weights.quantitative-min-60', sheet: 'Inputs', cell: `B${PARAM_ROW.QuantitativeMin}` },
    { rule: 'scoring.response-ranking-20', sheet: 'Inputs', cell: `B${PARAM_ROW.ResponseWeight}` },
    { rule: 'scoring.effective-response-90', sheet: 'Inputs', cell: `B${PARAM_ROW.MinResolution}` },
    { rule: 'scoring.peak-relax-20', sheet: 'Inputs', cell: `B${PARAM_ROW.PeakRelax}` },
  ],
  charts: [
    {
      sheet: 'Summary',
      type: 'column',
      title: 'Rating by person 个人评分',
      categories: `Summary!$A$2:$A$${1 + N}`,
      series: [
        { name: 'Blended score 综合得分', values: `Summary!$E$2:$E$${1 + N}` },
        { name: 'Final rating 最终评分', values: `Summary!$G$2:$G$${1 + N}` },
      ],
      anchor: { from: 'J2', to: 'R20' },
    },
  ],
  build(workbook: ExcelJS.Workbook) {
    instructions(workbook, this.metadata.title, [
      ['What it is for: the quarterly rating of sales staff on a balanced scorecard, a response-time ranking and a 360° review, with a compliance veto.', '用途：销售人员季度考核——平衡计分卡、响应时效排名与360度评估相结合，合规一票否决。'],
      ['Edit the yellow cells. Inputs: perspective weights (financial 50 / customer 30 / learning 20), KPI shares, attainment cap, blend weights, response thresholds, 360° rater weights (E4:F6) and status bands (E10:F12). Scorecard: targets (row 6), directions (row 5: 1 higher is better, −1 lower is better), actuals and the compliance column. Response and Review360: the quarter\'s facts.', '编辑黄色单元格。Inputs：维度权重（财务50/客户30/学习20）、维度内指标占比、达成上限、综合权重、响应时限、360度评价人权重（E4:F6）与状态分档（E10:F12）。Scorecard：目标（第6行）、方向（第5行：1越高越好，−1越低越好）、实际值与合规列。Response、Review360：本季度数据。'],
      ['Scorecard!H9 spills each person\'s score (=PERF.SCORECARD: weighted attainment, each KPI capped at AttainmentCap); I–K show the financial, customer and learning perspective scores.', 'Scorecard!H9 按人溢出得分（=PERF.SCORECARD：加权达成率，单项以 AttainmentCap 封顶）；I–K 列为财务、客户、学习维度得分。'],
      ['Response: a response is effective when the average first contact is within the threshold (2 h, relaxed 20% in peak season) AND the resolution rate is at least 90%. People are ranked by speed; an effective responder scores (n − rank + 1)/n, others 0. The ranking counts 20% of the rating.', 'Response：平均首次响应在时限内（2小时，旺季放宽20%）且解决率≥90% 方为有效响应。按时效排名，有效者得分 (n − 排名 + 1)/n，否则为0；排名占综合评分20%。'],
      ['Review360: one row per rating (manager / peer / customer, 0–100). Review360!G2:G9 blend each person\'s block with =PERF.RATER: group means weighted by the rater weights present. When you add ratings, extend that person\'s block range in column G.', 'Review360：每条评价一行（manager/peer/customer，0–100分）。Review360!G2:G9 用 =PERF.RATER 按评价人权重加权各组平均分（仅计已有的组）。新增评价时请扩展G列对应的区域。'],
      ['Summary: blended score = weighted mean of scorecard points (score × 100), response points and 360° points; quantitative weight must be at least 60% (Inputs check). A compliance breach ("yes") sets the final rating to 0 regardless of score (一票否决). Column H is the traffic light (=PERF.STATUS with the bands on Inputs).', 'Summary：综合得分 = 计分卡得分（×100）、响应得分与360得分的加权平均；量化指标权重须≥60%（见 Inputs 检查）。合规违规（"yes"）则无论得分如何，最终评分为0（一票否决）。H列为红黄绿灯（=PERF.STATUS，分档见 Inputs）。'],
      ['Without the PerfPlan add-in, Excel shows the values computed when the template was built.', '未安装 PerfPlan 加载项时，Excel 显示模板生成时计算的结果。'],
    ]);

    // --- Inputs -----------------------------------------------------------------------
    const inputs = workbook.addWorksheet('Inputs');
    inputs.columns = [{ width: 44 }, { width: 14 }, { width: 64 }, { width: 4 }, { width: 20 }, { width: 14 }];
    inputs.getCell('A1').value = 'Scorecard inputs 考核参数';
    inputs.getCell('A1').font = { bold: true, size: 13 };
    inputs.getRow(3).values = ['Parameter 参数', 'Value 数值', 'Rule 规则说明', '', 'Rater group 评价人', 'Weight 权重'];
    header(inputs.getRow(3));
    PARAMS.forEach((p) => {
      const row = PARAM_ROW[p.name];
      inputs.getCell(row, 1).value = p.label;
      inputs.getCell(row, 3).value = p.note;
      if (p.formula) formula(inputs.getCell(row, 2), p.formula, p.format);
      else inputCell(inputs.getCell(row, 2), p.value!, p.format, p.validation);
      workbook.definedNames.add(`Inputs!$B$${row}`, p.name);
    });
    RATER_WEIGHTS.forEach(([group, weight], i) => {
      inputCell(inputs.getCell(4 + i, 5), group, undefined);
      inputCell(inputs.getCell(4 + i, 6), weight, PERCENT, rate());
    });
    workbook.definedNames.add(`Inputs!$E$4:$F$${3 + RATER_WEIGHTS.length}`, 'RaterWeights');
    inputs.getRow(9).getCell(5).value = 'From (points) 下限分';
    inputs.getRow(9).getCell(6).value = 'Status 状态';
    header(inputs.getRow(9));
    STATUS_BANDS.forEach(([from, label], i) => {
      inputCell(inputs.getCell(10 + i, 5), from, '0', nonNegative);
      inputCell(inputs.getCell(10 + i, 6), label, undefined);
    });
    workbook.definedNames.add(`Inputs!$E$10:$F$${9 + STATUS_BANDS.length}`, 'StatusBands');

    // --- Scorecard --------------------------------------------------------------------
    const sc = workbook.addWorksheet('Scorecard');
    sc.columns = [22, 14, 14, 13, 13, 13, 13, 12, 12, 12, 12, 16].map((width) => ({ width }));
    sc.getCell('A1').value = 'Balanced scorecard — sales role 平衡计分卡（销售岗）';
    sc.getCell('A1').font = { bold: true, size: 13 };
    sc.getRow(2).values = ['Perspective 维度', ...PERSPECTIVES];
    sc.getRow(3).values = ['KPI 指标', ...KPIS];
    header(sc.getRow(2));
    header(sc.getRow(3));
    sc.getCell('A4').value = 'Weight 权重';
    sc.getCell('A5').value = 'Direction 方向';
    sc.getCell('A6').value = 'Target 目标';
    const weightFormulas = [
      'FinancialWeight*SalesShare',
      'FinancialWeight*(1-SalesShare)',
      'CustomerWeight*SatisfactionShare',
      'CustomerWeight*(1-SatisfactionShare)',
      'LearningWeight*TrainingShare',
      'LearningWeight*(1-TrainingShare)',
    ];
    KPIS.forEach((_, j) => {
      formula(sc.getCell(4, 2 + j), weightFormulas[j], PERCENT);
      inputCell(sc.getCell(5, 2 + j), DIRECTIONS[j], '0', { type: 'list', allowBlank: false, formulae: ['"1,-1"'], showErrorMessage: true, error: '1 or -1' });
      inputCell(sc.getCell(6, 2 + j), TARGETS[j], KPI_FORMATS[j], positive);
    });
    sc.getRow(FIRST - 1).values = ['Name 姓名', ...KPIS, 'Score 综合得分', 'Financial 财务', 'Customer 客户', 'Learning 学习', 'Compliance breach 合规违规'];
    header(sc.getRow(FIRST - 1));
    sc.getRow(FIRST - 1).alignment = { wrapText: true, vertical: 'top' };
    PEOPLE.forEach((p, i) => {
      const r = FIRST + i;
      inputCell(sc.getCell(r, 1), p.name, undefined);
      p.actuals.forEach((a, j) => inputCell(sc.getCell(r, 2 + j), a, KPI_FORMATS[j], nonNegative));
      for (let c = 8; c <= 11; c++) sc.getCell(r, c).numFmt = PERCENT;
      inputCell(sc.getCell(r, 12), p.breach, undefined, yesNo);
    });
    const block = (c1: string, c2: string) =>
      `PERF.SCORECARD(${c1}${FIRST}:${c2}${LAST},${c1}6:${c2}6,${c1}4:${c2}4,${c1}5:${c2}5,AttainmentCap)`;
    formula(sc.getCell(FIRST, 8), block('B', 'G'));
    formula(sc.getCell(FIRST, 9), block('B', 'C'));
    formula(sc.getCell(FIRST, 10), block('D', 'E'));
    formula(sc.getCell(FIRST, 11), block('F', 'G'));
    workbook.definedNames.add('Scorecard!$B$6:$G$6', 'KpiTargets');
    workbook.definedNames.add(`Scorecard!$B$${FIRST}:$G$${LAST}`, 'KpiActuals');

    // --- Response ---------------------------------------------------------------------
    const resp = workbook.addWorksheet('Response');
    resp.columns = [22, 16, 14, 12, 12, 10, 14].map((width) => ({ width }));
    resp.getRow(1).values = ['Name 姓名', 'Avg first contact (h) 平均首次响应（小时）', 'Resolution rate 解决率', 'Speed met 时效达标', 'Effective 有效响应', 'Rank 排名', 'Ranking score 排名得分'];
    header(resp.getRow(1));
    resp.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    const times = `$B$2:$B$${1 + N}`;
    PEOPLE.forEach((p, i) => {
      const r = 2 + i;
      formula(resp.getCell(r, 1), `Scorecard!A${FIRST + i}`);
      inputCell(resp.getCell(r, 2), p.responseHours, '0.0', nonNegative);
      inputCell(resp.getCell(r, 3), p.resolution, PERCENT, rate());
      formula(resp.getCell(r, 4), `B${r}<=ResponseThreshold`);
      formula(resp.getCell(r, 5), `AND(D${r},C${r}>=MinResolution)`);
      // 1 = fastest; ties share the better rank.
      formula(resp.getCell(r, 6), `1+COUNTIF(${times},"<"&B${r})`, '0');
      formula(resp.getCell(r, 7), `IF(E${r},(COUNT(${times})-F${r}+1)/COUNT(${times}),0)`, PERCENT);
    });

    // --- Review360 --------------------------------------------------------------------
    const rev = workbook.addWorksheet('Review360');
    rev.columns = [22, 16, 12, 4, 4, 22, 14, 12].map((width) => ({ width }));
    rev.getRow(1).values = ['Person 被评人', 'Rater group 评价人', 'Score 评分', '', '', 'Name 姓名', '360 score 360得分', 'Ratings 评价数'];
    header(rev.getRow(1));
    const groups = `"${RATER_WEIGHTS.map(([g]) => g).join(',')}"`;
    PEOPLE.forEach((p, i) => {
      const { from, to } = REVIEW_BLOCKS[i];
      p.ratings.forEach(([group, score], k) => {
        inputCell(rev.getCell(from + k, 1), p.name, undefined);
        inputCell(rev.getCell(from + k, 2), group, undefined, { type: 'list', allowBlank: false, formulae: [groups], showErrorMessage: true, error: 'manager, peer or customer' });
        inputCell(rev.getCell(from + k, 3), score, '0', { type: 'decimal', operator: 'between', allowBlank: false, formulae: [0, 100], showErrorMessage: true, error: '0–100' });
      });
      formula(rev.getCell(2 + i, 6), `Scorecard!A${FIRST + i}`);
      formula(rev.getCell(2 + i, 7), `PERF.RATER(C${from}:C${to},B${from}:B${to},RaterWeights)`, '0.0');
      formula(rev.getCell(2 + i, 8), `COUNTIF($A$2:$A$${REVIEW_BLOCKS[N - 1].to},F${2 + i})`, '0');
    });

    // --- Summary ----------------------------------------------------------------------
    const summary = workbook.addWorksheet('Summary');
    summary.columns = [40, 14, 14, 14, 14, 16, 14, 12].map((width) => ({ width }));
    summary.getRow(1).values = ['Name 姓名', 'Scorecard pts 计分卡得分', 'Response pts 响应得分', '360° pts 360得分', 'Blended 综合得分', 'Compliance 合规', 'Final rating 最终评分', 'Status 状态'];
    header(summary.getRow(1));
    summary.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    PEOPLE.forEach((_, i) => {
      const r = 2 + i;
      const s = FIRST + i;
      formula(summary.getCell(r, 1), `Scorecard!A${s}`);
      formula(summary.getCell(r, 2), `Scorecard!H${s}*100`, '0.0');
      formula(summary.getCell(r, 3), `Response!G${r}*100`, '0.0');
      formula(summary.getCell(r, 4), `Review360!G${r}`, '0.0');
      formula(summary.getCell(r, 5), `(QuantitativeWeight*B${r}+ResponseWeight*C${r}+ReviewWeight*D${r})/(QuantitativeWeight+ResponseWeight+ReviewWeight)`, '0.0');
      formula(summary.getCell(r, 6), `IF(Scorecard!L${s}="yes","Veto 一票否决","OK 合规")`);
      // 一票否決: a breach zeroes the rating whatever the score.
      formula(summary.getCell(r, 7), `IF(Scorecard!L${s}="yes",0,E${r})`, '0.0');
    });
    formula(summary.getCell(2, 8), `PERF.STATUS(G2:G${1 + N},StatusBands)`);
    const agg: [string, string, string][] = [
      ['Team average final rating 团队平均最终评分', `AVERAGE(G2:G${1 + N})`, '0.0'],
      ['Green 绿灯人数', `COUNTIF(H2:H${1 + N},Inputs!$F$12)`, '0'],
      ['Amber 黄灯人数', `COUNTIF(H2:H${1 + N},Inputs!$F$11)`, '0'],
      ['Red 红灯人数', `COUNTIF(H2:H${1 + N},Inputs!$F$10)`, '0'],
      ['Compliance vetoes 一票否决人数', `COUNTIF(Scorecard!L${FIRST}:L${LAST},"yes")`, '0'],
      ['Effective responders 有效响应人数', `COUNTIF(Response!E2:E${1 + N},TRUE)`, '0'],
      ['Quantitative share of the rating 量化指标占比', 'QuantitativeShare', PERCENT],
      ['Quantitative share check 量化占比检查', 'QuantitativeCheck', '@'],
    ];
    agg.forEach(([label, text, format], i) => {
      summary.getCell(12 + i, 1).value = label;
      formula(summary.getCell(12 + i, 2), text, format);
    });
  },
};
