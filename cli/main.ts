/**
 * The `perfplan` command line. Commands:
 *   perfplan calc BOOK.xlsx [--json] [-o OUT.xlsx] [--lang zh-CN]
 *   perfplan explain BOOK.xlsx 'Sheet!C5' [--json] [--lang zh-CN]
 *   perfplan statements BOOK.xlsx --people "Team[Name]" --out DIR [--format html|pdf|xlsx] [--lang zh-CN]
 *   perfplan compare A.xlsx B.xlsx --key "Team[Name]" --value "Team[Payout]" [--json] [-o diff.xlsx]
 *   perfplan export BOOK.xlsx --map payroll.json --out payroll.csv|payroll.xlsx
 *   perfplan token [--role admin|publisher|reader] …   (local dev tokens for the API; dev/token.ts)
 *   perfplan seed [--api URL]                (built-in templates and benchmarks, over HTTP)
 *   perfplan run submit|status|list|approve|reject|payroll|statement …   (payout runs, over HTTP; cli/run.ts)
 *
 * Each command's module is loaded when it runs: `perfplan calc` and `explain` never load the
 * template library, the seed or the development code (seed and token bring library/, dev/ and
 * functions/'s auth along; tests/cli/module-graph.test.ts holds the calc path to that).
 */
import { CLI, argumentsLocale } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { OUTPUTS } from '../i18n/outputs';
import { STATEMENTS } from '../i18n/statements';
import { phrase, render } from '../i18n/text';
import { calcUsage } from './calc';
import { EXIT, reasonOf } from './exit-codes';
import { Io, processIo } from './io';

/** `perfplan --help` in `locale`. */
export function usage(locale: Locale): string {
  return render(CLI.usage, locale, { calc: calcUsage(locale), outputs: `${render(STATEMENTS.helpLine, locale)}\n${render(OUTPUTS.helpLines, locale)}` });
}

/** The usage in en-US. */
export const USAGE = usage('en-US');

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  const locale = argumentsLocale(rest, process.env);
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(`${usage(locale)}\n`);
    return command ? 0 : 1;
  }
  if (command === 'calc') return (await import('./calc')).calcCommand(rest, io, usage);
  if (command === 'explain') return (await import('./explain')).explainCommand(rest, io);
  if (command === 'statements') return (await import('./statements')).statementsCommand(rest, io);
  if (command === 'compare') return (await import('./compare')).compareCommand(rest, io);
  if (command === 'export') return (await import('./export')).exportCommand(rest, io);
  // Development tokens come from dev/ (cli → dev is allowed; dev never imports cli).
  if (command === 'token') return (await import('../dev/token')).tokenCommand(rest, io);
  if (command === 'seed') return (await import('./seed')).seedCommand(rest, io);
  if (command === 'run') return (await import('./run')).runCommand(rest, io);
  io.err(`perfplan: ${render(CLI.unknownCommand, locale, { command })}\n\n${usage(locale)}\n`);
  return EXIT.usage;
}

/**
 * The one line for a failure of perfplan itself (exit 5), in the command line's locale; the
 * stack only when asked for (PERFPLAN_DEBUG=1). The bin (cli/bin/perfplan.js) prints it too.
 */
export function crashLine(error: unknown, argv: string[], env: Record<string, string | undefined> = process.env): string {
  const reason = error instanceof Error && env.PERFPLAN_DEBUG ? phrase(CLI.foreign, { message: String(error.stack) }) : reasonOf(error);
  return `perfplan: ${render(CLI.internal, argumentsLocale(argv, env), { reason })}\n`;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(crashLine(error, process.argv.slice(2)));
      process.exitCode = EXIT.internal;
    },
  );
}
