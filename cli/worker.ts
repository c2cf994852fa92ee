/** The worker side of isolate.ts: runs one task and reports through messages. */
import { parentPort, workerData } from 'worker_threads';
import type { Task, WorkerMessage } from './isolate';
import type { Io } from './io';
import { EXIT, commandLine, reasonOf } from './exit-codes';
import { CLI } from '../i18n/cli';
import { phrase } from '../i18n/text';

const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const io: Io = { out: (text) => post({ type: 'out', text }), err: (text) => post({ type: 'err', text }) };
const task = workerData as Task;
const progress = {
  formulas: (count: number, first: string[]) => post({ type: 'formulas', count, first }),
  writing: (done: number, total: number) => post({ type: 'writing', done, total }),
};

/** One task, its module loaded for it alone (calc never loads explain's). */
async function run(): Promise<number> {
  if (task.command === 'calc') return (await import('./calc')).runCalcTask(task, io, progress);
  if (task.command === 'statements') return (await import('./statements-task')).runStatementsTask(task, io, progress);
  return (await import('./explain')).runExplainTask(task, io, progress);
}

run().then(
  (code: number) => post({ type: 'done', code }),
  (error: unknown) => {
    io.err(commandLine(task.command, phrase(CLI.internal, { reason: reasonOf(error) }), task.locale));
    post({ type: 'done', code: EXIT.internal });
  },
);
