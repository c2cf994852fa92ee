/**
 * The queue-triggered calculation of payout runs (`app.storageQueue` on the `runs` queue;
 * the local host polls the same queue with the same handler, local/queue-poller.ts).
 *
 * A message names a run `{tenantId, id}`. Only a `queued` run is calculated, and it is moved
 * on conditionally on the ETag it was read with, so a message delivered twice (or a worker
 * killed mid-run, whose message reappears) finishes the run once. A message that fails
 * `maxDequeueCount` times (5, the Functions default) marks the run `failed` with the reason
 * on its last attempt, then fails once more so the host moves it to `runs-poison`.
 */
import type { InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { RunBudget, calculateRunIsolated, runBudgetFromEnv } from './isolated';
import { RUN_ID_RE } from './model';
import type { RunStore } from './store';
import { DEFAULT_LOCALE, Locale } from '../../../i18n/locale';
import { localizedMessage } from '../../../i18n/localized-error';
import { RUN_FAILURES } from '../../../i18n/run-failures';
import { render } from '../../../i18n/text';

export const MAX_DEQUEUE_COUNT = 5;

const RunMessageSchema = z.object({ tenantId: z.string().min(1).max(256), id: z.string().regex(RUN_ID_RE) });

/** The message as the Functions host hands it over: parsed JSON, or text (base64 already decoded). */
function parseMessage(message: unknown): z.output<typeof RunMessageSchema> | undefined {
  let value = message;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const parsed = RunMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function reasonOf(error: unknown, locale: Locale): string {
  const text = localizedMessage(error, locale);
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

export function runQueueHandler(
  runs: () => RunStore,
  { maxDequeueCount = MAX_DEQUEUE_COUNT, budget = runBudgetFromEnv() }: { maxDequeueCount?: number; budget?: RunBudget } = {},
) {
  return async (message: unknown, context: InvocationContext): Promise<void> => {
    const request = parseMessage(message);
    if (!request) {
      // Nothing names a run: retrying cannot help.
      context.warn('runs: a message that names no run was dropped');
      return;
    }
    const store = runs();
    const run = await store.get(request.id, request.tenantId);
    if (!run || run.status !== 'queued') return; // unknown, or already finished: a duplicate
    const dequeueCount = Number(context.triggerMetadata?.dequeueCount ?? 1);
    try {
      const bytes = await store.workbookBytes(run);
      // In a worker with a time and memory budget: a workbook that never finishes fails its own run.
      const outcome = await calculateRunIsolated({ bytes, run: { peopleTable: run.peopleTable, payoutColumn: run.payoutColumn, period: run.period, payrollMap: run.payrollMap, language: run.language } }, budget);
      const moved = await store.finish(run, outcome);
      context.log(`runs: ${run.id} ${moved ? outcome.status : 'already finished elsewhere'}`);
    } catch (error) {
      if (dequeueCount >= maxDequeueCount) {
        const locale = run.language ?? DEFAULT_LOCALE;
        const reason = render(RUN_FAILURES.failedTimes, locale, { count: dequeueCount, reason: reasonOf(error, locale) });
        await store.finish(run, { status: 'failed', errors: [{ message: reason }] }).catch(() => undefined);
      }
      throw error;
    }
  };
}
