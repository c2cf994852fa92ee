/**
 * The calculation of a payout run: the workbook recalculated by the code of `perfplan calc`
 * (calc/book.ts calcBytes) and read person by person by the code of `perfplan statements`
 * (calc/statements.ts buildStatements): the people are the rows of the run's people table,
 * named by its first column, and the payout is the run's payout column.
 *
 * A person whose payout is an error cell fails the run, and every such person is listed. A
 * workbook that names no such table or column fails it too (the reason is the message
 * `perfplan statements` gives). Anything else thrown is unexpected (the caller retries).
 * Each person's statement is made as `perfplan statements` makes it (HTML and xlsx).
 */
import { createHash } from 'crypto';
import { calcBytes, calculatedModel } from '../../../calc/book';
import { PayrollMap, parsePayrollMap } from '../../../calc/payroll';
import { checkedPayroll, payrollBytes } from '../../../calc/payroll-file';
import { Refusal } from '../../../calc/refusal';
import { nodeCodec } from '../../../workbook/node-codec';
import { buildStatements, ShownValue } from '../../../calc/statements';
import { statementDocument } from '../../../calc/statements-document';
import { statementHtml } from '../../../calc/statements-html';
import { statementWorkbook } from '../../../calc/statements-xlsx';
import type { Locale } from '../../../i18n/locale';
import { LocalizedError } from '../../../i18n/localized-error';
import { STATEMENTS } from '../../../i18n/statements';
import { OUTPUTS } from '../../../i18n/outputs';
import { RUN_FAILURES } from '../../../i18n/run-failures';
import { phrase, render } from '../../../i18n/text';
import type { RunError, RunRecord, RunTotals } from './model';
import type { PayrollFiles } from './store';

export interface PersonResult {
  row: number;
  name: string;
  id?: string;
  role?: string;
  period?: string;
  payout: number | string | boolean | null;
  results: Array<{ header: string; cell: string; value: number | string | boolean | null }>;
  /** The person's statement: `statements/row-<row>.html` and `.xlsx` under the run's folder. */
  statement: string;
}

/** One person's statement, as `perfplan statements` writes it (HTML and xlsx). */
export interface StatementFiles {
  name: string;
  html: string;
  xlsx: Uint8Array;
}

export type RunOutcome =
  | {
      status: 'calculated';
      totals: RunTotals;
      results: { table: string; headers: Record<string, string | undefined>; people: PersonResult[] };
      statements: StatementFiles[];
      payroll: PayrollFiles;
    }
  | { status: 'failed'; errors: RunError[] };

const plainValue = (value: ShownValue): number | string | boolean | null =>
  value.kind === 'blank' ? null : value.kind === 'error' ? value.code : value.value;

