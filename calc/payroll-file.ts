/**
 * The payroll file from a calculated workbook (`perfplan export`, and a payout run's payroll in
 * the API): the map's references resolved (calc/ranges.ts), the rows and the cent-exact total
 * check (calc/payroll.ts), then the CSV text or the .xlsx bytes (calc/payroll-xlsx.ts). Nothing
 * may be written unless every mapped cell holds a value and the file's total equals the
 * workbook's to the cent; otherwise a Refusal says why, in the caller's language.
 */
import { OUTPUTS } from '../i18n/outputs';
import { nameList } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { Phrase, formatAmount, phrase, phraseList, render } from '../i18n/text';
import type { CellValue, WorkbookModel } from '../workbook/read';
import type { ZipCodec } from '../workbook/zip';
import { ColumnSource, PayrollMap, PayrollRows, calculatedSum, checkTotal, payrollRows, toCsv } from './payroll';
import { cellProblemPhrase } from './payroll-phrases';
import { payrollWorkbook } from './payroll-xlsx';
import { ReferenceRequestError, columnCells, resolveRange, singleCell, totalsCell } from './ranges';
import { Refusal } from './refusal';

export interface PayrollFile {
  /** CSV text (UTF-8 byte-order mark first) or the .xlsx bytes. */
  bytes: Uint8Array | string;
  rows: number;
  /** The file's total, formatted to the cent. */
  total: string;
  /** The file's total in cents. */
  totalCents: number;
  /** Where the workbook's total was read. */
  source: Phrase | string;
}

function valueText(value: CellValue | undefined, locale: Locale): string {
  if (value === undefined || value === '') return render(OUTPUTS.valueBlank, locale);
  if (typeof value === 'object') return value.error;
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Where the file's total is checked, beyond the map. */
export interface PayrollFileOptions {
  book: string;
  /**
   * The total to check against when the map names no total cell and the column's table has no
   * totals row, instead of the column's sum as calculated: a payout run's approved total, each
   * person's payout rounded to the cent — what payroll will pay, whatever the rounding drift of
   * unrounded amounts.
   */
  expectedTotal?: { cents: number; source: Phrase };
}

/** The payroll's rows, every check passed: what any of its files holds. */
export interface CheckedPayroll {
  rows: PayrollRows;
  /** The file's total, formatted to the cent, and in cents. */
  total: string;
  totalCents: number;
  /** Where the workbook's total was read. */
  source: Phrase | string;
}

/** The payroll file's bytes from a calculated workbook, and what to tell the user; throws a Refusal when nothing may be written. */
export function payrollFile(model: WorkbookModel, map: PayrollMap, options: PayrollFileOptions & { format: 'csv' | 'xlsx' }, locale: Locale, codec: ZipCodec): PayrollFile {
  const checked = checkedPayroll(model, map, options, locale);
  return { bytes: payrollBytes(checked, map, options.format, locale, codec), rows: checked.rows.rows.length, total: checked.total, totalCents: checked.totalCents, source: checked.source };
}

/** The rows of a payroll file in `format`: CSV text (UTF-8 byte-order mark first) or .xlsx bytes. */
export function payrollBytes(checked: CheckedPayroll, map: PayrollMap, format: 'csv' | 'xlsx', locale: Locale, codec: ZipCodec): Uint8Array | string {
  const { rows } = checked;
  return format === 'csv' ? toCsv(rows.headers, rows.rows) : payrollWorkbook(rows, map.sheet ?? render(OUTPUTS.payrollSheet, locale), codec);
}

/** The payroll rows a map gives from a calculated workbook, every cell and the total checked; throws a Refusal when nothing may be written. */
export function checkedPayroll(model: WorkbookModel, map: PayrollMap, options: PayrollFileOptions, locale: Locale): CheckedPayroll {
  const inBook = (error: ReferenceRequestError) => new Refusal(phrase(OUTPUTS.inBook, { file: options.book, reason: error.phrase }));
  const sources: ColumnSource[] = [];
  const ranges = new Map<string, ReturnType<typeof resolveRange>>();
  try {
    for (const column of map.columns) {
      if (column.from === undefined) {
        sources.push({ kind: 'fixed', value: column.value ?? '' });
        continue;
      }
      const range = resolveRange(model, column.from);
      ranges.set(column.header, range);
      const single = range.area.top === range.area.bottom && range.area.left === range.area.right && !range.table;
      sources.push(single ? { kind: 'cell', cell: singleCell(model, range) } : { kind: 'cells', cells: columnCells(model, range) });
    }
  } catch (error) {
    if (error instanceof ReferenceRequestError) throw inBook(error);
    throw error;
  }
  const result = payrollRows(map, sources);
  const nothing = (reason: Phrase) => new Refusal(phrase(OUTPUTS.nothingWritten, { reason }));
  if ('lengths' in result) {
    throw nothing(phrase(OUTPUTS.columnLengths, { lengths: nameList(result.lengths.map((l) => render(OUTPUTS.columnLength, locale, { header: l.header, count: l.count }))) }));
  }
  if ('noRows' in result) throw nothing(phrase(OUTPUTS.noRows));
  if ('problems' in result) {
    const cells = phraseList(result.problems.map(cellProblemPhrase));
    const count = result.problems.length;
    throw nothing(count === 1 ? phrase(OUTPUTS.exportRefusedOne, { cells }) : phrase(OUTPUTS.exportRefused, { count, cells }));
  }
  const rows = result.ok;

  // The workbook's total: the map's cell, else the totals row of the column's table, else the column's sum as calculated.
  const totalColumn = map.columns[rows.totalIndex];
  let workbookTotal: number;
  let source: Phrase | string;
  try {
    const range = map.totalFrom ? resolveRange(model, map.totalFrom) : undefined;
    const totals = range ? singleCell(model, range) : totalsCell(model, ranges.get(totalColumn.header)!);
    if (totals) {
      source = range ? (map.totalFrom === totals.address ? totals.address : `${map.totalFrom} = ${totals.address}`) : phrase(OUTPUTS.totalFromTable, { table: ranges.get(totalColumn.header)!.table!.name, cell: totals.address });
      if (typeof totals.value !== 'number') throw nothing(phrase(OUTPUTS.totalNotNumber, { source, value: valueText(totals.value, locale) }));
      workbookTotal = totals.value;
    } else if (options.expectedTotal) {
      source = options.expectedTotal.source;
      workbookTotal = options.expectedTotal.cents / 100;
    } else {
      source = phrase(OUTPUTS.totalFromCells, { reference: totalColumn.from ?? totalColumn.header });
      workbookTotal = calculatedSum(rows);
    }
  } catch (error) {
    if (error instanceof ReferenceRequestError) throw inBook(error);
    throw error;
  }
  const check = checkTotal(rows, workbookTotal);
  const money = (cents: number) => formatAmount(cents / 100, locale);
  if (!check.equal) {
    throw nothing(
      phrase(OUTPUTS.totalMismatch, { file: money(check.fileCents), book: money(check.workbookCents), source, difference: money(Math.abs(check.fileCents - check.workbookCents)) }),
    );
  }
  return { rows, total: money(check.fileCents), totalCents: check.fileCents, source };
}
