/**
 * Balanced scorecard for sales roles (平衡计分卡): financial (sales and the collection rate,
 * 回款率) 50 / customer 30 / learning and growth 20 with PERF.SCORECARD over the people table, a
 * response-time ranking, a 360° review by the direct superior and cross-department partners
 * (work rules) and customers (team management methods), a blended rating in which quantitative
 * KPIs weigh at least 60%, and the compliance veto as the work rules state it: a breach of the
 * contract compliance rate (合同规范率) or of customer-information confidentiality (客户信息保密)
 * decides the annual rating and promotion eligibility (一票否决).
 */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../workbook/a1';
import {
  EXAMPLE_SOURCE, LABEL, NO, PERCENT, STATUS, YES, type Parameter, type Text, type Words, decimalBetween, defineNames, defineTemplates, formula, growingRange, growingTables,
  headerRow, inputBlock, inputCell, label, nonNegative, oneOf, parameterRows, parameterRules, peopleTable, percentBetween, positive, ruleSource, type TableLayout, settingsBlock,
  spillColumns, summarySheet, t, tableGrowth, tableLayout, tableSource, titledSheet, trafficLights, warnUnlessOk, writeParameters, writeTable,
} from '../kit';
import { galleryOf } from './gallery-texts';

const yesNo = oneOf([YES, NO], t('yes or no', '是或否'));

/** Inputs!B3 downwards: one named row each; `yes` is the word for yes in formulas ("yes" / "是"). */
export function params(yes: string): Parameter[] {
  return [
  { name: 'FinancialWeight', label: t('Financial perspective', '财务维度'), value: 0.5, format: PERCENT, validation: percentBetween(), note: t('Sales and the collection rate.', '销售额、回款率'), rule: 'weights.bsc-50-30-20' },
  { name: 'CustomerWeight', label: t('Customer perspective', '客户维度'), value: 0.3, format: PERCENT, validation: percentBetween(), note: t('Satisfaction, repurchase.', '满意度、复购率'), rule: 'weights.bsc-50-30-20' },
  { name: 'LearningWeight', label: t('Learning & growth perspective', '学习与成长维度'), value: 0.2, format: PERCENT, validation: percentBetween(), note: t('Training hours, certifications.', '培训学时、认证数'), rule: 'weights.bsc-50-30-20' },
  { name: 'PerspectiveWeightSum', label: t('Perspective weights total', '维度权重合计'), formula: 'FinancialWeight+CustomerWeight+LearningWeight', format: PERCENT, note: t('Should be 100% (scores are normalized either way).', '应为100%（得分按权重归一）') },
  { name: 'SalesShare', label: t('Sales share of financial', '销售额占财务维度'), value: 0.5, format: PERCENT, validation: percentBetween(), note: t('The collection rate gets the rest.', '其余为回款率') },
  { name: 'SatisfactionShare', label: t('Satisfaction share of customer', '满意度占客户维度'), value: 0.5, format: PERCENT, validation: percentBetween(), note: t('Repurchase gets the rest.', '其余为复购率') },
  { name: 'TrainingShare', label: t('Training share of learning', '培训学时占学习维度'), value: 0.5, format: PERCENT, validation: percentBetween(), note: t('Certifications get the rest.', '其余为认证数') },
  { name: 'AttainmentCap', label: t('Attainment cap per KPI', '单项达成率封顶'), value: 1.2, format: PERCENT, validation: percentBetween(1, 3), note: t('Each KPI counts at most this attainment.', '单项指标达成率封顶') },
  { name: 'QuantitativeWeight', label: t('Scorecard (quantitative) weight', '量化指标权重'), value: 0.6, format: PERCENT, validation: percentBetween(), note: t('Share of the final rating.', '占综合评分的比例') },
  { name: 'ResponseWeight', label: t('Response ranking weight', '响应排名权重'), value: 0.2, format: PERCENT, validation: percentBetween(), note: t('Share of the final rating.', '占综合评分的比例'), rule: 'scoring.response-ranking-20' },
  { name: 'ReviewWeight', label: t('360° review weight', '360度评估权重'), value: 0.2, format: PERCENT, validation: percentBetween(), note: t('Share of the final rating.', '占综合评分的比例') },
  { name: 'QuantitativeMin', label: t('Minimum quantitative share', '量化指标最低占比'), value: 0.6, format: PERCENT, validation: percentBetween(), rule: 'weights.quantitative-min-60' },
  { name: 'QuantitativeShare', label: t('Quantitative share (computed)', '量化指标实际占比'), formula: 'QuantitativeWeight/(QuantitativeWeight+ResponseWeight+ReviewWeight)', format: PERCENT },
  { name: 'ResponseHours', label: t('First-contact limit (hours)', '首次响应时限（小时）'), value: 2, format: '0.0', validation: positive, rule: 'scoring.first-contact-2h' },
  { name: 'PeakSeason', label: t('Peak season this quarter?', '本季度是否旺季'), value: YES, validation: yesNo, note: t('Q4 includes Double 11.', '第四季度含双十一') },
  { name: 'PeakRelax', label: t('Peak-season relaxation', '旺季放宽比例'), value: 0.2, format: PERCENT, validation: percentBetween(), rule: 'scoring.peak-relax-20' },
  { name: 'ResponseThreshold', label: t('Response limit used (hours)', '适用时限（小时）'), formula: `ResponseHours*IF(PeakSeason=${yes},1+PeakRelax,1)`, format: '0.00' },
  { name: 'MinResolution', label: t('Minimum resolution rate', '最低解决率'), value: 0.9, format: PERCENT, validation: percentBetween(), rule: 'scoring.effective-response-90' },
  { name: 'ContractComplianceMin', label: t('Contract compliance rate required', '合同规范率要求'), value: 1, format: PERCENT, validation: percentBetween(), note: t('Below it: veto.', '低于要求即一票否决'), rule: 'scoring.compliance-veto' },
  { name: 'PromotionMinPoints', label: t('Promotion needs a final rating of at least', '晋升所需最终评分'), value: 80, format: '0', validation: decimalBetween(0, 100, '0–100'), note: t('And no veto.', '且无一票否决') },
  ];
}
/** The parameters, as the English workbook writes them. */
export const PARAMS = params('"yes"');

