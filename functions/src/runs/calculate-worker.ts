/**
 * The worker side of isolated.ts: calculates one run (calculate.ts) and posts the outcome. Its
 * own thread, heap ceiling and stack, so a hostile or merely huge workbook stops here — not in
 * the Functions host that serves every other run and request.
 */
import { parentPort, workerData } from 'worker_threads';
import { calculateRun } from './calculate';
import type { IsolatedTask } from './isolated';
import { messageOf } from '../../../i18n/localized-error';

const task = workerData as IsolatedTask;
calculateRun(task.bytes, task.run, { locale: task.run.language }).then(
  (outcome) => parentPort!.postMessage({ type: 'outcome', outcome }),
  (error: unknown) => parentPort!.postMessage({ type: 'error', message: messageOf(error) }),
);
