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
import statements from './messages/statements.json';
import type { StatementsMessages } from './generated/messages';

/**
 * The keys run in sections: Usage; Arguments (exit 1); Writing (exit 2); What it prints; The statement.
 *
 * Notes on keys:
 *   - helpLine: The line `perfplan --help` shows for statements.
 *   - refusedPerson: One refused person: "Li Wei (Team!O9): #VALUE! message".
 *   - documentTitle: The document's title: "Incentive statement — Li Wei".
 *   - formulaOnly: A result that is no single PERF call with an explanation: its formula is what explains it.
 *   - spilledFrom: A result cell inside a spill: "row 3 of the array spilled from Team!M8".
 *   - sheet: The statements workbook's sheet (xlsx).
 */
export const STATEMENTS = statements as StatementsMessages;

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
