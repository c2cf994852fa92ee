/**
 * `perfplan statements`, the model (issue 12 item 1): one statement per person of a people
 * table, read from a calculated workbook. No I/O: the workbook is calculated already, and the
 * renderers (statements-document.ts, statements-html.ts) and the command (cli/statements.ts)
 * take it from here.
 *
 * How a statement is found, for the table `--people "Team[Name]"` names:
 *   - a person is a data row of the table; their name is the key column's cell;
 *   - id, role and period: the columns --id and --role name, else the table's columns headed as
 *     STATEMENT_HEADERS lists (工号/Employee ID, 岗位/Role, 所属期间/Period…, both languages);
 *     the period is --period, else a period column, else the defined name Period (期间…);
 *   - inputs: every other column of the table whose cell in the row is a value, not a formula;
 *   - results: every cell of the row covered by a formula whose area lies within the table's
 *     rows — calculated columns, spills beside the table over its rows (the person's element of
 *     the spill), formulas typed in the row. Each has its value and, when it is one PERF call
 *     with an explanation, the Explain steps behind it (calc/explain-cell.ts: the same
 *     resolution as `perfplan explain`, the engine's own explainers);
 *   - the payout: the result column --payout names, else the first headed as a payout
 *     (Payout, Bonus, Commission, Incentive, 奖金, 提成, 应发金额…). A person whose payout is an
 *     error gets no statement; they are listed in `refused`.
 */
import { PerfError } from '../engine/errors';
import type { ExplainAt, Explanation } from '../engine/explain';
import { nameList } from '../i18n/cli';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { LocalizedError } from '../i18n/localized-error';
import { STATEMENTS, STATEMENT_HEADERS, headerKey } from '../i18n/statements';
import { Phrase, phrase } from '../i18n/text';
import { Area, toAddress } from '../workbook/a1';
import { toTypedFormula } from '../workbook/formula-text';
import { formatValue } from '../workbook/number-format';
import { CellValue, WorkbookModel, cellNumberFormat } from '../workbook/read';
import { referenceArea } from '../workbook/references';
import { TableModel, tableAreas } from '../workbook/tables';
import type { CalculatedBook } from './book';
import type { FormulaResult, ResultValue } from './calculate';
import { CellExplainer, ExplainRequestError } from './explain-cell';
import { toCents } from './payroll';

/** A reference or option that names nothing usable: the command exits 1. */
export class StatementsRequestError extends LocalizedError {
  constructor(message: Phrase) {
    super(message);
    this.name = 'StatementsRequestError';
  }
}

export interface StatementOptions {
  /** The key column: "Team[Name]". */
  people: string;
  /** The payout column: "Team[Payout]" or a header ("Payout"); default: recognised by its header. */
  payout?: string;
  /** The id and role columns ("Team[Staff no]" or a header); default: recognised by their headers. */
  id?: string;
  role?: string;
  /** The period, as the user writes it ("2025-07"); default: a period column, else the defined name Period. */
  period?: string;
  /** The reader's language (default en-US): identity cells in a date format show its month and day names, as their Excel would. */
  locale?: Locale;
}

/** A cell's value as a statement shows it. */
export type ShownValue =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'blank' };

export interface StatementInput {
  header: string;
  /** "Team!C5" */
  cell: string;
  value: ShownValue;
  /** The cell's number format code ("0.0%", "[$¥-804]#,##0.00"), when it has one other than General. */
  format?: string;
}

export interface StatementResult {
  header: string;
  cell: string;
  value: ShownValue;
  /** The cell's number format code (a spilled cell without its own: the anchor's), when not General. */
  format?: string;
  /** The formula as typed ("=PERF.PAYOUT(M8#,PayoutCurve,…)"), its anchor's for a spilled cell. */
  formula: string;
  /** The cell holding the formula. */
  anchor: string;
  /** The element of the formula's result this cell shows (0-based; 0,0 for the anchor). */
  element: ExplainAt;
  /** The steps behind the value (a PERF call with an explanation)… */
  explanation?: Explanation;
  /** …or the error the function gives for this element. */
  error?: PerfError;
  /** This is the person's payout. */
  payout: boolean;
}

export interface Statement {
  /** The person's sheet row (1-based). */
  row: number;
  name: string;
  id?: string;
  role?: string;
  period?: string;
  inputs: StatementInput[];
  results: StatementResult[];
  /** The payout cell's value (a number, or what it shows when it is no number). */
  payout: ShownValue;
}

