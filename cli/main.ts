/**
 * The `perfplan` command line. Commands:
 *   perfplan calc BOOK.xlsx [--json] [-o OUT.xlsx]
 *   perfplan explain BOOK.xlsx 'Sheet!C5' [--json] [--lang zh-CN]
 *   perfplan token [--role admin|reader] …   (local dev tokens for the API)
 *   perfplan seed                            (built-in templates and benchmarks)
 */
import * as fs from 'fs';
import { calcFile, toJson, writeCalculated } from './calc';
import { explainCommand } from './explain';
import { seedCommand } from './seed';
import { tokenCommand } from './token';

export const USAGE = `Usage:
  perfplan calc BOOK.xlsx --json          print every non-empty cell after calculation as JSON
  perfplan calc BOOK.xlsx -o OUT.xlsx     write the workbook with computed values cached
  perfplan explain BOOK.xlsx 'Sheet!C5'   explain a PERF cell step by step (--json, --lang zh-CN)
  perfplan seed                            publish built-in templates and benchmarks to storage
  perfplan token --role admin              print a local dev token for the API (perfplan token --help)
  perfplan --help

Exit status: 0 when the workbook calculated (error cells are data), 1 for a usage error,
2 when the input cannot be read.`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

interface CalcOptions {
  book: string;
  json: boolean;
  output?: string;
}

function parseCalc(args: string[]): CalcOptions | string {
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

async function calc(args: string[], io: Io): Promise<number> {
  const options = parseCalc(args);
  if (typeof options === 'string') {
    io.err(`perfplan calc: ${options}\n\n${USAGE}\n`);
    return 1;
  }
  if (!fs.existsSync(options.book)) {
    io.err(`perfplan calc: cannot read ${options.book}: no such file\n`);
    return 2;
  }
  let calculated;
  try {
    calculated = await calcFile(options.book);
  } catch (error) {
    io.err(`perfplan calc: cannot read ${options.book} as an .xlsx workbook (${error instanceof Error ? error.message : error})\n`);
    return 2;
  }
  if (options.output) await writeCalculated(calculated, options.output);
  if (options.json) io.out(`${JSON.stringify(toJson(calculated))}\n`);
  return 0;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(`${USAGE}\n`);
    return command ? 0 : 1;
  }
  if (command === 'calc') return calc(rest, io);
  if (command === 'explain') return explainCommand(rest, io);
  if (command === 'token') return tokenCommand(rest, io);
  if (command === 'seed') return seedCommand(rest, io);
  io.err(`perfplan: unknown command "${command}"\n\n${USAGE}\n`);
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`perfplan: ${error instanceof Error ? error.stack : error}\n`);
      process.exitCode = 1;
    },
  );
}
