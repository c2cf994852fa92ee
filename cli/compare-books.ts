/**
 * The workbooks `perfplan compare` and `perfplan export` read, calculated by the very task of
 * `perfplan calc -o` (cli/calc.ts runCalcTask, in its isolated worker: the same limits, time
 * budget and messages) into a temporary package, which is then read back as Excel stores it
 * (workbook/read.ts): every formula's value cached, spills included, tables and defined names
 * as the workbook has them. Nothing of the user's is written; the temporary folder goes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { phrase } from '../i18n/text';
import { nodeCodec } from '../workbook/node-codec';
import { WorkbookModel, readWorkbookModel } from '../workbook/read';
import { ZipArchive } from '../workbook/zip';
import { EXIT, classify, commandLine } from './exit-codes';
import type { Io } from './io';
import { missingBook } from './command-start';
import { DEFAULT_MEMORY_MB, runIsolated } from './isolate';

export interface CalculateOptions {
  /** The command the messages are said by ("compare", "export"). */
  command: string;
  locale: Locale;
  timeoutSeconds: number;
}

/** Messages of the calc task, said by `command` ("perfplan calc: …" → "perfplan compare: …"). */
function sayingAs(io: Io, command: string): Io {
  return { out: io.out, err: (text) => io.err(text.replace(/^perfplan calc: /, `perfplan ${command}: `)) };
}

/** `book` calculated and read back, or the exit status the calculation ended with (its message already said). */
export async function calculatedModel(book: string, io: Io, options: CalculateOptions): Promise<WorkbookModel | number> {
  const { command, locale, timeoutSeconds } = options;
  const missing = missingBook(command, book, io, locale);
  if (missing !== undefined) return missing;
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), `perfplan-${command}-`));
  try {
    const output = path.join(dir, 'calculated.xlsx');
    const code = await runIsolated({ command: 'calc', book, json: false, output, locale }, sayingAs(io, command), { timeoutSeconds, memoryMb: DEFAULT_MEMORY_MB, locale }, command);
    if (code !== EXIT.calculated) return code;
    try {
      return readWorkbookModel(ZipArchive.read(await fs.promises.readFile(output)), nodeCodec);
    } catch (error) {
      const { code: status, reason } = classify(error);
      io.err(commandLine(command, status === EXIT.unreadable ? phrase(CLI.notWorkbook, { file: book, reason }) : reason, locale));
      return status;
    }
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Writes `bytes` to `file` whole or not at all: into a temporary file beside it, then renamed
 * over it. Undefined when written, else the reason (the system's message, e.g. "ENOENT: no such
 * file or directory").
 */
export async function writeWhole(file: string, bytes: Uint8Array | string): Promise<string | undefined> {
  const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.promises.writeFile(temporary, bytes);
    await fs.promises.rename(temporary, file);
    return undefined;
  } catch (error) {
    await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    // The system's reason without the temporary file's name: "ENOENT: no such file or directory".
    const message = typeof (error as Error)?.message === 'string' ? (error as Error).message : String(error);
    return message.replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '');
  }
}
