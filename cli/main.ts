/**
 * The `perfplan` command line. Commands:
 *   perfplan calc BOOK.xlsx [--json] [-o OUT.xlsx] [--lang zh-CN]
 *   perfplan explain BOOK.xlsx 'Sheet!C5' [--json] [--lang zh-CN]
 *   perfplan token [--role admin|publisher|reader] …   (local dev tokens for the API; dev/token.ts)
 *   perfplan seed [--api URL]                (built-in templates and benchmarks, over HTTP)
 */
import { CLI } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { phrase, render } from '../i18n/text';
import { argumentsLocale, calcCommand, calcUsage } from './calc';
import { EXIT, reasonOf } from './exit-codes';
import { explainCommand } from './explain';
import { Io, processIo } from './io';
import { seedCommand } from './seed';
// Development tokens come from dev/ (cli → dev is allowed; dev never imports cli).
import { tokenCommand } from '../dev/token';

/** `perfplan --help` in `locale`. */
export function usage(locale: Locale): string {
  return render(CLI.usage, locale, { calc: calcUsage(locale) });
}

/** The usage in en-US. */
export const USAGE = usage('en-US');

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(`${usage(argumentsLocale(rest))}\n`);
    return command ? 0 : 1;
  }
  if (command === 'calc') return calcCommand(rest, io, usage);
  if (command === 'explain') return explainCommand(rest, io);
  if (command === 'token') return tokenCommand(rest, io);
  if (command === 'seed') return seedCommand(rest, io);
  const locale = argumentsLocale(rest);
  io.err(`perfplan: ${render(CLI.unknownCommand, locale, { command })}\n\n${usage(locale)}\n`);
  return EXIT.usage;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      // One line for users; the stack only when asked for (PERFPLAN_DEBUG=1).
      const reason = error instanceof Error && process.env.PERFPLAN_DEBUG ? phrase(CLI.foreign, { message: String(error.stack) }) : reasonOf(error);
      process.stderr.write(`perfplan: ${render(CLI.internal, argumentsLocale(process.argv.slice(2)), { reason })}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
