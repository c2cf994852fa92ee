/**
 * `perfplan calc BOOK.xlsx [--json] [-o OUT.xlsx] [--timeout SECONDS] [--lang zh-CN]`:
 * recalculates a workbook as Excel stored it (calc/) and prints every non-empty cell as JSON,
 * or writes the same package with the computed values cached (every other part copied byte
 * for byte). The work runs isolated (isolate.ts): limits and a time budget, never a crash.
 * One locale (--lang, else LC_ALL, LC_MESSAGES, LANG) decides every message it prints and the
 * messages inside error cells.
 */
import * as fs from 'fs';
import type { CalculatedBook } from '../calc/book';
import { CLI, argumentsLocale as localeOfArguments } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { Phrase, isPhrase, phrase, render } from '../i18n/text';
import { toAddress } from '../workbook/a1';
import { EXIT, classify, commandLine } from './exit-codes';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, Task, runIsolated } from './isolate';
import type { Io } from './io';
import { missingBook, parsedArguments } from './command-start';

/** The lines of `perfplan --help` about calc, in `locale`. */
export function calcUsage(locale: Locale): string {
  return render(CLI.calcUsage, locale, { seconds: DEFAULT_TIMEOUT_SECONDS });
}

/** The calc lines of the usage in en-US. */
export const CALC_USAGE = calcUsage('en-US');

/** Where a task reports how many formula cells it is about to compute (named if it runs out of time). */
export interface Progress {
  formulas(count: number, first: string[]): void;
  /** The workbook is calculated; its outputs are being written (`done` of `total`). */
  writing?(done: number, total: number): void;
}

/** `--timeout 30` / `--timeout=30` at args[i]: the seconds and how many arguments it took, or an error. */
export function parseTimeout(args: string[], i: number): { seconds: number; used: number } | Phrase | undefined {
  const arg = args[i];
  if (arg !== '--timeout' && !arg.startsWith('--timeout=')) return undefined;
  const text = arg === '--timeout' ? args[i + 1] : arg.slice('--timeout='.length);
  const seconds = Number(text);
  if (!text || !Number.isFinite(seconds) || seconds <= 0) return phrase(CLI.timeoutSeconds);
  return { seconds, used: arg === '--timeout' ? 2 : 1 };
}

/**
 * `--lang zh-CN` / `--lang=zh-CN` at args[i]: the language tag and how many arguments it took,
 * or an error (--lang with nothing after it).
 */
export function parseLang(args: string[], i: number): { lang: string; used: number } | Phrase | undefined {
  const arg = args[i];
  if (arg.startsWith('--lang=')) return { lang: arg.slice('--lang='.length), used: 1 };
  if (arg !== '--lang') return undefined;
  const lang = args[i + 1];
  return lang ? { lang, used: 2 } : phrase(CLI.langNeeded);
}

/**
 * The command line's one locale: its --lang when it has one, else the environment (LC_ALL,
 * LC_MESSAGES, LANG) — i18n/cli.ts argumentsLocale, which every command uses. Read before the
 * arguments are checked, so that even a usage error is said in the user's language.
 */
export function argumentsLocale(args: string[], env: Record<string, string | undefined> = process.env): Locale {
  return localeOfArguments(args, env);
}


type CalcArguments = Extract<Task, { command: 'calc' }> & { timeout: number };

/**
 * Reads a command's arguments left to right: --timeout and --lang as every calculating command
 * takes them, each other argument through `other`, which returns how many of the arguments
 * after it it took too (nothing: none) or an error. The first error ends the reading.
 */
export function readArguments(args: string[], other: (arg: string, i: number) => number | Phrase | void): { timeout: number } | Phrase {
  let timeout = DEFAULT_TIMEOUT_SECONDS;
  for (let i = 0; i < args.length; i++) {
    const limit = parseTimeout(args, i);
    const lang = parseLang(args, i);
    if (isPhrase(limit)) return limit;
    if (isPhrase(lang)) return lang;
    if (limit) {
      timeout = limit.seconds;
      i += limit.used - 1;
    } else if (lang) i += lang.used - 1;
    else {
      const taken = other(args[i], i);
      if (isPhrase(taken)) return taken;
      i += taken ?? 0;
    }
  }
  return { timeout };
}

