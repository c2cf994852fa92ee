/**
 * `perfplan export BOOK.xlsx --map payroll.json --out payroll.csv|payroll.xlsx [--timeout SECONDS]
 * [--lang zh-CN]` (issue 12 item 3): payroll columns mapped from a workbook. The workbook is
 * calculated by perfplan calc's own task (compare-books.ts); the map, the rows, the cent-exact
 * total check and the CSV text are calc/payroll.ts; the .xlsx is export-xlsx.ts. Nothing is
 * written unless every mapped cell holds a value and the file's total equals the workbook's
 * to the cent; then the file is written whole or not at all.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ColumnSource, PayrollMap, calculatedSum, checkTotal, parsePayrollMap, payrollRows, toCsv } from '../calc/payroll';
import { ReferenceRequestError, columnCells, resolveRange, singleCell, totalsCell } from '../calc/ranges';
import { CLI, argumentsLocale, nameList } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { OUTPUTS } from '../i18n/outputs';
import { Phrase, phrase, render } from '../i18n/text';
import type { CellValue, WorkbookModel } from '../workbook/read';
import { isPhrase, readArguments } from './calc';
import { calculatedModel, writeWhole } from './compare-books';
import { optionValue, phraseList, problemPhrase } from './compare';
import { amount } from './compare-report';
import { EXIT, commandLine } from './exit-codes';
import type { Io } from './io';
import { DEFAULT_TIMEOUT_SECONDS } from './isolate';
import { cellProblemPhrase, mapProblemPhrase } from '../calc/payroll-phrases';

/** `perfplan export`'s usage in `locale`. */
export function exportUsage(locale: Locale): string {
  return render(OUTPUTS.exportUsage, locale, { seconds: DEFAULT_TIMEOUT_SECONDS });
}

export interface ExportOptions {
  book: string;
  map: string;
  out: string;
  format: 'csv' | 'xlsx';
  timeout: number;
  locale: Locale;
}

export function parseExportArgs(args: string[], env: Record<string, string | undefined> = process.env): ExportOptions | Phrase {
  let book: string | undefined;
  let map: string | undefined;
  let out: string | undefined;
  const read = readArguments(args, (arg, i) => {
    const mapArg = optionValue(args, i, ['--map']);
    const outArg = optionValue(args, i, ['--out', '-o']);
    if (isPhrase(mapArg) || isPhrase(outArg)) return phrase(CLI.needsFileName, { option: arg.split('=')[0] });
    if (mapArg) {
      map = mapArg.value;
      return mapArg.used - 1;
    }
    if (outArg) {
      out = outArg.value;
      return outArg.used - 1;
    }
    if (arg.startsWith('-') && arg.length > 1) return phrase(CLI.unknownOption, { option: arg });
    if (book) return phrase(CLI.unexpectedArgument, { argument: arg });
    book = arg;
  });
  if (isPhrase(read)) return read;
  if (!book || !map || !out) return phrase(OUTPUTS.exportNeedsBook);
  const extension = path.extname(out).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') return phrase(OUTPUTS.outExtension, { file: out });
  return { book, map, out, format: extension === '.csv' ? 'csv' : 'xlsx', timeout: read.timeout, locale: argumentsLocale(args, env) };
}

/** The map file read and checked, or the exit status (its message said). */
async function readMap(file: string, io: Io, locale: Locale): Promise<PayrollMap | number> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing ? phrase(CLI.noSuchFile, { file }) : phrase(OUTPUTS.mapNotJson, { file, reason: phrase(CLI.foreign, { message: (error as Error).message }) });
    io.err(commandLine('export', message, locale));
    return EXIT.unreadable;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    io.err(commandLine('export', phrase(OUTPUTS.mapNotJson, { file, reason: phrase(CLI.foreign, { message: (error as Error).message }) }), locale));
    return EXIT.usage;
  }
  const map = parsePayrollMap(json);
  if ('kind' in map) {
    io.err(commandLine('export', phrase(OUTPUTS.mapInvalid, { file, problem: mapProblemPhrase(map) }), locale));
    return EXIT.usage;
  }
  return map;
}

/** A refusal: nothing is written (exit 1). */
class Refusal {
  constructor(readonly message: Phrase) {}
}

function valueText(value: CellValue | undefined, locale: Locale): string {
  if (value === undefined || value === '') return render(OUTPUTS.valueBlank, locale);
  if (typeof value === 'object') return value.error;
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** The payroll file's bytes from a calculated workbook, and what to tell the user; a Refusal when nothing may be written. */
export async function exportModel(model: WorkbookModel, map: PayrollMap, options: Pick<ExportOptions, 'book' | 'format'>, locale: Locale): Promise<{ bytes: Uint8Array | string; rows: number; total: string; source: Phrase | string }> {
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
    if (error instanceof ReferenceRequestError) throw new Refusal(phrase(OUTPUTS.inBook, { file: options.book, reason: error.phrase }));
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
    } else {
      source = phrase(OUTPUTS.totalFromCells, { reference: totalColumn.from ?? totalColumn.header });
      workbookTotal = calculatedSum(rows);
    }
  } catch (error) {
    if (error instanceof ReferenceRequestError) throw new Refusal(phrase(OUTPUTS.inBook, { file: options.book, reason: error.phrase }));
    throw error;
  }
  const check = checkTotal(rows, workbookTotal);
  const money = (cents: number) => amount(cents / 100, locale);
  if (!check.equal) {
    throw nothing(
      phrase(OUTPUTS.totalMismatch, { file: money(check.fileCents), book: money(check.workbookCents), source, difference: money(Math.abs(check.fileCents - check.workbookCents)) }),
    );
  }
  let bytes: Uint8Array | string;
  if (options.format === 'csv') bytes = toCsv(rows.headers, rows.rows);
  else {
    const { payrollWorkbook } = await import('./export-xlsx');
    bytes = await payrollWorkbook(rows, map.sheet ?? render(OUTPUTS.payrollSheet, locale));
  }
  return { bytes, rows: rows.rows.length, total: money(check.fileCents), source };
}

export async function exportCommand(args: string[], io: Io): Promise<number> {
  const locale = argumentsLocale(args, process.env);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${exportUsage(locale)}\n`);
    return EXIT.calculated;
  }
  const options = parseExportArgs(args);
  if (isPhrase(options)) {
    io.err(`${commandLine('export', options, locale)}\n${exportUsage(locale)}\n`);
    return EXIT.usage;
  }
  if (!fs.existsSync(options.book)) {
    io.err(commandLine('export', phrase(CLI.noSuchFile, { file: options.book }), locale));
    return EXIT.unreadable;
  }
  const map = await readMap(options.map, io, locale);
  if (typeof map === 'number') return map;
  const model = await calculatedModel(options.book, io, { command: 'export', locale, timeoutSeconds: options.timeout });
  if (typeof model === 'number') return model;
  let file: Awaited<ReturnType<typeof exportModel>>;
  try {
    file = await exportModel(model, map, options, locale);
  } catch (error) {
    if (error instanceof Refusal) {
      io.err(commandLine('export', error.message, locale));
      return EXIT.usage;
    }
    throw error;
  }
  const failed = await writeWhole(options.out, file.bytes);
  if (failed) {
    io.err(commandLine('export', phrase(OUTPUTS.cannotWrite, { file: options.out, reason: phrase(CLI.foreign, { message: failed }) }), locale));
    return EXIT.unreadable;
  }
  io.out(`${render(OUTPUTS.written, locale, { file: options.out, rows: file.rows, total: file.total, source: file.source })}\n`);
  return EXIT.calculated;
}
