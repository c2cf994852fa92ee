/**
 * A run's calculation in a worker thread with a time and memory budget (app settings
 * PERFPLAN_RUN_TIMEOUT_SECONDS, default 240; PERFPLAN_RUN_MEMORY_MB, default 1024), as
 * `perfplan calc` isolates its work: a workbook that would calculate for ever, or fill the
 * heap, fails its own run with the reason — permanently, since the same bytes would do the same
 * on every retry — and the host goes on serving everything else. The default time stays below
 * the Functions host's own limit (5 minutes on the Consumption plan), so the run, not the host,
 * says what happened.
 */
import * as path from 'path';
import { WorkerScript, runLimitedWorker } from '../../../calc/limited-worker';
import { DEFAULT_LOCALE, Locale } from '../../../i18n/locale';
import { RUN_FAILURES } from '../../../i18n/run-failures';
import { LocalizedError } from '../../../i18n/localized-error';
import { phrase, render } from '../../../i18n/text';
import type { RunOutcome } from './calculate';
import type { RunRecord } from './model';

export interface RunBudget {
  timeoutMs: number;
  memoryMb: number;
}

export interface IsolatedTask {
  bytes: Uint8Array;
  run: Pick<RunRecord, 'peopleTable' | 'payoutColumn' | 'period' | 'payrollMap' | 'language'>;
}

export const DEFAULT_RUN_TIMEOUT_SECONDS = 240;
export const DEFAULT_RUN_MEMORY_MB = 1024;

const positive = (text: string | undefined, fallback: number) => {
  const n = Number(text);
  return text !== undefined && text.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

export function runBudgetFromEnv(env: NodeJS.ProcessEnv = process.env): RunBudget {
  return {
    timeoutMs: positive(env.PERFPLAN_RUN_TIMEOUT_SECONDS, DEFAULT_RUN_TIMEOUT_SECONDS) * 1000,
    memoryMb: Math.round(positive(env.PERFPLAN_RUN_MEMORY_MB, DEFAULT_RUN_MEMORY_MB)),
  };
}

/** The compiled worker (dist/, as deployed and as the tests build it); under ts-node the source. */
const WORKER: WorkerScript = {
  compiled: [path.join(__dirname, 'calculate-worker.js'), path.resolve(__dirname, '..', '..', '..', 'dist', 'functions', 'src', 'runs', 'calculate-worker.js')],
  source: path.join(__dirname, 'calculate-worker.ts'),
};

/** What calculate-worker.ts posts. */
type CalculateMessage = { type: 'outcome'; outcome: RunOutcome } | { type: 'error'; message: string };

const seconds = (ms: number) => `${Math.round((ms / 1000) * 10) / 10}`;
const failed = (message: string): RunOutcome => ({ status: 'failed', errors: [{ message }] });

/**
 * The outcome of calculating `task` within `budget`: the calculation's own, or `failed` with
 * the reason when it ran out of time or memory. Anything else the worker reports is thrown (the
 * queue retries it).
 */
export function calculateRunIsolated(task: IsolatedTask, budget: RunBudget): Promise<RunOutcome> {
  // A budget that runs out is the run's reason for failing, so it is told in the run's language.
  const locale: Locale = task.run.language ?? DEFAULT_LOCALE;
  return runLimitedWorker<CalculateMessage, RunOutcome>(WORKER, task, budget, {
    message: (message) => {
      if (message.type === 'outcome') return message.outcome;
      throw new Error(message.message);
    },
    timedOut: () => failed(render(RUN_FAILURES.timedOut, locale, { seconds: seconds(budget.timeoutMs) })),
    outOfMemory: () => failed(render(RUN_FAILURES.outOfMemory, locale, { megabytes: budget.memoryMb })),
    failed: (error) => {
      throw error;
    },
    exited: (code) => {
      throw new LocalizedError(phrase(RUN_FAILURES.stoppedEarly, { code }));
    },
  });
}