/** Rater groups and weights (Inputs!G4:I6): who rates is the plan's; the weights are examples. */
export const RATER_GROUPS: [Text, number, 'scoring.360-raters' | 'scoring.360-customers'][] = [
  [t('direct superior', '直属上级'), 0.5, 'scoring.360-raters'],
  [t('cross-department partner', '跨部门合作方'), 0.3, 'scoring.360-raters'],
  [t('customer', '客户'), 0.2, 'scoring.360-customers'],
];
/** Annual rating from final points (lowest first): the veto gives the first. */
export const RATING_BANDS: [number, Text][] = [
  [0, t('D needs improvement', 'D 待改进')],
  [60, t('C meets', 'C 合格')],
  [75, t('B good', 'B 良好')],
  [90, t('A excellent', 'A 优秀')],
];
/** Traffic light from final points (lowest first). */
export const STATUS_BANDS: [number, Text][] = [
  [0, STATUS.red],
  [75, STATUS.amber],
  [90, STATUS.green],
];

const KPIS = {
  sales: { name: t('Sales', '销售额'), target: 1_200_000, format: '"¥"#,##0' },
  collection: { name: t('Collection rate', '回款率'), target: 0.95, format: PERCENT },
  satisfaction: { name: t('Satisfaction', '满意度'), target: 90, format: '0' },
  repurchase: { name: t('Repurchase rate', '复购率'), target: 0.35, format: PERCENT },
  training: { name: t('Training hours', '培训学时'), target: 40, format: '0' },
  certifications: { name: t('Certifications', '认证数'), target: 2, format: '0' },
} as const;
type Kpi = keyof typeof KPIS;
export const KPI_KEYS = Object.keys(KPIS) as Kpi[];
export const TARGETS = KPI_KEYS.map((k) => KPIS[k].target);
export const DIRECTIONS = KPI_KEYS.map(() => 1);
const PERSPECTIVES: [Text, Kpi, Kpi][] = [
  [t('Financial', '财务'), 'sales', 'collection'],
  [t('Customer', '客户'), 'satisfaction', 'repurchase'],
  [t('Learning', '学习与成长'), 'training', 'certifications'],
];

