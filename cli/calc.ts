/**
 * `perfplan calc BOOK.xlsx [--json] [-o OUT.xlsx]`: recalculates a workbook as Excel stored it
 * (calc/) and prints every non-empty cell as JSON, or writes the same package with the
 * computed values cached (every other part copied byte for byte).
 */
import * as fs from 'fs';
import { calcFile, writeCalculatedFile, writeJson } from '../calc/book';
import type { Io } from './io';

export const CALC_USAGE = `  perfplan calc BOOK.xlsx --json          print every non-empty cell after calculation as JSON
  perfplan calc BOOK.xlsx -o OUT.xlsx     write the workbook with computed values cached`;

interface CalcArguments {
  book: string;
  json: boolean;
  output?: string;
}

function parseCalc(args: string[]): CalcArguments | string {
  let book: string | undefined;
  let json = false;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '-o' || arg === '--output') {
      output = args[++i];
      if (!output) return `${arg} needs a file name`;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (book) return `unexpected argument ${arg}`;
    else book = arg;
  }
  if (!book) return 'calc needs a workbook (BOOK.xlsx)';
  if (!json && !output) json = true;
  return { book, json, output };
}

export async function calcCommand(args: string[], io: Io, usage: string): Promise<number> {
  const options = parseCalc(args);
  if (typeof options === 'string') {
    io.err(`perfplan calc: ${options}\n\n${usage}\n`);
    return 1;
  }
  if (!fs.existsSync(options.book)) {
    io.err(`perfplan calc: cannot read ${options.book}: no such file\n`);
    return 2;
  }
  let book;
  try {
    book = await calcFile(options.book);
  } catch (error) {
    io.err(`perfplan calc: cannot read ${options.book} as an .xlsx workbook (${error instanceof Error ? error.message : error})\n`);
    return 2;
  }
  if (options.output) await writeCalculatedFile(book, options.output);
  if (options.json) {
    writeJson(book, io.out);
    io.out('\n');
  }
  return 0;
}
