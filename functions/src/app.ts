/**
 * Entry point for the Azure Functions runtime (package.json "main"): registers every route
 * of the route table as an HTTP function. Outside the host, @azure/functions runs in test
 * mode and skips these registrations; the local host serves the same table instead.
 */
import { app } from '@azure/functions';
import { routeTable } from './routes';

for (const route of routeTable()) {
  app.http(route.name, { methods: route.methods, route: route.route, authLevel: 'anonymous', handler: route.handler });
}
