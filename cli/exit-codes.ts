/**
 * Exit statuses of `perfplan calc` and `perfplan explain` (README, "perfplan calc"), and how
 * an error maps to one. Users see a one-line message in their locale, never a stack trace.
 */
import { PerfError } from '../engine/errors';
import { CLI } from '../i18n/cli';
import { LocalizedError, messageOf } from '../i18n/localized-error';
import type { Locale } from '../i18n/locale';
import { Phrase, phrase, render } from '../i18n/text';
import { LimitError } from '../workbook/limits';
import { WorkbookFormatError } from '../workbook/format-error';
import { ZipFormatError } from '../workbook/zip';

export const EXIT = {
  /** The workbook calculated (error cells are data). */
  calculated: 0,
  usage: 1,
  /** The input cannot be read as an .xlsx workbook. */
  unreadable: 2,
  /** The workbook is over a limit: size, text, formula length or nesting, memory, samples. */
  overLimit: 3,
  /** The time budget (--timeout) ran out. */
  timedOut: 4,
  /** A fault of perfplan itself. */
  internal: 5,
} as const;

/**
 * Anything thrown, as a phrase: a localized error's own text and parameters (LocalizedError,
 * PerfError), otherwise its message as written (another program's, quoted in Chinese).
 */
export function reasonOf(error: unknown): Phrase {
  if (error instanceof LocalizedError || error instanceof PerfError) return { text: error.text, params: error.params };
  return phrase(CLI.foreign, { message: messageOf(error) });
}

/** The exit status for an error thrown while reading or calculating, and what to tell the user. */
export function classify(error: unknown): { code: number; reason: Phrase } {
  const message = messageOf(error);
  if (error instanceof LimitError) return { code: EXIT.overLimit, reason: phrase(CLI.overLimit, { reason: reasonOf(error) }) };
  if (error instanceof RangeError && /call stack/i.test(message)) {
    return { code: EXIT.overLimit, reason: phrase(CLI.overLimit, { reason: phrase(CLI.nestsTooDeeply) }) };
  }
  if (error instanceof RangeError && /string length|array length/i.test(message)) {
    return { code: EXIT.overLimit, reason: phrase(CLI.overLimit, { reason: phrase(CLI.tooLong, { reason: message }) }) };
  }
  if (error instanceof WorkbookFormatError || error instanceof ZipFormatError) return { code: EXIT.unreadable, reason: reasonOf(error) };
  return { code: EXIT.internal, reason: phrase(CLI.internal, { reason: reasonOf(error) }) };
}

/** "perfplan calc: <message>" and a newline: one line in `locale`, as every message of the command line reads. */
export function commandLine(command: string, message: Phrase, locale: Locale): string {
  return `perfplan ${command}: ${render(message.text, locale, message.params)}\n`;
}