export interface Person {
  name: Text;
  /** Sales, collection rate, satisfaction, repurchase rate, training hours, certifications. */
  actuals: number[];
  responseHours: number;
  resolution: number;
  contractCompliance: number;
  confidentialityBreach: boolean;
}

export const PEOPLE: Person[] = [
  { name: t('Chen Jing', '陈静'), actuals: [1_380_000, 0.96, 93, 0.38, 44, 2], responseHours: 1.6, resolution: 0.94, contractCompliance: 1, confidentialityBreach: false },
  { name: t('Li Wei', '李伟'), actuals: [1_050_000, 0.93, 86, 0.31, 36, 1], responseHours: 2.3, resolution: 0.91, contractCompliance: 1, confidentialityBreach: false },
  { name: t('Wang Fang', '王芳'), actuals: [1_260_000, 0.94, 95, 0.42, 52, 3], responseHours: 1.2, resolution: 0.96, contractCompliance: 1, confidentialityBreach: false },
  { name: t('Zhang Min', '张敏'), actuals: [1_520_000, 0.86, 88, 0.36, 30, 2], responseHours: 2.6, resolution: 0.93, contractCompliance: 1, confidentialityBreach: false },
  // Contract compliance below the requirement: the veto decides the rating.
  { name: t('Liu Yang', '刘洋'), actuals: [890_000, 0.85, 82, 0.28, 24, 1], responseHours: 3.1, resolution: 0.85, contractCompliance: 0.97, confidentialityBreach: false },
  { name: t('Zhao Lei', '赵磊'), actuals: [1_190_000, 0.97, 91, 0.33, 40, 2], responseHours: 1.9, resolution: 0.88, contractCompliance: 1, confidentialityBreach: false },
  { name: t('Sun Li', '孙丽'), actuals: [1_310_000, 0.93, 97, 0.4, 48, 4], responseHours: 0.9, resolution: 0.97, contractCompliance: 1, confidentialityBreach: false },
  // The top seller shared a customer list: customer-information confidentiality breached.
  { name: t('Zhou Tao', '周涛'), actuals: [1_640_000, 0.96, 90, 0.37, 42, 2], responseHours: 1.4, resolution: 0.92, contractCompliance: 1, confidentialityBreach: true },
];

/** 360° ratings: [person (index into PEOPLE), rater group (index into RATER_GROUPS), score 0–100]. */
export const RATINGS: [number, number, number][] = [
  [0, 0, 88], [0, 1, 84], [0, 1, 90], [0, 2, 92],
  [1, 0, 75], [1, 1, 80], [1, 2, 78],
  [2, 0, 92], [2, 1, 89], [2, 1, 91], [2, 2, 95],
  [3, 0, 80], [3, 1, 72], [3, 1, 76], [3, 2, 85],
  [4, 0, 68], [4, 1, 74], [4, 2, 70],
  [5, 0, 85], [5, 1, 82], [5, 1, 80],
  [6, 0, 94], [6, 1, 90], [6, 2, 96],
  [7, 0, 86], [7, 1, 83], [7, 1, 85], [7, 2, 88],
];

type PersonColumn = 'name' | Kpi | 'hours' | 'resolution' | 'compliance' | 'breach' | 'effective' | 'rank' | 'responsePoints' | 'reviewPoints' | 'veto';
type RatingColumn = 'person' | 'group' | 'score' | 'weight' | 'count' | 'weighted' | 'share' | 'check';

