/**
 * The `perfplan` command line. Commands:
 *   perfplan calc BOOK.xlsx [--json] [-o OUT.xlsx]
 *   perfplan explain BOOK.xlsx 'Sheet!C5' [--json] [--lang zh-CN]
 *   perfplan token [--role admin|publisher|reader] …   (local dev tokens for the API; dev/token.ts)
 *   perfplan seed [--api URL]                (built-in templates and benchmarks, over HTTP)
 */
import { CALC_USAGE, calcCommand } from './calc';
import { explainCommand } from './explain';
import { Io, processIo } from './io';
import { seedCommand } from './seed';
// Development tokens come from dev/ (cli → dev is allowed; dev never imports cli).
import { tokenCommand } from '../dev/token';

export const USAGE = `Usage:
${CALC_USAGE}
  perfplan explain BOOK.xlsx 'Sheet!C5'   explain a PERF cell step by step (--json, --lang zh-CN)
  perfplan seed [--api URL]                publish built-in templates and benchmarks to the API
  perfplan token --role admin              print a local dev token for the API (perfplan token --help)
  perfplan --help

Exit status (calc, explain): 0 the workbook calculated (error cells are data), 1 a usage error,
2 the input cannot be read, 3 it is over a limit (size, text, formula length or nesting,
memory, simulation samples), 4 the time budget (--timeout) ran out, 5 an internal error.`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(`${USAGE}\n`);
    return command ? 0 : 1;
  }
  if (command === 'calc') return calcCommand(rest, io, USAGE);
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
      // One line for users; the stack only when asked for (PERFPLAN_DEBUG=1).
      process.stderr.write(`perfplan: internal error: ${error instanceof Error ? (process.env.PERFPLAN_DEBUG ? error.stack : error.message) : error}\n`);
      process.exitCode = 5;
    },
  );
}
