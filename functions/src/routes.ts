/**
 * The route table: the single list of HTTP functions. app.ts registers it with the Azure
 * Functions runtime (`app.http`) and the local host serves the very same entries, so a
 * route cannot exist in one and not the other.
 */
import type { HttpMethod } from '@azure/functions';
import { Dependencies, sharedDependencies } from './dependencies';
import { benchmarkHandlers } from './handlers/benchmarks';
import { builtInHandlers } from './handlers/builtins';
import { healthHandlers } from './handlers/health';
import { runHandlers } from './handlers/runs';
import { templateHandlers } from './handlers/templates';
import { Handler, withProblems } from './http/respond';
import type { InvocationContext } from '@azure/functions';
import type { QueueClient } from '@azure/storage-queue';
import { runBudgetFromEnv } from './runs/isolated';
import { MAX_DEQUEUE_COUNT, runQueueHandler } from './runs/process';
import { RunStore, createRunStore, runsQueueName } from './runs/store';

export interface RouteDefinition {
  /** Function name (unique; shows in Azure). */
  name: string;
  methods: HttpMethod[];
  /** Route template without the /api prefix, Azure syntax: `templates/{id}`. */
  route: string;
  handler: Handler;
}

/** The process-wide run store (over the shared dependencies' storage), created on first use. */
let sharedRuns: RunStore | undefined;
export function sharedRunStore(): RunStore {
  sharedRuns ??= createRunStore(sharedDependencies().clients);
  return sharedRuns;
}

export function routeTable(deps: () => Dependencies = sharedDependencies, runStore: () => RunStore = sharedRunStore): RouteDefinition[] {
  const runs = runHandlers(deps, runStore);
  const templates = templateHandlers(deps);
  const benchmarks = benchmarkHandlers(deps);
  const health = healthHandlers(deps);
  const builtIns = builtInHandlers(deps);
  const table: RouteDefinition[] = [
    { name: 'health', methods: ['GET'], route: 'health', handler: health.check },
    { name: 'templatesList', methods: ['GET'], route: 'templates', handler: templates.list },
    { name: 'templatesCreate', methods: ['POST'], route: 'templates', handler: templates.create },
    { name: 'templatesGet', methods: ['GET'], route: 'templates/{id}', handler: templates.get },
    { name: 'templatesUpdate', methods: ['PUT'], route: 'templates/{id}', handler: templates.update },
    { name: 'templatesDelete', methods: ['DELETE'], route: 'templates/{id}', handler: templates.remove },
    { name: 'templatesDownload', methods: ['GET'], route: 'templates/{id}/download', handler: templates.download },
    { name: 'benchmarksList', methods: ['GET'], route: 'benchmarks', handler: benchmarks.list },
    { name: 'benchmarksQuery', methods: ['POST'], route: 'benchmarks/query', handler: benchmarks.query },
    { name: 'benchmarksContribute', methods: ['POST'], route: 'benchmarks/contributions', handler: benchmarks.contribute },
    { name: 'builtinsTemplatePublish', methods: ['PUT'], route: 'builtins/templates/{id}', handler: builtIns.publishTemplate },
    { name: 'runsSubmit', methods: ['POST'], route: 'runs', handler: runs.submit },
    { name: 'runsList', methods: ['GET'], route: 'runs', handler: runs.list },
    { name: 'runsGet', methods: ['GET'], route: 'runs/{id}', handler: runs.get },
    { name: 'runsResults', methods: ['GET'], route: 'runs/{id}/results', handler: runs.results },
    { name: 'runsStatement', methods: ['GET'], route: 'runs/{id}/statements/{person}', handler: runs.statement },
    { name: 'runsApprove', methods: ['POST'], route: 'runs/{id}/approve', handler: runs.approve },
    { name: 'runsReject', methods: ['POST'], route: 'runs/{id}/reject', handler: runs.reject },
    { name: 'runsAudit', methods: ['GET'], route: 'runs/{id}/audit', handler: runs.audit },
    { name: 'runsPayroll', methods: ['GET'], route: 'runs/{id}/payroll', handler: runs.payroll },
    { name: 'builtinsBenchmarksPublish', methods: ['PUT'], route: 'builtins/benchmarks', handler: builtIns.publishBenchmarks },
  ];
  return table.map((r) => ({ ...r, handler: withProblems(r.handler) }));
}

/** A queue-triggered function: registered with `app.storageQueue`, polled by the local host. */
export interface QueueFunctionDefinition {
  name: string;
  /** The queue's name in the storage account (with the storage prefix). */
  queueName: string;
  /** The app setting holding the connection string (for the Functions host). */
  connection: string;
  /** Deliveries before the message goes to `<queueName>-poison` (the host's maxDequeueCount). */
  maxDequeueCount: number;
  handler: (message: unknown, context: InvocationContext) => Promise<void>;
  /** The queue and its poison queue, for the local host's poller. */
  queues: () => { queue: QueueClient; poison: QueueClient };
}

/** The queue-triggered functions, beside the routes: the payout runs' calculation. */
export function queueFunctions(runStore: () => RunStore = sharedRunStore, env: NodeJS.ProcessEnv = process.env): QueueFunctionDefinition[] {
  return [
    {
      name: 'runsCalculate',
      queueName: runsQueueName(env.PERFPLAN_STORAGE_PREFIX?.trim() || ''),
      connection: env.PERFPLAN_STORAGE?.trim() ? 'PERFPLAN_STORAGE' : 'AzureWebJobsStorage',
      maxDequeueCount: MAX_DEQUEUE_COUNT,
      handler: runQueueHandler(runStore, { maxDequeueCount: MAX_DEQUEUE_COUNT, budget: runBudgetFromEnv(env) }),
      queues: () => ({ queue: runStore().queue, poison: runStore().poisonQueue }),
    },
  ];
}
