/**
 * Balanced scorecard for sales roles (平衡計分卡, seed rules §1): financial 50 / customer 30 /
 * learning & growth 20 with PERF.SCORECARD, a 360° review with PERF.RATER, a response-time
 * ranking, a blended final rating where quantitative KPIs weigh at least 60%, a compliance
 * veto (一票否決) and a PERF.STATUS traffic light.
 */
import type ExcelJS from 'exceljs';
import {
  LABEL, PERCENT, Parameter, ParameterBlock, columnWidths, decimalBetween, defineNames, defineTemplate, formula, headerRow, inputBlock, inputCell, label,
  nonNegative, oneOf, parameterRows, parameterRules, percentBetween, positive, resultColumn, sheetTitle, summaryLines, t, writeParameters,
} from '../kit';

const yesNo = oneOf(['no', 'yes'], 'yes or no');

/** Inputs!B4 downwards: one named row each. */
export const PARAMS: Parameter[] = [
  { name: 'FinancialWeight', label: t('Financial perspective', '财务维度'), value: 0.5, format: PERCENT, validation: percentBetween(), note: t('Balanced scorecard 50 / 30 / 20 (sales, collections).', '平衡计分卡：财务50%（销售额、回款）'), rule: 'weights.bsc-50-30-20' },
  { name: 'CustomerWeight', label: t('Customer perspective', '客户维度'), value: 0.3, format: PERCENT, validation: percentBetween(), note: t('Satisfaction, repurchase.', '客户30%（满意度、复购率）') },
  { name: 'LearningWeight', label: t('Learning & growth perspective', '学习与成长维度'), value: 0.2, format: PERCENT, validation: percentBetween(), note: t('Training hours, certifications.', '学习与成长20%（培训学时、认证）') },
  { name: 'PerspectiveWeightSum', label: t('Perspective weights total', '维度权重合计'), formula: 'FinancialWeight+CustomerWeight+LearningWeight', format: PERCENT, note: t('Should be 100% (scores are normalized either way).', '应为100%') },
  { name: 'SalesShare', label: t('Sales share of financial', '销售额占财务维度'), value: 0.5, format: PERCENT, validation: percentBetween(), note: t('Collections get the rest.', '其余为回款额') },
  { name: 'SatisfactionShare', label: t('Satisfaction share of customer', '满意度占客户维度'), value: 0.5, format: PERCENT, validation: percentBetween(), note: t('Repurchase gets the rest.', '其余为复购率') },
  { name: 'TrainingShare', label: t('Training share of learning', '培训学时占学习维度'), value: 0.5, format: PERCENT, validation: percentBetween(), note: t('Certifications get the rest.', '其余为认证数') },
  { name: 'AttainmentCap', label: t('Attainment cap per KPI', '单项达成上限'), value: 1.2, format: PERCENT, validation: percentBetween(1, 3), note: t('Each KPI counts at most this attainment.', '单项指标达成率封顶') },
  { name: 'QuantitativeWeight', label: t('Scorecard (quantitative) weight', '量化指标权重'), value: 0.6, format: PERCENT, validation: percentBetween(), note: t('Quantitative KPIs weigh at least 60% of the final rating.', '量化指标不低于60%') },
  { name: 'ResponseWeight', label: t('Response ranking weight', '响应排名权重'), value: 0.2, format: PERCENT, validation: percentBetween(), note: t('Weekly response ranking counts 20% of the quarterly review.', '每周响应排名占季度考核20%'), rule: 'scoring.response-ranking-20' },
  { name: 'ReviewWeight', label: t('360° review weight', '360度评估权重'), value: 0.2, format: PERCENT, validation: percentBetween(), note: t('Ability via manager / peers / customers.', '能力维度：上级/同事/客户') },
  { name: 'QuantitativeMin', label: t('Minimum quantitative share', '量化指标最低占比'), value: 0.6, format: PERCENT, validation: percentBetween(), note: t('Policy floor.', '制度下限'), rule: 'weights.quantitative-min-60' },
  { name: 'QuantitativeShare', label: t('Quantitative share (computed)', '量化指标实际占比'), formula: 'QuantitativeWeight/(QuantitativeWeight+ResponseWeight+ReviewWeight)', format: PERCENT, note: '' },
  { name: 'QuantitativeCheck', label: t('Quantitative share check', '量化占比检查'), formula: 'IF(QuantitativeShare>=QuantitativeMin,"OK 合规","Below minimum 低于下限")', note: '' },
  { name: 'ResponseHours', label: t('First-contact target (hours)', '首次响应时限（小时）'), value: 2, format: '0.0', validation: positive, note: t('First customer contact ≤ 2 h.', '首次联系客户≤2小时') },
  { name: 'PeakSeason', label: t('Peak season this quarter?', '本季度是否旺季'), value: 'yes', validation: yesNo, note: t('Q4 includes Double 11.', '第四季度含双十一') },
  { name: 'PeakRelax', label: t('Peak-season relaxation', '旺季放宽比例'), value: 0.2, format: PERCENT, validation: percentBetween(), note: t('Thresholds relax 20% in peak season.', '旺季时限放宽20%'), rule: 'scoring.peak-relax-20' },
  { name: 'ResponseThreshold', label: t('Response threshold used (hours)', '适用时限（小时）'), formula: 'ResponseHours*IF(PeakSeason="yes",1+PeakRelax,1)', format: '0.00', note: '' },
  { name: 'MinResolution', label: t('Minimum resolution rate', '最低解决率'), value: 0.9, format: PERCENT, validation: percentBetween(), note: t('An effective response also needs resolution ≥ 90%.', '有效响应须同时满足解决率≥90%'), rule: 'scoring.effective-response-90' },
];
const INPUTS: ParameterBlock = { sheet: 'Inputs', firstRow: 4, rows: PARAMS };
export const PARAM_ROW = parameterRows(INPUTS);

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

