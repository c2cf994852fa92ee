/**
 * What `perfplan statements` says and writes (issue 12 item 1), en-US and zh-CN side by side:
 * its usage, argument errors, the references it resolves (--people "Team[Name]", --payout,
 * --id, --role), the summary it prints and the people it refuses, and the words of a statement
 * itself (identity, inputs, results with their explanation, totals, footer). One locale decides
 * all of it, as for every command: --lang, else LC_ALL, LC_MESSAGES, LANG (i18n/cli.ts).
 *
 * Command lines, options, references as the workbook holds them (Team[Name]), cell addresses,
 * file names, PERFPLAN_CHROMIUM and SHA-256 stay as they are typed. Everything read from the
 * workbook (names, headers, text cells) is shown as the workbook holds it.
 */
import type { Text } from './text';

export const STATEMENTS = {
  // ---- Usage ---------------------------------------------------------------------------------
  /** The line `perfplan --help` shows for statements. */
  helpLine: {
    'en-US': `  perfplan statements BOOK.xlsx --people "Team[Name]" --out DIR [--format html|pdf|xlsx]
      one statement per person: inputs, each result with its steps, totals ('perfplan statements --help')`,
    'zh-CN': `  perfplan statements BOOK.xlsx --people "Team[Name]" --out DIR [--format html|pdf|xlsx]
      为每人生成一份结算单：输入数据、每个结果及其计算过程、合计（'perfplan statements --help'）`,
  },
  usage: {
    'en-US': `Usage:
  perfplan statements BOOK.xlsx --people "Team[Name]" --out DIR [--format html|pdf|xlsx]
                      [--period "2025-07"] [--payout "Team[Payout]"] [--id COLUMN] [--role COLUMN] [--lang zh-CN]
      Recalculates the workbook as perfplan calc does and writes one statement per person of
      the table --people names: who (name, id, role, period), their inputs, every result in their
      row with its value and the steps behind it, the total, and the workbook's SHA-256 with the
      time of calculation. The payout is the column --payout names, else the result column headed
      "Payout", "Bonus", "Commission" or "Incentive" (or the same in Chinese). A person whose
      payout is an error gets no statement and is listed. --format pdf prints with Chromium
      (PERFPLAN_CHROMIUM, default '/usr/bin/chromium'). --timeout SECONDS stops the work after
      this long (default {seconds}).
Exit status: 0 every statement written, 1 a usage error, a reference that names nothing, no
browser for PDF, or people whose payout is an error (listed; the others' statements are
written), 2 the workbook cannot be read or DIR cannot be written, 3 over a limit, 4 out of
time, 5 an internal error.`,
    'zh-CN': `用法：
  perfplan statements BOOK.xlsx --people "Team[Name]" --out DIR [--format html|pdf|xlsx]
                      [--period "2025-07"] [--payout "Team[Payout]"] [--id COLUMN] [--role COLUMN] [--lang en-US]
      像 perfplan calc 一样重算工作簿，为 --people 所指表格中的每个人写出一份结算单：
      人员信息（姓名、工号、岗位、所属期间）、其输入数据、其所在行的每个计算结果（数值及
      计算过程）、合计，以及工作簿的 SHA-256 与计算时间。应发金额取 --payout 所指的列，
      否则取标题为"奖金"、"提成"、"应发金额"等（或英文 "Payout"、"Bonus"、"Commission"、
      "Incentive"）的结果列。应发金额为错误的人员不生成结算单，并会列出。--format pdf
      使用 Chromium 打印（PERFPLAN_CHROMIUM，默认 '/usr/bin/chromium'）。--timeout SECONDS
      超过这么长时间就停止（默认 {seconds}）。
退出状态：0 全部结算单已写出，1 用法错误、引用无效、没有可用于 PDF 的浏览器，或有人员的
应发金额为错误（会列出；其他人的结算单照常写出），2 无法读取工作簿或无法写入 DIR，
3 超出限制，4 超时，5 内部错误。`,
  },

  // ---- Arguments (exit 1) ----------------------------------------------------------------------
  needsArguments: {
    'en-US': 'statements needs a workbook (BOOK.xlsx), --people "Table[Name]" and --out DIR',
    'zh-CN': 'statements 需要一个工作簿（BOOK.xlsx）、--people "Table[Name]" 和 --out DIR',
  },
  needsValue: { 'en-US': '{option} needs a value', 'zh-CN': '{option} 需要一个值' },
  format: { 'en-US': '--format must be html, pdf or xlsx, got {format}', 'zh-CN': '--format 必须是 html、pdf 或 xlsx；实际为 {format}' },
  peopleReference: {
    'en-US': '--people must name a table column, such as "Team[Name]"; got {reference}',
    'zh-CN': '--people 必须指定一个表格列，例如 "Team[Name]"；实际为 {reference}',
  },
  noTable: { 'en-US': 'the workbook has no table named {table} (its tables: {tables})', 'zh-CN': '工作簿中没有名为 {table} 的表格（现有表格：{tables}）' },
  noTables: { 'en-US': 'the workbook has no table named {table} (it has no tables)', 'zh-CN': '工作簿中没有名为 {table} 的表格（工作簿中没有表格）' },
  noColumn: {
    'en-US': '{option} {column}: table {table} has no such column, nor a result column beside it (its columns: {columns})',
    'zh-CN': '{option} {column}：表格 {table} 中没有这一列，旁边也没有这样的结果列（现有列：{columns}）',
  },
  otherTable: {
    'en-US': '{option} {reference} names table {other}; it must be a column of {table}, the table --people names',
    'zh-CN': '{option} {reference} 指向表格 {other}；它必须是 --people 所指表格 {table} 中的列',
  },
  noPayout: {
    'en-US': 'no payout column found beside table {table} (a result headed "Payout", "Bonus", "Commission" or "Incentive"); name it with --payout "{table}[Column]" (result columns: {columns})',
    'zh-CN': '表格 {table} 旁没有找到应发金额列（标题为"奖金"、"提成"、"应发金额"等的结果列）；请用 --payout "{table}[列名]" 指定（现有结果列：{columns}）',
  },
  noResults: { 'en-US': 'none', 'zh-CN': '无' },
  noChromium: {
    'en-US': "PDF needs Chromium and there is none at '{path}': install it ('bash scripts/ensure-chromium.sh', or 'apt-get install chromium') or set PERFPLAN_CHROMIUM to its path; --format html or xlsx need no browser",
    'zh-CN': "生成 PDF 需要 Chromium，但 '{path}' 处没有：请安装（'bash scripts/ensure-chromium.sh'，或 'apt-get install chromium'），或将 PERFPLAN_CHROMIUM 设为其路径；--format html 或 xlsx 不需要浏览器",
  },
  chromiumFailed: { 'en-US': "Chromium at '{path}' could not print: {reason}", 'zh-CN': "'{path}' 处的 Chromium 无法打印：{reason}" },

  // ---- Writing (exit 2) ------------------------------------------------------------------------
  cannotWrite: { 'en-US': 'cannot write to {dir}: {reason}', 'zh-CN': '无法写入 {dir}：{reason}' },

  // ---- What it prints --------------------------------------------------------------------------
  writtenOne: { 'en-US': '1 statement written to {dir} ({format}); total payout {total}', 'zh-CN': '已向 {dir} 写出 1 份结算单（{format}）；应发合计 {total}' },
  written: { 'en-US': '{count} statements written to {dir} ({format}); total payout {total}', 'zh-CN': '已向 {dir} 写出 {count} 份结算单（{format}）；应发合计 {total}' },
  refusedOne: {
    'en-US': '1 person got no statement: their payout ({column}) is an error',
    'zh-CN': '1 人未生成结算单：其应发金额（{column}）为错误',
  },
  refused: {
    'en-US': '{count} people got no statement: their payout ({column}) is an error',
    'zh-CN': '{count} 人未生成结算单：其应发金额（{column}）为错误',
  },
  /** One refused person: "Li Wei (Team!O9): #VALUE! message". */
  refusedPerson: { 'en-US': '  {name} ({cell}): {code} {message}', 'zh-CN': '  {name}（{cell}）：{code} {message}' },

  // ---- The statement ---------------------------------------------------------------------------
  title: { 'en-US': 'Incentive statement', 'zh-CN': '激励薪酬结算单' },
  /** The document's title: "Incentive statement — Li Wei". */
  documentTitle: { 'en-US': 'Incentive statement — {name}', 'zh-CN': '激励薪酬结算单 — {name}' },
  identity: { 'en-US': 'Who', 'zh-CN': '人员信息' },
  name: { 'en-US': 'Name', 'zh-CN': '姓名' },
  id: { 'en-US': 'Employee ID', 'zh-CN': '工号' },
  role: { 'en-US': 'Role', 'zh-CN': '岗位' },
  period: { 'en-US': 'Period', 'zh-CN': '所属期间' },
  inputs: { 'en-US': 'Inputs', 'zh-CN': '输入数据' },
  results: { 'en-US': 'Results', 'zh-CN': '计算结果' },
  totals: { 'en-US': 'Totals', 'zh-CN': '合计' },
  item: { 'en-US': 'Item', 'zh-CN': '项目' },
  value: { 'en-US': 'Value', 'zh-CN': '数值' },
  cell: { 'en-US': 'Cell', 'zh-CN': '单元格' },
  how: { 'en-US': 'How it was calculated', 'zh-CN': '计算过程' },
  noInputs: { 'en-US': 'No inputs in this row.', 'zh-CN': '本行没有输入数据。' },
  noResultsInRow: { 'en-US': 'No results in this row.', 'zh-CN': '本行没有计算结果。' },
  payoutMark: { 'en-US': 'payout', 'zh-CN': '应发金额' },
  totalPayout: { 'en-US': 'Total payout', 'zh-CN': '应发合计' },
  stepsAddUp: { 'en-US': 'Sum of the steps of {header}', 'zh-CN': '{header} 各步骤之和' },
  /** A result that is no single PERF call with an explanation: its formula is what explains it. */
  formulaOnly: { 'en-US': 'Formula {formula}', 'zh-CN': '公式 {formula}' },
  /** A result cell inside a spill: "row 3 of the array spilled from Team!M8". */
  spilledFrom: { 'en-US': '{position} of {anchor}', 'zh-CN': '{anchor} 的{position}' },
  errorValue: { 'en-US': '{code} {message}', 'zh-CN': '{code} {message}' },
  blank: { 'en-US': '(blank)', 'zh-CN': '（空白）' },
  footer: {
    'en-US': 'Workbook {file} · SHA-256 {sha256} · calculated {time} by PerfPlan',
    'zh-CN': '工作簿 {file} · SHA-256 {sha256} · 由 PerfPlan 于 {time} 计算',
  },
  /** The statements workbook's sheet (xlsx). */
  sheet: { 'en-US': 'Statement', 'zh-CN': '结算单' },
} as const satisfies Record<string, Text>;

/** Headers that name the key columns of a people table, in both languages (compared trimmed, case-blind, without a bracketed note). */
export const STATEMENT_HEADERS = {
  id: ['id', 'employee id', 'employee no', 'employee no.', 'employee number', 'staff id', 'emp id', '工号', '员工编号', '员工号', '人员编号', '编号'],
  role: ['role', 'position', 'title', 'job title', 'job', '岗位', '职位', '角色', '职务'],
  period: ['period', 'pay period', 'month', '期间', '所属期间', '考核期间', '考核期', '月份'],
  payout: ['payout', 'bonus', 'commission', 'incentive', 'total payout', 'payout amount', 'amount payable', 'net pay', 'pay', '奖金', '提成', '应发金额', '应发', '实发金额', '激励', '奖金金额', '提成金额', '激励金额'],
  /** Defined names that hold the period when the table has no period column. */
  periodNames: ['Period', 'PayPeriod', '期间', '所属期间', '考核期间'],
} as const;

/** How headers are compared with those lists: trimmed, case-blind, a trailing bracketed note dropped ("Payout (CNY)", "奖金（元）"). */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s*[(（][^()（）]*[)）]\s*$/, '')
    .trim()
    .toLowerCase();
}