const SHEETS = { inputs: t('Inputs', '参数'), scorecard: t('Scorecard', '计分卡'), review: t('Review360', '360评估'), summary: t('Summary', '汇总') };
/** KPI reference rows above the people table: weight, direction, target. */
export const KPI_ROWS = { weight: 5, direction: 6, target: 7 };

function layout(w: Words) {
  const sheet = w.sayEach(SHEETS);
  const yes = `"${w.say(YES)}"`;
  const people: TableLayout<PersonColumn> = peopleTable<PersonColumn>(
    {
      sheet: sheet.scorecard,
      at: 'A9',
      rows: PEOPLE.length,
      columns: [
        ...KPI_KEYS.map((k) => ({ key: k, name: KPIS[k].name, format: KPIS[k].format, validation: nonNegative })),
        { key: 'hours', name: t('Avg first contact (h)', '平均首次响应（小时）'), format: '0.0', validation: nonNegative },
        { key: 'resolution', name: t('Resolution rate', '解决率'), format: PERCENT, validation: percentBetween() },
        { key: 'compliance', name: t('Contract compliance rate', '合同规范率'), format: PERCENT, validation: percentBetween() },
        { key: 'breach', name: t('Confidentiality breach', '客户信息泄密'), validation: yesNo },
        { key: 'effective', name: t('Effective response', '有效响应'), format: '0', calculated: (p) => `(${p.row('hours')}<=ResponseThreshold)*(${p.row('resolution')}>=MinResolution)` },
        { key: 'rank', name: t('Response rank', '响应排名'), format: '0', calculated: (p) => `1+COUNTIF(${p.col('hours')},"<"&${p.row('hours')})` },
        // An effective responder scores (n − rank + 1)/n of 100 points; others 0.
        { key: 'responsePoints', name: t('Response points', '响应得分'), format: '0.0', calculated: (p) => `IF(${p.row('effective')}=1,(COUNT(${p.col('hours')})-${p.row('rank')}+1)/COUNT(${p.col('hours')})*100,0)` },
        {
          key: 'reviewPoints',
          name: t('360° points', '360得分'),
          format: '0.0',
          // Group means weighted by the groups present: each rating carries weight/count of its group (Ratings' calculated columns).
          calculated: (p) => `IFERROR(SUMIFS(${ratings.col('weighted')},${ratings.col('person')},${p.row('name')})/SUMIFS(${ratings.col('share')},${ratings.col('person')},${p.row('name')}),0)`,
        },
        { key: 'veto', name: t('Veto', '一票否决'), calculated: (p) => `IF(OR(${p.row('compliance')}<ContractComplianceMin,${p.row('breach')}=${yes}),${yes},"${w.say(NO)}")` },
      ],
    },
    w.locale,
  );
  const ratings: TableLayout<RatingColumn> = tableLayout<RatingColumn>(
    {
      name: t('Ratings', '评价'),
      sheet: sheet.review,
      at: 'A4',
      rows: RATINGS.length,
      columns: [
        { key: 'person', name: t('Person', '被评人') },
        { key: 'group', name: t('Rater group', '评价人'), validation: oneOf(RATER_GROUPS.map(([group]) => group), t('A rater group from Inputs', '须为参数表中的评价人')) },
        { key: 'score', name: t('Score', '评分'), format: '0', validation: decimalBetween(0, 100, '0–100') },
        { key: 'weight', name: LABEL.weight, format: PERCENT, calculated: (r) => `IFERROR(INDEX(RaterWeights,MATCH(${r.row('group')},RaterGroups,0)),0)` },
        { key: 'count', name: t('Ratings in group', '同组评价数'), format: '0', calculated: (r) => `COUNTIFS(${r.col('person')},${r.row('person')},${r.col('group')},${r.row('group')})` },
        { key: 'weighted', name: t('Weighted', '加权分'), format: '0.00', calculated: (r) => `${r.row('weight')}*${r.row('score')}/${r.row('count')}` },
        { key: 'share', name: t('Weight share', '权重份额'), format: '0.000', calculated: (r) => `${r.row('weight')}/${r.row('count')}` },
        { key: 'check', name: t('Check', '检查'), calculated: (r) => `IF(COUNTIF(${people.col('name')},${r.row('person')})=0,"${w.say(t('unknown person', '无此人'))}",IF(${r.row('weight')}=0,"${w.say(t('unknown group', '无此评价人'))}","OK"))` },
      ],
    },
    w.locale,
  );
  const first = people.next;
  const col = { score: first, financial: first + 1, customer: first + 2, learning: first + 3, blended: first + 4, final: first + 5, status: first + 6, rating: first + 7, promotion: first + 8 };
  const spill = (c: number) => people.spill(c);
  const inputs = settingsBlock(sheet.inputs, 3, params(yes));
  return { ...w, sheet, people, ratings, col, spill, inputs, yes, raters: { first: 4, last: 3 + RATER_GROUPS.length }, bands: { first: 10, rating: 10, status: 16 } };
}
type Layout = ReturnType<typeof layout>;
export const PARAM_ROW = parameterRows({ sheet: '', firstRow: 3, rows: PARAMS });

