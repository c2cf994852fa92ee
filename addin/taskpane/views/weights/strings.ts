/**
 * The AHP wizard's text in en-US and zh-CN (Simplified). Phrases with values are functions,
 * so word order can differ between the languages. Everything is rendered as React text
 * (never as HTML), so criterion names typed by the user cannot inject markup.
 */
import type { Locale } from '../../view-contract';

export interface WeightsStrings {
  title: string;
  intro: string;

  criteriaHeading: string;
  criteriaHelp: (min: number, max: number) => string;
  criterionLabel: (position: number) => string;
  /** Name shown for a criterion whose name is blank. */
  blankName: (position: number) => string;
  defaultNames: readonly string[];
  newName: (position: number) => string;
  remove: string;
  removeLabel: (name: string) => string;
  add: string;
  limitReached: (max: number) => string;
  duplicateNames: (names: string) => string;

  judgementsHeading: string;
  judgementsHelp: string;
  pairLabel: (a: string, b: string) => string;
  /** One option of a pair's select: a_ij = value (a = row criterion, b = column criterion). */
  option: (a: string, b: string, value: number) => string;
  resetJudgements: string;
  mostInconsistentTag: string;

  resultsHeading: string;
  criterionColumn: string;
  eigenColumn: string;
  geomeanColumn: string;
  lambdaMax: string;
  crLabel: string;
  crOk: (cr: string, threshold: string) => string;
  crTwo: string;
  crWarningTitle: (cr: string, threshold: string) => string;
  crWarningBody: (a: string, b: string, judged: string, implied: string, suggested: string) => string;
  goToJudgement: string;
  /** The aria-live summary after each change. */
  summary: (weights: string, cr: string, verdict: string) => string;
  verdictOk: string;
  verdictBad: (a: string, b: string) => string;
  listSeparator: string;

  writeHeading: string;
  write: string;
  writing: string;
  written: string;
  writeFailed: (message: string) => string;
  writeNeedsExcel: string;
  writeNeedsNames: string;
  formulasHint: string;
  computeFailed: (message: string) => string;
  /** Labels of the block written to the sheet. */
  sheetLabels: { corner: string; weight: string; cr: string };
  /** The Entropy / CRITIC panel below the wizard. */
  objective: ObjectiveStrings;
}

export interface ObjectiveStrings {
  heading: string;
  intro: string;
  methodLabel: string;
  methodEntropyMinmax: string;
  methodEntropyProportion: string;
  methodCritic: string;
  directionsLabel: string;
  directionsHint: string;
  pasteLabel: string;
  pasteHint: string;
  useSelection: string;
  reading: string;
  selectionNeedsExcel: string;
  readFailed: (message: string) => string;
  /** Label of a column without a header. */
  columnLabel: (position: number) => string;
  criterionColumn: string;
  weightColumn: string;
  tableCaption: (method: string) => string;
  noData: string;
  computeFailed: (message: string) => string;
  summary: (method: string, weights: string) => string;
}

/** Saaty's verbal scale for odd intensities (even ones sit between). */
const VERBAL_EN: Record<number, string> = { 3: 'moderate', 5: 'strong', 7: 'very strong', 9: 'extreme' };
const VERBAL_ZH: Record<number, string> = { 3: '稍微重要', 5: '明显重要', 7: '强烈重要', 9: '极端重要' };

function intensity(value: number): { k: number; rowWins: boolean } {
  return value >= 1 ? { k: Math.round(value), rowWins: true } : { k: Math.round(1 / value), rowWins: false };
}

