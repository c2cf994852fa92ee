/**
 * The plan builder's text in en-US and zh-CN (Simplified). Phrases with values are functions,
 * so word order can differ between the languages. Rendered as React text, never as HTML.
 */
import type { PlanLabels } from '../../../office/write-plan';
import type { Locale } from '../../view-contract';

export interface PlanStrings {
  title: string;
  intro: string;

  modeLabel: string;
  modeTiered: string;
  modePayout: string;

  tiersHeading: string;
  curveHeading: string;
  tiersHelp: string;
  curveHelp: string;
  thresholdLabel: (row: number) => string;
  rateLabel: (row: number) => string;
  attainmentPointLabel: (row: number) => string;
  factorLabel: (row: number) => string;
  addRow: string;
  removeRow: (row: number) => string;
  rowLimit: (max: number) => string;

  methodLabel: string;
  methodMarginal: string;
  methodRetro: string;
  amountLabel: string;
  attainmentLabel: string;
  targetIncentiveLabel: string;
  gateLabel: string;
  gateHint: string;
  capLabel: string;
  capHint: string;

  invalidTitle: string;

  previewHeading: string;
  axisAmount: string;
  axisAttainment: string;
  axisCommission: string;
  axisPayout: string;
  chartSummary: (yAxis: string, xAxis: string, xMax: string, yStart: string, yEnd: string, yMax: string) => string;
  currentValue: (what: string, at: string, value: string) => string;

  writeHeading: string;
  write: string;
  writing: string;
  written: (address?: string) => string;
  writeFailed: (message: string) => string;
  writeNeedsExcel: string;
  writeNeedsValid: string;
  formulasHint: string;
  sheetLabels: PlanLabels;
}

const enUS: PlanStrings = {
  title: 'Plan builder',
  intro: 'Build a tiered commission or a payout curve. The preview is computed exactly as PERF.TIERED / PERF.PAYOUT compute it in Excel.',

  modeLabel: 'Plan type',
  modeTiered: 'Tiered commission',
  modePayout: 'Payout curve',

  tiersHeading: 'Tiers',
  curveHeading: 'Payout curve',
  tiersHelp: 'Thresholds ascend from 0; each rate applies from its threshold up (0.04 = 4%).',
  curveHelp: 'Attainment points ascend; the payout factor is interpolated between them (1 = 100% of the target incentive).',
  thresholdLabel: (row) => `Threshold ${row}`,
  rateLabel: (row) => `Rate ${row}`,
  attainmentPointLabel: (row) => `Attainment ${row}`,
  factorLabel: (row) => `Payout factor ${row}`,
  addRow: 'Add row',
  removeRow: (row) => `Remove row ${row}`,
  rowLimit: (max) => `A plan table has at most ${max} rows here.`,

  methodLabel: 'Method',
  methodMarginal: 'Marginal (each rate on its slice)',
  methodRetro: 'Retroactive (the reached rate on the whole amount)',
  amountLabel: 'Amount',
  attainmentLabel: 'Attainment',
  targetIncentiveLabel: 'Target incentive',
  gateLabel: 'Gate (optional)',
  gateHint: 'Below this attainment the payout is 0.',
  capLabel: 'Cap (optional)',
  capHint: 'The highest payout factor paid.',

  invalidTitle: 'The plan cannot be computed yet',

  previewHeading: 'Preview',
  axisAmount: 'Amount',
  axisAttainment: 'Attainment',
  axisCommission: 'Commission',
  axisPayout: 'Payout',
  chartSummary: (y, x, xMax, yStart, yEnd, yMax) =>
    `Line chart of ${y} against ${x} from 0 to ${xMax}: ${y} is ${yStart} at 0 and ${yEnd} at ${xMax}, at most ${yMax}.`,
  currentValue: (what, at, value) => `${what} at ${at}: ${value}`,

  writeHeading: 'Sheet',
  write: 'Write to sheet',
  writing: 'Writing…',
  written: (address) => (address ? `The plan table and its PERF formula were written; the result is in ${address}.` : 'The plan table and its PERF formula were written to the sheet.'),
  writeFailed: (message) => `Could not write to the sheet: ${message}`,
  writeNeedsExcel: 'Writing to the sheet needs Excel: open PerfPlan from the Excel ribbon. In the browser you can still design the plan here.',
  writeNeedsValid: 'Fix the plan first.',
  formulasHint: 'In Excel this writes the plan table at the selection and a =PERF.TIERED or =PERF.PAYOUT formula that recalculates when you edit the table.',
  sheetLabels: {
    threshold: 'Threshold',
    rate: 'Rate',
    amount: 'Amount',
    commission: 'Commission',
    attainment: 'Attainment',
    factor: 'Payout factor',
    targetIncentive: 'Target incentive',
    gate: 'Gate',
    cap: 'Cap',
    payout: 'Payout',
  },
};