/** A person whose payout is an error: no statement. */
export interface RefusedPerson {
  name: string;
  row: number;
  cell: string;
  code: string;
  message: string;
}

export interface StatementsModel {
  table: string;
  sheet: string;
  /** The headers the identity came from (for the reader of the command's output). */
  headers: { name: string; id?: string; role?: string; period?: string; payout: string };
  statements: Statement[];
  refused: RefusedPerson[];
  /** Σ of the numeric payouts of the statements written, each to the cent as the payroll file pays it (1234.565 → 1234.57). */
  total: number;
  /** The same Σ in whole cents, summed as integers so that a total of many amounts does not drift. */
  totalCents: number;
}

// ---------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------

export function shown(value: CellValue | ResultValue | undefined): ShownValue {
  if (value === null || value === undefined || value === '') return { kind: 'blank' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'error', code: value.error, message: 'message' in value ? value.message : '' };
}

/** A value as plain text (identity fields): numbers in the cell's format as `locale` shows it, else as JavaScript writes them; blanks as ''. */
function plain(value: ShownValue, locale: Locale, format?: string): string {
  if (format && value.kind === 'number') {
    const text = formatValue(value.value, format, locale);
    if (text !== undefined) return text;
  }
  switch (value.kind) {
    case 'blank':
      return '';
    case 'error':
      return value.code;
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
    default:
      return String(value.value);
  }
}


const recognised = (list: readonly string[]) => new Set(list.map(headerKey));
const ID_HEADERS = recognised(STATEMENT_HEADERS.id);
const ROLE_HEADERS = recognised(STATEMENT_HEADERS.role);
const PERIOD_HEADERS = recognised(STATEMENT_HEADERS.period);
const PAYOUT_HEADERS = recognised(STATEMENT_HEADERS.payout);

// ---------------------------------------------------------------------------------------
// The table and its columns
// ---------------------------------------------------------------------------------------

