/**
 * How the workbook commands (calc, explain, statements, compare, export) start, said in the
 * command line's locale before any work: --help prints the usage; arguments that do not parse
 * give a usage error with the usage after it; a book that is not there is said as such.
 */
import * as fs from 'fs';
import { CLI, argumentsLocale } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { Phrase, isPhrase, phrase } from '../i18n/text';
import { EXIT, commandLine } from './exit-codes';
import type { Io } from './io';

/** A command as its start needs it: its name, how its arguments parse, and its usage in a locale. */
export interface CommandSpec<Options> {
  name: string;
  parse: (args: string[]) => Options | Phrase;
  usage: (locale: Locale) => string;
}

/** `args` parsed, or EXIT.usage once the error and the usage after it have been said. */
export function parsedArguments<Options>(spec: CommandSpec<Options>, args: string[], io: Io, locale: Locale): Options | number {
  const options = spec.parse(args);
  if (isPhrase(options)) {
    io.err(`${commandLine(spec.name, options, locale)}\n${spec.usage(locale)}\n`);
    return EXIT.usage;
  }
  return options;
}

/** The options and locale to run with, or the exit status once the usage (asked for, or after a usage error) has been said. */
export type Started<Options> = { options: Options; locale: Locale } | number;

/** The start of a command that answers --help itself. */
export function startCommand<Options>(spec: CommandSpec<Options>, args: string[], io: Io): Started<Options> {
  const locale = argumentsLocale(args, process.env);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${spec.usage(locale)}\n`);
    return EXIT.calculated;
  }
  const options = parsedArguments(spec, args, io, locale);
  return typeof options === 'number' ? options : { options, locale };
}

/** startCommand for a command on one workbook: a book that is not there ends it too. */
export function startBookCommand<Options extends { book: string }>(spec: CommandSpec<Options>, args: string[], io: Io): Started<Options> {
  const started = startCommand(spec, args, io);
  if (typeof started === 'number') return started;
  return missingBook(spec.name, started.options.book, io, started.locale) ?? started;
}

/** EXIT.unreadable once "no such file" has been said, or undefined when `book` is there. */
export function missingBook(command: string, book: string, io: Io, locale: Locale): number | undefined {
  if (fs.existsSync(book)) return undefined;
  io.err(commandLine(command, phrase(CLI.noSuchFile, { file: book }), locale));
  return EXIT.unreadable;
}
