/**
 * The plan builder (Plan view) in en-US and zh-CN side by side. Finance words follow the
 * glossary (terms.ts): 提成 (commission), 提成比例 (rate), 档 (tier), 起点 (threshold),
 * 超额累进 / 全额累进, 奖金系数, 门槛, 封顶.
 */
import type { Text } from './text';

export const PLAN = {
  title: { 'en-US': 'Plan builder', 'zh-CN': '方案设计' },
  intro: {
    'en-US': 'Build a tiered commission or a payout curve. The preview is computed exactly as PERF.TIERED / PERF.PAYOUT compute it in Excel.',
    'zh-CN': '设计分档提成或奖金曲线。预览的计算方式与 Excel 中的 PERF.TIERED / PERF.PAYOUT 完全相同。',
  },
  modeLabel: { 'en-US': 'Plan type', 'zh-CN': '方案类型' },
  modeTiered: { 'en-US': 'Tiered commission', 'zh-CN': '分档提成' },
  modePayout: { 'en-US': 'Payout curve', 'zh-CN': '奖金曲线' },

  tiersHeading: { 'en-US': 'Tiers', 'zh-CN': '提成档' },
  curveHeading: { 'en-US': 'Payout curve', 'zh-CN': '奖金曲线' },
  tiersHelp: {
    'en-US': 'Thresholds ascend from 0; each rate applies from its threshold up. Type rates as 4% or 0.04, amounts as ¥100,000 or 100000.',
    'zh-CN': '起点从 0 开始递增；每档提成比例从该档起点起适用。提成比例可输入 4% 或 0.04，金额可输入 ¥100,000 或 100000。',
  },
  curveHelp: {
    'en-US': 'Attainment points ascend; the payout factor is interpolated between them (100% = the whole target incentive).',
    'zh-CN': '达成率节点递增；奖金系数在节点之间线性插值（100% 即全额目标奖金）。',
  },
  thresholdLabel: { 'en-US': 'Threshold {row}', 'zh-CN': '起点 {row}' },
  rateLabel: { 'en-US': 'Rate {row}', 'zh-CN': '提成比例 {row}' },
  attainmentPointLabel: { 'en-US': 'Attainment {row}', 'zh-CN': '达成率 {row}' },
  factorLabel: { 'en-US': 'Payout factor {row}', 'zh-CN': '奖金系数 {row}' },
  addRow: { 'en-US': 'Add row', 'zh-CN': '添加一行' },
  removeRow: { 'en-US': 'Remove row {row}', 'zh-CN': '删除第 {row} 行' },
  rowLimit: { 'en-US': 'A plan table has at most {max} rows here.', 'zh-CN': '此处方案表最多 {max} 行。' },

  methodLabel: { 'en-US': 'Method', 'zh-CN': '计算方式' },
  methodMarginal: { 'en-US': 'Marginal: each slice at its tier’s rate', 'zh-CN': '超额累进：每段按所在档的提成比例' },
  methodRetro: { 'en-US': 'Retroactive: the whole amount at the reached rate', 'zh-CN': '全额累进：全部金额按达到档的提成比例' },
  amountLabel: { 'en-US': 'Amount', 'zh-CN': '金额' },
  attainmentLabel: { 'en-US': 'Attainment', 'zh-CN': '达成率' },
  targetIncentiveLabel: { 'en-US': 'Target incentive', 'zh-CN': '目标奖金' },
  gateLabel: { 'en-US': 'Gate (optional)', 'zh-CN': '门槛达成率（可选）' },
  gateHint: { 'en-US': 'Below this attainment the payout is 0.', 'zh-CN': '达成率低于此值时不发奖金。' },
  capLabel: { 'en-US': 'Cap (optional)', 'zh-CN': '封顶系数（可选）' },
  capHint: { 'en-US': 'The highest payout factor paid.', 'zh-CN': '奖金系数的最高值。' },
  invalidTitle: { 'en-US': 'The plan cannot be computed yet', 'zh-CN': '方案暂时无法计算' },
  fieldsInvalid: { 'en-US': 'Fix the fields marked below.', 'zh-CN': '请修正下方标出的字段。' },

  previewHeading: { 'en-US': 'Preview', 'zh-CN': '预览' },
  axisAmount: { 'en-US': 'Amount', 'zh-CN': '金额' },
  axisAttainment: { 'en-US': 'Attainment', 'zh-CN': '达成率' },
  axisCommission: { 'en-US': 'Commission', 'zh-CN': '提成' },
  axisPayout: { 'en-US': 'Payout', 'zh-CN': '奖金' },
  markerGate: { 'en-US': 'Gate', 'zh-CN': '门槛' },
  markerCap: { 'en-US': 'Cap', 'zh-CN': '封顶' },
  chartSummary: {
    'en-US': 'Line chart of {y} against {x} from 0 to {xMax}: {y} is {yStart} at 0 and {yEnd} at {xMax}, at most {yMax}.',
    'zh-CN': '{y}随{x}变化的折线图，{x}从 0 到 {xMax}：{x}为 0 时{y}为 {yStart}，为 {xMax} 时为 {yEnd}，最高 {yMax}。',
  },
  currentValue: { 'en-US': '{what} at {at}: {value}', 'zh-CN': '{at} 时的{what}：{value}' },

  writeHeading: { 'en-US': 'Sheet', 'zh-CN': '工作表' },
  write: { 'en-US': 'Write to sheet', 'zh-CN': '写入工作表' },
  writing: { 'en-US': 'Writing…', 'zh-CN': '正在写入…' },
  written: { 'en-US': 'The plan table and its PERF formula were written to the sheet.', 'zh-CN': '方案表及其 PERF 公式已写入工作表。' },
  writtenAt: {
    'en-US': 'The plan table and its PERF formula were written; the result is in {address}.',
    'zh-CN': '方案表及其 PERF 公式已写入工作表；结果位于 {address}。',
  },
  writeFailed: { 'en-US': 'Could not write to the sheet: {message}', 'zh-CN': '无法写入工作表：{message}' },
  writeNeedsExcel: {
    'en-US': 'Writing to the sheet needs Excel: open PerfPlan from the Excel ribbon. In the browser you can still design the plan here.',
    'zh-CN': '写入工作表需要在 Excel 中进行：请从 Excel 功能区打开 PerfPlan。在浏览器中仍可在此设计方案。',
  },
  writeNeedsValid: { 'en-US': 'Fix the plan first.', 'zh-CN': '请先修正方案。' },
  formulasHint: {
    'en-US': 'In Excel this writes the plan table at the selection and a =PERF.TIERED or =PERF.PAYOUT formula that recalculates when you edit the table.',
    'zh-CN': '在 Excel 中，这会在所选位置写入方案表以及 =PERF.TIERED 或 =PERF.PAYOUT 公式，修改方案表时公式会自动重新计算。',
  },
  'sheet.threshold': { 'en-US': 'Threshold', 'zh-CN': '起点' },
  'sheet.rate': { 'en-US': 'Rate', 'zh-CN': '提成比例' },
  'sheet.amount': { 'en-US': 'Amount', 'zh-CN': '金额' },
  'sheet.commission': { 'en-US': 'Commission', 'zh-CN': '提成' },
  'sheet.attainment': { 'en-US': 'Attainment', 'zh-CN': '达成率' },
  'sheet.factor': { 'en-US': 'Payout factor', 'zh-CN': '奖金系数' },
  'sheet.targetIncentive': { 'en-US': 'Target incentive', 'zh-CN': '目标奖金' },
  'sheet.gate': { 'en-US': 'Gate', 'zh-CN': '门槛达成率' },
  'sheet.cap': { 'en-US': 'Cap', 'zh-CN': '封顶系数' },
  'sheet.payout': { 'en-US': 'Payout', 'zh-CN': '奖金' },
} as const satisfies Record<string, Text>;

export type PlanKey = keyof typeof PLAN;
