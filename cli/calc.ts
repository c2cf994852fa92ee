/**
 * `perfplan calc BOOK.xlsx [--json] [-o OUT.xlsx] [--timeout SECONDS]`: recalculates a
 * workbook as Excel stored it (calc/) and prints every non-empty cell as JSON, or writes the
 * same package with the computed values cached (every other part copied byte for byte). The
 * work runs isolated (isolate.ts): limits and a time budget, never a crash.
 */
import * as fs from 'fs';
import { CalculatedBook, calcFile, writeCalculatedFile, writeJson } from '../calc/book';
import { toAddress } from '../workbook/a1';
import { EXIT, classify } from './exit-codes';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, Task, runIsolated } from './isolate';
import type { Io } from './io';

export const CALC_USAGE = `  perfplan calc BOOK.xlsx --json          print every non-empty cell after calculation as JSON
  perfplan calc BOOK.xlsx -o OUT.xlsx     write the workbook with computed values cached
      --timeout SECONDS                   stop after this long (default ${DEFAULT_TIMEOUT_SECONDS})`;

/** Where a task reports how many formula cells it is about to compute (named if it runs out of time). */
export interface Progress {
  formulas(count: number, first: string[]): void;
}

/** `--timeout 30` / `--timeout=30` at args[i]: the seconds and how many arguments it took, or an error. */
export function parseTimeout(args: string[], i: number): { seconds: number; used: number } | string | undefined {
  const arg = args[i];
  if (arg !== '--timeout' && !arg.startsWith('--timeout=')) return undefined;
  const text = arg === '--timeout' ? args[i + 1] : arg.slice('--timeout='.length);
  const seconds = Number(text);
  if (!text || !Number.isFinite(seconds) || seconds <= 0) return '--timeout needs a number of seconds greater than 0';
  return { seconds, used: arg === '--timeout' ? 2 : 1 };
}

type CalcArguments = Extract<Task, { command: 'calc' }> & { timeout: number };

function parseCalc(args: string[]): CalcArguments | string {
  let book: string | undefined;
  let json = false;
  let output: string | undefined;
  let timeout = DEFAULT_TIMEOUT_SECONDS;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const limit = parseTimeout(args, i);
    if (typeof limit === 'string') return limit;
    if (limit) {
      timeout = limit.seconds;
      i += limit.used - 1;
    } else if (arg === '--json') json = true;
    else if (arg === '-o' || arg === '--output') {
      output = args[++i];
      if (!output) return `${arg} needs a file name`;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (book) return `unexpected argument ${arg}`;
    else book = arg;
  }
  if (!book) return 'calc needs a workbook (BOOK.xlsx)';
  if (!json && !output) json = true;
  return { command: 'calc', book, json, output, timeout };
}

export async function calcCommand(args: string[], io: Io, usage: string): Promise<number> {
  const options = parseCalc(args);
  if (typeof options === 'string') {
    io.err(`perfplan calc: ${options}\n\n${usage}\n`);
    return EXIT.usage;
  }
  if (!fs.existsSync(options.book)) {
    io.err(`perfplan calc: cannot read ${options.book}: no such file\n`);
    return EXIT.unreadable;
  }
  const { timeout, ...task } = options;
  return runIsolated(task, io, { timeoutSeconds: timeout, memoryMb: DEFAULT_MEMORY_MB }, 'calc');
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

/** The work itself (inside the worker). */
export async function runCalcTask(task: Extract<Task, { command: 'calc' }>, io: Io, progress: Progress): Promise<number> {
  let book: CalculatedBook;
  try {
    book = await calcFile(task.book, {
      onRead: (model) => {
        const { count, first } = formulaCells({ model });
        progress.formulas(count, first);
      },
    });
  } catch (error) {
    const { code, message } = classify(error);
    io.err(code === EXIT.unreadable ? `perfplan calc: cannot read ${task.book} as an .xlsx workbook (${message})\n` : `perfplan calc: ${message}\n`);
    return code;
  }
  if (task.output) await writeCalculatedFile(book, task.output);
  if (task.json) {
    writeJson(book, io.out);
    io.out('\n');
  }
  return EXIT.calculated;
}
