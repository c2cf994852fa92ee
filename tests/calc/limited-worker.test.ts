/**
 * The limited worker (calc/limited-worker.ts) that both the CLI and the API's payout runs use:
 * each way a worker can end — a result, its time running out, its heap filling, an error, an
 * early exit — reaches the caller's handler for it, once. The workers are tiny scripts in a
 * temp dir, so nothing here depends on a workbook.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WorkerEndings, WorkerScript, runLimitedWorker } from '../../calc/limited-worker';
import { tempDir } from '../support/workbook';

jest.setTimeout(60_000);

const dir = tempDir('perfplan-limited-worker-');

/** A worker whose body is `code` (plain JavaScript, with parentPort and workerData in scope). */
function script(name: string, code: string): WorkerScript {
  const file = path.join(dir, `${name}.js`);
  fs.writeFileSync(file, `const { parentPort, workerData } = require('worker_threads');\n${code}\n`);
  return { compiled: [path.join(dir, 'missing.js'), file], source: path.join(dir, 'never-used.ts') };
}

/** Names every ending, so a test sees which handler ran. */
const endings: WorkerEndings<{ answer: number }, string> = {
  message: (message) => `answer ${message.answer}`,
  timedOut: () => 'timed out',
  outOfMemory: () => 'out of memory',
  failed: (error) => `failed: ${error.message}`,
  exited: (code) => `exited ${code}`,
};

const limits = { timeoutMs: 20_000, memoryMb: 64 };

it('a normal result: the first message the handler turns into one, with the worker data passed in', async () => {
  const worker = script('answer', 'parentPort.postMessage({ answer: workerData.n * 2 });');
  await expect(runLimitedWorker(worker, { n: 21 }, limits, endings)).resolves.toBe('answer 42');
});

it('messages the handler passes over (undefined) let the work go on until one settles it', async () => {
  const worker = script('progress', 'for (let i = 1; i <= 3; i++) parentPort.postMessage({ step: i }); parentPort.postMessage({ answer: 3 });');
  const steps: number[] = [];
  const result = await runLimitedWorker<{ step?: number; answer?: number }, string>(worker, {}, limits, {
    ...endings,
    message: (message) => {
      if (message.step !== undefined) steps.push(message.step);
      return message.answer === undefined ? undefined : `answer ${message.answer}`;
    },
  });
  expect(steps).toEqual([1, 2, 3]);
  expect(result).toBe('answer 3');
});

it('time-out: a worker that never finishes is stopped when its budget runs out', async () => {
  const worker = script('forever', 'for (;;) {}');
  await expect(runLimitedWorker(worker, {}, { timeoutMs: 200, memoryMb: 64 }, endings)).resolves.toBe('timed out');
});

it('out-of-memory: a worker that fills its heap is told apart from other errors', async () => {
  const worker = script('hungry', 'const kept = []; for (;;) kept.push(new Array(100000).fill({ a: Math.random() }));');
  await expect(runLimitedWorker(worker, {}, { timeoutMs: 30_000, memoryMb: 16 }, endings)).resolves.toBe('out of memory');
});

it('any other error the worker throws reaches the failed handler', async () => {
  const worker = script('throws', "throw new Error('broken');");
  await expect(runLimitedWorker(worker, {}, limits, endings)).resolves.toBe('failed: broken');
});

it('early exit: a worker that ends without a result reaches the exited handler with its code', async () => {
  const worker = script('quits', 'process.exit(3);');
  await expect(runLimitedWorker(worker, {}, limits, endings)).resolves.toBe('exited 3');
});

it('a handler that throws rejects the promise with what it threw', async () => {
  const worker = script('refused', 'parentPort.postMessage({ answer: 0 });');
  const refusing = {
    ...endings,
    message: (): string => {
      throw new Error('refused');
    },
  };
  await expect(runLimitedWorker(worker, {}, limits, refusing)).rejects.toThrow('refused');
});