export async function calculateRun(
  bytes: Uint8Array,
  run: Pick<RunRecord, 'peopleTable' | 'payoutColumn' | 'period' | 'payrollMap'>,
  { locale = 'en-US', file = 'workbook.xlsx' }: { locale?: Locale; file?: string } = {},
): Promise<RunOutcome> {
  try {
    // As `perfplan statements` calculates (every cell, so each result can be explained).
    const book = await calcBytes(bytes, { allCells: true, locale, apiUrl: process.env.PERFPLAN_API_URL || undefined });
    const table = book.model.sheets.flatMap((s) => s.tables).find((t) => t.name.toLowerCase() === run.peopleTable.toLowerCase());
    const keyColumn = table?.columns[0]?.name ?? 'Name';
    const model = buildStatements(book, {
      people: `${table?.name ?? run.peopleTable}[${keyColumn}]`,
      payout: run.payoutColumn,
      period: run.period,
      locale,
    });
    if (model.refused.length > 0) {
      return {
        status: 'failed',
        errors: model.refused.map((p) => ({ person: p.name || render(RUN_FAILURES.personAtRow, locale, { row: p.row }), cell: p.cell, message: `${p.code} ${p.message}`.trim() })),
      };
    }
    const source = { file, sha256: createHash('sha256').update(bytes).digest('hex'), calculatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
    const sheet = render(STATEMENTS.sheet, locale);
    const statements: StatementFiles[] = [];
    const people: PersonResult[] = model.statements.map((s) => {
      const doc = statementDocument(s, model, source, locale);
      const name = `row-${s.row}`;
      statements.push({ name, html: statementHtml(doc), xlsx: statementWorkbook(doc, sheet) });
      return {
        row: s.row,
        name: s.name,
        ...(s.id !== undefined ? { id: s.id } : {}),
        ...(s.role !== undefined ? { role: s.role } : {}),
        ...(s.period !== undefined ? { period: s.period } : {}),
        payout: plainValue(s.payout),
        results: s.results.map((r) => ({ header: r.header, cell: r.cell, value: plainValue(r.value) })),
        statement: name,
      };
    });
    // The payroll as `perfplan export` makes it, from the workbook's values as calculated.
    const saved = calculatedModel(book);
    const payoutCells = model.statements.map((s) => s.results.find((r) => r.payout)?.cell).filter((c): c is string => c !== undefined);
    const derived = run.payrollMap === undefined;
    const map = (derived ? derivedPayrollMap(model.table, model.headers, run.period, saved, payoutCells) : parsePayrollMap(run.payrollMap)) as PayrollMap;
    // The derived file pays the run's payouts: checked against the run's total (each payout to the cent).
    const options = { book: file, ...(derived ? { expectedTotal: { cents: model.totalCents, source: phrase(OUTPUTS.totalFromPeople) } } : {}) };
    const payroll = checkedPayroll(saved, map, options, locale);
    return {
      status: 'calculated',
      // Each payout to the cent, as Excel's ROUND and the payroll file round it; summed as integers.
      totals: { payout: model.total, people: people.length },
      results: { table: model.table, headers: model.headers, people },
      statements,
      payroll: {
        csv: payrollBytes(payroll, map, 'csv', locale, nodeCodec) as string,
        xlsx: payrollBytes(payroll, map, 'xlsx', locale, nodeCodec) as Uint8Array,
        rows: payroll.rows.rows.length,
        totalCents: payroll.totalCents,
      },
    };
  } catch (error) {
    // The workbook does not have what the run names (no such table or column, unreadable), or
    // its payroll cannot be made (a blank id, a total that does not add up): permanent.
    if (error instanceof LocalizedError) return { status: 'failed', errors: [{ message: error.localized(locale) }] };
    if (error instanceof Refusal) return { status: 'failed', errors: [{ message: render(RUN_FAILURES.payrollFile, locale, { reason: error.message }) }] };
    throw error;
  }
}

/** "Team!N2", …, "Team!N9" → "Team!N2:N9" (one column); undefined when the cells are not one column of one sheet. */
function cellRange(cells: readonly string[]): string | undefined {
  const parsed = cells.map((cell) => /^(.*)!\$?([A-Z]{1,3})\$?(\d+)$/.exec(cell));
  if (parsed.length === 0 || parsed.some((m) => !m || m[1] !== parsed[0]![1] || m[2] !== parsed[0]![2])) return undefined;
  // A loop, not Math.min(...rows): spreading a 200,000-person column overflows the call stack.
  let top = Infinity;
  let bottom = -Infinity;
  for (const m of parsed) {
    const row = Number(m![3]);
    if (row < top) top = row;
    if (row > bottom) bottom = row;
  }
  const [, sheet, column] = parsed[0]!;
  return `${sheet}!${column}${top}:${column}${bottom}`;
}

/** A header of a structured reference, with Excel's escapes ('[, '], '#, ''). */
const escapeColumn = (header: string) => header.replace(/['[\]#]/g, "'$&");

/**
 * The payroll columns when the run names no map: 工号 (the id column, when the people table has
 * one), 姓名 (a name column, else the key column), 所属期间 (the run's period), 应发金额 (the payout) and
 * 成本中心 (a column headed cost centre or 成本中心, when there is one).
 */
export function derivedPayrollMap(
  table: string,
  headers: { name: string; id?: string; payout: string },
  period: string,
  model: { sheets: Array<{ tables: Array<{ name: string; columns: Array<{ name: string }> }> }> },
  payoutCells: readonly string[] = [],
): PayrollMap {
  const column = (header: string) => `${table}[${escapeColumn(header)}]`;
  const columns = model.sheets.flatMap((s) => s.tables).find((t) => t.name === table)?.columns.map((c) => c.name) ?? [];
  const costCentre = columns.find((c) => /^(cost[\s_-]*cent(er|re)|成本中心)$/i.test(c.trim()));
  // The key column names people for statements; payroll wants their names when a column holds them.
  // A payout beside the table (a spilled result, as the templates lay them out) is named by its cells.
  const payout = columns.some((c) => c.toLowerCase() === headers.payout.toLowerCase()) ? column(headers.payout) : (cellRange(payoutCells) ?? column(headers.payout));
  const name = columns.find((c) => /^(name|full[\s_-]*name|employee[\s_-]*name|姓名|员工姓名)$/i.test(c.trim())) ?? headers.name;
  return {
    columns: [
      ...(headers.id ? [{ header: '工号', from: column(headers.id), type: 'text' as const }] : []),
      { header: '姓名', from: column(name), type: 'text' },
      { header: '所属期间', value: period, type: 'text' },
      { header: '应发金额', from: payout, type: 'amount' },
      ...(costCentre ? [{ header: '成本中心', from: column(costCentre), type: 'text' as const }] : []),
    ],
    totalColumn: '应发金额',
  };
}