const enUS: WeightsStrings = {
  title: 'AHP weights',
  intro: 'Compare the criteria two at a time; the weights and the consistency ratio update as you go, computed exactly as PERF.AHP and PERF.AHPCR compute them in Excel.',

  criteriaHeading: 'Criteria',
  criteriaHelp: (min, max) => `Name ${min} to ${max} criteria (KPIs) to weight.`,
  criterionLabel: (position) => `Criterion ${position}`,
  blankName: (position) => `Criterion ${position}`,
  defaultNames: ['Sales growth', 'Profit margin', 'Customer satisfaction'],
  newName: (position) => `Criterion ${position}`,
  remove: 'Remove',
  removeLabel: (name) => `Remove ${name}`,
  add: 'Add criterion',
  limitReached: (max) => `AHP compares at most ${max} criteria.`,
  duplicateNames: (names) => `Some criteria have the same name (${names}); give each a distinct name before writing to the sheet.`,

  judgementsHeading: 'Pairwise judgements',
  judgementsHelp: "For each pair, how much more important is one criterion than the other? Saaty's scale: 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme.",
  pairLabel: (a, b) => `${a} vs ${b}`,
  option: (a, b, value) => {
    const { k, rowWins } = intensity(value);
    if (k === 1) return `${a} and ${b} are equally important (1)`;
    const [more, less] = rowWins ? [a, b] : [b, a];
    const verbal = VERBAL_EN[k];
    return `${more} is ${k}× more important than ${less}${verbal ? ` (${verbal})` : ''}`;
  },
  resetJudgements: 'Reset all to equal',
  mostInconsistentTag: 'Most inconsistent judgement',

  resultsHeading: 'Weights',
  criterionColumn: 'Criterion',
  eigenColumn: 'Eigenvector',
  geomeanColumn: 'Geometric mean',
  lambdaMax: 'λmax',
  crLabel: 'Consistency ratio (CR)',
  crOk: (cr, threshold) => `CR ${cr} is below ${threshold}: the judgements are acceptably consistent.`,
  crTwo: 'With two criteria the judgements are always consistent (CR 0).',
  crWarningTitle: (cr, threshold) => `Inconsistent judgements: CR ${cr} ≥ ${threshold}`,
  crWarningBody: (a, b, judged, implied, suggested) =>
    `The most inconsistent judgement is ${a} vs ${b}: you entered ${judged}, but your other judgements imply about ${implied} (closest on the scale: ${suggested}). Revisit it first.`,
  goToJudgement: 'Go to this judgement',
  summary: (weights, cr, verdict) => `Weights: ${weights}. CR ${cr}, ${verdict}.`,
  verdictOk: 'consistent',
  verdictBad: (a, b) => `inconsistent; most inconsistent judgement: ${a} vs ${b}`,
  listSeparator: ', ',

  writeHeading: 'Sheet',
  write: 'Write to sheet',
  writing: 'Writing…',
  written: 'The matrix and the PERF.AHP / PERF.AHPCR formulas were written to the sheet.',
  writeFailed: (message) => `Could not write to the sheet: ${message}`,
  writeNeedsExcel: 'Writing to the sheet needs Excel: open PerfPlan from the Excel ribbon. In the browser you can still work out the weights here.',
  writeNeedsNames: 'Give every criterion a distinct name first.',
  formulasHint: 'In Excel this writes the comparison matrix and =PERF.AHP / =PERF.AHPCR formulas that recalculate when you edit the matrix.',
  computeFailed: (message) => `The weights could not be computed: ${message}`,
  sheetLabels: { corner: 'AHP', weight: 'Weight', cr: 'CR' },
  objective: {
    heading: 'Objective weights (Entropy / CRITIC)',
    intro: 'Weights from the data itself: one column per criterion, one row per alternative. Computed exactly as PERF.ENTROPY and PERF.CRITIC compute them in Excel.',
    methodLabel: 'Method',
    methodEntropyMinmax: 'Entropy (min-max normalization)',
    methodEntropyProportion: 'Entropy (proportions of column totals)',
    methodCritic: 'CRITIC',
    directionsLabel: 'Directions (optional)',
    directionsHint: 'One value per column: 1 = benefit (more is better), -1 = cost. Leave blank for all 1.',
    pasteLabel: 'Data',
    pasteHint: 'Paste rows copied from a sheet (tab-separated) or CSV (comma-separated). A first row of text is used as the criterion names.',
    useSelection: 'Use selected range',
    reading: 'Reading…',
    selectionNeedsExcel: 'Reading the selection needs Excel; in the browser, paste the data instead.',
    readFailed: (message) => `Could not read the selected range: ${message}`,
    columnLabel: (position) => `Column ${position}`,
    criterionColumn: 'Criterion',
    weightColumn: 'Weight',
    tableCaption: (method) => `Weights by ${method}`,
    noData: 'Paste data or use the selected range to compute weights.',
    computeFailed: (message) => `The weights could not be computed: ${message}`,
    summary: (method, weights) => `${method} weights: ${weights}.`,
  },
};

