/**
 * The Scenarios view's text in en-US and zh-CN (Simplified). Phrases with values are
 * functions so word order can differ; everything is rendered as React text (never HTML).
 */
import type { TornadoLabels } from '../../../office/run-scenarios';
import type { Locale } from '../../view-contract';
import type { Field, ScenarioIssue, SummaryLabel } from './scenario-model';

export interface ScenariosStrings {
  title: string;
  intro: string;
  needsExcel: string;

  outputHeading: string;
  outputLabel: string;
  outputNone: string;
  useOutput: string;

  inputsHeading: string;
  inputsHelp: string;
  addInput: string;
  noInputs: string;
  inputGroup: (address: string) => string;
  labelField: string;
  field: Record<Field, string>;
  fieldLabel: (field: Field, address: string) => string;
  remove: string;
  removeLabel: (address: string) => string;
  selectionNotSingle: (address: string) => string;
  selectionNotNumber: (address: string) => string;
  alreadyPicked: (address: string) => string;
  readFailed: (message: string) => string;

  run: string;
  running: string;
  runFailed: (message: string) => string;
  issue: (issue: ScenarioIssue) => string;
  issuesTitle: string;

  resultsHeading: string;
  baseOutput: (output: string, value: string) => string;
  inputColumn: string;
  lowColumn: string;
  highColumn: string;
  swingColumn: string;
  chartWritten: (sheet: string) => string;
  resultsAnnounce: (count: number, top: string) => string;
  sheetName: string;
  tornado: TornadoLabels;

  mcHeading: string;
  mcHelp: string;
  summarizeSelection: string;
  pasteLabel: string;
  pasteHelp: string;
  summarizePasted: string;
  statColumn: string;
  valueColumn: string;
  stat: Record<SummaryLabel, string>;
  count: (n: number) => string;
  source: (address: string) => string;
  skipped: (n: number) => string;
  invalidTokens: (tokens: string) => string;
  noNumbers: string;
  mcFailed: (message: string) => string;
}

const FIELD_EN: Record<Field, string> = { low: 'Low', base: 'Base', high: 'High' };
const FIELD_ZH: Record<Field, string> = { low: '低值', base: '基准值', high: '高值' };

const enUS: ScenariosStrings = {
  title: 'Scenarios',
  intro: 'Pick input cells and an output cell, set a low, base and high value per input, and see which input moves the output most (a tornado). The inputs are written back as they were afterwards.',
  needsExcel: 'Picking cells and running scenarios needs Excel: open PerfPlan from the Excel ribbon. The Monte Carlo summary below also works with pasted numbers.',

  outputHeading: 'Output',
  outputLabel: 'Output cell',
  outputNone: 'None yet — select the cell with the result formula.',
  useOutput: 'Use selected cell as output',

  inputsHeading: 'Inputs',
  inputsHelp: 'Select an input cell in the sheet and add it; low and high start 20% below and above its current value.',
  addInput: 'Add selected cell as input',
  noInputs: 'No inputs yet.',
  inputGroup: (address) => `Input ${address}`,
  labelField: 'Name (optional)',
  field: FIELD_EN,
  fieldLabel: (field, address) => `${FIELD_EN[field]} value of ${address}`,
  remove: 'Remove',
  removeLabel: (address) => `Remove input ${address}`,
  selectionNotSingle: (address) => `Select a single cell (the selection is ${address}).`,
  selectionNotNumber: (address) => `${address} does not hold a number; an input must be a number.`,
  alreadyPicked: (address) => `${address} is already picked.`,
  readFailed: (message) => `Could not read the selection: ${message}`,

  run: 'Run scenarios',
  running: 'Running…',
  runFailed: (message) => `The scenarios failed (the inputs were restored): ${message}`,
  issuesTitle: 'Fix these before running',
  issue: (issue) => {
    switch (issue.code) {
      case 'noOutput':
        return 'Choose an output cell.';
      case 'noInputs':
        return 'Add at least one input cell.';
      case 'tooManyInputs':
        return `Use at most ${issue.max} inputs.`;
      case 'notNumber':
        return `${issue.address}: the ${FIELD_EN[issue.field].toLowerCase()} value "${issue.text}" is not a number.`;
      case 'lowAboveHigh':
        return `${issue.address}: the low value is above the high value.`;
      case 'noSpread':
        return `${issue.address}: the low and high values are equal, so the input cannot move the output.`;
      case 'baseOutside':
        return `${issue.address}: the base value must lie between the low and high values.`;
      case 'duplicate':
        return `${issue.address} is picked twice.`;
      case 'inputIsOutput':
        return `${issue.address} is the output cell; it cannot also be an input.`;
    }
  },

  resultsHeading: 'Results',
  baseOutput: (output, value) => `Base output (${output}): ${value}`,
  inputColumn: 'Input',
  lowColumn: 'Output at low',
  highColumn: 'Output at high',
  swingColumn: 'Swing',
  chartWritten: (sheet) => `The results table and tornado chart were written to the sheet "${sheet}".`,
  resultsAnnounce: (count, top) => `${count} inputs run; the largest swing is ${top}.`,
  sheetName: 'Tornado',
  tornado: {
    base: 'Base output',
    input: 'Input',
    lowChange: 'Change at low',
    highChange: 'Change at high',
    lowInput: 'Low',
    highInput: 'High',
    lowOutput: 'Output at low',
    highOutput: 'Output at high',
    swing: 'Swing',
    title: 'Tornado',
  },

  mcHeading: 'Monte Carlo summary',
  mcHelp: 'Select the spilled results of a PERF.SIM formula (or just its first cell) and summarize them, exactly as PERF.SUMMARY would.',
  summarizeSelection: 'Summarize selected range',
  pasteLabel: 'Or paste numbers',
  pasteHelp: 'One per line, or separated by spaces, commas or semicolons; use "." for decimals.',
  summarizePasted: 'Summarize pasted numbers',
  statColumn: 'Statistic',
  valueColumn: 'Value',
  stat: { mean: 'Mean', stdev: 'Standard deviation', min: 'Minimum', P5: 'P5', P10: 'P10', P50: 'P50 (median)', P90: 'P90', P95: 'P95', max: 'Maximum' },
  count: (n) => `${n} values`,
  source: (address) => `From ${address}`,
  skipped: (n) => `${n} non-numeric cells were ignored.`,
  invalidTokens: (tokens) => `Ignored (not numbers): ${tokens}`,
  noNumbers: 'There are no numbers to summarize.',
  mcFailed: (message) => `Could not summarize: ${message}`,
};

