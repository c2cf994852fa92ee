/**
 * The Weights view (AHP wizard, Entropy / CRITIC panel) in en-US and zh-CN side by side.
 * Judgements are spoken in Saaty's verbal scale (equally, slightly, strongly, very strongly,
 * extremely), never as "3×". Finance words follow the glossary (terms.ts).
 */
import type { Text } from './text';

export const WEIGHTS = {
  title: { 'en-US': 'AHP weights', 'zh-CN': 'AHP 权重' },
  intro: {
    'en-US': 'Compare the criteria two at a time: say which matters more, and how much. The weights update as you go, computed exactly as PERF.AHP computes them in Excel.',
    'zh-CN': '对指标两两比较：选出更重要的一项，再说明重要多少。权重随之更新，计算方式与 Excel 中的 PERF.AHP 完全相同。',
  },

  criteriaHeading: { 'en-US': 'Criteria', 'zh-CN': '指标' },
  criteriaHelp: { 'en-US': 'Name {min} to {max} criteria (KPIs) to weight.', 'zh-CN': '填写 {min} 到 {max} 个需要确定权重的指标（KPI）。' },
  criterionLabel: { 'en-US': 'Criterion {position}', 'zh-CN': '指标 {position}' },
  defaultName1: { 'en-US': 'Sales growth', 'zh-CN': '销售增长' },
  defaultName2: { 'en-US': 'Profit margin', 'zh-CN': '利润率' },
  defaultName3: { 'en-US': 'Customer satisfaction', 'zh-CN': '客户满意度' },
  remove: { 'en-US': 'Remove', 'zh-CN': '删除' },
  removeLabel: { 'en-US': 'Remove {name}', 'zh-CN': '删除{name}' },
  add: { 'en-US': 'Add criterion', 'zh-CN': '添加指标' },
  limitReached: { 'en-US': 'AHP compares at most {max} criteria.', 'zh-CN': 'AHP 最多比较 {max} 个指标。' },
  duplicateNames: {
    'en-US': 'Some criteria have the same name ({names}); give each a distinct name before writing to the sheet.',
    'zh-CN': '有指标重名（{names}）；写入工作表前请为每个指标取不同的名称。',
  },

  judgementsHeading: { 'en-US': 'Which matters more?', 'zh-CN': '哪个更重要？' },
  judgementsHelp: {
    'en-US': 'For each pair, pick the criterion that matters more (or "Equal"), then how much more: slightly, strongly, very strongly or extremely.',
    'zh-CN': '对每一对指标，选出更重要的一项（或“同等重要”），再选择重要的程度：稍微、明显、强烈或极端。',
  },
  pairLabel: { 'en-US': '{a} vs {b}', 'zh-CN': '{a} 与 {b}' },
  equal: { 'en-US': 'Equal', 'zh-CN': '同等重要' },
  intensityLabel: { 'en-US': 'How much more important', 'zh-CN': '重要程度' },
  'level.1': { 'en-US': 'equally important', 'zh-CN': '同等重要' },
  'level.2': { 'en-US': 'between equally and slightly', 'zh-CN': '介于同等与稍微之间' },
  'level.3': { 'en-US': 'slightly more important', 'zh-CN': '稍微重要' },
  'level.4': { 'en-US': 'between slightly and strongly', 'zh-CN': '介于稍微与明显之间' },
  'level.5': { 'en-US': 'strongly more important', 'zh-CN': '明显重要' },
  'level.6': { 'en-US': 'between strongly and very strongly', 'zh-CN': '介于明显与强烈之间' },
  'level.7': { 'en-US': 'very strongly more important', 'zh-CN': '强烈重要' },
  'level.8': { 'en-US': 'between very strongly and extremely', 'zh-CN': '介于强烈与极端之间' },
  'level.9': { 'en-US': 'extremely more important', 'zh-CN': '极端重要' },
  'sentence.equal': { 'en-US': '{a} and {b} are equally important', 'zh-CN': '{a}与{b}同等重要' },
  'sentence.more': { 'en-US': '{more} is {level} than {less}', 'zh-CN': '{more}比{less}{level}' },
  'sentence.between': { 'en-US': '{more} is {level} more important than {less}', 'zh-CN': '{more}比{less}重要的程度{level}' },
  resetJudgements: { 'en-US': 'Reset all to equal', 'zh-CN': '全部重置为同等重要' },
  revisitTag: { 'en-US': 'Revisit this judgement', 'zh-CN': '请重新考虑这一判断' },

  resultsHeading: { 'en-US': 'Weights', 'zh-CN': '权重' },
  criterionColumn: { 'en-US': 'Criterion', 'zh-CN': '指标' },
  weightColumn: { 'en-US': 'Weight', 'zh-CN': '权重' },
  consistent: { 'en-US': 'Your judgements are consistent.', 'zh-CN': '各项判断前后一致。' },
  twoAlwaysConsistent: { 'en-US': 'With two criteria the judgements are always consistent.', 'zh-CN': '只有两个指标时，判断总是一致的。' },
  warningTitle: { 'en-US': 'Some judgements contradict each other', 'zh-CN': '部分判断相互矛盾' },
  warningBody: {
    'en-US': 'Revisit {pair} first: you said {judged}, but your other answers suggest {implied}.',
    'zh-CN': '请先重新考虑“{pair}”：您的判断是{judged}，但其他判断表明{implied}。',
  },
  goToJudgement: { 'en-US': 'Go to this judgement', 'zh-CN': '转到该判断' },
  summary: { 'en-US': 'Weights: {weights}. {verdict}', 'zh-CN': '权重：{weights}。{verdict}' },
  verdictOk: { 'en-US': 'Consistent.', 'zh-CN': '判断一致。' },
  verdictBad: { 'en-US': 'Some judgements contradict each other; revisit {pair}.', 'zh-CN': '部分判断相互矛盾；请重新考虑“{pair}”。' },
  listSeparator: { 'en-US': ', ', 'zh-CN': '，' },
  weightShare: { 'en-US': '{name} {weight}', 'zh-CN': '{name} {weight}' },

  advanced: { 'en-US': 'Advanced: eigenvector, geometric mean, consistency ratio', 'zh-CN': '高级：特征向量法、几何平均法、一致性比率' },
  advancedHelp: {
    'en-US': 'The weights above are the eigenvector weights (what PERF.AHP returns). The geometric mean usually agrees to a point or two; PERF.AHP returns it when its second argument chooses it. A consistency ratio below {threshold} means the judgements hang together.',
    'zh-CN': '上方的权重是特征向量法的结果（即 PERF.AHP 的返回值）。几何平均法的结果通常相差不超过一两个百分点，在 PERF.AHP 的第二个参数中选用即可得到。一致性比率低于 {threshold} 表示各项判断前后一致。',
  },
  eigenColumn: { 'en-US': 'Eigenvector', 'zh-CN': '特征向量法' },
  geomeanColumn: { 'en-US': 'Geometric mean', 'zh-CN': '几何平均法' },
  lambdaMax: { 'en-US': 'Largest eigenvalue λmax', 'zh-CN': '最大特征值 λmax' },
  crLabel: { 'en-US': 'Consistency ratio (CR)', 'zh-CN': '一致性比率（CR）' },

  writeHeading: { 'en-US': 'Sheet', 'zh-CN': '工作表' },
  write: { 'en-US': 'Write to sheet', 'zh-CN': '写入工作表' },
  writing: { 'en-US': 'Writing…', 'zh-CN': '正在写入…' },
  written: { 'en-US': 'The matrix and the PERF.AHP / PERF.AHPCR formulas were written to the sheet.', 'zh-CN': '比较矩阵以及 PERF.AHP / PERF.AHPCR 公式已写入工作表。' },
  writtenAt: {
    'en-US': 'The matrix and the PERF.AHP / PERF.AHPCR formulas were written to the sheet ({address}).',
    'zh-CN': '比较矩阵以及 PERF.AHP / PERF.AHPCR 公式已写入工作表（{address}）。',
  },
  writeFailed: { 'en-US': 'Could not write to the sheet: {message}', 'zh-CN': '无法写入工作表：{message}' },
  writeNeedsExcel: {
    'en-US': 'Writing to the sheet needs Excel: open PerfPlan from the Excel ribbon. In the browser you can still work out the weights here.',
    'zh-CN': '写入工作表需要在 Excel 中进行：请从 Excel 功能区打开 PerfPlan。在浏览器中仍可在此计算权重。',
  },
  writeNeedsNames: { 'en-US': 'Give every criterion a distinct name first.', 'zh-CN': '请先为每个指标取不同的名称。' },
  formulasHint: {
    'en-US': 'In Excel this writes the comparison matrix and =PERF.AHP / =PERF.AHPCR formulas that recalculate when you edit the matrix.',
    'zh-CN': '在 Excel 中，这会写入比较矩阵以及 =PERF.AHP / =PERF.AHPCR 公式，修改矩阵时公式会自动重新计算。',
  },
  computeFailed: { 'en-US': 'The weights could not be computed: {message}', 'zh-CN': '无法计算权重：{message}' },
  'sheet.corner': { 'en-US': 'AHP', 'zh-CN': 'AHP' },
  'sheet.weight': { 'en-US': 'Weight', 'zh-CN': '权重' },
  'sheet.cr': { 'en-US': 'CR', 'zh-CN': 'CR' },

  // ---- Entropy / CRITIC --------------------------------------------------------------------
  'objective.heading': { 'en-US': 'Objective weights (Entropy / CRITIC)', 'zh-CN': '客观权重（熵权法 / CRITIC）' },
  'objective.intro': {
    'en-US': 'Weights from the data itself: one column per criterion, one row per alternative. Computed exactly as PERF.ENTROPY and PERF.CRITIC compute them in Excel.',
    'zh-CN': '根据数据本身确定权重：每列一个指标，每行一个方案。计算方式与 Excel 中的 PERF.ENTROPY 和 PERF.CRITIC 完全相同。',
  },
  'objective.methodLabel': { 'en-US': 'Method', 'zh-CN': '方法' },
  'objective.method.entropy-minmax': { 'en-US': 'Entropy (min-max normalization)', 'zh-CN': '熵权法（极差标准化）' },
  'objective.method.entropy-proportion': { 'en-US': 'Entropy (proportions of column totals)', 'zh-CN': '熵权法（按列合计的比重）' },
  'objective.method.critic': { 'en-US': 'CRITIC', 'zh-CN': 'CRITIC 法' },
  'objective.directionsLabel': { 'en-US': 'Directions (optional)', 'zh-CN': '指标方向（可选）' },
  'objective.directionsHint': {
    'en-US': 'One value per column: 1 = benefit (more is better), -1 = cost. Leave blank for all 1.',
    'zh-CN': '每列一个值：1 = 效益型（越大越好），-1 = 成本型。留空则全部为 1。',
  },
  'objective.pasteLabel': { 'en-US': 'Data', 'zh-CN': '数据' },
  'objective.pasteHint': {
    'en-US': 'Paste rows copied from a sheet (tab-separated) or CSV (comma-separated). A first row of text is used as the criterion names.',
    'zh-CN': '粘贴从工作表复制的行（制表符分隔）或 CSV（逗号分隔）。若第一行为文本，则用作指标名称。',
  },
  'objective.useSelection': { 'en-US': 'Use selected range', 'zh-CN': '使用所选区域' },
  'objective.reading': { 'en-US': 'Reading…', 'zh-CN': '正在读取…' },
  'objective.selectionNeedsExcel': {
    'en-US': 'Reading the selection needs Excel; in the browser, paste the data instead.',
    'zh-CN': '读取所选区域需要在 Excel 中进行；在浏览器中请改为粘贴数据。',
  },
  'objective.readFailed': { 'en-US': 'Could not read the selected range: {message}', 'zh-CN': '无法读取所选区域：{message}' },
  'objective.columnLabel': { 'en-US': 'Column {position}', 'zh-CN': '第 {position} 列' },
  'objective.tableCaption': { 'en-US': 'Weights by {method}', 'zh-CN': '{method}权重' },
  'objective.noData': { 'en-US': 'Paste data or use the selected range to compute weights.', 'zh-CN': '粘贴数据或使用所选区域以计算权重。' },
  'objective.summary': { 'en-US': '{method} weights: {weights}.', 'zh-CN': '{method}权重：{weights}。' },
} as const satisfies Record<string, Text>;

export type WeightsKey = keyof typeof WEIGHTS;