function writeInputs(workbook: ExcelJS.Workbook, L: Layout): void {
  const inputs = titledSheet(workbook, L.sheet.inputs, [40, 12, 30, 40, 3, 26, 12, 50], t('Scorecard inputs', '考核参数'));
  headerRow(inputs, 2, [LABEL.parameter, LABEL.value, t('Note', '说明'), t('Source', '来源')]);
  writeParameters(workbook, L.inputs);
  headerRow(inputs, L.raters.first - 1, [t('Rater group', '评价人'), LABEL.weight, t('Source', '来源')], { from: 6 });
  RATER_GROUPS.forEach(([group, weight, rule], i) => {
    const r = L.raters.first + i;
    inputCell(inputs.getCell(r, 6), L.say(group));
    inputCell(inputs.getCell(r, 7), weight, PERCENT, percentBetween());
    label(inputs.getCell(r, 8), t(`${ruleSource(rule)['en-US']}; weight: ${EXAMPLE_SOURCE['en-US']}`, `${ruleSource(rule)['zh-CN']}；权重：${EXAMPLE_SOURCE['zh-CN']}`));
  });
  headerRow(inputs, L.bands.rating - 1, [t('From (points)', '起点（分）'), t('Annual rating', '年度评级')], { from: 6 });
  inputBlock(inputs, L.bands.rating, RATING_BANDS.map(([from, text]) => [from, L.say(text)]), [{ col: 6, format: '0', validation: nonNegative }, { col: 7 }]);
  headerRow(inputs, L.bands.status - 1, [t('From (points)', '起点（分）'), LABEL.status], { from: 6 });
  inputBlock(inputs, L.bands.status, STATUS_BANDS.map(([from, text]) => [from, L.say(text)]), [{ col: 6, format: '0', validation: nonNegative }, { col: 7 }]);
  trafficLights(inputs, `G${L.bands.status}:G${L.bands.status + STATUS_BANDS.length - 1}`);
  label(inputs.getCell(L.bands.rating - 2, 6), EXAMPLE_SOURCE);
  const abs = (c: string, a: number, b: number) => `${L.sheet.inputs}!$${c}$${a}:$${c}$${b}`;
  defineNames(workbook, {
    RaterGroups: abs('F', L.raters.first, L.raters.last),
    RaterWeights: abs('G', L.raters.first, L.raters.last),
    RatingBands: `${L.sheet.inputs}!$F$${L.bands.rating}:$G$${L.bands.rating + RATING_BANDS.length - 1}`,
    StatusBands: `${L.sheet.inputs}!$F$${L.bands.status}:$G$${L.bands.status + STATUS_BANDS.length - 1}`,
  });
}

