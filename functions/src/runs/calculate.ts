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
import { calcBytes } from '../../../calc/book';
import { buildStatements, ShownValue } from '../../../calc/statements';
import { statementDocument } from '../../../calc/statements-document';
import { statementHtml } from '../../../calc/statements-html';
import { statementWorkbook } from '../../../calc/statements-xlsx';
import type { Locale } from '../../../i18n/locale';
import { LocalizedError } from '../../../i18n/localized-error';
import { STATEMENTS } from '../../../i18n/statements';
import { render } from '../../../i18n/text';
import type { RunError, RunRecord, RunTotals } from './model';

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
    }
  | { status: 'failed'; errors: RunError[] };

const plainValue = (value: ShownValue): number | string | boolean | null =>
  value.kind === 'blank' ? null : value.kind === 'error' ? value.code : value.value;

/** Cents, summed as integers: a total of many amounts does not drift. */
const roundCents = (value: number) => Math.round(value * 100) / 100;

export async function calculateRun(
  bytes: Uint8Array,
  run: Pick<RunRecord, 'peopleTable' | 'payoutColumn' | 'period'>,
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
    });
    if (model.refused.length > 0) {
      return {
        status: 'failed',
        errors: model.refused.map((p) => ({ person: p.name || `row ${p.row}`, cell: p.cell, message: `${p.code} ${p.message}`.trim() })),
      };
    }
    let cents = 0;
    const source = { file, sha256: createHash('sha256').update(bytes).digest('hex'), calculatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
    const sheet = render(STATEMENTS.sheet, locale);
    const statements: StatementFiles[] = [];
    const people: PersonResult[] = model.statements.map((s) => {
      if (s.payout.kind === 'number') cents += Math.round(s.payout.value * 100);
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
    return {
      status: 'calculated',
      totals: { payout: roundCents(cents / 100), people: people.length },
      results: { table: model.table, headers: model.headers, people },
      statements,
    };
  } catch (error) {
    // The workbook does not have what the run names (no such table or column, unreadable): permanent.
    if (error instanceof LocalizedError) return { status: 'failed', errors: [{ message: error.message }] };
    throw error;
  }
}