const FINANCIAL = t('Financial', '财务');
const CUSTOMER = t('Customer', '客户');
const LEARNING = t('Learning', '学习与成长');
const KPIS = [t('Sales', '销售额'), t('Collections', '回款额'), t('Satisfaction', '满意度'), t('Repurchase rate', '复购率'), t('Training hours', '培训学时'), t('Certifications', '认证数')];
const PERSPECTIVES = [FINANCIAL, FINANCIAL, CUSTOMER, CUSTOMER, LEARNING, LEARNING];
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

export const balancedScorecard = defineTemplate({
  id: 'balanced-scorecard',
  category: 'scorecard',
  title: t('Balanced scorecard with 360° review', '平衡计分卡与360度评估'),
  description: t(
    'Sales-role balanced scorecard (financial 50 / customer 30 / learning 20), response-time ranking, 360° review by manager, peers and customers, a blended rating with at least 60% quantitative weight, compliance veto and a traffic light.',
    '销售岗位平衡计分卡（财务50/客户30/学习与成长20）、响应时效排名、上级/同事/客户360度评估，量化指标不低于60%的综合评分，合规一票否决及红黄绿灯。',
  ),
  tags: ['scorecard', 'balanced scorecard', '360', 'KPI', 'compliance', '平衡计分卡', '绩效考核', '一票否决'],
  instructions: {
    purpose: t(
      'the quarterly rating of sales staff on a balanced scorecard, a response-time ranking and a 360° review, with a compliance veto.',
      '销售人员季度考核——平衡计分卡、响应时效排名与360度评估相结合，合规一票否决。',
    ),
    steps: [
      t(
        "Edit the yellow cells. Inputs: perspective weights (financial 50 / customer 30 / learning 20), KPI shares, attainment cap, blend weights, response thresholds, 360° rater weights (E4:F6) and status bands (E10:F12). Scorecard: targets (row 6), directions (row 5: 1 higher is better, −1 lower is better), actuals and the compliance column. Response and Review360: the quarter's facts.",
        '编辑黄色单元格。Inputs：维度权重（财务50/客户30/学习20）、维度内指标占比、达成上限、综合权重、响应时限、360度评价人权重（E4:F6）与状态分档（E10:F12）。Scorecard：目标（第6行）、方向（第5行：1越高越好，−1越低越好）、实际值与合规列。Response、Review360：本季度数据。',
      ),
      t(
        "Scorecard!H9 spills each person's score (=PERF.SCORECARD: weighted attainment, each KPI capped at AttainmentCap); I–K show the financial, customer and learning perspective scores.",
        'Scorecard!H9 按人溢出得分（=PERF.SCORECARD：加权达成率，单项以 AttainmentCap 封顶）；I–K 列为财务、客户、学习维度得分。',
      ),
      t(
        'Response: a response is effective when the average first contact is within the threshold (2 h, relaxed 20% in peak season) AND the resolution rate is at least 90%. People are ranked by speed; an effective responder scores (n − rank + 1)/n, others 0. The ranking counts 20% of the rating.',
        'Response：平均首次响应在时限内（2小时，旺季放宽20%）且解决率≥90% 方为有效响应。按时效排名，有效者得分 (n − 排名 + 1)/n，否则为0；排名占综合评分20%。',
      ),
      t(
        "Review360: one row per rating (manager / peer / customer, 0–100). Review360!G2:G9 blend each person's block with =PERF.RATER: group means weighted by the rater weights present. When you add ratings, extend that person's block range in column G.",
        'Review360：每条评价一行（manager/peer/customer，0–100分）。Review360!G2:G9 用 =PERF.RATER 按评价人权重加权各组平均分（仅计已有的组）。新增评价时请扩展G列对应的区域。',
      ),
      t(
        'Summary: blended score = weighted mean of scorecard points (score × 100), response points and 360° points; quantitative weight must be at least 60% (Inputs check). A compliance breach ("yes") sets the final rating to 0 regardless of score (一票否决). Column H is the traffic light (=PERF.STATUS with the bands on Inputs).',
        'Summary：综合得分 = 计分卡得分（×100）、响应得分与360得分的加权平均；量化指标权重须≥60%（见 Inputs 检查）。合规违规（"yes"）则无论得分如何，最终评分为0（一票否决）。H列为红黄绿灯（=PERF.STATUS，分档见 Inputs）。',
      ),
    ],
  },
  rules: [
    ...parameterRules(INPUTS),
    { rule: 'scoring.360-review', sheet: 'Review360', cell: 'G2' },
    { rule: 'scoring.compliance-veto', sheet: 'Summary', cell: 'G2' },
  ],
  charts: [
    {
      sheet: 'Summary', type: 'column', at: 'J2:R20', title: t('Rating by person', '个人评分'),
      categories: `Summary!$A$2:$A$${1 + N}`,
      series: [
        { name: t('Blended score', '综合得分'), values: `Summary!$E$2:$E$${1 + N}` },
        { name: t('Final rating', '最终评分'), values: `Summary!$G$2:$G$${1 + N}` },
      ],
    },
  ],
  sheets: [writeInputs, writeScorecard, writeResponse, writeReview360, writeSummary],
});

