/**
 * Payroll export (`perfplan export`, issue 12 item 3): the map that says which workbook cells
 * make which payroll column, the rows it gives, the cent-exact total check, and the CSV text.
 * Pure: the cells come in already read (calc/ranges.ts), bytes go out; no workbook, no I/O.
 *
 * The map (README, docs/payroll-map.example.json):
 *   {
 *     "sheet": "工资表",                                  optional: the .xlsx sheet's name
 *     "columns": [
 *       { "header": "工号",     "from": "People[ID]" },
 *       { "header": "姓名",     "from": "People[Name]" },
 *       { "header": "所属期间", "from": "Inputs!B2", "type": "month" },   one cell: every row
 *       { "header": "应发金额", "from": "People[Payout]", "type": "amount" },
 *       { "header": "成本中心", "value": "CC-100" }                       a fixed text
 *     ],
 *     "total": { "column": "应发金额", "from": "People[[#Totals],[Payout]]" }   optional
 *   }
 * Types: "text" (default; numbers as Excel shows them, 15 digits), "amount" (a number, written
 * with two decimals, rounded half away from zero as Excel's ROUND), "date" (a date serial →
 * 2025-07-31; text as it is), "month" (→ 2025-07). A column source is a table column, a range,
 * one cell (repeated on every row) or a defined name; all column sources must be as long as
 * each other. Rows where every column source is blank are skipped (a table's empty rows).
 */
import type { CellValue } from '../workbook/read';
import { excelNumber, sum } from './compare';

export type ColumnType = 'text' | 'amount' | 'date' | 'month';
export const COLUMN_TYPES: readonly ColumnType[] = ['text', 'amount', 'date', 'month'];

export interface PayrollColumn {
  header: string;
  /** A reference into the workbook. */
  from?: string;
  /** A fixed text, the same on every row. */
  value?: string;
  type: ColumnType;
}

export interface PayrollMap {
  /** The .xlsx sheet's name (default: the language's word for payroll). */
  sheet?: string;
  columns: PayrollColumn[];
  /** The amount column whose total is checked. */
  totalColumn: string;
  /** Where the workbook's total is; absent: the table's totals row, else the sum of the column as calculated. */
  totalFrom?: string;
}

/** What is wrong with a map, as the CLI says it (i18n/outputs.ts key and parameters). */
export type MapProblem =
  | { kind: 'shape' }
  | { kind: 'header'; index: number }
  | { kind: 'source'; index: number; header: string }
  | { kind: 'type'; index: number; header: string }
  | { kind: 'headerTwice'; header: string }
  | { kind: 'noAmount' }
  | { kind: 'whichAmount' }
  | { kind: 'totalColumn'; header: string }
  | { kind: 'totalShape' }
  | { kind: 'sheetName' };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Excel's rules for a sheet name: 1 to 31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function isSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/** A parsed JSON value → the map, or its first problem (columns are numbered from 1). */
