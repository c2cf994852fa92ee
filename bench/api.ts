/**
 * API load benchmark on loopback: `GET /api/templates` and the download of a ~200 KB
 * template, 50 connections for 10 s each (autocannon in a separate process), beside a bare
 * node:http server returning the same bytes in the same run. Storage is a real Azurite.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { startAzurite } from '../cli/azurite';
import { createDependencies } from '../functions/src/dependencies';
import { startLocalHost } from '../functions/src/local/host';
import { routeTable } from '../functions/src/routes';

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

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** autocannon as its own process, so the load generator does not share the servers' event loop. */
async function load(url: string, seconds: number): Promise<LoadResult> {
  const bin = path.join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  const { stdout } = await run(process.execPath, [bin, '-c', '50', '-d', String(seconds), '-j', url], { maxBuffer: 64 * 1024 * 1024 });
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

export async function apiBenchmark(log: (line: string) => void, seconds = 10): Promise<void> {
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
  const host = await startLocalHost({ routes: routeTable(() => deps), allowedOrigins: [], port: 0 });
  const listBody = Buffer.from(await (await fetch(`${host.url}/templates`)).arrayBuffer());
  const bare = http.createServer((req, res) => {
    if (req.url?.startsWith('/list')) {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': listBody.length });
      res.end(listBody);
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
    const cases: [string, string, string][] = [
      ['GET /api/templates (20 templates)', `${host.url}/templates`, `http://127.0.0.1:${barePort}/list`],
      [`download (${Math.round(bytes.length / 1024)} KB)`, `${host.url}/templates/load-test/download`, `http://127.0.0.1:${barePort}/file`],
    ];
    log('| route | server | p50 ms | p99 ms | req/s | MB/s | errors | non-2xx |');
    log('|---|---|---:|---:|---:|---:|---:|---:|');
    const ratios: string[] = [];
    for (const [label, apiUrl, bareUrl] of cases) {
      const api = await load(apiUrl, seconds);
      const anchor = await load(bareUrl, seconds);
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
    log('Targets: list p99 ≤ 50 ms; download throughput ≥ 0.3× the bare server; zero errors; memory flat.');
  } finally {
    clearInterval(sampler);
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    await host.close();
    await azurite.stop();
    fs.rmSync(issuerDir, { recursive: true, force: true });
  }
}