function writeInputs(workbook: ExcelJS.Workbook): void {
  const inputs = workbook.addWorksheet('Inputs');
  columnWidths(inputs, [44, 14, 64, 4, 20, 14]);
  sheetTitle(inputs, t('Scorecard inputs', '考核参数'));
  headerRow(inputs, 3, [LABEL.parameter, LABEL.value, t('Rule', '规则说明'), '', t('Rater group', '评价人'), LABEL.weight]);
  writeParameters(workbook, INPUTS);
  inputBlock(inputs, 4, RATER_WEIGHTS, [{ col: 5 }, { col: 6, format: PERCENT, validation: percentBetween() }]);
  headerRow(inputs, 9, [t('From (points)', '下限分'), LABEL.status], { from: 5 });
  inputBlock(inputs, 10, STATUS_BANDS, [{ col: 5, format: '0', validation: nonNegative }, { col: 6 }]);
  defineNames(workbook, { RaterWeights: `Inputs!$E$4:$F$${3 + RATER_WEIGHTS.length}`, StatusBands: `Inputs!$E$10:$F$${9 + STATUS_BANDS.length}` });
}

function writeScorecard(workbook: ExcelJS.Workbook): void {
  const sc = workbook.addWorksheet('Scorecard');
  columnWidths(sc, [22, 14, 14, 13, 13, 13, 13, 12, 12, 12, 12, 16]);
  sheetTitle(sc, t('Balanced scorecard — sales role', '平衡计分卡（销售岗）'));
  headerRow(sc, 2, [t('Perspective', '维度'), ...PERSPECTIVES]);
  headerRow(sc, 3, [t('KPI', '指标'), ...KPIS]);
  label(sc.getCell('A4'), LABEL.weight);
  label(sc.getCell('A5'), LABEL.direction);
  label(sc.getCell('A6'), LABEL.target);
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
    inputCell(sc.getCell(5, 2 + j), DIRECTIONS[j], '0', oneOf([1, -1], '1 or -1'));
    inputCell(sc.getCell(6, 2 + j), TARGETS[j], KPI_FORMATS[j], positive);
  });
  headerRow(sc, FIRST - 1, [LABEL.name, ...KPIS, t('Score', '综合得分'), FINANCIAL, CUSTOMER, t('Learning', '学习'), t('Compliance breach', '合规违规')], { wrap: 'top' });
  inputBlock(
    sc,
    FIRST,
    PEOPLE.map((p) => [p.name, ...p.actuals, p.breach]),
    [{ col: 1 }, ...KPI_FORMATS.map((format, j) => ({ col: 2 + j, format, validation: nonNegative })), { col: 12, validation: yesNo }],
  );
  const block = (c1: string, c2: string) => `PERF.SCORECARD(${c1}${FIRST}:${c2}${LAST},${c1}6:${c2}6,${c1}4:${c2}4,${c1}5:${c2}5,AttainmentCap)`;
  const spills: [number, string, string][] = [[8, 'B', 'G'], [9, 'B', 'C'], [10, 'D', 'E'], [11, 'F', 'G']];
  for (const [col, from, to] of spills) resultColumn(sc, { col, first: FIRST, last: LAST, formula: block(from, to), format: PERCENT });
  defineNames(workbook, { KpiTargets: 'Scorecard!$B$6:$G$6', KpiActuals: `Scorecard!$B$${FIRST}:$G$${LAST}` });
}

