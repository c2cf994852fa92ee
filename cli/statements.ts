/**
 * `perfplan statements BOOK.xlsx --people "Team[Name]" --out DIR [--format html|pdf|xlsx]
 * [--period "2025-07"] [--payout "Team[Payout]"] [--id COLUMN] [--role COLUMN] [--lang zh-CN]
 * [--timeout SECONDS]` (issue 12 item 1): one statement per person. This is the command line's
 * side — the arguments, the book and the browser checked before any work — and the work runs
 * isolated as calc's does (isolate.ts; statements-task.ts in the worker: one calculation, the
 * model of calc/statements.ts, the files written, one browser for every PDF).
 */
import { CLI, argumentsLocale } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { STATEMENTS } from '../i18n/statements';
import { Phrase, isPhrase, phrase, render } from '../i18n/text';
import { readArguments } from './calc';
import { EXIT, commandLine } from './exit-codes';
import type { Io } from './io';
import { startBookCommand } from './command-start';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, StatementsTask, runIsolated } from './isolate';
import { chromiumPath, isExecutable } from './statements-pdf';

/** `perfplan statements`'s usage in `locale`. */
export function statementsUsage(locale: Locale): string {
  return render(STATEMENTS.usage, locale, { seconds: DEFAULT_TIMEOUT_SECONDS });
}

export type StatementsArguments = StatementsTask & { timeout: number };

const FORMATS = ['html', 'pdf', 'xlsx'] as const;
const VALUED = ['--people', '--out', '-o', '--format', '--period', '--payout', '--id', '--role'] as const;

export function parseStatementsArgs(args: string[], env: Record<string, string | undefined> = process.env): StatementsArguments | Phrase {
  let book: string | undefined;
  const values: Partial<Record<(typeof VALUED)[number], string>> = {};
  const read = readArguments(args, (arg, i) => {
    const eq = arg.indexOf('=');
    const inline = eq > 0 && arg.startsWith('-');
    const option = (inline ? arg.slice(0, eq) : arg) as (typeof VALUED)[number];
    if ((VALUED as readonly string[]).includes(option)) {
      const value = inline ? arg.slice(eq + 1) : args[i + 1];
      if (value === undefined || value === '') return phrase(STATEMENTS.needsValue, { option });
      values[option === '-o' ? '--out' : option] = value;
      return inline ? 0 : 1;
    }
    if (arg.startsWith('-') && arg.length > 1) return phrase(CLI.unknownOption, { option: arg });
    if (book) return phrase(CLI.unexpectedArgument, { argument: arg });
    book = arg;
  });
  if (isPhrase(read)) return read;
  const people = values['--people'];
  const out = values['--out'];
  if (!book || !people || !out) return phrase(STATEMENTS.needsArguments);
  const format = (values['--format'] ?? 'html').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) return phrase(STATEMENTS.format, { format: values['--format']! });
  return {
    command: 'statements',
    book,
    out,
    format: format as StatementsTask['format'],
    people,
    payout: values['--payout'],
    id: values['--id'],
    role: values['--role'],
    period: values['--period'],
    chromium: chromiumPath(env),
    locale: argumentsLocale(args, env),
    timeout: read.timeout,
  };
}

export async function statementsCommand(args: string[], io: Io): Promise<number> {
  const started = startBookCommand({ name: 'statements', parse: parseStatementsArgs, usage: statementsUsage }, args, io);
  if (typeof started === 'number') return started;
  const { options, locale } = started;
  // No browser, no PDF: said before a workbook is calculated for nothing.
  if (options.format === 'pdf' && !isExecutable(options.chromium)) {
    io.err(commandLine('statements', phrase(STATEMENTS.noChromium, { path: options.chromium }), locale));
    return EXIT.usage;
  }
  const { timeout, ...task } = options;
  return runIsolated(task, io, { timeoutSeconds: timeout, memoryMb: DEFAULT_MEMORY_MB, locale }, 'statements');
}