export function parsePayrollMap(json: unknown): PayrollMap | MapProblem {
  if (!isObject(json) || !Array.isArray(json.columns) || json.columns.length === 0) return { kind: 'shape' };
  const columns: PayrollColumn[] = [];
  const headers = new Set<string>();
  for (let i = 0; i < json.columns.length; i++) {
    const index = i + 1;
    const entry = json.columns[i];
    if (!isObject(entry)) return { kind: 'shape' };
    const header = text(entry.header);
    if (header === undefined) return { kind: 'header', index };
    const from = text(entry.from);
    const fixed = typeof entry.value === 'number' ? String(entry.value) : typeof entry.value === 'string' ? entry.value : undefined;
    if ((from === undefined) === (fixed === undefined)) return { kind: 'source', index, header };
    const type = entry.type ?? 'text';
    if (!COLUMN_TYPES.includes(type as ColumnType)) return { kind: 'type', index, header };
    if (fixed !== undefined && type === 'amount') return { kind: 'source', index, header };
    if (headers.has(header.toLowerCase())) return { kind: 'headerTwice', header };
    headers.add(header.toLowerCase());
    columns.push({ header, ...(from === undefined ? { value: fixed } : { from }), type: type as ColumnType });
  }
  if (json.sheet !== undefined && (typeof json.sheet !== 'string' || !isSheetName(json.sheet))) return { kind: 'sheetName' };
  if (json.total !== undefined && !isObject(json.total)) return { kind: 'totalShape' };
  const total = (json.total ?? {}) as Record<string, unknown>;
  if ((total.column !== undefined && text(total.column) === undefined) || (total.from !== undefined && text(total.from) === undefined)) return { kind: 'totalShape' };
  const amounts = columns.filter((c) => c.type === 'amount');
  if (amounts.length === 0) return { kind: 'noAmount' };
  let totalColumn: string;
  if (text(total.column) !== undefined) {
    const named = amounts.find((c) => c.header.toLowerCase() === (total.column as string).toLowerCase());
    if (!named) return { kind: 'totalColumn', header: total.column as string };
    totalColumn = named.header;
  } else if (amounts.length > 1) return { kind: 'whichAmount' };
  else totalColumn = amounts[0].header;
  return { ...(typeof json.sheet === 'string' ? { sheet: json.sheet } : {}), columns, totalColumn, ...(text(total.from) ? { totalFrom: total.from as string } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Amounts in cents
// ---------------------------------------------------------------------------------------------

/** An amount in whole cents, rounded half away from zero on the number as Excel shows it (15 digits): 1.005 → 101. */
export function toCents(amount: number): number {
  const cents = Math.round(Number((Math.abs(amount) * 100).toPrecision(15)));
  return amount < 0 && cents !== 0 ? -cents : cents;
}

/** Cents as the file writes them: "1234.50", "-0.05". */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Cells → rows
// ---------------------------------------------------------------------------------------------

/** A mapped cell (address and value), as calc/ranges.ts reads it. */
export interface MappedCell {
  address: string;
  value: CellValue | undefined;
}

/** One column's source as read: a column of cells, one cell for every row, or a fixed text. */
export type ColumnSource = { kind: 'cells'; cells: MappedCell[] } | { kind: 'cell'; cell: MappedCell } | { kind: 'fixed'; value: string };

/** A cell that cannot be exported, and why. */
export type ExportProblem = { kind: 'error'; cell: string; code: string } | { kind: 'blank'; cell: string } | { kind: 'text'; cell: string } | { kind: 'logical'; cell: string };

/** What a payroll file holds: headers, rows of texts, and each row's amount in cents (the total column). */
export interface PayrollRows {
  headers: string[];
  types: ColumnType[];
  rows: string[][];
  /** Per row, the total column in cents. */
  totalCents: number[];
  /** The total column's cells as calculated, per row (for the workbook's own sum). */
  totalValues: number[];
  /** Index of the total column. */
  totalIndex: number;
}

const isBlank = (value: CellValue | undefined) => value === undefined || (typeof value === 'string' && value.trim() === '');

/** A date serial (1900 system, as Excel counts) → year, month, day. */
function serialDate(serial: number): { y: number; m: number; d: number } {
  // Excel counts 1900-02-29, which never was: serials from 61 on are one day ahead of the calendar.
  const days = Math.floor(serial) - (serial >= 61 ? 1 : 0);
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A number as text, as Excel shows it in a General cell (15 digits), never with an exponent below 1e21. */
export function numberText(value: number): string {
  const shown = excelNumber(value);
  const plain = String(shown);
  return /e/i.test(plain) ? shown.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : plain;
}

/** A cell's text for a column of `type`, or why it cannot be exported. */
export function cellText(cell: MappedCell, type: ColumnType): { text: string; cents?: number; value?: number } | ExportProblem {
  const { value, address } = cell;
  if (isBlank(value)) return { kind: 'blank', cell: address };
  if (typeof value === 'object') return { kind: 'error', cell: address, code: value!.error };
  if (type === 'amount') {
    if (typeof value === 'boolean') return { kind: 'logical', cell: address };
    if (typeof value !== 'number') return { kind: 'text', cell: address };
    const cents = toCents(value);
    return { text: centsText(cents), cents, value };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'string') return { text: value };
  if (type === 'date' || type === 'month') {
    if (value! < 1 || value! >= 2_958_466) return { text: numberText(value!) };
    const { y, m, d } = serialDate(value!);
    return { text: type === 'date' ? `${y}-${pad(m)}-${pad(d)}` : `${y}-${pad(m)}` };
  }
  return { text: numberText(value!) };
}

/**
 * The payroll rows from the columns' sources (in the map's order). `lengths` when the column
 * sources differ in length; `problems` lists every cell that is an error, blank, or (in an
 * amount column) not a number — nothing is exported then.
 */
export function payrollRows(
  map: PayrollMap,
  sources: readonly ColumnSource[],
): { ok: PayrollRows } | { lengths: { header: string; count: number }[] } | { problems: ExportProblem[] } | { noRows: true } {
  const columnSources = sources.map((s, i) => ({ s, header: map.columns[i].header })).filter((x) => x.s.kind === 'cells');
  const lengths = columnSources.map(({ s, header }) => ({ header, count: (s as { cells: MappedCell[] }).cells.length }));
  if (new Set(lengths.map((l) => l.count)).size > 1) return { lengths };
  const count = lengths.length ? lengths[0].count : 1;
  const rows: string[][] = [];
  const totalCents: number[] = [];
  const totalValues: number[] = [];
  const problems: ExportProblem[] = [];
  const reported = new Set<string>();
  const totalIndex = map.columns.findIndex((c) => c.header === map.totalColumn);
  for (let r = 0; r < count; r++) {
    const cellsOfRow = sources.map((s) => (s.kind === 'cells' ? s.cells[r] : s.kind === 'cell' ? s.cell : undefined));
    // A row where every column source is blank is no one: a table's empty rows.
    if (columnSources.length && sources.every((s, i) => s.kind !== 'cells' || isBlank(cellsOfRow[i]!.value))) continue;
    const row: string[] = [];
    sources.forEach((source, i) => {
      if (source.kind === 'fixed') {
        row.push(source.value);
        return;
      }
      const cell = cellsOfRow[i]!;
      const result = cellText(cell, map.columns[i].type);
      if ('kind' in result) {
        // A single cell repeated on every row is reported once.
        if (!reported.has(cell.address)) problems.push(result);
        reported.add(cell.address);
        row.push('');
        return;
      }
      row.push(result.text);
      if (i === totalIndex) {
        totalCents.push(result.cents!);
        totalValues.push(result.value!);
      }
    });
    rows.push(row);
  }
  if (problems.length) return { problems };
  if (rows.length === 0) return { noRows: true };
  return { ok: { headers: map.columns.map((c) => c.header), types: map.columns.map((c) => c.type), rows, totalCents, totalValues, totalIndex } };
}

/** The file's total against the workbook's, both in cents: the file's is the sum of the written amounts. */
export function checkTotal(rows: PayrollRows, workbookTotal: number): { fileCents: number; workbookCents: number; equal: boolean } {
  const fileCents = rows.totalCents.reduce((a, b) => a + b, 0);
  const workbookCents = toCents(workbookTotal);
  return { fileCents, workbookCents, equal: fileCents === workbookCents };
}

/** The workbook's own sum of the total column as calculated (when the map names no total cell). */
export function calculatedSum(rows: PayrollRows): number {
  return sum(rows.totalValues);
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180), UTF-8 with a byte-order mark
// ---------------------------------------------------------------------------------------------

export const UTF8_BOM = '\ufeff';

/** One field: quoted when it holds a comma, a quote, CR or LF (quotes doubled), or leading/trailing spaces. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The file's text: BOM, header line, one line per row, each ended by CRLF (RFC 4180 §2). */
export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [headers, ...rows].map((line) => line.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 text → records of fields (a leading BOM dropped). For reading a written file back. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let any = false;
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
      continue;
    }
    if (c === '"') {
      quoted = true;
      any = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      any = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      any = false;
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      any = true;
      i++;
    }
  }
  if (any || field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}