export function parseCalcArgs(args: string[], env: Record<string, string | undefined> = process.env): CalcArguments | Phrase {
  let book: string | undefined;
  let json = false;
  let output: string | undefined;
  const read = readArguments(args, (arg, i) => {
    if (arg === '--json') json = true;
    else if (arg === '-o' || arg === '--output') {
      output = args[i + 1];
      return output ? 1 : phrase(CLI.needsFileName, { option: arg });
    } else if (arg.startsWith('-')) return phrase(CLI.unknownOption, { option: arg });
    else if (book) return phrase(CLI.unexpectedArgument, { argument: arg });
    else book = arg;
  });
  if (isPhrase(read)) return read;
  if (!book) return phrase(CLI.calcNeedsBook);
  if (!json && !output) json = true;
  return { command: 'calc', book, json, output, locale: argumentsLocale(args, env), timeout: read.timeout };
}

/**
 * Runs a command on a workbook in the isolated worker, within its --timeout: a usage error
 * (with the command's usage after it) or a missing book is said first, in the command line's
 * locale.
 */
export async function runOnBook<Options extends { book: string; timeout: number }>(
  command: Task['command'],
  args: string[],
  io: Io,
  parse: (args: string[]) => Options | Phrase,
  usage: (locale: Locale) => string,
  task: (options: Options) => Task,
): Promise<number> {
  const locale = argumentsLocale(args);
  const options = parsedArguments({ name: command, parse, usage }, args, io, locale);
  if (typeof options === 'number') return options;
  const missing = missingBook(command, options.book, io, locale);
  if (missing !== undefined) return missing;
  return runIsolated(task(options), io, { timeoutSeconds: options.timeout, memoryMb: DEFAULT_MEMORY_MB, locale }, command);
}

/** `usage` renders the whole usage in a locale (main's, for a usage error). */
export function calcCommand(args: string[], io: Io, usage: (locale: Locale) => string): Promise<number> {
  return runOnBook('calc', args, io, parseCalcArgs, usage, ({ timeout, ...task }) => task);
}

/** The formula cells of a read workbook, for a progress report. */
export function formulaCells(book: Pick<CalculatedBook, 'model'>): { count: number; first: string[] } {
  const first: string[] = [];
  let count = 0;
  for (const sheet of book.model.sheets) {
    for (const f of sheet.formulas) {
      if (first.length < 10) first.push(`${sheet.name}!${toAddress(f.row, f.col)}`);
      count++;
    }
  }
  return { count, first };
}

/**
 * The task's workbook calculated (inside the worker), its formula cells reported to `progress`
 * first — or the exit status, the failure said in one line (a file that is no workbook: exit 2).
 * `onBytes` is handed the file's bytes as read (statements hash them: one read).
 * The calculator is loaded here, never by the command line's own thread.
 */
export async function calculateForTask(
  command: Task['command'],
  task: { book: string; locale: Locale },
  io: Io,
  progress: Progress,
  options: { allCells?: boolean; onBytes?: (bytes: Uint8Array) => void } = {},
): Promise<CalculatedBook | number> {
  const { calcBytes } = await import('../calc/book');
  const { onBytes, ...calcOptions } = options;
  try {
    const bytes = await fs.promises.readFile(task.book);
    onBytes?.(bytes);
    return await calcBytes(bytes, {
      ...calcOptions,
      locale: task.locale,
      onRead: (model) => {
        const { count, first } = formulaCells({ model });
        progress.formulas(count, first);
      },
    });
  } catch (error) {
    const { code, reason } = classify(error);
    io.err(commandLine(command, code === EXIT.unreadable ? phrase(CLI.notWorkbook, { file: task.book, reason }) : reason, task.locale));
    return code;
  }
}

/** The work itself (inside the worker). */
export async function runCalcTask(task: Extract<Task, { command: 'calc' }>, io: Io, progress: Progress): Promise<number> {
  const book = await calculateForTask('calc', task, io, progress);
  if (typeof book === 'number') return book;
  const { writeCalculatedFile, writeJson } = await import('../calc/book');
  if (task.output) await writeCalculatedFile(book, task.output);
  if (task.json) {
    writeJson(book, io.out);
    io.out('\n');
  }
  return EXIT.calculated;
}
