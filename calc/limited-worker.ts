/**
 * One piece of work in a worker thread with its own limits, so a hostile or merely huge workbook
 * stops there instead of taking the process (the CLI, the Functions host) down: a deep stack, a
 * heap ceiling, and a time budget after which the thread is terminated. The caller decides what
 * each ending means (its messages, its outcomes); this settles exactly once, on the first ending.
 */
import * as fs from 'fs';
import { Worker } from 'worker_threads';

/** Formulas as deep as Excel accepts (64 nesting levels, 8,192 characters) need more than the default stack. */
const STACK_MB = 64;

/** The worker script: the first compiled .js that exists (npm install builds dist/), else the .ts source under ts-node. */
export interface WorkerScript {
  compiled: string[];
  source: string;
}

export interface WorkerLimits {
  timeoutMs: number;
  /** Heap ceiling of the worker (MB). */
  memoryMb: number;
}

/**
 * What each ending of the worker becomes. A handler returns the result or throws (the promise
 * rejects with it); `message` returns undefined while the work goes on.
 */
export interface WorkerEndings<Message, Result> {
  message(message: Message): Result | undefined;
  timedOut(): Result;
  outOfMemory(): Result;
  /** Any other error the thread reports. */
  failed(error: Error): Result;
  /** The thread exited before it reported a result. */
  exited(code: number): Result;
}

function startWorker(script: WorkerScript, workerData: unknown, memoryMb: number): Worker {
  const resourceLimits = { stackSizeMb: STACK_MB, maxOldGenerationSizeMb: memoryMb };
  const compiled = script.compiled.find((file) => fs.existsSync(file));
  if (compiled) return new Worker(compiled, { workerData, resourceLimits });
  const underTsNode = `require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(script.source)});`;
  return new Worker(underTsNode, { eval: true, workerData, resourceLimits });
}

/** Runs `script` on `workerData` within `limits`: the result of the first ending's handler, or what it threw. */
export function runLimitedWorker<Message, Result>(
  script: WorkerScript,
  workerData: unknown,
  limits: WorkerLimits,
  endings: WorkerEndings<Message, Result>,
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(script, workerData, limits.memoryMb);
    let settled = false;
    // The first ending wins; the thread is stopped so nothing it does later is heard.
    const stop = () => {
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
    };
    const settle = (ending: () => Result | undefined) => {
      if (settled) return;
      let result: Result | undefined;
      try {
        result = ending();
      } catch (error) {
        stop();
        reject(error);
        return;
      }
      if (result === undefined) return;
      stop();
      resolve(result);
    };
    const timer = setTimeout(() => settle(endings.timedOut), limits.timeoutMs);
    worker.on('message', (message: Message) => settle(() => endings.message(message)));
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? endings.outOfMemory() : endings.failed(error))),
    );
    worker.on('exit', (code) => settle(() => endings.exited(code)));
  });
}
