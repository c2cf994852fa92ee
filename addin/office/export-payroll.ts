/**
 * The payroll export from the pane (issue 12 item 3, `perfplan export` on the open workbook):
 * the same map (calc/payroll.ts parsePayrollMap), its references resolved by Excel — a table
 * column `People[ID]` (its data body; `People[[#Totals],[Payout]]` its totals cell), a range or
 * cell `Sheet!B2:B50` / `'Sales Team'!C5`, or a defined name — the cells read with their value
 * types, and the CLI's rules: every mapped cell a value (errors and blanks listed), the file's
 * total equal to the workbook's to the cent (the map's total cell, else the table's totals row,
 * else the column's sum as calculated), CSV in UTF-8 with a BOM; the rows are kept for the .xlsx
 * (./payroll-xlsx, loaded when asked for). Read only: nothing is written to the workbook.
 * Messages are the CLI's (i18n/outputs.ts, as calc/payroll-file.ts words them) as phrases,
 * rendered by the view.
 */
import { type ColumnSource, type MappedCell, type PayrollMap, type PayrollRows, calculatedSum, checkTotal, parsePayrollMap, payrollRows, toCsv } from '../../calc/payroll';
import { CLI, nameList } from '../../i18n/cli';
import type { Locale } from '../../i18n/locale';
import { OUTPUTS } from '../../i18n/outputs';
import { type Phrase, formatAmount, phrase, phraseList, render } from '../../i18n/text';
import type { CellValue } from '../../workbook/read';
import { cellAddress, parseAddress, qualify } from './a1';
import { cellProblemPhrase, mapProblemPhrase } from '../../calc/payroll-phrases';
import { messageOf } from '../../i18n/localized-error';

/** A reference as Excel can fetch it. */
export type PayrollReference =
  | { kind: 'column'; table: string; column: string; totals: boolean }
  | { kind: 'range'; sheet: string; address: string }
  | { kind: 'name'; name: string };

