/**
 * What the `perfplan` command line prints (cli/), in en-US and zh-CN side by side: usage,
 * argument errors, the exit-status messages of calc and explain, and explain's request
 * errors. One locale decides all of it: --lang, else LC_ALL, LC_MESSAGES, LANG
 * (i18n/locale.ts commandLineLocale). The en-US templates are the messages exactly as they
 * have always read.
 *
 * Command lines, options (--timeout), metavariables (BOOK.xlsx, SECONDS), file and sheet
 * names stay as they are typed. A `reason` is a message of its own (a LocalizedError's, in
 * the same locale) or another program's, kept as it was written.
 */
import type { Text } from './text';

export const CLI = {
  // ---- Usage (perfplan --help) ----------------------------------------------------------------
  usage: {
    'en-US': `Usage:
{calc}
  perfplan explain BOOK.xlsx 'Sheet!C5'   explain a PERF cell step by step (--json, --lang zh-CN)
  perfplan seed [--api URL]                publish built-in templates and benchmarks to the API
  perfplan token --role admin              print a local dev token for the API (perfplan token --help)
  perfplan --help

Exit status (calc, explain): 0 the workbook calculated (error cells are data), 1 a usage error,
2 the input cannot be read, 3 it is over a limit (size, text, formula length or nesting,
memory, simulation samples), 4 the time budget (--timeout) ran out, 5 an internal error.`,
    'zh-CN': `用法：
{calc}
  perfplan explain BOOK.xlsx 'Sheet!C5'   逐步解释一个 PERF 单元格（--json、--lang zh-CN）
  perfplan seed [--api URL]                将内置模板和基准数据发布到 API
  perfplan token --role admin              打印一个用于 API 的本地开发令牌（perfplan token --help）
  perfplan --help

退出状态（calc、explain）：0 工作簿已计算（错误单元格也是数据），1 用法错误，
2 无法读取输入，3 超出限制（大小、文本、公式长度或嵌套层数、内存、模拟样本），
4 时间预算（--timeout）已用完，5 内部错误。`,
  },
  calcUsage: {
    'en-US': `  perfplan calc BOOK.xlsx --json          print every non-empty cell after calculation as JSON
  perfplan calc BOOK.xlsx -o OUT.xlsx     write the workbook with computed values cached
      --timeout SECONDS                   stop after this long (default {seconds})
      --lang zh-CN                        messages and error cells in Simplified Chinese (default: LANG)`,
    'zh-CN': `  perfplan calc BOOK.xlsx --json          计算后以 JSON 打印所有非空单元格
  perfplan calc BOOK.xlsx -o OUT.xlsx     写出缓存了计算结果的工作簿
      --timeout SECONDS                   超过这么长时间就停止（默认 {seconds}）
      --lang en-US                        消息和错误单元格改用英文（默认按 LANG 决定）`,
  },
  explainUsage: {
    'en-US': `Usage:
  perfplan explain BOOK.xlsx 'Sheet!C5' [--json] [--lang zh-CN]
      explain one cell with a PERF formula step by step (inside a spilled range: that element).
      --timeout SECONDS stops the work after this long (default {seconds}).
      Supported: {functions}.`,
    'zh-CN': `用法：
  perfplan explain BOOK.xlsx 'Sheet!C5' [--json] [--lang zh-CN]
      逐步解释一个含 PERF 公式的单元格（位于溢出区域内时：解释该元素）。
      --timeout SECONDS 超过这么长时间就停止（默认 {seconds}）。
      支持：{functions}。`,
  },
  // ---- Arguments (exit 1) ---------------------------------------------------------------------
  unknownCommand: { 'en-US': 'unknown command "{command}"', 'zh-CN': '未知命令 "{command}"' },
  unknownOption: { 'en-US': 'unknown option {option}', 'zh-CN': '未知选项 {option}' },
  unexpectedArgument: { 'en-US': 'unexpected argument {argument}', 'zh-CN': '多余的参数 {argument}' },
  needsFileName: { 'en-US': '{option} needs a file name', 'zh-CN': '{option} 需要一个文件名' },
  timeoutSeconds: { 'en-US': '--timeout needs a number of seconds greater than 0', 'zh-CN': '--timeout 需要一个大于 0 的秒数' },
  langNeeded: { 'en-US': '--lang needs a language (en-US or zh-CN)', 'zh-CN': '--lang 需要一种语言（en-US 或 zh-CN）' },
  calcNeedsBook: { 'en-US': 'calc needs a workbook (BOOK.xlsx)', 'zh-CN': 'calc 需要一个工作簿（BOOK.xlsx）' },
  explainNeedsBook: {
    'en-US': 'explain needs a workbook (BOOK.xlsx) and a cell (Sheet!C5)',
    'zh-CN': 'explain 需要一个工作簿（BOOK.xlsx）和一个单元格（Sheet!C5）',
  },
  explainNeedsCell: { 'en-US': 'explain needs a cell to explain (Sheet!C5)', 'zh-CN': 'explain 需要一个要解释的单元格（Sheet!C5）' },

  // ---- Reading and calculating (exit 2 to 5) --------------------------------------------------
  noSuchFile: { 'en-US': 'cannot read {file}: no such file', 'zh-CN': '无法读取 {file}：文件不存在' },
  notWorkbook: { 'en-US': 'cannot read {file} as an .xlsx workbook ({reason})', 'zh-CN': '无法将 {file} 作为 .xlsx 工作簿读取（{reason}）' },
  overLimit: { 'en-US': 'over a limit: {reason}', 'zh-CN': '超出限制：{reason}' },
  nestsTooDeeply: { 'en-US': 'the workbook nests formulas too deeply to calculate', 'zh-CN': '工作簿中的公式嵌套太深，无法计算' },
  /** JavaScript's own RangeError ("Invalid string length"): quoted in Chinese. */
  tooLong: { 'en-US': '{reason}', 'zh-CN': '文本或数组超出了 JavaScript 允许的长度（"{reason}"）' },
  memory: {
    'en-US': 'the workbook needs more than {megabytes} MB of memory (PERFPLAN_MEMORY_MB)',
    'zh-CN': '工作簿需要超过 {megabytes} MB 的内存（PERFPLAN_MEMORY_MB）',
  },
  internal: { 'en-US': 'internal error: {reason}', 'zh-CN': '内部错误：{reason}' },
  /** Another program's message inside one of ours: quoted in Chinese. */
  foreign: { 'en-US': '{message}', 'zh-CN': '"{message}"' },
  stopped: { 'en-US': 'stopped after {seconds} s (--timeout); {cells}', 'zh-CN': '{seconds} 秒后停止（--timeout）；{cells}' },
  notComputedOne: { 'en-US': '{count} formula cell not computed', 'zh-CN': '{count} 个公式单元格未计算' },
  notComputed: { 'en-US': '{count} formula cells not computed', 'zh-CN': '{count} 个公式单元格未计算' },
  /** The first cells not computed: "(S!B1, S!B2, …)". */
  naming: { 'en-US': '{what} ({cells})', 'zh-CN': '{what}（{cells}）' },
  stillReading: { 'en-US': 'the workbook was still being read', 'zh-CN': '工作簿仍在读取中' },

  // ---- perfplan explain: what was asked cannot be explained (exit 1) --------------------------
  noSheet: { 'en-US': 'no sheet named "{sheet}" (the workbook has {sheets})', 'zh-CN': '没有名为 "{sheet}" 的工作表（工作簿中有 {sheets}）' },
  notCellReference: { 'en-US': '"{target}" is not a cell reference like Sheet!C5', 'zh-CN': '"{target}" 不是形如 Sheet!C5 的单元格引用' },
  outsideSheet: { 'en-US': '"{target}" is outside the sheet', 'zh-CN': '"{target}" 超出了工作表的范围' },
  noFormula: { 'en-US': '{cell} holds no formula; select a cell with a PERF.* formula', 'zh-CN': '{cell} 中没有公式；请选择一个含 PERF.* 公式的单元格' },
  notPerfCall: {
    'en-US': '{cell}: {formula} is not a single PERF.* call; explain works on a cell whose formula is =PERF.NAME(…)',
    'zh-CN': '{cell}：{formula} 不是单个 PERF.* 调用；explain 只解释公式为 =PERF.NAME(…) 的单元格',
  },
  notExplainable: {
    'en-US': '{cell}: PERF.{name} has no step-by-step explanation; supported: {functions}',
    'zh-CN': '{cell}：PERF.{name} 没有逐步解释；支持：{functions}',
  },
  cannotEvaluate: { 'en-US': 'cannot evaluate the argument {argument}: {reason}', 'zh-CN': '无法计算参数 {argument}：{reason}' },
} as const satisfies Record<string, Text>;

/** Names (functions, sheets, cells) as a list inside a message: "a, b" / "a、b". */
export function nameList(names: readonly string[], more = false): Text {
  return { 'en-US': `${names.join(', ')}${more ? ', …' : ''}`, 'zh-CN': `${names.join('、')}${more ? '……' : ''}` };
}