const zhCN: PlanStrings = {
  title: '方案设计',
  intro: '设计分级提成或奖金曲线。预览的计算方式与 Excel 中的 PERF.TIERED / PERF.PAYOUT 完全相同。',

  modeLabel: '方案类型',
  modeTiered: '分级提成',
  modePayout: '奖金曲线',

  tiersHeading: '级距',
  curveHeading: '奖金曲线',
  tiersHelp: '门槛从 0 开始递增；每个费率从其门槛起适用（0.04 = 4%）。',
  curveHelp: '达成率节点递增；奖金系数在节点之间线性插值（1 = 目标奖金的 100%）。',
  thresholdLabel: (row) => `门槛 ${row}`,
  rateLabel: (row) => `费率 ${row}`,
  attainmentPointLabel: (row) => `达成率 ${row}`,
  factorLabel: (row) => `奖金系数 ${row}`,
  addRow: '添加一行',
  removeRow: (row) => `删除第 ${row} 行`,
  rowLimit: (max) => `此处方案表最多 ${max} 行。`,

  methodLabel: '计算方式',
  methodMarginal: '超额累进（各费率只适用于本级部分）',
  methodRetro: '全额累进（达到的费率适用于全部金额）',
  amountLabel: '金额',
  attainmentLabel: '达成率',
  targetIncentiveLabel: '目标奖金',
  gateLabel: '门槛达成率（可选）',
  gateHint: '达成率低于此值时奖金为 0。',
  capLabel: '封顶系数（可选）',
  capHint: '支付的最高奖金系数。',

  invalidTitle: '方案暂时无法计算',

  previewHeading: '预览',
  axisAmount: '金额',
  axisAttainment: '达成率',
  axisCommission: '提成',
  axisPayout: '奖金',
  chartSummary: (y, x, xMax, yStart, yEnd, yMax) =>
    `${y}随${x}变化的折线图，${x}从 0 到 ${xMax}：${x}为 0 时${y}为 ${yStart}，为 ${xMax} 时为 ${yEnd}，最高 ${yMax}。`,
  currentValue: (what, at, value) => `${at} 时的${what}：${value}`,

  writeHeading: '工作表',
  write: '写入工作表',
  writing: '正在写入…',
  written: (address) => (address ? `方案表及其 PERF 公式已写入工作表；结果位于 ${address}。` : '方案表及其 PERF 公式已写入工作表。'),
  writeFailed: (message) => `无法写入工作表：${message}`,
  writeNeedsExcel: '写入工作表需要在 Excel 中进行：请从 Excel 功能区打开 PerfPlan。在浏览器中仍可在此设计方案。',
  writeNeedsValid: '请先修正方案。',
  formulasHint: '在 Excel 中，这会在所选位置写入方案表以及 =PERF.TIERED 或 =PERF.PAYOUT 公式，修改方案表时公式会自动重新计算。',
  sheetLabels: {
    threshold: '门槛',
    rate: '费率',
    amount: '金额',
    commission: '提成',
    attainment: '达成率',
    factor: '奖金系数',
    targetIncentive: '目标奖金',
    gate: '门槛达成率',
    cap: '封顶系数',
    payout: '奖金',
  },
};

export const PLAN_STRINGS: Readonly<Record<Locale, PlanStrings>> = { 'en-US': enUS, 'zh-CN': zhCN };

export function stringsFor(locale: Locale): PlanStrings {
  return PLAN_STRINGS[locale] ?? enUS;
}
