/**
 * The Explain view's text in en-US and zh-CN (Simplified). Phrases with values are functions.
 * Steps and the function's error messages are rendered from the language layer (i18n/explain.ts,
 * i18n/errors.ts) in the same locale.
 */
import type { Locale } from '../../view-contract';
import type { ExplainProblem } from './formula-args';

export interface ExplainStrings {
  title: string;
  intro: (functions: string) => string;
  excelHeading: string;
  explainSelected: string;
  explaining: string;
  excelOnlyNote: string;
  tryHeading: string;
  formulaLabel: string;
  formulaHint: string;
  explainTyped: string;
  example: string;
  useExample: string;
  resultHeading: string;
  cell: (address: string) => string;
  element: (anchor: string, row: number, col: number) => string;
  anchorOnly: string;
  stepsLabel: string;
  kindAdd: string;
  kindInfo: string;
  kindResult: string;
  total: (value: string) => string;
  matches: (value: string) => string;
  differs: (value: string) => string;
  functionError: (code: string, message: string) => string;
  problem: (reason: ExplainProblem['reason'], detail: string, functions: string) => string;
  failed: (message: string) => string;
}

const enUS: ExplainStrings = {
  title: 'Explain a cell',
  intro: (functions) => `See the step-by-step working behind a PERF result, computed by the engine from the cell's own arguments. Supported: ${functions}.`,
  excelHeading: 'Selected cell',
  explainSelected: 'Explain selected cell',
  explaining: 'Explaining…',
  excelOnlyNote: 'Explaining a selected cell needs Excel. In the browser, type a formula below.',
  tryHeading: 'Try a formula',
  formulaLabel: 'PERF formula',
  formulaHint: 'Values and array constants only (rows separated by ;, columns by ,). Press Enter or use the button to explain.',
  explainTyped: 'Explain formula',
  example: '=PERF.TIERED(95000, {0,0.02;20000,0.04;40000,0.06}, "marginal")',
  useExample: 'Use the example',
  resultHeading: 'Working',
  cell: (address) => `Cell ${address}`,
  element: (anchor, row, col) => `Row ${row + 1}, column ${col + 1} of the array spilled from ${anchor}`,
  anchorOnly: 'This version of Excel cannot locate spilled cells: the anchor cell (its first element) is explained.',
  stepsLabel: 'Steps',
  kindAdd: 'adds',
  kindInfo: 'note',
  kindResult: 'result',
  total: (value) => `Total: ${value}`,
  matches: (value) => `Matches the cell's value (${value}).`,
  differs: (value) => `Note: the cell shows ${value}, which differs from this explanation (recalculate the workbook?).`,
  functionError: (code, message) => `The function returns ${code} here: ${message}`,
  problem: (reason, detail, functions) => {
    switch (reason) {
      case 'empty':
        return 'The cell holds no formula. Select a cell with a PERF formula.';
      case 'notPerf':
        return `${detail} is not a single PERF call; explain works on a formula of the form =PERF.NAME(…).`;
      case 'unsupported':
        return `PERF.${detail} has no step-by-step explanation yet. Supported: ${functions}.`;
      case 'nested':
        return `Can't explain nested expressions yet: the argument ${detail} is a calculation. Put it in a cell and refer to that cell.`;
      case 'needsExcel':
        return `The argument ${detail} refers to the workbook; in the browser, type its values (e.g. an array constant {1,2;3,4}).`;
      case 'noSpill':
        return `${detail} is inside a spilled array, but this version of Excel cannot find its anchor. Select the anchor cell (top-left, with the formula) to explain its first element.`;
    }
  },
  failed: (message) => `Could not explain the cell: ${message}`,
};

const zhCN: ExplainStrings = {
  title: '解释单元格',
  intro: (functions) => `查看 PERF 结果背后的逐步计算，由引擎根据单元格自身的参数计算。支持：${functions}。`,
  excelHeading: '所选单元格',
  explainSelected: '解释所选单元格',
  explaining: '正在解释…',
  excelOnlyNote: '解释所选单元格需要在 Excel 中进行。在浏览器中，请在下方输入公式。',
  tryHeading: '试用公式',
  formulaLabel: 'PERF 公式',
  formulaHint: '仅支持数值和数组常量（行用 ; 分隔，列用 , 分隔）。按 Enter 键或点击按钮进行解释。',
  explainTyped: '解释公式',
  example: '=PERF.TIERED(95000, {0,0.02;20000,0.04;40000,0.06}, "marginal")',
  useExample: '使用示例',
  resultHeading: '计算过程',
  cell: (address) => `单元格 ${address}`,
  element: (anchor, row, col) => `${anchor} 溢出数组的第 ${row + 1} 行第 ${col + 1} 列`,
  anchorOnly: '此版本的 Excel 无法定位溢出单元格：此处解释的是锚点单元格（第一个元素）。',
  stepsLabel: '步骤',
  kindAdd: '累加',
  kindInfo: '说明',
  kindResult: '结果',
  total: (value) => `合计：${value}`,
  matches: (value) => `与单元格的值一致（${value}）。`,
  differs: (value) => `注意：单元格显示 ${value}，与此说明不一致（请重新计算工作簿？）。`,
  functionError: (code, message) => `该函数在此返回 ${code}：${message}`,
  problem: (reason, detail, functions) => {
    switch (reason) {
      case 'empty':
        return '该单元格没有公式。请选择包含 PERF 公式的单元格。';
      case 'notPerf':
        return `${detail} 不是单个 PERF 调用；解释功能适用于 =PERF.NAME(…) 形式的公式。`;
      case 'unsupported':
        return `PERF.${detail} 暂不支持逐步解释。支持：${functions}。`;
      case 'nested':
        return `暂不支持解释嵌套表达式：参数 ${detail} 是一个计算式。请将其放入单元格并引用该单元格。`;
      case 'needsExcel':
        return `参数 ${detail} 引用了工作簿；在浏览器中请直接输入其值（例如数组常量 {1,2;3,4}）。`;
      case 'noSpill':
        return `${detail} 位于溢出数组中，但此版本的 Excel 无法找到其锚点。请选择锚点单元格（左上角、包含公式的单元格）以解释其第一个元素。`;
    }
  },
  failed: (message) => `无法解释该单元格：${message}`,
};

export const EXPLAIN_STRINGS: Readonly<Record<Locale, ExplainStrings>> = { 'en-US': enUS, 'zh-CN': zhCN };

export function stringsFor(locale: Locale): ExplainStrings {
  return EXPLAIN_STRINGS[locale] ?? enUS;
}
