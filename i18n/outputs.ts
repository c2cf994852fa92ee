/**
 * What `perfplan compare` and `perfplan export` say (issue 12, items 2 and 3), en-US and zh-CN
 * side by side: their usage, argument errors, the references they resolve (Team[Name],
 * Sheet!B2:B9, Sheet!F2#, defined names), refusals with the cells they name, the comparison
 * report and the files they write (sheet names, headings, statuses). One locale decides all
 * of it, as for every command: --lang, else LC_ALL, LC_MESSAGES, LANG (i18n/cli.ts).
 *
 * Command lines, options (--key), references and names as the workbook holds them (Team[Name],
 * PlanCeiling_LabourCost), file names, JSON keys of the map ("columns", "from") and the
 * symbols A, B, Δ and Δ% stay as they are typed.
 */
import type { Text } from './text';

export const OUTPUTS = {
  // ---- Usage ---------------------------------------------------------------------------------
  /** The lines `perfplan --help` shows for compare and export. */
  helpLines: {
    'en-US': `  perfplan compare A.xlsx B.xlsx --key "Team[Name]" --value "Team[Payout]" [--json] [-o diff.xlsx]
      plan A against plan B, person by person: Δ, joiners, leavers, totals, plan ceilings
  perfplan export BOOK.xlsx --map payroll.json --out payroll.csv|payroll.xlsx
      payroll columns from the workbook, as CSV (UTF-8 with a BOM) or .xlsx, totals checked to the cent`,
    'zh-CN': `  perfplan compare A.xlsx B.xlsx --key "Team[Name]" --value "Team[Payout]" [--json] [-o diff.xlsx]
      逐人对比方案 A 与方案 B：Δ、新加入与已离开的人员、合计、方案上限
  perfplan export BOOK.xlsx --map payroll.json --out payroll.csv|payroll.xlsx
      从工作簿导出工资表各列：CSV（带 BOM 的 UTF-8）或 .xlsx，合计核对到分`,
  },
  compareUsage: {
    'en-US': `Usage:
  perfplan compare A.xlsx B.xlsx --key "Team[Name]" --value "Team[Payout]" [--json] [-o diff.xlsx] [--top N] [--lang zh-CN]
      Recalculates both workbooks as perfplan calc does and compares the value of each person
      (the key) in plan A and plan B: A, B, Δ and Δ%, joiners and leavers, totals, who is better
      or worse off, the largest changes, and the plan ceilings each workbook names
      (PlanCeiling_X with PlanActual_X). --key and --value are a table column (Team[Name]), a
      range (Sheet!B2:B50, Sheet!F2#) or a defined name, the same in both workbooks.
      --json prints the comparison as JSON; -o writes it as a workbook; --top N lists the N
      largest changes (default {top}); --timeout SECONDS per workbook (default {seconds}).
Exit status: 0 compared, 1 a usage error or a refusal (a value that is an error, blank or
text, a key twice; the cells are listed), 2 a workbook cannot be read, 3 over a limit,
4 out of time, 5 an internal error.`,
    'zh-CN': `用法：
  perfplan compare A.xlsx B.xlsx --key "Team[Name]" --value "Team[Payout]" [--json] [-o diff.xlsx] [--top N] [--lang en-US]
      像 perfplan calc 一样重算两个工作簿，逐人（按键列）对比方案 A 与方案 B 的数值：
      A、B、Δ 与 Δ%，新加入与已离开的人员，合计，谁增加、谁减少，变化最大的人员，以及
      每个工作簿所定义的方案上限（PlanCeiling_X 与 PlanActual_X）。--key 与 --value 可以是
      表格列（Team[Name]）、区域（Sheet!B2:B50、Sheet!F2#）或定义的名称，两个工作簿相同。
      --json 以 JSON 打印对比结果；-o 将其写成工作簿；--top N 列出变化最大的 N 人
      （默认 {top}）；--timeout SECONDS 为每个工作簿的时限（默认 {seconds}）。
退出状态：0 已对比，1 用法错误或拒绝（某个数值为错误、空白或文本，或某个键重复；会列出这些
单元格），2 无法读取工作簿，3 超出限制，4 超时，5 内部错误。`,
  },
  exportUsage: {
    'en-US': `Usage:
  perfplan export BOOK.xlsx --map payroll.json --out payroll.csv|payroll.xlsx [--lang zh-CN]
      Recalculates the workbook as perfplan calc does and writes the payroll columns the map
      names (employee id, name, period, amount, cost centre…; see the README) as CSV (UTF-8 with
      a BOM, RFC 4180) or as a workbook. Nothing is written when a mapped cell is an error or
      blank (the cells are listed) or when the file's total differs from the workbook's total
      by a cent or more. --timeout SECONDS stops the calculation after this long (default {seconds}).
Exit status: 0 written, 1 a usage error, an invalid map or a refusal, 2 the workbook or the map
cannot be read or the file cannot be written, 3 over a limit, 4 out of time, 5 an internal error.`,
    'zh-CN': `用法：
  perfplan export BOOK.xlsx --map payroll.json --out payroll.csv|payroll.xlsx [--lang en-US]
      像 perfplan calc 一样重算工作簿，按映射文件写出工资表各列（工号、姓名、所属期间、
      应发金额、成本中心等，见 README）：CSV（带 BOM 的 UTF-8，RFC 4180）或工作簿。
      若任一映射单元格为错误或空白（会列出这些单元格），或文件合计与工作簿合计相差一分或
      更多，则不写出任何内容。--timeout SECONDS 超过这么长时间就停止计算（默认 {seconds}）。
退出状态：0 已写出，1 用法错误、映射无效或拒绝，2 无法读取工作簿或映射文件、或无法写出
文件，3 超出限制，4 超时，5 内部错误。`,
  },

  // ---- Arguments (exit 1) ----------------------------------------------------------------------
  compareNeedsBooks: { 'en-US': 'compare needs two workbooks (A.xlsx B.xlsx)', 'zh-CN': 'compare 需要两个工作簿（A.xlsx B.xlsx）' },
  compareNeedsKeyValue: {
    'en-US': 'compare needs --key (who, e.g. "Team[Name]") and --value (what to compare, e.g. "Team[Payout]")',
    'zh-CN': 'compare 需要 --key（人员，如 "Team[Name]"）和 --value（要对比的数值，如 "Team[Payout]"）',
  },
  topCount: { 'en-US': '--top needs a whole number, 1 or more', 'zh-CN': '--top 需要一个不小于 1 的整数' },
  exportNeedsBook: {
    'en-US': 'export needs a workbook (BOOK.xlsx), --map MAP.json and --out FILE.csv or FILE.xlsx',
    'zh-CN': 'export 需要一个工作簿（BOOK.xlsx）、--map MAP.json 和 --out FILE.csv 或 FILE.xlsx',
  },
  outExtension: { 'en-US': '--out must end in .csv or .xlsx, got {file}', 'zh-CN': '--out 必须以 .csv 或 .xlsx 结尾；实际为 {file}' },
  diffExtension: { 'en-US': '-o must end in .xlsx, got {file}', 'zh-CN': '-o 必须以 .xlsx 结尾；实际为 {file}' },

  // ---- References (what --key, --value and the map name) ----------------------------------------
  /** A problem inside one workbook: "plan-b.xlsx: …". */
  inBook: { 'en-US': '{file}: {reason}', 'zh-CN': '{file}：{reason}' },
  notReference: {
    'en-US': '"{reference}" is not a table column (Team[Name]), a range (Sheet!B2:B50, Sheet!F2#) or a defined name of the workbook',
    'zh-CN': '"{reference}" 不是工作簿中的表格列（Team[Name]）、区域（Sheet!B2:B50、Sheet!F2#）或定义的名称',
  },
  noSheetNamed: { 'en-US': '{reference}: no sheet named "{sheet}"', 'zh-CN': '{reference}：没有名为 "{sheet}" 的工作表' },
  notOneColumn: { 'en-US': '{reference} is {columns} columns wide; one column is needed', 'zh-CN': '{reference} 有 {columns} 列；只能是一列' },
  notOneCell: { 'en-US': '{reference} is more than one cell; one cell is needed', 'zh-CN': '{reference} 不止一个单元格；只能是一个单元格' },
  noSpill: { 'en-US': '{reference}: {cell} holds no spilled formula', 'zh-CN': '{reference}：{cell} 中没有溢出的公式' },
  tooManyCells: { 'en-US': '{reference} covers {cells} cells; at most {limit} can be read', 'zh-CN': '{reference} 覆盖 {cells} 个单元格；最多只能读取 {limit} 个' },
  lengthsDiffer: {
    'en-US': '{key} has {keys} cells and {value} has {values}; they must be as long as each other',
    'zh-CN': '{key} 有 {keys} 个单元格，而 {value} 有 {values} 个；两者必须一样长',
  },

  // ---- Refusals: the cells that cannot be used (exit 1) --------------------------------------------
  /** "3 cells cannot be compared: S!C5 is #N/A, S!C9 is blank". */
  compareRefused: { 'en-US': '{count} cells cannot be compared: {cells}', 'zh-CN': '{count} 个单元格无法对比：{cells}' },
  compareRefusedOne: { 'en-US': '1 cell cannot be compared: {cells}', 'zh-CN': '1 个单元格无法对比：{cells}' },
  cellIsError: { 'en-US': '{cell} is {code}', 'zh-CN': '{cell} 为 {code}' },
  cellIsBlank: { 'en-US': '{cell} is blank', 'zh-CN': '{cell} 为空白' },
  cellIsText: { 'en-US': '{cell} holds text, not a number', 'zh-CN': '{cell} 中是文本，不是数字' },
  cellIsLogical: { 'en-US': '{cell} holds TRUE or FALSE, not a number', 'zh-CN': '{cell} 中是 TRUE 或 FALSE，不是数字' },
  keyIsBlank: { 'en-US': '{cell} (the key of {value}) is blank', 'zh-CN': '{cell}（{value} 的键）为空白' },
  keyTwice: { 'en-US': '"{key}" is in {cells}: a key must name one person', 'zh-CN': '"{key}" 出现在 {cells}：一个键只能对应一个人' },

  // ---- The comparison report -----------------------------------------------------------------------
  reportTitle: { 'en-US': '{value} by {key}: A = {a}, B = {b}', 'zh-CN': '按 {key} 对比 {value}：A = {a}，B = {b}' },
  statusBoth: { 'en-US': 'in both', 'zh-CN': '两者都有' },
  statusJoiner: { 'en-US': 'joiner', 'zh-CN': '新加入' },
  statusLeaver: { 'en-US': 'leaver', 'zh-CN': '已离开' },
  statusHeading: { 'en-US': 'Status', 'zh-CN': '状态' },
  /** The key column's heading in the diff workbook when the key's own heading is blank. */
  keyHeading: { 'en-US': 'Key', 'zh-CN': '键' },
  /** Δ% of a person whose A is 0: a change from nothing has no percentage. */
  percentUndefinedZero: { 'en-US': 'undefined (A is 0)', 'zh-CN': '无定义（A 为 0）' },
  /** Δ% of a joiner or leaver: there is no A (or no B) to compare. */
  percentNotApplicable: { 'en-US': 'n/a', 'zh-CN': '不适用' },
  joiners: { 'en-US': 'Joiners (in B only): {count}{list}', 'zh-CN': '新加入（仅在 B 中）：{count} 人{list}' },
  leavers: { 'en-US': 'Leavers (in A only): {count}{list}', 'zh-CN': '已离开（仅在 A 中）：{count} 人{list}' },
  /** The names after a count: " — Li 1,000.00, Wang 2,000.00" / "：Li 1,000.00、Wang 2,000.00". */
  listAfterCount: { 'en-US': ' — {names}', 'zh-CN': '：{names}' },
  totals: { 'en-US': 'Total: A {a}, B {b}, Δ {delta} ({percent})', 'zh-CN': '合计：A {a}，B {b}，Δ {delta}（{percent}）' },
  totalsParts: {
    'en-US': '  of Δ: people in both {both}, joiners {joiners}, leavers {leavers}',
    'zh-CN': '  Δ 构成：两者都有的人员 {both}，新加入 {joiners}，已离开 {leavers}',
  },
  winners: { 'en-US': 'Better off in B: {count}{list}', 'zh-CN': '在 B 中增加：{count} 人{list}' },
  losers: { 'en-US': 'Worse off in B: {count}{list}', 'zh-CN': '在 B 中减少：{count} 人{list}' },
  unchanged: { 'en-US': 'Unchanged: {count}{list}', 'zh-CN': '不变：{count} 人{list}' },
  largest: { 'en-US': 'Largest changes (people in both, by |Δ|):', 'zh-CN': '变化最大的人员（两者都有，按 |Δ|）：' },
  largestNone: { 'en-US': 'Largest changes: none', 'zh-CN': '变化最大的人员：无' },
  ceilings: { 'en-US': 'Plan ceilings (PlanCeiling_X, PlanActual_X):', 'zh-CN': '方案上限（PlanCeiling_X、PlanActual_X）：' },
  ceilingsNone: {
    'en-US': 'Plan ceilings: none named (define PlanCeiling_X and PlanActual_X in a workbook; see the README)',
    'zh-CN': '方案上限：工作簿中没有定义（请定义 PlanCeiling_X 与 PlanActual_X；见 README）',
  },
  ceilingWithin: { 'en-US': '{actual} ≤ {ceiling}, within', 'zh-CN': '{actual} ≤ {ceiling}，未超限' },
  ceilingOver: { 'en-US': '{actual} > {ceiling}, OVER the ceiling', 'zh-CN': '{actual} > {ceiling}，超出上限' },
  ceilingAbsent: { 'en-US': 'not named in this workbook', 'zh-CN': '此工作簿中没有定义' },
  ceilingNoActual: { 'en-US': 'PlanActual_{label} is not named', 'zh-CN': '没有定义 PlanActual_{label}' },
  ceilingNoLimit: { 'en-US': 'PlanCeiling_{label} is not named', 'zh-CN': '没有定义 PlanCeiling_{label}' },
  ceilingNotNumber: { 'en-US': '{name} ({cell}) is not a number: {value}', 'zh-CN': '{name}（{cell}）不是数字：{value}' },
  ceilingNotCell: { 'en-US': '{name} does not name one cell', 'zh-CN': '{name} 没有指向单个单元格' },
  /** One ceiling, one workbook: "  LabourCost — A: 28.5% ≤ 30%, within". */
  ceilingLine: { 'en-US': '  {label} — {book}: {verdict}', 'zh-CN': '  {label} — {book}：{verdict}' },
  /** The words of a cell's value inside a message. */
  valueBlank: { 'en-US': 'blank', 'zh-CN': '空白' },
  /** Sheet names and headings of the comparison workbook (-o); the table is named as its sheet. */
  compareSheet: { 'en-US': 'Comparison', 'zh-CN': '对比' },
  summarySheet: { 'en-US': 'Summary', 'zh-CN': '汇总' },
  totalRow: { 'en-US': 'Total', 'zh-CN': '合计' },
  summaryWhat: { 'en-US': 'What', 'zh-CN': '项目' },
  summaryValue: { 'en-US': 'Value', 'zh-CN': '数值' },
  summaryPlanA: { 'en-US': 'Plan A', 'zh-CN': '方案 A' },
  summaryPlanB: { 'en-US': 'Plan B', 'zh-CN': '方案 B' },
  summaryCompared: { 'en-US': 'Compared', 'zh-CN': '对比项' },
  summaryTotalA: { 'en-US': 'Total A', 'zh-CN': 'A 合计' },
  summaryTotalB: { 'en-US': 'Total B', 'zh-CN': 'B 合计' },
  summaryDelta: { 'en-US': 'Total Δ', 'zh-CN': 'Δ 合计' },
  summaryDeltaPercent: { 'en-US': 'Total Δ%', 'zh-CN': '合计 Δ%' },
  summaryBoth: { 'en-US': 'Δ of people in both', 'zh-CN': '两者都有人员的 Δ' },
  summaryJoiners: { 'en-US': 'Joiners', 'zh-CN': '新加入人数' },
  summaryJoinersDelta: { 'en-US': 'Δ of joiners', 'zh-CN': '新加入人员的 Δ' },
  summaryLeavers: { 'en-US': 'Leavers', 'zh-CN': '已离开人数' },
  summaryLeaversDelta: { 'en-US': 'Δ of leavers', 'zh-CN': '已离开人员的 Δ' },
  summaryWinners: { 'en-US': 'Better off in B', 'zh-CN': '在 B 中增加的人数' },
  summaryLosers: { 'en-US': 'Worse off in B', 'zh-CN': '在 B 中减少的人数' },
  summaryUnchanged: { 'en-US': 'Unchanged', 'zh-CN': '不变的人数' },
  summaryCeiling: { 'en-US': 'Ceiling {label}, {book}', 'zh-CN': '上限 {label}，{book}' },

  // ---- perfplan export: the map ------------------------------------------------------------------------
  mapNotJson: { 'en-US': 'the map {file} is not JSON: {reason}', 'zh-CN': '映射文件 {file} 不是 JSON：{reason}' },
  mapInvalid: { 'en-US': 'the map {file}: {problem}', 'zh-CN': '映射文件 {file}：{problem}' },
  mapShape: {
    'en-US': 'it must be a JSON object whose "columns" lists the columns, each with a "header" and either "from" or "value"',
    'zh-CN': '它必须是一个 JSON 对象，其 "columns" 列出各列，每列含 "header"，以及 "from" 或 "value" 二者之一',
  },
  mapColumnHeader: { 'en-US': 'column {index} needs a "header" (the column\'s title in the file)', 'zh-CN': '第 {index} 列需要 "header"（文件中的列标题）' },
  mapColumnSource: {
    'en-US': 'column {index} ({header}) needs either "from" (a table column, range, cell or name) or "value" (a fixed text)',
    'zh-CN': '第 {index} 列（{header}）需要 "from"（表格列、区域、单元格或名称）或 "value"（固定文本）二者之一',
  },
  mapColumnType: { 'en-US': 'column {index} ({header}): "type" must be "text", "amount", "date" or "month"', 'zh-CN': '第 {index} 列（{header}）："type" 必须是 "text"、"amount"、"date" 或 "month"' },
  mapHeaderTwice: { 'en-US': 'the header {header} is used twice', 'zh-CN': '列标题 {header} 用了两次' },
  mapNoAmount: {
    'en-US': 'no column has "type": "amount" (the amount paid, whose total is checked)',
    'zh-CN': '没有 "type": "amount" 的列（应发金额，其合计会被核对）',
  },
  mapWhichAmount: {
    'en-US': 'several columns are amounts: name the one whose total is checked as the "column" of "total"',
    'zh-CN': '有多个金额列：请用 "total" 的 "column" 指明要核对合计的那一列',
  },
  mapTotalColumn: { 'en-US': '"total" names the column {header}, which is not an amount column of the map', 'zh-CN': '"total" 指定的列 {header} 不是映射中的金额列' },
  mapTotalShape: {
    'en-US': '"total" must be an object with a "column" (a header of the map), a "from" (the workbook\'s total), or both',
    'zh-CN': '"total" 必须是一个对象，含 "column"（映射中的列标题）、"from"（工作簿合计）或两者',
  },
  mapSheetName: { 'en-US': '"sheet" must be a sheet name of 1 to 31 characters without : \\ / ? * [ ]', 'zh-CN': '"sheet" 必须是 1 到 31 个字符、不含 : \\ / ? * [ ] 的工作表名称' },

  // ---- perfplan export: refusals and the result -------------------------------------------------------
  nothingWritten: { 'en-US': 'nothing written: {reason}', 'zh-CN': '未写出任何内容：{reason}' },
  exportRefused: { 'en-US': '{count} mapped cells are errors or blank: {cells}', 'zh-CN': '{count} 个映射单元格为错误或空白：{cells}' },
  exportRefusedOne: { 'en-US': '1 mapped cell is an error or blank: {cells}', 'zh-CN': '1 个映射单元格为错误或空白：{cells}' },
  columnLengths: { 'en-US': 'the mapped columns differ in length ({lengths})', 'zh-CN': '各映射列的长度不同（{lengths}）' },
  columnLength: { 'en-US': '{header} {count}', 'zh-CN': '{header} {count} 行' },
  noRows: { 'en-US': 'the mapped columns hold no rows', 'zh-CN': '映射的列中没有任何行' },
  totalMismatch: {
    'en-US': 'the file\'s total {file} differs from the workbook\'s total {book} ({source}) by {difference}',
    'zh-CN': '文件合计 {file} 与工作簿合计 {book}（{source}）相差 {difference}',
  },
  totalNotNumber: { 'en-US': 'the workbook\'s total {source} is not a number: {value}', 'zh-CN': '工作簿合计 {source} 不是数字：{value}' },
  /** Where the workbook's total came from when the map names none. */
  totalFromTable: { 'en-US': 'the totals row of {table}, {cell}', 'zh-CN': '{table} 的汇总行，{cell}' },
  totalFromCells: { 'en-US': 'the sum of {reference} as calculated', 'zh-CN': '{reference} 计算结果之和' },
  totalFromPeople: { 'en-US': 'the sum of each person\'s payout to the cent', 'zh-CN': '每人应发金额（精确到分）之和' },
  written: { 'en-US': 'wrote {file}: {rows} rows, total {total}, equal to the workbook\'s total ({source})', 'zh-CN': '已写出 {file}：{rows} 行，合计 {total}，与工作簿合计相等（{source}）' },
  cannotWrite: { 'en-US': 'cannot write {file}: {reason}', 'zh-CN': '无法写出 {file}：{reason}' },
  payrollSheet: { 'en-US': 'Payroll', 'zh-CN': '工资表' },
} as const satisfies Record<string, Text>;
