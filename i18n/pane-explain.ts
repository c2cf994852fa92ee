/**
 * The Explain view in en-US and zh-CN side by side. The steps themselves and the functions'
 * errors come from the language layer's explain and error catalogs (explain.ts, errors.ts);
 * an option inside them ("marginal", "边际") is shown by its screen name (options.ts).
 */
import type { Text } from './text';

export const EXPLAIN_VIEW = {
  title: { 'en-US': 'Explain a cell', 'zh-CN': '解释单元格' },
  intro: {
    'en-US': "See the step-by-step working behind a PERF result, computed by the engine from the cell's own arguments. Supported: {functions}.",
    'zh-CN': '查看 PERF 结果背后的逐步计算，由引擎根据单元格自身的参数计算。支持：{functions}。',
  },
  excelHeading: { 'en-US': 'Selected cell', 'zh-CN': '所选单元格' },
  explainSelected: { 'en-US': 'Explain selected cell', 'zh-CN': '解释所选单元格' },
  explaining: { 'en-US': 'Explaining…', 'zh-CN': '正在解释…' },
  excelOnlyNote: { 'en-US': 'Explaining a selected cell needs Excel. In the browser, type a formula below.', 'zh-CN': '解释所选单元格需要在 Excel 中进行。在浏览器中，请在下方输入公式。' },
  tryHeading: { 'en-US': 'Try a formula', 'zh-CN': '试用公式' },
  formulaLabel: { 'en-US': 'PERF formula', 'zh-CN': 'PERF 公式' },
  formulaHint: {
    'en-US': 'Values and array constants only (rows separated by ;, columns by ,). Press Enter or use the button to explain.',
    'zh-CN': '仅支持数值和数组常量（行用 ; 分隔，列用 , 分隔）。按 Enter 键或点击按钮进行解释。',
  },
  explainTyped: { 'en-US': 'Explain formula', 'zh-CN': '解释公式' },
  useExample: { 'en-US': 'Use the example', 'zh-CN': '使用示例' },
  resultHeading: { 'en-US': 'Working', 'zh-CN': '计算过程' },
  cell: { 'en-US': 'Cell {address}', 'zh-CN': '单元格 {address}' },
  element: { 'en-US': 'Row {row}, column {column} of the array spilled from {anchor}', 'zh-CN': '{anchor} 溢出数组的第 {row} 行第 {column} 列' },
  anchorOnly: {
    'en-US': 'This version of Excel cannot locate spilled cells: the anchor cell (its first element) is explained.',
    'zh-CN': '此版本的 Excel 无法定位溢出单元格：此处解释的是锚点单元格（第一个元素）。',
  },
  stepsLabel: { 'en-US': 'Steps', 'zh-CN': '步骤' },
  kindAdd: { 'en-US': 'adds', 'zh-CN': '累加' },
  kindInfo: { 'en-US': 'note', 'zh-CN': '说明' },
  kindResult: { 'en-US': 'result', 'zh-CN': '结果' },
  total: { 'en-US': 'Total: {value}', 'zh-CN': '合计：{value}' },
  matches: { 'en-US': "Matches the cell's value ({value}).", 'zh-CN': '与单元格的值一致（{value}）。' },
  differs: {
    'en-US': 'Note: the cell shows {value}, which differs from this explanation (recalculate the workbook?).',
    'zh-CN': '注意：单元格显示 {value}，与此说明不一致（请重新计算工作簿？）。',
  },
  functionError: { 'en-US': 'The function returns {code} here: {message}', 'zh-CN': '该函数在此返回 {code}：{message}' },
  'problem.empty': { 'en-US': 'The cell holds no formula. Select a cell with a PERF formula.', 'zh-CN': '该单元格没有公式。请选择包含 PERF 公式的单元格。' },
  'problem.notPerf': {
    'en-US': '{detail} is not a single PERF call; explain works on a formula of the form =PERF.NAME(…).',
    'zh-CN': '{detail} 不是单个 PERF 调用；解释功能适用于 =PERF.NAME(…) 形式的公式。',
  },
  'problem.unsupported': { 'en-US': 'PERF.{detail} has no step-by-step explanation yet. Supported: {functions}.', 'zh-CN': 'PERF.{detail} 暂不支持逐步解释。支持：{functions}。' },
  'problem.nested': {
    'en-US': "Can't explain nested expressions yet: the argument {detail} is a calculation. Put it in a cell and refer to that cell.",
    'zh-CN': '暂不支持解释嵌套表达式：参数 {detail} 是一个计算式。请将其放入单元格并引用该单元格。',
  },
  'problem.needsExcel': {
    'en-US': 'The argument {detail} refers to the workbook; in the browser, type its values (e.g. an array constant {example}).',
    'zh-CN': '参数 {detail} 引用了工作簿；在浏览器中请直接输入其值（例如数组常量 {example}）。',
  },
  'problem.noSpill': {
    'en-US': '{detail} is inside a spilled array, but this version of Excel cannot find its anchor. Select the anchor cell (top-left, with the formula) to explain its first element.',
    'zh-CN': '{detail} 位于溢出数组中，但此版本的 Excel 无法找到其锚点。请选择锚点单元格（左上角、包含公式的单元格）以解释其第一个元素。',
  },
  failed: { 'en-US': 'Could not explain the cell: {message}', 'zh-CN': '无法解释该单元格：{message}' },
  failedGeneric: { 'en-US': 'Could not explain the cell.', 'zh-CN': '无法解释该单元格。' },
} as const satisfies Record<string, Text>;

/** The formula the view starts with (formulas are written the same in every language). */
export const EXPLAIN_EXAMPLE = '=PERF.TIERED(95000, {0,0.02;20000,0.04;40000,0.06}, "marginal")';

export type ExplainViewKey = keyof typeof EXPLAIN_VIEW;