const zhCN: ScenariosStrings = {
  title: '情景分析',
  intro: '选择输入单元格和一个输出单元格，为每个输入设置低值、基准值和高值，查看哪个输入对输出影响最大（龙卷风图）。运行结束后输入单元格会恢复原样。',
  needsExcel: '选择单元格和运行情景需要在 Excel 中进行：请从 Excel 功能区打开 PerfPlan。下方的蒙特卡洛汇总也可以使用粘贴的数字。',

  outputHeading: '输出',
  outputLabel: '输出单元格',
  outputNone: '尚未选择——请选中包含结果公式的单元格。',
  useOutput: '将所选单元格设为输出',

  inputsHeading: '输入',
  inputsHelp: '在工作表中选中一个输入单元格并添加；低值和高值默认比当前值低 20% 和高 20%。',
  addInput: '将所选单元格添加为输入',
  noInputs: '尚无输入。',
  inputGroup: (address) => `输入 ${address}`,
  labelField: '名称（可选）',
  field: FIELD_ZH,
  fieldLabel: (field, address) => `${address} 的${FIELD_ZH[field]}`,
  remove: '删除',
  removeLabel: (address) => `删除输入 ${address}`,
  selectionNotSingle: (address) => `请只选择一个单元格（当前选择为 ${address}）。`,
  selectionNotNumber: (address) => `${address} 不是数字；输入必须是数字。`,
  alreadyPicked: (address) => `${address} 已经选择过了。`,
  readFailed: (message) => `无法读取所选内容：${message}`,

  run: '运行情景',
  running: '正在运行…',
  runFailed: (message) => `情景运行失败（输入已恢复）：${message}`,
  issuesTitle: '运行前请先修正以下问题',
  issue: (issue) => {
    switch (issue.code) {
      case 'noOutput':
        return '请选择一个输出单元格。';
      case 'noInputs':
        return '请至少添加一个输入单元格。';
      case 'tooManyInputs':
        return `输入最多 ${issue.max} 个。`;
      case 'notNumber':
        return `${issue.address}：${FIELD_ZH[issue.field]}“${issue.text}”不是数字。`;
      case 'lowAboveHigh':
        return `${issue.address}：低值大于高值。`;
      case 'noSpread':
        return `${issue.address}：低值与高值相等，该输入无法改变输出。`;
      case 'baseOutside':
        return `${issue.address}：基准值必须介于低值和高值之间。`;
      case 'duplicate':
        return `${issue.address} 被选择了两次。`;
      case 'inputIsOutput':
        return `${issue.address} 是输出单元格，不能同时作为输入。`;
    }
  },

  resultsHeading: '结果',
  baseOutput: (output, value) => `基准输出（${output}）：${value}`,
  inputColumn: '输入',
  lowColumn: '低值时的输出',
  highColumn: '高值时的输出',
  swingColumn: '波动幅度',
  chartWritten: (sheet) => `结果表和龙卷风图已写入工作表“${sheet}”。`,
  resultsAnnounce: (count, top) => `已运行 ${count} 个输入；波动最大的是 ${top}。`,
  sheetName: '龙卷风图',
  tornado: {
    base: '基准输出',
    input: '输入',
    lowChange: '低值时的变化',
    highChange: '高值时的变化',
    lowInput: '低值',
    highInput: '高值',
    lowOutput: '低值时的输出',
    highOutput: '高值时的输出',
    swing: '波动幅度',
    title: '龙卷风图',
  },

  mcHeading: '蒙特卡洛汇总',
  mcHelp: '选中 PERF.SIM 公式溢出的结果（或仅选中其第一个单元格）并进行汇总，结果与 PERF.SUMMARY 完全一致。',
  summarizeSelection: '汇总所选区域',
  pasteLabel: '或粘贴数字',
  pasteHelp: '每行一个，或用空格、逗号、分号分隔；小数请使用“.”。',
  summarizePasted: '汇总粘贴的数字',
  statColumn: '统计量',
  valueColumn: '值',
  stat: { mean: '平均值', stdev: '标准差', min: '最小值', P5: 'P5', P10: 'P10', P50: 'P50（中位数）', P90: 'P90', P95: 'P95', max: '最大值' },
  count: (n) => `共 ${n} 个值`,
  source: (address) => `来自 ${address}`,
  skipped: (n) => `已忽略 ${n} 个非数字单元格。`,
  invalidTokens: (tokens) => `已忽略（不是数字）：${tokens}`,
  noNumbers: '没有可汇总的数字。',
  mcFailed: (message) => `无法汇总：${message}`,
};

export const SCENARIOS_STRINGS: Readonly<Record<Locale, ScenariosStrings>> = { 'en-US': enUS, 'zh-CN': zhCN };

export function stringsFor(locale: Locale): ScenariosStrings {
  return SCENARIOS_STRINGS[locale] ?? enUS;
}