function writeScorecard(workbook: ExcelJS.Workbook, L: Layout): void {
  const sc = titledSheet(workbook, L.sheet.scorecard, [16, ...new Array<number>(L.people.right - 1).fill(13), ...new Array<number>(9).fill(13)], t('Balanced scorecard — sales role', '平衡计分卡（销售岗）'));
  const { people } = L;
  headerRow(sc, 3, [t('Perspective', '维度'), ...PERSPECTIVES.flatMap(([name]) => [name, name])]);
  label(sc.getCell(4, 1), t('Weight, direction and target per KPI:', '各指标权重、方向与目标：'));
  label(sc.getCell(KPI_ROWS.weight, 1), LABEL.weight);
  label(sc.getCell(KPI_ROWS.direction, 1), LABEL.direction);
  label(sc.getCell(KPI_ROWS.target, 1), LABEL.target);
  const weightFormulas: Record<Kpi, string> = {
    sales: 'FinancialWeight*SalesShare',
    collection: 'FinancialWeight*(1-SalesShare)',
    satisfaction: 'CustomerWeight*SatisfactionShare',
    repurchase: 'CustomerWeight*(1-SatisfactionShare)',
    training: 'LearningWeight*TrainingShare',
    certifications: 'LearningWeight*(1-TrainingShare)',
  };
  for (const k of KPI_KEYS) {
    const c = people.column(k);
    formula(sc.getCell(KPI_ROWS.weight, c), weightFormulas[k], PERCENT);
    inputCell(sc.getCell(KPI_ROWS.direction, c), 1, '0', oneOf([1, -1], t('1 higher is better, -1 lower is better', '1 越高越好，-1 越低越好')));
    inputCell(sc.getCell(KPI_ROWS.target, c), KPIS[k].target, KPIS[k].format, positive);
  }
  label(sc.getCell(KPI_ROWS.target, people.column('hours')), t('Targets: example — replace with yours', '目标：示例——请替换为贵司数据'));
  writeTable(
    workbook,
    people,
    PEOPLE.map((p) => ({
      name: L.say(p.name),
      ...Object.fromEntries(KPI_KEYS.map((k, j) => [k, p.actuals[j]])),
      hours: p.responseHours,
      resolution: p.resolution,
      compliance: p.contractCompliance,
      breach: L.say(p.confidentialityBreach ? YES : NO),
    })),
  );
  tableSource(workbook, people, EXAMPLE_SOURCE);
  const first = columnLetters(people.column('sales'));
  const last = columnLetters(people.column('certifications'));
  const block = (a: Kpi, b: Kpi) => {
    const [ca, cb] = [columnLetters(people.column(a)), columnLetters(people.column(b))];
    return `PERF.SCORECARD(${people.span(a, b)},${ca}${KPI_ROWS.target}:${cb}${KPI_ROWS.target},${ca}${KPI_ROWS.weight}:${cb}${KPI_ROWS.weight},${ca}${KPI_ROWS.direction}:${cb}${KPI_ROWS.direction},AttainmentCap)`;
  };
  const { col } = L;
  const veto = `${people.col('veto')}=${L.yes}`;
  spillColumns(workbook, people, [
    { col: col.score, header: t('Score', '计分卡得分'), formula: block('sales', 'certifications'), format: PERCENT },
    ...PERSPECTIVES.map(([name, a, b], i) => ({ col: col.financial + i, header: name, formula: block(a, b), format: PERCENT })),
    {
      col: col.blended,
      header: t('Blended points', '综合得分'),
      formula: `(QuantitativeWeight*${L.spill(col.score)}*100+ResponseWeight*${people.col('responsePoints')}+ReviewWeight*${people.col('reviewPoints')})/(QuantitativeWeight+ResponseWeight+ReviewWeight)`,
      format: '0.0',
    },
    // 一票否决: a compliance breach sets the final rating to 0, whatever the score.
    { col: col.final, header: t('Final points', '最终评分'), formula: `IF(${veto},0,${L.spill(col.blended)})`, format: '0.0' },
    { col: col.status, header: LABEL.status, formula: `PERF.STATUS(${L.spill(col.final)},StatusBands)` },
    { col: col.rating, header: t('Annual rating', '年度评级'), formula: `IF(${veto},INDEX(RatingBands,1,2),PERF.STATUS(${L.spill(col.final)},RatingBands))` },
    { col: col.promotion, header: t('Promotion eligible', '晋升资格'), formula: `IF((${people.col('veto')}="${L.say(NO)}")*(${L.spill(col.final)}>=PromotionMinPoints),${L.yes},"${L.say(NO)}")` },
  ]);
  trafficLights(sc, growingRange(people, col.status));
  defineNames(workbook, {
    KpiTargets: `${L.sheet.scorecard}!$${first}$${KPI_ROWS.target}:$${last}$${KPI_ROWS.target}`,
    KpiWeights: `${L.sheet.scorecard}!$${first}$${KPI_ROWS.weight}:$${last}$${KPI_ROWS.weight}`,
  });
}

