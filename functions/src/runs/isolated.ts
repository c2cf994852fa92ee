/**
 * A run's calculation in a worker thread with a time and memory budget (app settings
 * PERFPLAN_RUN_TIMEOUT_SECONDS, default 240; PERFPLAN_RUN_MEMORY_MB, default 1024), as
 * `perfplan calc` isolates its work: a workbook that would calculate for ever, or fill the
 * heap, fails its own run with the reason — permanently, since the same bytes would do the same
 * on every retry — and the host goes on serving everything else. The default time stays below
 * the Functions host's own limit (5 minutes on the Consumption plan), so the run, not the host,
 * says what happened.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
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
/** Formulas as deep as Excel accepts (64 nesting levels, 8,192 characters) need more than the default stack. */
const STACK_MB = 64;

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
function worker(task: IsolatedTask, budget: RunBudget): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: budget.memoryMb, stackSizeMb: STACK_MB };
  const compiled = [path.join(__dirname, 'calculate-worker.js'), path.resolve(__dirname, '..', '..', '..', 'dist', 'functions', 'src', 'runs', 'calculate-worker.js')].find((f) =>
    fs.existsSync(f),
  );
  if (compiled) return new Worker(compiled, { workerData: task, resourceLimits });
  const source = path.join(__dirname, 'calculate-worker.ts');
  return new Worker(`require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(source)});`, { eval: true, workerData: task, resourceLimits });
}

const seconds = (ms: number) => `${Math.round((ms / 1000) * 10) / 10}`;

/**
 * The outcome of calculating `task` within `budget`: the calculation's own, or `failed` with
 * the reason when it ran out of time or memory. Anything else the worker reports is thrown (the
 * queue retries it).
 */
export function calculateRunIsolated(task: IsolatedTask, budget: RunBudget): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const thread = worker(task, budget);
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void thread.terminate();
      finish();
    };
    const failed = (message: string): RunOutcome => ({ status: 'failed', errors: [{ message }] });
    const timer = setTimeout(
      () => settle(() => resolve(failed(`the calculation did not finish within ${seconds(budget.timeoutMs)} s (PERFPLAN_RUN_TIMEOUT_SECONDS)`))),
      budget.timeoutMs,
    );
    thread.on('message', (message: { type: 'outcome'; outcome: RunOutcome } | { type: 'error'; message: string }) => {
      if (message.type === 'outcome') settle(() => resolve(message.outcome));
      else settle(() => reject(new Error(message.message)));
    });
    thread.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        settle(() => resolve(failed(`the calculation needed more than ${budget.memoryMb} MB (PERFPLAN_RUN_MEMORY_MB)`)));
      } else settle(() => reject(error));
    });
    thread.on('exit', (code) => settle(() => reject(new Error(`the calculation stopped (exit ${code}) before it finished`))));
  });
}
