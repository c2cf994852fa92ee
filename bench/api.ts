/**
 * API load benchmark on loopback: `GET /api/templates`, the download of a ~200 KB template,
 * `GET /api/benchmarks` (seeded rows and a release's peer rows) and a 100-query
 * `POST /api/benchmarks/query` (what one recalculation of PERF.BENCHMARK cells sends),
 * 50 connections for 10 s each (autocannon in a separate process), beside a bare node:http
 * server returning the same bytes in the same run. Storage is a real Azurite.
 *
 * Then every route under load (`routesUnderLoad`, issue 15's load test): 50 connections for
 * 20 s per route, reads and writes alike (each writer on its own templates, so a 412 would be a
 * bug), the publisher's /api/builtins routes, and anonymous endless bodies (413 after 1 MiB),
 * from a load generator in its own process (bench/load-worker.ts): requests, p50/p99/max,
 * errors (failed connections and unexpected statuses) and the API process's memory — heap
 * after a full GC before and after each route, RSS before, after and at most — to show it
 * stays flat.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { startAzurite } from '../dev/azurite';
import { loadOrCreateLocalIssuer } from '../dev/local-issuer';
import { loadBenchmarkRows } from '../library/publish';
import type { BenchmarkRowInput } from '../functions/src/benchmarks/model';
import { createDependencies } from '../functions/src/dependencies';
import { startLocalHost } from '../functions/src/local/host';
import { routeTable } from '../functions/src/routes';
import { LoadReport, LoadRoute, LoadSpec, loadMetadata } from './load-worker';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');

interface LoadResult {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  bytesPerSecond: number;
  errors: number;
  non2xx: number;
  requests: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A POST with a JSON body (autocannon sends the same body on every request). */
interface JsonPost {
  body: string;
}