function writeReview(workbook: ExcelJS.Workbook, L: Layout): void {
  const rev = titledSheet(workbook, L.sheet.review, [16, 22, 10, 10, 14, 12, 12, 16], t('360° review: one row per rating', '360度评估：每条评价一行'));
  label(rev.getCell('A2'), t('Each person\'s 360° points = the mean score of each rater group present, weighted by the group weights (Inputs).', '每人的360得分 = 各评价人组平均分按组权重（参数表）加权，只计已有评价的组。'));
  writeTable(
    workbook,
    L.ratings,
    RATINGS.map(([person, group, score]) => ({ person: L.say(PEOPLE[person].name), group: L.say(RATER_GROUPS[group][0]), score })),
  );
  tableSource(workbook, L.ratings, EXAMPLE_SOURCE);
  warnUnlessOk(rev, growingRange(L.ratings, L.ratings.column('check')));
}

function writeSummary(workbook: ExcelJS.Workbook, L: Layout): void {
  const final = L.spill(L.col.final);
  const ratingCount = (i: number) => `COUNTIF(${L.spill(L.col.rating)},INDEX(RatingBands,${i + 1},2))`;
  const summary = summarySheet(workbook, L.sheet.summary, [44, 16, 14], t('Team summary', '团队汇总'), [
    { label: t('Team average final rating', '团队平均最终评分'), formula: `AVERAGE(${final})`, format: '0.0' },
    ...RATING_BANDS.map((band, i) => ({ label: t(`Rated ${band[1]['en-US']}`, `评级 ${band[1]['zh-CN']}`), formula: ratingCount(i), format: '0' })).reverse(),
    { label: t('Compliance vetoes', '一票否决人数'), formula: `COUNTIF(${L.people.col('veto')},${L.yes})`, format: '0' },
    { label: t('Eligible for promotion', '具备晋升资格人数'), formula: `COUNTIF(${L.spill(L.col.promotion)},${L.yes})`, format: '0' },
    { label: t('Effective responders', '有效响应人数'), formula: `SUM(${L.people.col('effective')})`, format: '0' },
    { label: t('Quantitative share of the rating', '量化指标占比'), formula: 'QuantitativeShare', format: PERCENT, reference: 'QuantitativeMin', check: `IF(B11>=C11,"OK","${L.say(t('below the minimum', '低于下限'))}")` },
  ]);
  warnUnlessOk(summary, 'D11');
}