function writeResponse(workbook: ExcelJS.Workbook): void {
  const resp = workbook.addWorksheet('Response');
  columnWidths(resp, [22, 16, 14, 12, 12, 10, 14]);
  headerRow(
    resp,
    1,
    [LABEL.name, t('Avg first contact (h)', '平均首次响应（小时）'), t('Resolution rate', '解决率'), t('Speed met', '时效达标'), t('Effective', '有效响应'), t('Rank', '排名'), t('Ranking score', '排名得分')],
    { wrap: 'top' },
  );
  inputBlock(resp, 2, PEOPLE.map((p) => [p.responseHours, p.resolution]), [{ col: 2, format: '0.0', validation: nonNegative }, { col: 3, format: PERCENT, validation: percentBetween() }]);
  const times = `$B$2:$B$${1 + N}`;
  PEOPLE.forEach((_, i) => {
    const r = 2 + i;
    formula(resp.getCell(r, 1), `Scorecard!A${FIRST + i}`);
    formula(resp.getCell(r, 4), `B${r}<=ResponseThreshold`);
    formula(resp.getCell(r, 5), `AND(D${r},C${r}>=MinResolution)`);
    // 1 = fastest; ties share the better rank.
    formula(resp.getCell(r, 6), `1+COUNTIF(${times},"<"&B${r})`, '0');
    formula(resp.getCell(r, 7), `IF(E${r},(COUNT(${times})-F${r}+1)/COUNT(${times}),0)`, PERCENT);
  });
}

function writeReview360(workbook: ExcelJS.Workbook): void {
  const rev = workbook.addWorksheet('Review360');
  columnWidths(rev, [22, 16, 12, 4, 4, 22, 14, 12]);
  headerRow(rev, 1, [t('Person', '被评人'), t('Rater group', '评价人'), t('Score', '评分'), '', '', LABEL.name, t('360 score', '360得分'), t('Ratings', '评价数')]);
  const groups = oneOf(RATER_WEIGHTS.map(([g]) => g), 'manager, peer or customer');
  const score = decimalBetween(0, 100, '0–100');
  inputBlock(rev, 2, PEOPLE.flatMap((p) => p.ratings.map(([group, value]) => [p.name, group, value])), [{ col: 1 }, { col: 2, validation: groups }, { col: 3, format: '0', validation: score }]);
  PEOPLE.forEach((_, i) => {
    const { from, to } = REVIEW_BLOCKS[i];
    formula(rev.getCell(2 + i, 6), `Scorecard!A${FIRST + i}`);
    formula(rev.getCell(2 + i, 7), `PERF.RATER(C${from}:C${to},B${from}:B${to},RaterWeights)`, '0.0');
    formula(rev.getCell(2 + i, 8), `COUNTIF($A$2:$A$${REVIEW_BLOCKS[N - 1].to},F${2 + i})`, '0');
  });
}

function writeSummary(workbook: ExcelJS.Workbook): void {
  const summary = workbook.addWorksheet('Summary');
  columnWidths(summary, [40, 14, 14, 14, 14, 16, 14, 12]);
  headerRow(
    summary,
    1,
    [LABEL.name, t('Scorecard pts', '计分卡得分'), t('Response pts', '响应得分'), t('360° pts', '360得分'), t('Blended', '综合得分'), t('Compliance', '合规'), t('Final rating', '最终评分'), LABEL.status],
    { wrap: 'top' },
  );
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
  summaryLines(summary, 12, [
    { label: t('Team average final rating', '团队平均最终评分'), formula: `AVERAGE(G2:G${1 + N})`, format: '0.0' },
    { label: t('Green', '绿灯人数'), formula: `COUNTIF(H2:H${1 + N},Inputs!$F$12)`, format: '0' },
    { label: t('Amber', '黄灯人数'), formula: `COUNTIF(H2:H${1 + N},Inputs!$F$11)`, format: '0' },
    { label: t('Red', '红灯人数'), formula: `COUNTIF(H2:H${1 + N},Inputs!$F$10)`, format: '0' },
    { label: t('Compliance vetoes', '一票否决人数'), formula: `COUNTIF(Scorecard!L${FIRST}:L${LAST},"yes")`, format: '0' },
    { label: t('Effective responders', '有效响应人数'), formula: `COUNTIF(Response!E2:E${1 + N},TRUE)`, format: '0' },
    { label: t('Quantitative share of the rating', '量化指标占比'), formula: 'QuantitativeShare', format: PERCENT },
    { label: t('Quantitative share check', '量化占比检查'), formula: 'QuantitativeCheck', format: '@' },
  ]);
}