/** autocannon as its own process, so the load generator does not share the servers' event loop. */
async function load(url: string, seconds: number, post?: JsonPost): Promise<LoadResult> {
  const bin = path.join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  const request = post ? ['-m', 'POST', '-H', 'Content-Type=application/json', '-b', post.body] : [];
  const { stdout } = await run(process.execPath, [bin, '-c', '50', '-d', String(seconds), ...request, '-j', url], { maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(stdout);
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    requestsPerSecond: r.requests.average,
    bytesPerSecond: r.throughput.average,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}

/** A ~200 KB workbook of plausible numbers. */
async function bigWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  let state = 7;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
  for (let r = 1; r <= 4000; r++) sheet.addRow([`Person ${r}`, Math.round(next() * 1e6) / 100, Math.round(next() * 1e4) / 100, next(), next(), r]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function apiBenchmark(log: (line: string) => void, seconds = 10, routeSeconds = 20): Promise<void> {
  const [blobPort, tablePort, queuePort] = [await freePort(), await freePort(), await freePort()];
  const azurite = await startAzurite({ inMemory: true, blobPort, tablePort, queuePort });
  const issuerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-bench-issuer-'));
  const deps = createDependencies({ PERFPLAN_STORAGE: azurite.connectionString, PERFPLAN_PUBLIC_READ: 'true', PERFPLAN_LOCAL_ISSUER_DIR: issuerDir });
  const bytes = await bigWorkbook();
  await deps.templates.create(
    { id: 'load-test', title: { en: 'Load test', zh: '压测' }, description: { en: '', zh: '' }, category: 'budget', tags: [] },
    bytes,
  );
  for (let i = 0; i < 19; i++) {
    await deps.templates.create({ id: `listed-${i}`, title: { en: `Listed ${i}`, zh: `列表 ${i}` }, description: { en: '', zh: '' }, category: 'scorecard', tags: ['x'] }, bytes);
  }
  // Benchmarks: the seeded rows, and 12 peer groups of 10 organizations published by one release.
  await deps.benchmarks.upsertRows(loadBenchmarkRows() as BenchmarkRowInput[]);
  const segments = ['all', 'online', 'offline', 'retail'];
  const metrics = ['labour_cost_share', 'marketing_spend_share', 'attrition_rate'];
  for (const metric of metrics) {
    for (const segment of segments) {
      for (let org = 0; org < 10; org++) await deps.benchmarks.contribute({ metric, segment, period: '2025', value: 0.1 + org / 50, tid: `bench-org-${org}` });
    }
  }
  await deps.benchmarks.releases.run({ at: new Date(Date.now() + 1000) });
  const queryBody = JSON.stringify({
    queries: Array.from({ length: 100 }, (_, i) =>
      i % 2 ? { metric: metrics[i % 3], segment: segments[i % 4], percentile: 25 + (i % 3) * 25 } : { metric: 'labour_cost_share_max' },
    ),
  });

  const host = await startLocalHost({ routes: routeTable(() => deps), allowedOrigins: [], port: 0 });
  const listBody = Buffer.from(await (await fetch(`${host.url}/templates`)).arrayBuffer());
  const benchmarksBody = Buffer.from(await (await fetch(`${host.url}/benchmarks`)).arrayBuffer());
  const queryAnswer = Buffer.from(
    await (await fetch(`${host.url}/benchmarks/query`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: queryBody })).arrayBuffer(),
  );
  const bare = http.createServer((req, res) => {
    const jsonBody = req.url?.startsWith('/list') ? listBody : req.url?.startsWith('/benchmarks') ? benchmarksBody : req.url?.startsWith('/query') ? queryAnswer : undefined;
    if (jsonBody) {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': jsonBody.length });
      res.end(jsonBody);
    } else {
      res.writeHead(200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Length': bytes.length });
      res.end(bytes);
    }
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const barePort = (bare.address() as net.AddressInfo).port;

  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 1000);
  try {
    const benchmarkItems = (JSON.parse(benchmarksBody.toString('utf8')) as { items: unknown[] }).items.length;
    const cases: [string, string, string, JsonPost?][] = [
      ['GET /api/templates (20 templates)', `${host.url}/templates`, `http://127.0.0.1:${barePort}/list`],
      [`download (${Math.round(bytes.length / 1024)} KB)`, `${host.url}/templates/load-test/download`, `http://127.0.0.1:${barePort}/file`],
      [`GET /api/benchmarks (${benchmarkItems} rows: seeded + 12 peer groups)`, `${host.url}/benchmarks`, `http://127.0.0.1:${barePort}/benchmarks`],
      ['POST /api/benchmarks/query (100 queries)', `${host.url}/benchmarks/query`, `http://127.0.0.1:${barePort}/query`, { body: queryBody }],
    ];
    log('| route | server | p50 ms | p99 ms | req/s | MB/s | errors | non-2xx |');
    log('|---|---|---:|---:|---:|---:|---:|---:|');
    const ratios: string[] = [];
    for (const [label, apiUrl, bareUrl, post] of cases) {
      const api = await load(apiUrl, seconds, post);
      const anchor = await load(bareUrl, seconds, post);
      for (const [server, r] of [['PerfPlan API (local host + Azurite)', api], ['bare node:http, same bytes (anchor)', anchor]] as const) {
        log(`| ${label} | ${server} | ${r.p50} | ${r.p99} | ${Math.round(r.requestsPerSecond)} | ${(r.bytesPerSecond / 1e6).toFixed(1)} | ${r.errors} | ${r.non2xx} |`);
      }
      ratios.push(`${label}: API ÷ bare = ${(api.requestsPerSecond / anchor.requestsPerSecond).toFixed(2)}× requests/s, ${(api.bytesPerSecond / anchor.bytesPerSecond).toFixed(2)}× throughput`);
    }
    log('');
    for (const r of ratios) log(`- ${r}`);
    const mb = (n: number) => (n / 1e6).toFixed(0);
    log(`- API process RSS during the runs: first ${mb(rss[0])} MB, max ${mb(Math.max(...rss))} MB, last ${mb(rss[rss.length - 1])} MB (${rss.length} samples)`);
    log('');
    log('Targets: list p99 ≤ 50 ms (templates and benchmarks); download throughput ≥ 0.3× the bare server; zero errors; memory flat.');
    log('');
    await routesUnderLoad(log, { url: host.url, deps, issuerDir, metrics, segments, queryBody, seconds: routeSeconds });
  } finally {
    clearInterval(sampler);
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    await host.close();
    await azurite.stop();
    fs.rmSync(issuerDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Every route under load

const CONNECTIONS = 50;

const LOAD_LABELS: Record<LoadRoute, string> = {
  health: 'GET /api/health',
  list: 'GET /api/templates',
  details: 'GET /api/templates/{id}',
  download: 'GET /api/templates/{id}/download (~200 KB)',
  benchmarks: 'GET /api/benchmarks',
  query: 'POST /api/benchmarks/query (100 queries)',
  contribute: 'POST /api/benchmarks/contributions',
  update: 'PUT /api/templates/{id} (If-Match, one template per connection)',
  create: 'POST /api/templates (a new id per request)',
  delete: 'DELETE /api/templates/{id} (If-Match; each after an unmeasured POST)',
  builtinTemplate: 'PUT /api/builtins/templates/{id} (publisher, one built-in per connection, a new version each time)',
  builtinBenchmarks: 'PUT /api/builtins/benchmarks (publisher, the seeded rows again: nothing changed, nothing written)',
  oversized: 'POST /api/benchmarks/query, anonymous, endless chunked body (413 after 1 MiB)',
};

async function routesUnderLoad(
  log: (line: string) => void,
  setup: {
    url: string;
    deps: ReturnType<typeof createDependencies>;
    issuerDir: string;
    metrics: string[];
    segments: string[];
    queryBody: string;
    seconds: number;
  },
): Promise<void> {
  const { deps } = setup;
  const issuer = await loadOrCreateLocalIssuer(setup.issuerDir);
  // Writers: every connection of every writing route is an admin of its own organization.
  const admins = async (route: LoadRoute) =>
    Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => issuer.mintToken({ roles: ['Templates.Admin'], tid: `load-${route}-${i}`, expiresIn: '2h' })));
  const publisher = await issuer.mintToken({ roles: ['Templates.Publisher'], tid: 'load-publisher', sub: 'perfplan-seed', expiresIn: '2h' });
  const contributors = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => issuer.mintToken({ tid: `load-org-${i}`, expiresIn: '2h' })));
  const small = await smallWorkbook();
  const updateTargets: LoadSpec['updateTargets'] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const record = await deps.templates.create(loadMetadata(`load-update-${i}`), small, { tenantId: `load-update-${i}` });
    updateTargets.push({ id: record.id, etag: record.etag });
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-load-'));
  const workbookFile = path.join(work, 'small.xlsx');
  fs.writeFileSync(workbookFile, small);
  const otherWorkbookFile = path.join(work, 'small-other.xlsx');
  fs.writeFileSync(otherWorkbookFile, await smallWorkbook(2));
  const builtinRowsBody = JSON.stringify({ rows: loadBenchmarkRows() });

  log(`### Every route under load: ${CONNECTIONS} connections for ${setup.seconds} s each`);
  log('');
  log('A load generator in its own process keeps 50 keep-alive connections busy for the whole run; writers work on their own templates, each connection an admin of its own organization, so every answer but the expected one counts as an error. Memory is the API process (local host + handlers; Azurite is its own process): heap after a full GC before → after the run, and RSS before → max.');
  log('');
  log('| route | requests | req/s | p50 ms | p99 ms | max ms | errors | statuses | heap after GC MB | RSS MB before → after (max) |');
  log('|---|---:|---:|---:|---:|---:|---:|---|---|---|');
  const routes: LoadRoute[] = ['health', 'list', 'details', 'download', 'benchmarks', 'query', 'contribute', 'update', 'create', 'delete', 'builtinTemplate', 'builtinBenchmarks', 'oversized'];
  const rssFirst = process.memoryUsage().rss;
  let totalErrors = 0;
  const heapGrowth: number[] = [];
  try {
    for (const route of routes) {
      const spec: LoadSpec = {
        url: setup.url,
        route,
        seconds: setup.seconds,
        connections: CONNECTIONS,
        admins: await admins(route),
        publisher,
        otherWorkbookFile,
        builtinRowsBody,
        contributors,
        updateTargets,
        workbookFile,
        queryBody: setup.queryBody,
        contribution: { metric: setup.metrics[0], segment: setup.segments[1], period: '2025' },
      };
      const memory = await measureMemory(() => runLoadWorker(spec, work));
      const r = memory.result;
      const errors = r.errors + r.unexpected;
      totalErrors += errors;
      heapGrowth.push(memory.heapAfter - memory.heapBefore);
      const statuses = Object.entries(r.statuses)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
      const mb = (n: number) => (n / 1e6).toFixed(0);
      // No measured request (every one failed) has no latency: JSON carries it as null.
      const ms = (n: number | null, digits: number) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '—');
      log(
        `| ${LOAD_LABELS[route]} | ${r.requests} | ${Math.round(r.requests / r.seconds)} | ${ms(r.p50, 1)} | ${ms(r.p99, 1)} | ${ms(r.max, 0)} | ${errors} | ${statuses} | ${mb(memory.heapBefore)} → ${mb(memory.heapAfter)} | ${mb(memory.rssBefore)} → ${mb(memory.rssAfter)} (${mb(memory.rssMax)}) |`,
      );
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  log('');
  log(`- errors over all routes: ${totalErrors} (target 0)`);
  log(`- heap after GC, largest growth over one route: ${(Math.max(...heapGrowth) / 1e6).toFixed(1)} MB (target: flat — no growth with the number of requests)`);
  log(`- API process RSS: ${(rssFirst / 1e6).toFixed(0)} MB before the first route, ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB after the last`);
}

/** The API process's memory around `run`: heap after a full GC before and after, RSS before and its maximum while running. */
async function measureMemory<T>(run: () => Promise<T>): Promise<{ result: T; heapBefore: number; heapAfter: number; rssBefore: number; rssAfter: number; rssMax: number }> {
  const gc = (global as unknown as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 250);
  try {
    const result = await run();
    // Let what the last requests left behind (sockets, caches that expire in 2–5 s) go.
    await new Promise((r) => setTimeout(r, 6000));
    gc?.();
    return { result, heapBefore, heapAfter: process.memoryUsage().heapUsed, rssBefore, rssAfter: process.memoryUsage().rss, rssMax };
  } finally {
    clearInterval(sampler);
  }
}

function runLoadWorker(spec: LoadSpec, work: string): Promise<LoadReport> {
  const specFile = path.join(work, `${spec.route}.json`);
  fs.writeFileSync(specFile, JSON.stringify(spec));
  return run(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'load-worker.ts'), specFile], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  }).then(({ stdout }) => JSON.parse(stdout.trim().split('\n').pop()!) as LoadReport);
}


async function smallWorkbook(factor = 1): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Plan');
  for (let r = 1; r <= 50; r++) sheet.addRow([`Person ${r}`, r * 100 * factor, { formula: `B${r}*0.1` }]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
