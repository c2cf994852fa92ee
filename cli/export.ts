/**
 * `perfplan export BOOK.xlsx --map payroll.json --out payroll.csv|payroll.xlsx [--timeout SECONDS]
 * [--lang zh-CN]` (issue 12 item 3): payroll columns mapped from a workbook. The workbook is
 * calculated by perfplan calc's own task (compare-books.ts); the file is made by
 * calc/payroll-file.ts (as a payout run's payroll is, in the API). Nothing is
 * written unless every mapped cell holds a value and the file's total equals the workbook's
 * to the cent; then the file is written whole or not at all.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PayrollMap, parsePayrollMap } from '../calc/payroll';
import { PayrollFile, payrollFile } from '../calc/payroll-file';
import { Refusal } from '../calc/refusal';
import { CLI, argumentsLocale } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { OUTPUTS } from '../i18n/outputs';
import { Phrase, isPhrase, phrase, render } from '../i18n/text';
import { nodeCodec } from '../workbook/node-codec';
import { readArguments } from './calc';
import { calculatedModel, writeWhole } from './compare-books';
import { keepValue, optionValue } from './compare';
import { EXIT, commandLine } from './exit-codes';
import type { Io } from './io';
import { startBookCommand } from './command-start';
import { DEFAULT_TIMEOUT_SECONDS } from './isolate';
import { mapProblemPhrase } from '../calc/payroll-phrases';

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
    if (mapArg) return keepValue(mapArg, (given) => (map = given));
    if (outArg) return keepValue(outArg, (given) => (out = given));
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

export async function exportCommand(args: string[], io: Io): Promise<number> {
  const started = startBookCommand({ name: 'export', parse: parseExportArgs, usage: exportUsage }, args, io);
  if (typeof started === 'number') return started;
  const { options, locale } = started;
  const map = await readMap(options.map, io, locale);
  if (typeof map === 'number') return map;
  const model = await calculatedModel(options.book, io, { command: 'export', locale, timeoutSeconds: options.timeout });
  if (typeof model === 'number') return model;
  let file: PayrollFile;
  try {
    file = payrollFile(model, map, { book: options.book, format: options.format }, locale, nodeCodec);
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