const family = defineTemplates({
  ...galleryOf('balanced-scorecard'),
  layout,
  steps: (L) => [
    t(
      `Edit the yellow cells. ${L.sheet.inputs}: perspective weights, KPI shares, attainment cap, blend weights, response limits, the contract compliance rate required, rater groups and weights, rating and status bands. ${L.sheet.scorecard}: targets (row ${KPI_ROWS.target}) and directions (row ${KPI_ROWS.direction}), then one row per person in the table ${L.people.name}. ${L.sheet.review}: one row per rating in the table ${L.ratings.name}.`,
      `编辑黄色单元格。${L.sheet.inputs}：维度权重、维度内指标占比、达成率封顶、综合权重、响应时限、合同规范率要求、评价人及权重、评级与状态分档。${L.sheet.scorecard}：目标（第${KPI_ROWS.target}行）与方向（第${KPI_ROWS.direction}行），表格“${L.people.name}”中每人一行。${L.sheet.review}：表格“${L.ratings.name}”中每条评价一行。`,
    ),
    t(
      'Score (=PERF.SCORECARD over the KPI columns of the table): weighted attainment, each KPI capped; the financial perspective is sales and the collection rate, then the customer and learning perspectives.',
      '计分卡得分（=PERF.SCORECARD，读取表格中的指标列）：加权达成率，单项封顶；财务维度为销售额与回款率，其后为客户与学习维度。',
    ),
    t(
      'Response: effective when the average first contact is within the limit (2 h, relaxed 20% in peak season) and the resolution rate is at least 90%. People are ranked by speed; an effective responder scores (n − rank + 1)/n of 100 points, others 0.',
      '响应：平均首次响应在时限内（2小时，旺季放宽20%）且解决率不低于90%为有效响应。按时效排名，有效者得 (n − 排名 + 1)/n × 100 分，否则为0。',
    ),
    t(
      '360° review: the direct superior and cross-department partners rate (marketing work rules), and customers (team management methods). Each person\'s 360° points are the group means weighted by the groups present; a rating for an unknown person or group is flagged and not counted.',
      '360度评估：直属上级与跨部门合作方评价（营销工作办法），客户也参与评价（营销团队管理方法）。每人的360得分为已有评价各组平均分按组权重加权；被评人或评价人不存在的评价会被标出且不计入。',
    ),
    t(
      'Final rating: blended points = quantitative 60% × scorecard points, response 20%, 360° 20% (quantitative at least 60%). Compliance veto: a contract compliance rate below the requirement or a customer-information confidentiality breach sets the final points to 0, the annual rating to the lowest band and promotion eligibility to no.',
      '最终评分：综合得分 = 量化60% × 计分卡得分、响应20%、360度20%（量化指标不低于60%）。合规一票否决：合同规范率低于要求或客户信息泄密，则最终评分为0、年度评级为最低档、不具备晋升资格。',
    ),
    growingTables([L.people.name, L.ratings.name]),
  ],
  rules: (L) => [
    ...parameterRules(L.inputs),
    { rule: 'scoring.360-raters', sheet: L.sheet.inputs, cell: `F${L.raters.first}` },
    { rule: 'scoring.360-customers', sheet: L.sheet.inputs, cell: `F${L.raters.first + 2}` },
  ],
  charts: (L) => [
    {
      sheet: L.sheet.summary,
      type: 'column',
      at: 'E3:M20',
      title: t('Final rating by person', '个人最终评分'),
      categories: L.people.range('name'),
      series: [{ name: t('Final points', '最终评分'), values: `${L.sheet.scorecard}!$${columnLetters(L.col.final)}$${L.people.firstRow}:$${columnLetters(L.col.final)}$${L.people.lastRow}` }],
    },
  ],
  sheets: [writeInputs, writeScorecard, writeReview, writeSummary],
  growth: (L) => [
    tableGrowth(L.people, {
      name: L.say(t('Xu Lin', '许琳')),
      ...Object.fromEntries(KPI_KEYS.map((k) => [k, KPIS[k].target])),
      hours: 1.5,
      resolution: 0.95,
      compliance: 1,
      breach: L.say(NO),
    }, [`${L.sheet.summary}!B3`, `${L.sheet.summary}!B10`]),
    tableGrowth(L.ratings, { person: L.say(PEOPLE[1].name), group: L.say(RATER_GROUPS[1][0]), score: 98 }, [`${L.sheet.scorecard}!${columnLetters(L.people.column('reviewPoints'))}${L.people.firstRow + 1}`, `${L.sheet.summary}!B3`]),
  ],
});

export const balancedScorecard = family['en-US'];
export const balancedScorecardZh = family['zh-CN'];
