/**
 * What headless calculation (calc/) tells a user, in en-US and zh-CN side by side: the
 * limits of one calculation (perfplan calc exits 3), and the messages inside error cells —
 * the #NAME? of what perfplan calc cannot compute, and the errors of the functions it adds
 * for Excel's storage form (SINGLE, XMATCH, legacy arrays). These reach the cells of the JSON
 * output, so they are rendered in the calculation's locale. The en-US templates are the
 * messages exactly as they have always read.
 *
 * Function names (LET, LAMBDA, OFFSET, XMATCH, ANCHORARRAY, _xlfn.…) and argument names
 * (match_mode) are never translated: they are what the formula says.
 */
import type { Text } from './text';

export const CALC = {
  // ---- Over a limit (LimitError) -------------------------------------------------------------
  simulationSamples: {
    'en-US': 'the workbook draws more than {limit} simulation samples (PERF.SIM, PERF.SIMCORR) in one calculation',
    'zh-CN': '工作簿在一次计算中抽取的模拟样本超过 {limit} 个（PERF.SIM、PERF.SIMCORR）',
  },
  referenceCells: {
    'en-US': '{place}: {reference} covers {cells} cells of the used area; the limit is {limit}',
    'zh-CN': '{place}：{reference} 覆盖已用区域中的 {cells} 个单元格；上限为 {limit}',
  },
  arrayFormulaCells: {
    'en-US': '{area}: an array formula over {cells} cells; the limit is {limit}',
    'zh-CN': '{area}：数组公式覆盖 {cells} 个单元格；上限为 {limit}',
  },
  spillCells: { 'en-US': '{cell} spills {cells} cells; the limit is {limit}', 'zh-CN': '{cell} 溢出到 {cells} 个单元格；上限为 {limit}' },
  nesting: { 'en-US': '{cell}: the formula nests more than {limit} levels', 'zh-CN': '{cell}：公式嵌套超过 {limit} 层' },

  // ---- What perfplan calc cannot compute (#NAME?, calc/translate.ts, calculate.ts) ------------
  cannotRead: { 'en-US': 'perfplan calc cannot read this formula', 'zh-CN': 'perfplan calc 无法读取此公式' },
  unbalanced: { 'en-US': 'perfplan calc cannot read this formula (unbalanced parentheses)', 'zh-CN': 'perfplan calc 无法读取此公式（括号不配对）' },
  bareSpill: {
    'en-US': 'perfplan calc cannot read this formula (a bare # outside _xlfn.ANCHORARRAY)',
    'zh-CN': 'perfplan calc 无法读取此公式（在 _xlfn.ANCHORARRAY 之外出现了单独的 #）',
  },
  bareAt: {
    'en-US': 'perfplan calc cannot read this formula (a bare @ outside _xlfn.SINGLE)',
    'zh-CN': 'perfplan calc 无法读取此公式（在 _xlfn.SINGLE 之外出现了单独的 @）',
  },
  letPairs: { 'en-US': 'LET needs name, value pairs and a final calculation', 'zh-CN': 'LET 需要成对的名称和值，最后是一个计算式' },
  letName: { 'en-US': 'LET needs a name in each name position', 'zh-CN': 'LET 的每个名称位置都必须是一个名称' },
  anchorOfRange: { 'en-US': 'ANCHORARRAY (#) of a range', 'zh-CN': '对区域使用的 ANCHORARRAY（#）' },
  anchorOnCell: { 'en-US': 'perfplan calc supports # only on a cell reference', 'zh-CN': 'perfplan calc 只支持对单元格引用使用 #' },
  /** A function by its name as the formula shows it (CONCAT, LAMBDA). */
  notSupported: { 'en-US': 'perfplan calc does not support {name}', 'zh-CN': 'perfplan calc 不支持 {name}' },
  addinNotSupported: {
    'en-US': 'perfplan calc does not support the add-in function {name}',
    'zh-CN': 'perfplan calc 不支持加载项函数 {name}',
  },
  addinUnknown: { 'en-US': 'perfplan calc does not know {name}', 'zh-CN': 'perfplan calc 不认识 {name}' },
  storedAsText: {
    'en-US':
      '{name} is stored as text, not as an add-in call (Excel stores it as {stored} and shows #NAME? for this cell); re-enter the formula in Excel with PerfPlan loaded',
    'zh-CN': '{name} 是以文本形式保存的，不是加载项调用（Excel 会将其保存为 {stored}，并在此单元格显示 #NAME?）；请在加载 PerfPlan 后于 Excel 中重新输入该公式',
  },
  externalLinks: { 'en-US': 'perfplan calc does not support links to other workbooks', 'zh-CN': 'perfplan calc 不支持指向其他工作簿的链接' },
  threeD: {
    'en-US': 'perfplan calc does not support 3-D references (Sheet1:Sheet3!A1)',
    'zh-CN': 'perfplan calc 不支持三维引用（Sheet1:Sheet3!A1）',
  },
  offsetNumbers: {
    'en-US': 'perfplan calc supports OFFSET only with its rows, columns, height and width written as numbers',
    'zh-CN': 'perfplan calc 只支持行偏移、列偏移、高度和宽度都直接写成数字的 OFFSET',
  },

  // ---- Errors in cells (calculate.ts, excel-functions/plugin.ts) ------------------------------
  circular: { 'en-US': 'circular reference', 'zh-CN': '循环引用' },
  intersectOtherSheet: { 'en-US': 'implicit intersection with a range on another sheet', 'zh-CN': '隐式交集所用的区域在另一个工作表上' },
  intersectNone: { 'en-US': 'the range does not intersect the formula’s row or column', 'zh-CN': '该区域与公式所在的行或列不相交' },
  outsideArray: { 'en-US': 'outside the array formula’s result', 'zh-CN': '超出了数组公式的结果范围' },
  xmatchShape: { 'en-US': 'XMATCH needs a one-row or one-column lookup array', 'zh-CN': 'XMATCH 的查找数组必须是一行或一列' },
  xmatchNoMatch: { 'en-US': 'XMATCH found no match', 'zh-CN': 'XMATCH 没有找到匹配项' },
  xmatchModes: {
    'en-US': 'XMATCH match_mode must be 0, -1, 1 or 2 and search_mode 1, -1, 2 or -2',
    'zh-CN': 'XMATCH 的 match_mode 必须是 0、-1、1 或 2，search_mode 必须是 1、-1、2 或 -2',
  },
} as const satisfies Record<string, Text>;
