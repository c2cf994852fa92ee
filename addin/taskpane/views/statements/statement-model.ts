/**
 * The Statements view's pure part: the person in the selected table row
 * (addin/office/statements-row) as the statement calc/statements.ts would give the CLI —
 * identity from the table's columns with recognised headers (i18n/statements.ts
 * STATEMENT_HEADERS: name, id, role, period, payout), a formula cell (in the table or beside it)
 * as a result with its Explain steps when it is a PERF call, any other table cell as an input — and the
 * document and HTML page the CLI renders (calc/statements-document.ts, statements-html.ts).
 */
import type { PerfError } from '../../../../engine/errors';
import type { Explanation } from '../../../../engine/explain';
import type { Locale } from '../../../../i18n/locale';
import { STATEMENT_HEADERS, headerKey } from '../../../../i18n/statements';
import { toCents } from '../../../../calc/payroll';
import type { ShownValue, Statement, StatementResult, StatementsModel } from '../../../../calc/statements';
import { type StatementDocument, type StatementSource, statementDocument } from '../../../../calc/statements-document';
import { statementHtml } from '../../../../calc/statements-html';
import type { PersonRow, RowCell } from '../../../office/statements-row';

/** What the Explain engine said about a result cell (by its address). */
export type Explained = { explanation: Explanation } | { error: PerfError };


const recognised = (list: readonly string[]) => new Set(list.map(headerKey));
const HEADERS = {
  id: recognised(STATEMENT_HEADERS.id),
  role: recognised(STATEMENT_HEADERS.role),
  period: recognised(STATEMENT_HEADERS.period),
  payout: recognised(STATEMENT_HEADERS.payout),
  name: recognised(['name', 'full name', 'employee', 'person', '姓名', '名字', '员工', '员工姓名', '人员']),
};

/** A cell's value as a statement shows it. */
export function shownValue(cell: Pick<RowCell, 'value' | 'type'>): ShownValue {
  const { value, type } = cell;
  if (type === 'Error') return { kind: 'error', code: String(value), message: '' };
  if (type === 'Empty' || value === '' || value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'text', value: String(value) };
}

const textOf = (cell: RowCell | undefined) => (cell && cell.value !== '' && cell.value !== null && cell.value !== undefined ? String(cell.value) : undefined);

/**
 * The statement of the person in `row`, as calc/statements.ts makes it for the CLI: the name is
 * the table's column headed Name (姓名…), else its first text column; id, role and period are
 * the table's columns headed as STATEMENT_HEADERS lists (the period, without such a column, the
 * workbook's defined name Period); inputs are the table's other columns
 * that hold no formula; results are the formula cells — calculated columns, then the results
 * beside the table (a spill's element included); the payout is the first result headed Payout
 * (奖金, 应发金额…), else a column so headed, else the last result. Undefined when the row names
 * nobody.
 */
export function personStatement(row: PersonRow, explained: ReadonlyMap<string, Explained>): { statement: Statement; model: StatementsModel } | undefined {
  const columns = row.cells.filter((c) => c.inTable);
  const find = (set: Set<string>) => columns.find((c) => set.has(headerKey(c.header)));
  const nameCell = find(HEADERS.name) ?? columns.find((c) => !c.formula && typeof c.value === 'string' && c.value.trim() !== '');
  const name = textOf(nameCell)?.trim();
  if (!name) return undefined;
  const idCell = find(HEADERS.id);
  const roleCell = find(HEADERS.role);
  const periodCell = find(HEADERS.period);
  const formulas = [...columns, ...row.cells.filter((c) => !c.inTable)].filter((c) => c.formula);
  const payoutCell = formulas.find((c) => HEADERS.payout.has(headerKey(c.header))) ?? find(HEADERS.payout) ?? formulas[formulas.length - 1];
  const identity = new Set([nameCell, idCell, roleCell, periodCell].filter(Boolean));
  const inputs = columns
    .filter((c) => !c.formula && !identity.has(c) && c !== payoutCell && c.header !== '')
    .map((c) => ({ header: c.header, cell: c.cell, value: shownValue(c), ...(c.format ? { format: c.format } : {}) }));
  const results: StatementResult[] = formulas.map((c) => {
    const said = explained.get(c.cell);
    return {
      header: c.header,
      cell: c.cell,
      value: shownValue(c),
      formula: c.formula!,
      anchor: c.spill?.anchor ?? c.cell,
      element: c.spill ? { row: c.spill.row, col: c.spill.col } : { row: 0, col: 0 },
      ...(said && 'explanation' in said ? { explanation: said.explanation } : {}),
      ...(said && 'error' in said ? { error: said.error } : {}),
      payout: c === payoutCell,
      ...(c.format ? { format: c.format } : {}),
    };
  });
  const payout = payoutCell ? shownValue(payoutCell) : ({ kind: 'blank' } as const);
  const statement: Statement = {
    row: row.row,
    name,
    ...(textOf(idCell) !== undefined ? { id: textOf(idCell) } : {}),
    ...(textOf(roleCell) !== undefined ? { role: textOf(roleCell) } : {}),
    ...((textOf(periodCell) ?? row.period) !== undefined ? { period: textOf(periodCell) ?? row.period } : {}),
    inputs,
    results,
    payout,
  };
  const totalCents = payout.kind === 'number' ? toCents(payout.value) : 0; // as the payroll file pays it
  const model: StatementsModel = {
    table: row.table,
    sheet: row.sheet,
    headers: { name: nameCell?.header ?? '', id: idCell?.header, role: roleCell?.header, period: periodCell?.header, payout: payoutCell?.header ?? '' },
    statements: [statement],
    refused: [],
    total: totalCents / 100,
    totalCents,
  };
  return { statement, model };
}

/** The statement as the CLI renders it: its document and its self-contained HTML page. */
export function statementPage(statement: Statement, model: StatementsModel, source: StatementSource, locale: Locale): { doc: StatementDocument; html: string } {
  const doc = statementDocument(statement, model, source, locale);
  return { doc, html: statementHtml(doc) };
}

/** A file name for the saved statement: the name and period, without characters file systems refuse. */
export function statementFileName(statement: Statement): string {
  const base = [statement.name, statement.period].filter(Boolean).join(' ').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim();
  return `${base || 'statement'}.html`;
}