const zhCN: WeightsStrings = {
  title: 'AHP 权重',
  intro: '对指标两两比较；权重和一致性比率随之更新，计算方式与 Excel 中的 PERF.AHP 和 PERF.AHPCR 完全相同。',

  criteriaHeading: '指标',
  criteriaHelp: (min, max) => `填写 ${min} 到 ${max} 个需要确定权重的指标（KPI）。`,
  criterionLabel: (position) => `指标 ${position}`,
  blankName: (position) => `指标 ${position}`,
  defaultNames: ['销售增长', '利润率', '客户满意度'],
  newName: (position) => `指标 ${position}`,
  remove: '删除',
  removeLabel: (name) => `删除${name}`,
  add: '添加指标',
  limitReached: (max) => `AHP 最多比较 ${max} 个指标。`,
  duplicateNames: (names) => `有指标重名（${names}）；写入工作表前请为每个指标取不同的名称。`,

  judgementsHeading: '两两比较判断',
  judgementsHelp: '对每一对指标，判断一个比另一个重要多少。Saaty 标度：1 同等重要，3 稍微重要，5 明显重要，7 强烈重要，9 极端重要。',
  pairLabel: (a, b) => `${a} 与 ${b}`,
  option: (a, b, value) => {
    const { k, rowWins } = intensity(value);
    if (k === 1) return `${a} 与 ${b} 同等重要（1）`;
    const [more, less] = rowWins ? [a, b] : [b, a];
    const verbal = VERBAL_ZH[k];
    return `${more} 的重要性是 ${less} 的 ${k} 倍${verbal ? `（${verbal}）` : ''}`;
  },
  resetJudgements: '全部重置为同等重要',
  mostInconsistentTag: '最不一致的判断',

  resultsHeading: '权重',
  criterionColumn: '指标',
  eigenColumn: '特征向量法',
  geomeanColumn: '几何平均法',
  lambdaMax: 'λmax',
  crLabel: '一致性比率（CR）',
  crOk: (cr, threshold) => `CR ${cr} 低于 ${threshold}：判断的一致性可以接受。`,
  crTwo: '只有两个指标时，判断总是一致的（CR 为 0）。',
  crWarningTitle: (cr, threshold) => `判断不一致：CR ${cr} ≥ ${threshold}`,
  crWarningBody: (a, b, judged, implied, suggested) =>
    `最不一致的判断是 ${a} 与 ${b}：您填写的是 ${judged}，而其他判断意味着约为 ${implied}（标度上最接近的是 ${suggested}）。请先重新考虑这一项。`,
  goToJudgement: '转到该判断',
  summary: (weights, cr, verdict) => `权重：${weights}。CR ${cr}，${verdict}。`,
  verdictOk: '一致',
  verdictBad: (a, b) => `不一致；最不一致的判断：${a} 与 ${b}`,
  listSeparator: '，',

  writeHeading: '工作表',
  write: '写入工作表',
  writing: '正在写入…',
  written: '比较矩阵以及 PERF.AHP / PERF.AHPCR 公式已写入工作表。',
  writeFailed: (message) => `无法写入工作表：${message}`,
  writeNeedsExcel: '写入工作表需要在 Excel 中进行：请从 Excel 功能区打开 PerfPlan。在浏览器中仍可在此计算权重。',
  writeNeedsNames: '请先为每个指标取不同的名称。',
  formulasHint: '在 Excel 中，这会写入比较矩阵以及 =PERF.AHP / =PERF.AHPCR 公式，修改矩阵时公式会自动重新计算。',
  computeFailed: (message) => `无法计算权重：${message}`,
  sheetLabels: { corner: 'AHP', weight: '权重', cr: 'CR' },
  objective: {
    heading: '客观权重（熵权法 / CRITIC）',
    intro: '根据数据本身确定权重：每列一个指标，每行一个方案。计算方式与 Excel 中的 PERF.ENTROPY 和 PERF.CRITIC 完全相同。',
    methodLabel: '方法',
    methodEntropyMinmax: '熵权法（极差标准化）',
    methodEntropyProportion: '熵权法（按列合计的比重）',
    methodCritic: 'CRITIC 法',
    directionsLabel: '指标方向（可选）',
    directionsHint: '每列一个值：1 = 效益型（越大越好），-1 = 成本型。留空则全部为 1。',
    pasteLabel: '数据',
    pasteHint: '粘贴从工作表复制的行（制表符分隔）或 CSV（逗号分隔）。若第一行为文本，则用作指标名称。',
    useSelection: '使用所选区域',
    reading: '正在读取…',
    selectionNeedsExcel: '读取所选区域需要在 Excel 中进行；在浏览器中请改为粘贴数据。',
    readFailed: (message) => `无法读取所选区域：${message}`,
    columnLabel: (position) => `第 ${position} 列`,
    criterionColumn: '指标',
    weightColumn: '权重',
    tableCaption: (method) => `${method}权重`,
    noData: '粘贴数据或使用所选区域以计算权重。',
    computeFailed: (message) => `无法计算权重：${message}`,
    summary: (method, weights) => `${method}权重：${weights}。`,
  },
};

export const WEIGHTS_STRINGS: Readonly<Record<Locale, WeightsStrings>> = { 'en-US': enUS, 'zh-CN': zhCN };

export function stringsFor(locale: Locale): WeightsStrings {
  return WEIGHTS_STRINGS[locale] ?? enUS;
}