/** `Team[Name]`, `Team[[#Totals],[Payout]]`, `Sheet!B2:B9`, `'My Sheet'!C5` or a defined name; undefined for other text. */
export function parseReference(text: string): PayrollReference | undefined {
  const trimmed = text.trim();
  const totals = /^([^[\]!'"\s]+)\s*\[\s*\[\s*#Totals\s*\]\s*,\s*\[\s*([^[\]]+?)\s*\]\s*\]$/i.exec(trimmed);
  if (totals) return { kind: 'column', table: totals[1], column: totals[2], totals: true };
  const column = /^([^[\]!'"\s]+)\s*\[\s*(?:\[\s*)?([^[\]#][^[\]]*?)\s*(?:\]\s*)?\]$/.exec(trimmed);
  if (column) return { kind: 'column', table: column[1], column: column[2].replace(/'(.)/g, '$1'), totals: false };
  if (trimmed.includes('!')) {
    try {
      const parsed = parseAddress(trimmed);
      if (parsed.sheet === undefined) return undefined;
      return { kind: 'range', sheet: parsed.sheet, address: trimmed.slice(trimmed.lastIndexOf('!') + 1) };
    } catch {
      return undefined;
    }
  }
  return /^[A-Za-z_\\\u0080-\uFFFF][\w.\u0080-\uFFFF]*$/.test(trimmed) ? { kind: 'name', name: trimmed } : undefined;
}

/**
 * The map's JSON text → the map, or why not, as `perfplan export --map FILE` says it: `file` is
 * the name of the file the text was read from (the pasted text is called "JSON").
 */
export function readMap(text: string, file = 'JSON'): PayrollMap | Phrase {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return phrase(OUTPUTS.mapNotJson, { file, reason: phrase(CLI.foreign, { message: messageOf(error) }) });
  }
  const map = parsePayrollMap(json);
  return 'kind' in map ? phrase(OUTPUTS.mapInvalid, { file, problem: mapProblemPhrase(map) }) : map;
}

export type PayrollExport =
  | {
      ok: true;
      csv: string;
      /** The rows the CSV holds, for the .xlsx (./payroll-xlsx). */
      payroll: PayrollRows;
      rows: number;
      totalCents: number;
      /** The file's total, formatted to the cent in the caller's language. */
      total: string;
      /** Where the workbook's total was read. */
      source: Phrase | string;
    }
  | { ok: false; reason: Phrase; cells?: Phrase[] };

function valueText(value: CellValue | undefined, locale: Locale): string {
  if (value === undefined || value === '') return render(OUTPUTS.valueBlank, locale);
  if (typeof value === 'object') return value.error;
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** A cell as calc/payroll.ts reads it: an error as { error }, an empty cell as undefined. */
function cellValue(value: unknown, type: string | undefined): CellValue | undefined {
  if (type === 'Error') return { error: String(value) } as CellValue;
  if (type === 'Empty' || value === '' || value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

function rangeOf(context: Excel.RequestContext, reference: PayrollReference): Excel.Range {
  switch (reference.kind) {
    case 'column': {
      const column = context.workbook.tables.getItem(reference.table).columns.getItem(reference.column);
      return reference.totals ? column.getTotalRowRange() : column.getDataBodyRange();
    }
    case 'range':
      return context.workbook.worksheets.getItem(reference.sheet).getRange(reference.address);
    case 'name':
      return context.workbook.names.getItem(reference.name).getRange();
  }
}

const LOADED = 'address, values, valueTypes, rowIndex, columnIndex, rowCount, columnCount';

interface Loaded {
  range: Excel.Range;
}

function load(context: Excel.RequestContext, reference: PayrollReference): Loaded {
  const range = rangeOf(context, reference);
  range.load(LOADED);
  return { range };
}

/** The sheet of a loaded range, from its address ("'Sales Team'!C2:C9"). */
function sheetOf(range: Excel.Range): string | undefined {
  try {
    return parseAddress(range.address).sheet;
  } catch {
    return undefined;
  }
}

function cellsOf({ range }: Loaded): MappedCell[] {
  const types = range.valueTypes as unknown as string[][];
  const sheet = sheetOf(range);
  return range.values.map((row, i) => ({ address: qualify(sheet, cellAddress(range.rowIndex + i, range.columnIndex)), value: cellValue(row[0], types?.[i]?.[0]) }));
}

/**
 * The payroll CSV of the open workbook under `map`, or why nothing may be written. References
 * Excel cannot find fail the sync (the caller shows Excel's message).
 */
export async function exportPayroll(context: Excel.RequestContext, map: PayrollMap, locale: Locale = 'en-US'): Promise<PayrollExport> {
  const references: (PayrollReference | undefined)[] = [];
  for (const column of map.columns) {
    if (column.from === undefined) {
      references.push(undefined);
      continue;
    }
    const reference = parseReference(column.from);
    if (!reference) return { ok: false, reason: phrase(OUTPUTS.notReference, { reference: column.from }) };
    references.push(reference);
  }
  const totalReference = map.totalFrom ? parseReference(map.totalFrom) : undefined;
  if (map.totalFrom && !totalReference) return { ok: false, reason: phrase(OUTPUTS.notReference, { reference: map.totalFrom }) };
  const loaded = references.map((reference) => (reference ? load(context, reference) : undefined));
  const totalIndex = map.columns.findIndex((c) => c.header === map.totalColumn);
  const totalColumnRef = references[totalIndex];
  // The workbook's total: the map's cell, else the totals row of the column's table (when it shows one).
  const totalLoaded = totalReference ? load(context, totalReference) : undefined;
  let tableTotals: { table: Excel.Table; cell: Excel.Range } | undefined;
  if (!totalReference && totalColumnRef?.kind === 'column' && !totalColumnRef.totals) {
    const table = context.workbook.tables.getItem(totalColumnRef.table);
    table.load('showTotals');
    tableTotals = { table, cell: table.columns.getItem(totalColumnRef.column).getTotalRowRange() };
  }
  await context.sync();
  if (tableTotals?.table.showTotals) {
    tableTotals.cell.load(LOADED);
    await context.sync();
  }

  const sources: ColumnSource[] = map.columns.map((column, i) => {
    const l = loaded[i];
    if (!l) return { kind: 'fixed', value: column.value ?? '' };
    const cells = cellsOf(l);
    const single = l.range.rowCount === 1 && l.range.columnCount === 1 && references[i]!.kind !== 'column';
    return single ? { kind: 'cell', cell: cells[0] } : { kind: 'cells', cells };
  });
  for (let i = 0; i < map.columns.length; i++) {
    const l = loaded[i];
    if (l && l.range.columnCount !== 1) return { ok: false, reason: phrase(OUTPUTS.notOneColumn, { reference: map.columns[i].from!, columns: l.range.columnCount }) };
  }
  const result = payrollRows(map, sources);
  const nothing = (reason: Phrase, cells?: Phrase[]): PayrollExport => ({ ok: false, reason: phrase(OUTPUTS.nothingWritten, { reason }), ...(cells ? { cells } : {}) });
  if ('lengths' in result) {
    return nothing(phrase(OUTPUTS.columnLengths, { lengths: nameList(result.lengths.map((l) => render(OUTPUTS.columnLength, locale, { header: l.header, count: l.count }))) }));
  }
  if ('noRows' in result) return nothing(phrase(OUTPUTS.noRows));
  if ('problems' in result) {
    const count = result.problems.length;
    const cells = result.problems.map(cellProblemPhrase);
    const listed = phraseList(cells);
    return nothing(count === 1 ? phrase(OUTPUTS.exportRefusedOne, { cells: listed }) : phrase(OUTPUTS.exportRefused, { count, cells: listed }), cells);
  }
  const rows = result.ok;
  let workbookTotal: number;
  let source: Phrase | string;
  const totalCell = totalLoaded ? cellsOf(totalLoaded)[0] : tableTotals?.table.showTotals ? cellsOf({ range: tableTotals.cell })[0] : undefined;
  if (totalCell) {
    if (totalLoaded) source = map.totalFrom === totalCell.address ? totalCell.address : `${map.totalFrom} = ${totalCell.address}`;
    else source = phrase(OUTPUTS.totalFromTable, { table: (totalColumnRef as { table: string }).table, cell: totalCell.address });
    if (typeof totalCell.value !== 'number') return nothing(phrase(OUTPUTS.totalNotNumber, { source, value: valueText(totalCell.value, locale) }));
    workbookTotal = totalCell.value;
  } else {
    source = phrase(OUTPUTS.totalFromCells, { reference: map.columns[totalIndex].from ?? map.totalColumn });
    workbookTotal = calculatedSum(rows);
  }
  const check = checkTotal(rows, workbookTotal);
  const money = (cents: number) => formatAmount(cents / 100, locale);
  if (!check.equal) {
    return nothing(phrase(OUTPUTS.totalMismatch, { file: money(check.fileCents), book: money(check.workbookCents), source, difference: money(Math.abs(check.fileCents - check.workbookCents)) }));
  }
  return { ok: true, csv: toCsv(rows.headers, rows.rows), payroll: rows, rows: rows.rows.length, totalCents: check.fileCents, total: money(check.fileCents), source };
}
