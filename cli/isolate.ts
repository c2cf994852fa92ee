/**
 * Runs a command's work (reading and calculating a workbook) in a worker thread with its own
 * limits, so a hostile or merely huge workbook cannot take the process down: a deep stack for
 * what Excel accepts (8,192-character formulas, 64 nesting levels), a memory ceiling, and a
 * time budget after which the work stops and the cells it did not compute are named.
 */
import * as path from 'path';
import { WorkerScript, runLimitedWorker } from '../calc/limited-worker';
import { CLI, nameList } from '../i18n/cli';
import { DEFAULT_LOCALE, Locale } from '../i18n/locale';
import { Phrase, formatNumber, phrase } from '../i18n/text';
import { EXIT, commandLine } from './exit-codes';
import type { Io } from './io';

/** What the worker runs (see worker.ts); `locale` is the command line's, for everything the task says. */
export type Task =
  | { command: 'calc'; book: string; json: boolean; output?: string; locale: Locale }
  | { command: 'explain'; book: string; target: string; json: boolean; locale: Locale }
  | StatementsTask;

/** `perfplan statements` (cli/statements.ts): the options it was given, as the worker needs them. */
export interface StatementsTask {
  command: 'statements';
  book: string;
  out: string;
  format: 'html' | 'pdf' | 'xlsx';
  people: string;
  payout?: string;
  id?: string;
  role?: string;
  period?: string;
  /** Chromium, for --format pdf (PERFPLAN_CHROMIUM, else /usr/bin/chromium). */
  chromium: string;
  locale: Locale;
}

export interface Budget {
  timeoutSeconds: number;
  /** Heap ceiling of the worker (MB). */
  memoryMb: number;
  /** The language of the messages about the budget (the task's); en-US when none. */
  locale?: Locale;
}

/**
 * Where the work stood when its time ran out: "2,000 formula cells not computed (S!B1, …)",
 * that the workbook was still being read, or — past the calculation — how many of its output
 * files were written.
 */
export function stoppedWhere(formulas: { count: number; first: string[] } | undefined, writing?: { done: number; total: number }): Phrase {
  if (writing) return phrase(CLI.stillWriting, { done: formatNumber(writing.done), total: formatNumber(writing.total) });
  if (!formulas) return phrase(CLI.stillReading);
  const what = phrase(formulas.count === 1 ? CLI.notComputedOne : CLI.notComputed, { count: formatNumber(formulas.count) });
  if (formulas.first.length === 0) return what;
  return phrase(CLI.naming, { what, cells: nameList(formulas.first, formulas.count > formulas.first.length) });
}

export const DEFAULT_TIMEOUT_SECONDS = 120;
export const DEFAULT_MEMORY_MB = Number(process.env.PERFPLAN_MEMORY_MB) || 4096;

/** Messages from the worker. */
export type WorkerMessage =
  | { type: 'out' | 'err'; text: string }
  | { type: 'formulas'; count: number; first: string[] }
  | { type: 'writing'; done: number; total: number }
  | { type: 'done'; code: number };

/** The compiled worker when there is one (npm install builds dist/); under ts-node the source. */
const WORKER: WorkerScript = {
  compiled: [path.join(__dirname, 'worker.js'), path.resolve(__dirname, '..', 'dist', 'cli', 'worker.js')],
  source: path.join(__dirname, 'worker.ts'),
};

export function runIsolated(task: Task, io: Io, budget: Budget, name: string): Promise<number> {
  let formulas: { count: number; first: string[] } | undefined;
  let writing: { done: number; total: number } | undefined;
  const locale = budget.locale ?? DEFAULT_LOCALE;
  /** Tells the command line why the work stopped; gives the exit code for it. */
  const say = (message: Phrase, code: number) => {
    io.err(commandLine(name, message, locale));
    return code;
  };
  return runLimitedWorker<WorkerMessage, number>(WORKER, task, { timeoutMs: budget.timeoutSeconds * 1000, memoryMb: budget.memoryMb }, {
    message: (message) => {
      if (message.type === 'out') io.out(message.text);
      else if (message.type === 'err') io.err(message.text);
      else if (message.type === 'formulas') formulas = message;
      else if (message.type === 'writing') writing = message;
      else if (message.type === 'done') return message.code;
      return undefined;
    },
    timedOut: () => say(phrase(CLI.stopped, { seconds: budget.timeoutSeconds, cells: stoppedWhere(formulas, writing) }), EXIT.timedOut),
    outOfMemory: () => say(phrase(CLI.overLimit, { reason: phrase(CLI.memory, { megabytes: budget.memoryMb }) }), EXIT.overLimit),
    failed: (error) => say(phrase(CLI.internal, { reason: phrase(CLI.foreign, { message: error.message }) }), EXIT.internal),
    exited: () => EXIT.internal,
  });
}
