/**
 * Exit statuses of `perfplan calc` and `perfplan explain` (README, "perfplan calc"), and how
 * an error maps to one. Users see a one-line message, never a stack trace.
 */
import { LimitError } from '../workbook/limits';
import { WorkbookFormatError } from '../workbook/read';
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

/** The exit status and the message for an error thrown while reading or calculating. */
export function classify(error: unknown): { code: number; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof LimitError) return { code: EXIT.overLimit, message: `over a limit: ${message}` };
  if (error instanceof RangeError && /call stack/i.test(message)) {
    return { code: EXIT.overLimit, message: 'over a limit: the workbook nests formulas too deeply to calculate' };
  }
  if (error instanceof RangeError && /string length|array length/i.test(message)) return { code: EXIT.overLimit, message: `over a limit: ${message}` };
  if (error instanceof WorkbookFormatError || error instanceof ZipFormatError) return { code: EXIT.unreadable, message };
  return { code: EXIT.internal, message: `internal error: ${message}` };
}
