/**
 * Entry point for the Azure Functions runtime (package.json "main"): registers every route
 * of the route table as an HTTP function, and the benchmark release timer. Outside the host, @azure/functions runs in test
 * mode and skips these registrations; the local host serves the same table instead.
 */
import { app } from '@azure/functions';
import { registerBenchmarkRelease } from './benchmarks/timer';
import { queueFunctions, routeTable } from './routes';

// HTTP streams: request bodies reach the handlers as they arrive, so each route's size limit
// is enforced while reading (1 MiB JSON, 6 MiB uploads) instead of after the worker has
// buffered the whole body. Needs Functions host 4.28+; the local host streams the same way.
app.setup({ enableHttpStream: true });

for (const route of routeTable()) {
  app.http(route.name, { methods: route.methods, route: route.route, authLevel: 'anonymous', handler: route.handler });
}

// Queue-triggered functions (the payout runs' calculation). host.json's
// extensions.queues.maxDequeueCount must stay at their maxDequeueCount (5, the default).
for (const fn of queueFunctions()) {
  app.storageQueue(fn.name, { queueName: fn.queueName, connection: fn.connection, handler: fn.handler });
}

// The daily peer-benchmark release (reads also catch up when it has not run yet).
registerBenchmarkRelease(app);