/** "Team[Name]" → its table and column; undefined for anything else. */
export function parseColumnReference(reference: string): { table: string; column: string } | undefined {
  const match = /^\s*([^[\]!'"\s]+)\s*\[\s*(?:\[\s*)?([^[\]]+?)\s*(?:\]\s*)?\]\s*$/.exec(reference);
  if (!match) return undefined;
  return { table: match[1], column: match[2].replace(/'(.)/g, '$1') };
}

interface Located {
  table: TableModel;
  sheetIndex: number;
}

function findTable(model: WorkbookModel, name: string): Located {
  const all = model.sheets.flatMap((sheet, sheetIndex) => sheet.tables.map((table) => ({ table, sheetIndex })));
  const found = all.find((t) => t.table.name === name) ?? all.find((t) => t.table.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  if (all.length === 0) throw new StatementsRequestError(phrase(STATEMENTS.noTables, { table: name }));
  throw new StatementsRequestError(phrase(STATEMENTS.noTable, { table: name, tables: nameList(all.map((t) => t.table.name)) }));
}

/** A column of the sheet the statements read: its number (1-based), header, and whether it lies inside the table. */
interface Column {
  col: number;
  header: string;
  inTable: boolean;
}

// ---------------------------------------------------------------------------------------
// Building the statements
// ---------------------------------------------------------------------------------------

/** The statements of every person of the table `options.people` names. StatementsRequestError for what names nothing. */
export function buildStatements(book: CalculatedBook, options: StatementOptions): StatementsModel {
  const { model, calculation } = book;
  const key = parseColumnReference(options.people);
  if (!key) throw new StatementsRequestError(phrase(STATEMENTS.peopleReference, { reference: options.people }));
  const { table, sheetIndex } = findTable(model, key.table);
  const sheet = model.sheets[sheetIndex];
  const areas = tableAreas(table);
  const headerRow = areas.headers?.top;

  // Results whose area lies within the table's rows, by the rows they cover.
  const byRow = new Map<number, { result: FormulaResult; cols: [number, number] }[]>();
  const resultColumns = new Set<number>();
  for (const result of calculation.results) {
    if (result.sheet !== sheetIndex) continue;
    const { area } = result;
    if (area.top < table.ref.top || area.bottom > table.ref.bottom) continue;
    for (let r = Math.max(area.top, areas.data.top); r <= Math.min(area.bottom, areas.data.bottom); r++) {
      const list = byRow.get(r) ?? [];
      list.push({ result, cols: [area.left, area.right] });
      byRow.set(r, list);
      for (let c = area.left; c <= area.right; c++) resultColumns.add(c);
    }
  }

  const headerOf = (col: number): string => {
    if (col >= table.ref.left && col <= table.ref.right && table.columns[col - table.ref.left]) return table.columns[col - table.ref.left].name;
    const above = headerRow === undefined ? undefined : sheet.rows[headerRow]?.[col];
    if (typeof above === 'string' && above.trim() !== '') return above;
    return toAddress(headerRow ?? table.ref.top, col).replace(/\d+$/, '');
  };
  const columns: Column[] = [];
  for (let c = table.ref.left; c <= table.ref.right; c++) columns.push({ col: c, header: headerOf(c), inTable: true });
  for (const c of [...resultColumns].sort((a, b) => a - b)) if (c < table.ref.left || c > table.ref.right) columns.push({ col: c, header: headerOf(c), inTable: false });

  /** The column an option names ("Team[Payout]" or "Payout"), among `candidates`. */
  const named = (option: string, reference: string, candidates: Column[]): Column => {
    const parsed = parseColumnReference(reference);
    if (parsed && parsed.table.toLowerCase() !== table.name.toLowerCase()) {
      throw new StatementsRequestError(phrase(STATEMENTS.otherTable, { option, reference, other: parsed.table, table: table.name }));
    }
    const wanted = parsed ? parsed.column : reference;
    const found = candidates.find((c) => c.header === wanted) ?? candidates.find((c) => headerKey(c.header) === headerKey(wanted));
    if (!found) throw new StatementsRequestError(phrase(STATEMENTS.noColumn, { option, column: wanted, table: table.name, columns: nameList(candidates.map((c) => c.header)) }));
    return found;
  };
  const tableColumns = columns.filter((c) => c.inTable);
  const recognisedColumn = (headers: Set<string>) => tableColumns.find((c) => headers.has(headerKey(c.header)));

  const nameColumn = named('--people', `${table.name}[${key.column}]`, tableColumns);
  const idColumn = options.id ? named('--id', options.id, tableColumns) : recognisedColumn(ID_HEADERS);
  const roleColumn = options.role ? named('--role', options.role, tableColumns) : recognisedColumn(ROLE_HEADERS);
  const periodColumn = options.period === undefined ? recognisedColumn(PERIOD_HEADERS) : undefined;
  const results = columns.filter((c) => resultColumns.has(c.col));
  const payoutColumn = options.payout ? named('--payout', options.payout, columns) : results.find((c) => PAYOUT_HEADERS.has(headerKey(c.header)));
  if (!payoutColumn) {
    throw new StatementsRequestError(
      phrase(STATEMENTS.noPayout, { table: table.name, columns: results.length ? nameList(results.map((c) => c.header)) : STATEMENTS.noResults }),
    );
  }
  const identity = new Set([nameColumn, idColumn, roleColumn, periodColumn].filter((c): c is Column => c !== undefined).map((c) => c.col));
  const locale = options.locale ?? DEFAULT_LOCALE;
  const period = options.period ?? (periodColumn ? undefined : periodFromName(book, locale));

  const explainer = new CellExplainer(book);
  const valueAt = (row: number, col: number, covered: boolean): ShownValue =>
    shown(covered ? calculation.formulaValue(sheetIndex, row, col) : sheet.rows[row]?.[col]);
  const address = (row: number, col: number) => `${sheet.name}!${toAddress(row, col)}`;
  /** A cell's own number format; a spilled cell without one takes its anchor's (as a spill's cells show it). */
  const formatAt = (row: number, col: number, result?: FormulaResult): string | undefined =>
    cellNumberFormat(model, sheetIndex, row, col) ?? (result ? cellNumberFormat(model, sheetIndex, result.formula.row, result.formula.col) : undefined);

  const statements: Statement[] = [];
  const refused: RefusedPerson[] = [];
  let totalCents = 0;
  for (let row = areas.data.top; row <= areas.data.bottom; row++) {
    const covering = new Map<number, FormulaResult>();
    for (const { result, cols } of byRow.get(row) ?? []) for (let c = cols[0]; c <= cols[1]; c++) covering.set(c, result);
    const cellValue = (col: number) => valueAt(row, col, covering.has(col));
    const cellFormat = (col: number) => formatAt(row, col, covering.get(col));
    const name = plain(cellValue(nameColumn.col), locale, cellFormat(nameColumn.col));
    const payout = cellValue(payoutColumn.col);
    if (name === '' && covering.size === 0 && tableColumns.every((c) => cellValue(c.col).kind === 'blank')) continue; // an empty row
    if (payout.kind === 'error') {
      refused.push({ name, row, cell: address(row, payoutColumn.col), code: payout.code, message: payout.message });
      continue;
    }
    const inputs: StatementInput[] = tableColumns
      .filter((c) => !identity.has(c.col) && !covering.has(c.col))
      .map((c) => withFormat<StatementInput>({ header: c.header, cell: address(row, c.col), value: cellValue(c.col) }, cellFormat(c.col)));
    const rowResults: StatementResult[] = columns
      .filter((c) => covering.has(c.col))
      .map((c) => withFormat(resultOf(explainer, covering.get(c.col)!, sheet.name, sheetIndex, row, c, cellValue(c.col), c.col === payoutColumn.col), cellFormat(c.col)));
    if (payout.kind === 'number') totalCents += toCents(payout.value);
    statements.push({
      row,
      name,
      id: idColumn ? plain(cellValue(idColumn.col), locale, cellFormat(idColumn.col)) : undefined,
      role: roleColumn ? plain(cellValue(roleColumn.col), locale, cellFormat(roleColumn.col)) : undefined,
      period: periodColumn ? plain(cellValue(periodColumn.col), locale, cellFormat(periodColumn.col)) : period,
      inputs,
      results: rowResults,
      payout,
    });
  }
  return {
    table: table.name,
    sheet: sheet.name,
    headers: { name: nameColumn.header, id: idColumn?.header, role: roleColumn?.header, period: periodColumn?.header, payout: payoutColumn.header },
    statements,
    refused,
    total: totalCents / 100,
    totalCents,
  };
}

/** `item` with its cell's number format, when it has one (no `format` key otherwise). */
function withFormat<T extends { format?: string }>(item: T, format: string | undefined): T {
  if (format !== undefined) item.format = format;
  return item;
}

function resultOf(
  explainer: CellExplainer,
  result: FormulaResult,
  sheetName: string,
  sheetIndex: number,
  row: number,
  column: Column,
  value: ShownValue,
  payout: boolean,
): StatementResult {
  const anchor = `${sheetName}!${toAddress(result.formula.row, result.formula.col)}`;
  const element = { row: row - result.formula.row, col: column.col - result.formula.col };
  const base = { header: column.header, cell: `${sheetName}!${toAddress(row, column.col)}`, value, formula: `=${toTypedFormula(result.formula.text)}`, anchor, element, payout };
  try {
    const explained = explainer.explainResult(result, sheetIndex, row - 1, column.col - 1);
    return { ...base, explanation: explained.explanation, error: explained.error };
  } catch (error) {
    if (error instanceof ExplainRequestError) return base;
    throw error;
  }
}

/** The defined name Period (期间, …) when it stands for one cell: its value as text. */
function periodFromName(book: CalculatedBook, locale: Locale): string | undefined {
  const { model, calculation } = book;
  for (const wanted of STATEMENT_HEADERS.periodNames) {
    const name = model.definedNames.find((d) => d.name.toLowerCase() === wanted.toLowerCase() && d.sheetIndex === undefined);
    if (!name) continue;
    const found = referenceArea(name.text.replace(/^=/, ''), model.sheets[0]?.name ?? '');
    if (!found) continue;
    const sheetIndex = model.sheets.findIndex((s) => s.name === found.sheet);
    const area: Area = found.area;
    if (sheetIndex < 0 || area.top !== area.bottom || area.left !== area.right) continue;
    const value = shown(calculation.isStoredConstant(sheetIndex, area.top, area.left) ? model.sheets[sheetIndex].rows[area.top]?.[area.left] : calculation.formulaValue(sheetIndex, area.top, area.left));
    if (value.kind === 'blank' || value.kind === 'error') continue;
    return plain(value, locale, cellNumberFormat(model, sheetIndex, area.top, area.left));
  }
  return undefined;
}
